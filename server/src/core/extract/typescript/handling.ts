import type { CatchHandling } from '../../model';
import { unwrap } from './options';
import { ts } from './ts';

/** Decides whether a call expression's callee is a logger the project counts (`logger.*`, `console.info`). */
export type LoggerMatcher = (callee: string) => boolean;

export function loggerMatcher(patterns: readonly string[]): LoggerMatcher {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('.*')) prefixes.push(pattern.slice(0, -1));
    else exact.add(pattern);
  }
  return (callee) => exact.has(callee) || prefixes.some((prefix) => callee.startsWith(prefix));
}

export function calleeText(call: ts.CallExpression, sourceFile: ts.SourceFile): string {
  return call.expression.getText(sourceFile).replace(/\s+/g, '').replace(/\?\./g, '.');
}

/**
 * What a catch block does: anything beyond logging and throwing (a return, an assignment, another call) is a
 * fallback; only throws (after optional logging) is a rethrow; only logging, or nothing, swallows the failure.
 */
export function classifyCatch(clause: ts.CatchClause, sourceFile: ts.SourceFile, isLogger: LoggerMatcher): CatchHandling {
  const statements = clause.block.statements;
  if (statements.length === 0) return 'empty';
  let throws = false;
  for (const statement of statements) {
    if (ts.isThrowStatement(statement)) {
      throws = true;
      continue;
    }
    const expression = ts.isExpressionStatement(statement) ? statement.expression : undefined;
    const call = expression && ts.isAwaitExpression(expression) ? expression.expression : expression;
    if (call && ts.isCallExpression(call) && isLogger(calleeText(call, sourceFile))) continue;
    return 'fallback';
  }
  return throws ? 'rethrow' : 'log-only';
}

export interface LogCall {
  callee: string;
  start: number;
  end: number;
  /** Every identifier its arguments mention, property names included (`r.usage` gives `r`, `usage`). */
  mentions: Set<string>;
}

/** Logger calls anywhere under `root` (a function body), in source order. */
export function logCallsIn(root: ts.Node, sourceFile: ts.SourceFile, isLogger: LoggerMatcher): LogCall[] {
  const found: LogCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = calleeText(node, sourceFile);
      if (isLogger(callee)) {
        const mentions = new Set<string>();
        const collect = (child: ts.Node): void => {
          if (ts.isIdentifier(child)) mentions.add(child.text);
          ts.forEachChild(child, collect);
        };
        for (const arg of node.arguments) collect(arg);
        found.push({ callee, start: node.getStart(sourceFile), end: node.end, mentions });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** True when a range of statements holds a string or template that spans lines (re-indenting would change it). */
export function hasMultilineLiteral(statements: readonly ts.Statement[], sourceFile: ts.SourceFile): boolean {
  const text = sourceFile.text;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (
      (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node) || ts.isStringLiteral(node)) &&
      text.slice(node.getStart(sourceFile), node.end).includes('\n')
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of statements) visit(statement);
  return found;
}

export interface JsonParseCall {
  start: number;
  end: number;
  /** Identifiers its argument mentions. */
  mentions: Set<string>;
  validatedBy?: string;
}

const VALIDATOR_METHOD = /^(parse|safeParse|parseAsync|safeParseAsync|validate|validateSync|assert|check|Check|decode|cast|is)$/;
const VALIDATOR_FUNCTION = /^(validate|assert|check|parse|is)[A-Z]\w*$/;

function validatorName(call: ts.CallExpression, sourceFile: ts.SourceFile): string | undefined {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) {
    const owner = callee.expression;
    if (ts.isIdentifier(owner) && owner.text === 'JSON') return undefined;
    return VALIDATOR_METHOD.test(callee.name.text) ? callee.getText(sourceFile) : undefined;
  }
  return ts.isIdentifier(callee) && VALIDATOR_FUNCTION.test(callee.text) ? callee.text : undefined;
}

function isJsonParse(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'parse' && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON';
}

function mentionsIn(nodes: readonly ts.Node[]): Set<string> {
  const names = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, collect);
  };
  nodes.forEach(collect);
  return names;
}

/**
 * `JSON.parse` calls under `root`, each with what validates its result: a validator call around it
 * (`Schema.parse(JSON.parse(x))`) or a later one given the variable it was stored in.
 */
export function jsonParsesIn(root: ts.Node, sourceFile: ts.SourceFile): JsonParseCall[] {
  const parses: (JsonParseCall & { boundTo?: string })[] = [];
  const validators: { name: string; start: number; mentions: Set<string> }[] = [];
  const visit = (node: ts.Node, validator: string | undefined): void => {
    let inside = validator;
    if (ts.isCallExpression(node)) {
      if (isJsonParse(node)) {
        parses.push({ start: node.getStart(sourceFile), end: node.end, mentions: mentionsIn(node.arguments), validatedBy: validator });
      } else {
        const name = validatorName(node, sourceFile);
        if (name) {
          validators.push({ name, start: node.getStart(sourceFile), mentions: mentionsIn(node.arguments) });
          inside = name;
        }
      }
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const value = unwrap(node.initializer);
      if (ts.isCallExpression(value) && isJsonParse(value)) {
        visit(value, inside);
        parses[parses.length - 1].boundTo = node.name.text;
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, inside));
  };
  visit(root, undefined);
  for (const parse of parses) {
    if (parse.validatedBy || !parse.boundTo) continue;
    const later = validators.find((v) => v.start > parse.end && v.mentions.has(parse.boundTo!));
    if (later) parse.validatedBy = later.name;
  }
  return parses.map(({ boundTo: _boundTo, ...parse }) => parse);
}

