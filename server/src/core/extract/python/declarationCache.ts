// Python's part in re-extracting only what an edit affects (see shared/declarationCache): what a top-level
// statement declares, mentions and writes, read from tree-sitter's tree; skeletons of a few statements parsed afresh.
import type { ExtractedFacts } from '../../model';
import { samePlaces, type Placed, type SkeletonLanguage, type StatementEntry, type StatementSummary, type SummarizedStatement } from '../shared/declarationCache';
import type { PythonExtractOptions } from './context';
import { extractPython, moduleBindingsOf } from './extractor';
import { parsePython, type PyNode } from './parser';

const FUNCTION_KINDS = new Set(['function_definition', 'lambda']);
const DEFINITION_KINDS = new Set(['function_definition', 'class_definition']);
/** Methods that put their argument into the receiver (`clients.append(…)`, `cache.setdefault(…)`). */
const STORING_METHODS = new Set(['append', 'add', 'update', 'setdefault', 'extend', 'insert', 'put', 'set', 'register', '__setitem__']);
const ASSIGNMENTS = new Set(['assignment', 'augmented_assignment']);

/** The module's statements (comments are trivia of the statement after them), each from the end of the one before. */
export function statementPlaces(root: PyNode): Placed[] {
  const placed: Placed[] = [];
  let at = 0;
  for (const child of root.namedChildren) {
    if (!child || child.type === 'comment') continue;
    placed.push({ pos: at, end: child.endIndex });
    at = child.endIndex;
  }
  return placed;
}

function statementsOf(root: PyNode): PyNode[] {
  return root.namedChildren.filter((child): child is PyNode => child !== null && child.type !== 'comment');
}

/** Entries of a tree's statements; statement texts `memo` holds (from the last summary) are not read again. */
export function summarizeStatements(file: string, text: string, root: PyNode, options: PythonExtractOptions, memo: Map<string, StatementEntry>): SummarizedStatement[] | undefined {
  const next = new Map<string, StatementEntry>();
  const statements: SummarizedStatement[] = [];
  for (const { pos, end } of statementPlaces(root)) {
    const source = text.slice(pos, end);
    const known = memo.get(source) ?? next.get(source);
    const summary = known?.summary ?? summarizeAlone(file, source, options);
    if (!summary) return undefined;
    const entry = known ?? { summary };
    next.set(source, entry);
    statements.push({ pos, end, entry });
  }
  memo.clear();
  for (const [source, entry] of next) memo.set(source, entry);
  return statements;
}

/** A statement's text parsed and read on its own, when it is one statement without syntax errors. */
function summarizeAlone(file: string, source: string, options: PythonExtractOptions): StatementSummary | undefined {
  const tree = parsePython(source);
  try {
    const root = tree.rootNode;
    const statements = statementsOf(root);
    if (root.hasError || statements.length !== 1 || statements[0].endIndex !== source.length) return undefined;
    // The names it binds in the module, as the extractor binds them (and in its order): what other modules import.
    const { moduleNames, star } = functionBinding(statements[0]) ?? moduleBindingsOf(file, tree, options);
    return summarize(statements[0], moduleNames, star);
  } finally {
    tree.delete();
  }
}

/**
 * A module-level `def` (decorated or not) binds its own name there and nothing else: its body binds in its own
 * scope, but for names it declares `global`, a `:=` in a default, and a wildcard import (passed on whole, as the
 * extractor reads it). Those go through the walk.
 */
function functionBinding(statement: PyNode): { moduleNames: string[]; star: string[] } | undefined {
  const defined = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  const name = defined?.type === 'function_definition' ? defined.childForFieldName('name')?.text : undefined;
  return name && !/\bglobal\b|:=|\bimport\s*\*/.test(statement.text) ? { moduleNames: [name], star: [] } : undefined;
}

