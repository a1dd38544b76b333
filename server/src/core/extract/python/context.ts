import { PYTHON_HTTP_METHODS, pythonCatalog } from '../../catalog/python';
import type { ApiFacts, ClientFacts, SdkFacts } from '../../catalog';
import type { CallSite, ClientConstruction, FileFacts, ImportResolver, OptionMap, Span, StatementTarget, WrappedCall } from '../../model';
import { type LoggerMatcher } from '../shared/loggers';
import { brokenRegions } from '../shared/brokenRegions';
import { classifyExcept } from './handling';
import type { PyNode } from './parser';
import { Scope, type ClassInfo, type FunctionInfo } from './scope';

// The state one Python file's extraction shares across its rooms: the walk's records and resolution's memos.

export interface PythonExtractOptions {
  loggers: readonly string[];
  redactors: readonly string[];
  resolveImport?: ImportResolver;
}

/** What an expression holds, as far as AI calls care. */
export type Value =
  | {
      kind: 'client';
      facts: SdkFacts;
      client: ClientFacts;
      module: string;
      construction?: ClientConstruction;
      known: boolean;
      overrides?: OptionMap;
      /** The run config bound by `.with_config(…)`: each run's own config merges over it. */
      runConfig?: OptionMap;
      retryWrapper?: string;
      fallback?: string;
      via: string;
    }
  | { kind: 'module'; module: string }
  | { kind: 'import'; module: string; name: string }
  | { kind: 'http'; facts: SdkFacts; options?: OptionMap; /** false for a session handed in: its options are not visible. */ known?: false }
  | { kind: 'boto3-session' };

export type ClientValue = Extract<Value, { kind: 'client' }>;

export interface PendingCall {
  node: PyNode;
  scope: Scope;
  fn?: FunctionInfo;
  /** The innermost `try` whose body holds the call, within its function. */
  tryNode?: PyNode;
  timeoutHelper?: string;
  retryHelper?: string;
  holders?: Holders;
}

export const BLOCKS = new Set(['block', 'module']);

/** Starts of the statements and definitions around the walk's position, innermost first; shared, never copied. */
export interface Holders {
  start: number;
  outer?: Holders;
}

export function anchorsOf(holders: Holders | undefined): number[] {
  const starts: number[] = [];
  for (let holder = holders; holder; holder = holder.outer) starts.push(holder.start);
  return starts;
}




export interface WalkContext {
  scope: Scope;
  fn?: FunctionInfo;
  cls?: ClassInfo;
  tryNode?: PyNode;
  timeoutHelper?: string;
  retryHelper?: string;
  holders?: Holders;
}

export interface Found {
  facts: SdkFacts;
  api: ApiFacts;
  module: string;
  client?: ClientValue;
  known: boolean;
  via: string;
  http?: boolean;
  httpClientOptions?: OptionMap;
}

/** Every name a Python AI call can end in: API leaves, module functions, and HTTP `post`/`request`. */
export const PYTHON_CALL_LEAVES: ReadonlySet<string> = new Set([
  ...pythonCatalog.flatMap((sdk) => [...sdk.clientApis, ...sdk.functionApis].map((api) => api.path.slice(api.path.lastIndexOf('.') + 1))),
  ...PYTHON_HTTP_METHODS,
]);

export function calleeLeaf(call: PyNode): string | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'attribute') return callee.childForFieldName('attribute')?.text;
  return undefined;
}


/** The first handler's header (`except Exception as e:`), where a finding about what it does is shown; else the `try`. */
export function handlerHeaderOf(tryNode: PyNode): Span {
  const clause = tryNode.namedChildren.find((child): child is PyNode => child?.type === 'except_clause' || child?.type === 'except_group_clause');
  if (!clause) return { start: tryNode.startIndex, end: tryNode.startIndex + 'try'.length };
  const colon = clause.children.find((child) => child?.type === ':');
  return { start: clause.startIndex, end: colon ? colon.endIndex : clause.startIndex + 'except'.length };
}

export function tryHandling(tryNode: PyNode, isLogger: LoggerMatcher) {
  const clauses = tryNode.namedChildren.filter((child): child is PyNode => child?.type === 'except_clause' || child?.type === 'except_group_clause');
  if (clauses.length === 0) return 'rethrow' as const;
  const handlings = clauses.map((clause) => classifyExcept(clause, isLogger));
  // The best handling among the clauses decides: one clause that answers with a fallback handles the failure.
  for (const handling of ['fallback', 'error-response', 'log-only', 'empty', 'rethrow'] as const) if (handlings.includes(handling)) return handling;
  return 'rethrow' as const;
}

