import type { CatchHandling } from '../../model';
import { ts } from './ts';
import type { LoggerMatcher } from '../shared/loggers';

/** `logger.info`, `this.log.warn`, `JSON.parse`: the dotted name of a callee, without reading source text. */
export function calleeName(expression: ts.Expression): string | undefined {
  if (expression.kind === ts.SyntaxKind.Identifier) return (expression as ts.Identifier).text;
  if (expression.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (expression.kind === ts.SyntaxKind.PropertyAccessExpression) {
    const access = expression as ts.PropertyAccessExpression;
    const owner = calleeName(access.expression);
    return owner === undefined ? undefined : `${owner}.${access.name.text}`;
  }
  return undefined;
}

const VALIDATOR_METHOD = /\.(parse|safeParse|parseAsync|safeParseAsync|validate|validateSync|assert|check|Check|decode|cast|is)$/;
const VALIDATOR_FUNCTION = /^(validate|assert|check|parse|is)[A-Z]\w*$/;

/** A call that checks a value's shape (zod, yup, joi, io-ts, ajv, a local `validateX`); not `JSON.parse`. */
export function isValidator(name: string): boolean {
  if (name === 'JSON.parse') return false;
  return name.includes('.') ? VALIDATOR_METHOD.test(name) : VALIDATOR_FUNCTION.test(name);
}

/**
 * What a catch block does: an answer (a return, an assignment, another call) is a fallback, unless every answer is
 * an error (`res.status(500)`, `{ error }`, `new Response(…, { status: 502 })`); only throws (after optional
 * logging) is a rethrow; only logging, or nothing, swallows the failure.
 */
export function classifyCatch(clause: ts.CatchClause, isLogger: LoggerMatcher): CatchHandling {
  const statements = clause.block.statements;
  if (statements.length === 0) return 'empty';
  let throws = false;
  let answers = 0;
  let errorAnswers = 0;
  for (const statement of statements) {
    if (ts.isThrowStatement(statement)) {
      throws = true;
      continue;
    }
    const expression = ts.isExpressionStatement(statement) ? statement.expression : undefined;
    const call = expression && ts.isAwaitExpression(expression) ? expression.expression : expression;
    const name = call && ts.isCallExpression(call) ? calleeName(call.expression) : undefined;
    if (name !== undefined && isLogger(name)) continue;
    answers++;
    if (answersWithError(statement)) errorAnswers++;
  }
  if (answers > 0) return errorAnswers === answers ? 'error-response' : 'fallback';
  return throws ? 'rethrow' : 'log-only';
}

const ERROR_KEYS = new Set(['error', 'errors', 'err']);
const STATUS_KEYS = new Set(['status', 'statusCode', 'code']);
const STATUS_CALLS = new Set(['status', 'code', 'sendStatus', 'writeHead']);

function isErrorStatus(node: ts.Node | undefined): boolean {
  return node !== undefined && ts.isNumericLiteral(node) && Number(node.text) >= 400 && Number(node.text) < 600;
}

/** The statement answers with an error: an HTTP status of 4xx/5xx or an `error` field, anywhere in it. */
function answersWithError(statement: ts.Statement): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name)) {
      if (ERROR_KEYS.has(node.name.text)) found = true;
      else if (STATUS_KEYS.has(node.name.text) && ts.isPropertyAssignment(node) && isErrorStatus(node.initializer)) found = true;
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const member = node.expression.name.text;
      if (STATUS_CALLS.has(member) && isErrorStatus(node.arguments[0])) found = true;
      else if (member === 'error' && ts.isIdentifier(node.expression.expression) && /Response$/.test(node.expression.expression.text)) found = true;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

/** Every identifier under the nodes, property names included (`r.usage` gives `r`, `usage`). */
export function mentionsIn(nodes: readonly ts.Node[]): Set<string> {
  const names = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.Identifier) names.add((node as ts.Identifier).text);
    ts.forEachChild(node, collect);
  };
  nodes.forEach(collect);
  return names;
}

/** A logger call, a `JSON.parse` or a validator call, seen in the walk of one function. */
export interface CallRecord {
  callee: string;
  start: number;
  end: number;
  mentions: Set<string>;
  /** For `JSON.parse`: the validator call it sits in, if any. */
  insideValidator?: string;
  node: ts.CallExpression;
  /** A log on a failure path: its block throws after it (`console.error("no tool call", result); throw …`). */
  beforeThrow?: boolean;
}

/** What the walk gathers per function, for the questions rules ask about the calls in it. */
export interface FunctionRecords {
  logs: CallRecord[];
  jsonParses: CallRecord[];
  validators: CallRecord[];
}