function summarize(statement: PyNode, bound: string[], star: string[]): StatementSummary {
  const declares = new Set<string>(bound);
  const mentions = new Set<string>();
  const writes = new Set<string>();
  let loadTimeCode = false;
  const identifiersIn = (node: PyNode, into: Set<string>): void => {
    if (node.type === 'identifier') into.add(node.text);
    for (const child of node.namedChildren) if (child) identifiersIn(child, into);
  };
  /** Stored into. A plain name assigned in a function is its own (unless declared `global`, read below). */
  const written = (target: PyNode, parameters: ReadonlySet<string> | undefined): void => {
    if (target.type === 'identifier') {
      if (!parameters) writes.add(target.text);
    } else if (target.type === 'subscript') {
      // Containers are filled by their text (`cache[key] = …`), whoever's they are.
      const container = target.childForFieldName('value');
      if (container) identifiersIn(container, writes);
    } else if (target.type === 'attribute') {
      let root: PyNode = target;
      while (root.type === 'attribute' || root.type === 'subscript') root = root.childForFieldName(root.type === 'attribute' ? 'object' : 'value') ?? root;
      // `self.client = …` stays in its class, one statement.
      if (!(root.type === 'identifier' && parameters?.has(root.text))) identifiersIn(target, writes);
    } else {
      for (const child of target.namedChildren) if (child) written(child, parameters);
    }
  };
  const visit = (node: PyNode, parameters: ReadonlySet<string> | undefined): void => {
    const type = node.type;
    if (type === 'identifier') mentions.add(node.text);
    // A quoted annotation (`client: "BedrockRuntimeClient"`) names its types too.
    else if (type === 'string' && node.parent?.type === 'type') for (const name of node.text.match(/[A-Za-z_]\w*/g) ?? []) mentions.add(name);
    if (parameters === undefined && type === 'call') loadTimeCode = true;
    if (DEFINITION_KINDS.has(type)) {
      const name = node.childForFieldName('name');
      if (name) declares.add(name.text);
      // A base class exports what its subclasses implement: a subclass changes it.
      for (const base of node.childForFieldName('superclasses')?.namedChildren ?? []) if (base && base.type !== 'keyword_argument') identifiersIn(base, writes);
    } else if (ASSIGNMENTS.has(type)) {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left) {
        // Class attributes and functions held by a name are reached by name.
        if (right?.type === 'lambda' || node.parent?.parent?.parent?.type === 'class_definition') identifiersIn(left, declares);
        // `self.client = …` names a member other statements reach through the class.
        const object = left.type === 'attribute' ? left.childForFieldName('object')?.text : undefined;
        if (object === 'self' || object === 'cls') declares.add(left.childForFieldName('attribute')?.text ?? '');
        written(left, parameters);
      }
    } else if (type === 'global_statement' || type === 'nonlocal_statement') {
      identifiersIn(node, writes);
    } else if (type === 'delete_statement') {
      for (const target of node.namedChildren) if (target) written(target, undefined);
    } else if (type === 'call') {
      const callee = node.childForFieldName('function');
      const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
      const receiver = callee?.childForFieldName('object');
      if (method && receiver && STORING_METHODS.has(method)) identifiersIn(receiver, writes);
    }
    let inner = parameters;
    if (FUNCTION_KINDS.has(type)) {
      const bound = new Set(parameters);
      for (const parameter of node.childForFieldName('parameters')?.namedChildren ?? []) {
        const name = parameter?.type === 'identifier' ? parameter : parameter?.namedChildren.find((child) => child?.type === 'identifier');
        if (name) bound.add(name.text);
      }
      inner = bound;
    }
    for (const child of node.namedChildren) if (child) visit(child, inner);
  };
  visit(statement, undefined);
  const defined = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  const definition = !loadTimeCode && defined !== null && DEFINITION_KINDS.has(defined.type);
  return { declares, mentions, writes, definition, exportNames: bound, star, moduleNames: bound };
}

/** Python for the declaration cache. */
export function pythonSkeletons(file: string, options: PythonExtractOptions): SkeletonLanguage {
  return {
    summarizeAlone: (source) => summarizeAlone(file, source, options),
    placeholder: 'pass',
    lineComment: '#',
    extractSkeleton(text, placed): ExtractedFacts | undefined {
      const tree = parsePython(text);
      try {
        return samePlaces(statementPlaces(tree.rootNode), placed) ? extractPython(file, tree, options) : undefined;
      } finally {
        tree.delete();
      }
    },
  };
}
