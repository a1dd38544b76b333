// Calls the walk records per function for the questions rules ask later: loggers (audit records), `JSON.parse` of
// results and the validators that check them.
import { calleeName, isValidator, mentionsIn, type CallRecord } from './handling';
import { TsFile, VALIDATOR_LEAF } from './context';
import { ts } from './ts';

// Read once: each `ts.X` on the module's exports is a getter, too slow for a per-node switch.
const { SyntaxKind } = ts;

/** Cheap pre-check before building a callee's dotted name: a logger root, `JSON`, or a validator-like leaf. */
export function mayBeRecorded(cx: TsFile, callee: ts.Expression): boolean {
  let root = callee;
  let leaf: string | undefined;
  while (root.kind === SyntaxKind.PropertyAccessExpression) {
    leaf ??= (root as ts.PropertyAccessExpression).name.text;
    root = (root as ts.PropertyAccessExpression).expression;
  }
  if (root.kind === SyntaxKind.ThisKeyword) return true;
  if (root.kind !== SyntaxKind.Identifier) return false;
  const rootName = (root as ts.Identifier).text;
  return rootName === 'JSON' || cx.loggerRoots.has(rootName) || VALIDATOR_LEAF.test(leaf ?? rootName);
}


/** Records logger, `JSON.parse` and validator calls; true for a validator, whose arguments count as checked. */
export function recordCall(cx: TsFile, call: ts.CallExpression, name: string): boolean {
  const isParse = name === 'JSON.parse';
  const validator = !isParse && isValidator(name);
  const logger = !isParse && !validator && cx.isLogger(name);
  if (!isParse && !validator && !logger) return false;
  const scope: ts.Node = cx.functionNode ?? cx.sourceFile;
  let records = cx.records.get(scope);
  if (!records) {
    records = { logs: [], jsonParses: [], validators: [] };
    cx.records.set(scope, records);
  }
  const record: CallRecord = { callee: name, start: call.getStart(cx.sourceFile), end: call.end, mentions: mentionsIn(call.arguments), node: call };
  if (isParse) records.jsonParses.push({ ...record, insideValidator: cx.validator });
  else if (validator) records.validators.push(record);
  else records.logs.push({ ...record, beforeThrow: throwsAfter(cx, cx.statement, cx.statements) });
  return validator;
}

/**
 * Whether the block throws right after `statement`, other log calls aside (`console.error("no tool call", result);
 * throw …`): that log reports a failure. A throw further on (after a check that returns) does not make it one.
 */
function throwsAfter(cx: TsFile, statement: ts.Statement | undefined, statements: ts.NodeArray<ts.Statement> | undefined): boolean {
  if (!statement || !statements) return false;
  const at = statements.indexOf(statement);
  if (at < 0) return false;
  for (let i = at + 1; i < statements.length; i++) {
    const next = statements[i];
    if (next.kind === SyntaxKind.ThrowStatement) return true;
    if (!isLogStatement(cx, next)) return false;
  }
  return false;
}

function isLogStatement(cx: TsFile, statement: ts.Statement): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  let expression = statement.expression;
  if (ts.isAwaitExpression(expression)) expression = expression.expression;
  const name = ts.isCallExpression(expression) ? calleeName(expression.expression) : undefined;
  return name !== undefined && cx.isLogger(name);
}
