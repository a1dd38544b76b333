// Calls the walk records per function for the questions rules ask later: loggers (audit records), `JSON.parse` of
// results and the validators that check them.
import { isValidator, mentionsIn, type CallRecord } from './handling';
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
  else records.logs.push({ ...record, beforeThrow: throwsAfter(cx.statement, cx.statements) });
  return validator;
}

/** Whether a statement of the block after `statement` throws: what precedes the throw reports a failure. */
function throwsAfter(statement: ts.Statement | undefined, statements: ts.NodeArray<ts.Statement> | undefined): boolean {
  if (!statement || !statements) return false;
  for (let i = statements.indexOf(statement) + 1; i > 0 && i < statements.length; i++) if (statements[i].kind === SyntaxKind.ThrowStatement) return true;
  return false;
}
