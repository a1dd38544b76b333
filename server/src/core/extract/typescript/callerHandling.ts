// Failures handled by callers: a request in a closure (a function declared inside another one) whose every call sits
// in a try (`const describe = async () => client.create(…)` called only inside `try { await describe() }`) throws into
// that try. So does a request in a callback given to a call inside a try (`await span.traced(() => ask())`). A
// function of the module's top level is a unit of its own, judged by what it does itself.
import { givenTo } from './callbacks';
import { PendingCall, TsFile } from './context';
import { callsOf } from './injected';
import { valueOf } from './resolver';
import { unwrap } from './options';
import { ts } from './ts';

/** How many callers up a try is looked for. */
const MAX_CALLER_DEPTH = 3;

/** The try (with a catch) that holds every way the call's function is reached, when the call has none of its own. */
export function callersTry(cx: TsFile, call: PendingCall, depth = 0): ts.TryStatement | undefined {
  const fn = call.functionNode;
  if (!fn || depth >= MAX_CALLER_DEPTH) return undefined;
  // An awaited call throws into the try around it; a returned one into its own callers'. A promise left alone
  // rejects after the try is gone.
  const held = (outer: PendingCall) => {
    if (isAwaited(outer)) return outer.tryStatement?.catchClause ? outer.tryStatement : callersTry(cx, outer, depth + 1);
    return isReturned(outer) ? callersTry(cx, outer, depth + 1) : undefined;
  };
  const given = givenTo(cx, fn, (expression, at) => valueOf(cx, expression, at));
  // A callback a project function keeps for later runs outside the try around the call that gives it.
  if (given) return given.runs === false ? undefined : held(given.call);
  const name = cx.functionNames.get(fn);
  if (name === undefined || !isClosure(call, fn)) return undefined;
  const calls = callsOf(cx, fn as ts.FunctionLikeDeclaration);
  if (calls.length === 0) return undefined;
  let found: ts.TryStatement | undefined;
  for (const caller of calls) {
    const around = held(caller);
    if (!around) return undefined;
    found ??= around;
  }
  return found;
}

/** Whether `fn`, which holds the call, is itself declared inside another function. */
function isClosure(call: PendingCall, fn: ts.Node): boolean {
  let holder = call.holders;
  while (holder && holder.node !== fn) holder = holder.outer;
  // A declared function is held both as the statement and as the function: skip past every holding of it.
  for (holder = holder?.outer; holder; holder = holder.outer) if (holder.node !== fn && ts.isFunctionLike(holder.node)) return true;
  return false;
}

/** `await call(…)` in the statement that holds the call. */
function isAwaited(call: PendingCall): boolean {
  const awaits = (node: ts.Node): boolean => {
    if (ts.isAwaitExpression(node) && unwrap(node.expression) === call.node) return true;
    return !ts.isFunctionLike(node) && ts.forEachChild(node, (child) => awaits(child) || undefined) === true;
  };
  return call.statement !== undefined && awaits(call.statement);
}

/** `return call(…)`, or an arrow whose body is the call: the function's result is the call's promise. */
function isReturned(call: PendingCall): boolean {
  const fn = call.functionNode;
  if (fn && ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return unwrap(fn.body) === call.node;
  const statement = call.statement;
  return statement !== undefined && ts.isReturnStatement(statement) && statement.expression !== undefined && unwrap(statement.expression) === call.node;
}
