import type { CatchHandling } from '../../model';
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
        found.push({ callee, start: node.getStart(sourceFile), mentions });
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