/** The call with the `await` and parentheses around it: what an assignment or a loop takes. */
export function awaitedCall(call: PyNode): PyNode {
  let node = call;
  while (node.parent && (node.parent.type === 'await' || node.parent.type === 'parenthesized_expression')) node = node.parent;
  return node;
}

/** `r = client…create(…)`, `r = await …`: the name the result is bound to. */
export function resultBindingOf(call: PyNode): CallSite['resultBinding'] {
  const node = awaitedCall(call);
  const assignment = node.parent?.type === 'assignment' && node.parent.childForFieldName('right')?.id === node.id ? node.parent : undefined;
  const left = assignment?.childForFieldName('left');
  if (left?.type === 'identifier') return { name: left.text, destructured: [] };
  return undefined;
}

/** The statement that holds the call, to the end of its block, for fixes that add or wrap statements. */
export function statementTargetOf(call: PyNode): StatementTarget | undefined {
  let statement: PyNode | null = call;
  while (statement && statement.parent && !BLOCKS.has(statement.parent.type)) statement = statement.parent;
  const block = statement?.parent;
  if (!statement || !block) return undefined;
  const siblings = block.namedChildren.filter((child): child is PyNode => child !== null);
  const last = siblings[siblings.length - 1];
  const range = block.text.slice(statement.startIndex - block.startIndex, last.endIndex - block.startIndex);
  return {
    start: statement.startIndex,
    end: statement.endIndex,
    blockEnd: last.endIndex,
    indent: ' '.repeat(statement.startPosition.column),
    reindentable: !/"""|'''/.test(range) && !/\t/.test(range),
  };
}

/** Syntax errors (ERROR and MISSING nodes), found without recursion: only subtrees that hold one are entered. */
export function parseProblemsOf(root: PyNode): Pick<FileFacts, 'parseErrors' | 'brokenRegions'> {
  if (!root.hasError) return { parseErrors: 0, brokenRegions: [] };
  const errors: number[] = [];
  const pending: PyNode[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'ERROR' || node.isMissing) errors.push(node.startIndex);
    if (node.hasError) for (const child of node.children) if (child) pending.push(child);
  }
  const statements = root.namedChildren.flatMap((child) => (child ? [{ start: child.startIndex, end: child.endIndex }] : []));
  return { parseErrors: errors.length, brokenRegions: brokenRegions(statements, errors) };
}

/** The parts of a call site a wrapper's callers inherit, for a wrapper defined in another module. */
export function wrappedSiteBase(wraps: WrappedCall): Pick<CallSite, 'operation' | 'streaming' | 'model' | 'effective' | 'clientKnown' | 'stream'> {
  return { operation: wraps.operation, streaming: wraps.streaming, model: wraps.model !== undefined ? { value: wraps.model } : undefined, effective: wraps.effective, clientKnown: true, stream: undefined };
}

/** One file's extraction: what the walk records and what resolution memoises, shared by the extractor's rooms. */
export class PyFile {
  readonly module = new Scope(undefined);
  readonly calls: PendingCall[] = [];
  readonly values = new Map<number, Value | undefined>();
  readonly clients = new Map<number, ClientConstruction>();
  readonly evaluating = new Set<number>();
  readonly jsonParses: { node: PyNode; fn?: FunctionInfo; mentions: Set<string> }[] = [];
  readonly validators: { fn?: FunctionInfo; node: PyNode; callee: string; mentions: Set<string> }[] = [];
  readonly star: string[] = [];
  /** `cache[key] = OpenAI()`, `self._clients[key] = …`: what a container (by its text) is filled with. */
  readonly containerWrites = new Map<string, { node: PyNode; scope: Scope }[]>();

  constructor(
    readonly file: string,
    readonly root: PyNode,
    readonly isLogger: LoggerMatcher,
    readonly redactors: ReadonlySet<string>,
    readonly resolveImport: ImportResolver | undefined,
  ) {}

  depth = 0;
  /** Where the walk first met code nested deeper than it reads; that subtree is left out. */
  tooDeepAt: number | undefined;
}

/** Another file's path as seen from this one, for messages. */
export function relative(cx: PyFile, file: string): string {
  const from = cx.file.replace(/\\/g, '/').split('/').slice(0, -1);
  const to = file.replace(/\\/g, '/').split('/');
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/') || file;
}
