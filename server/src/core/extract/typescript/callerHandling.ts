// Failures handled by callers: a request in a closure (a function declared inside another one) whose every call sits
// in a try (`const describe = async () => client.create(…)` called only inside `try { await describe() }`) throws into
// that try. So does a request in a callback given to a call inside a try (`await span.traced(() => ask())`). A
// function of the module's top level is a unit of its own, judged by what it does itself.
import { givenTo, isAwaited, isReturned } from './callbacks';
import { PendingCall, TsFile } from './context';
import { callsOf } from './injected';
import { valueOf } from './resolver';
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
  const given = givenTo(cx, fn, (expression, depth) => valueOf(cx, expression, depth));
  // A callback a project function keeps for later runs outside the try around the call that gives it.
  if (given) return given.runs === false ? undefined : held(given.call);
  const name = cx.functionNames.get(fn);
  const scope = name === undefined ? undefined : enclosingFunctionOf(call, fn);
  if (name === undefined || !scope || !onlyCalled(name, scope)) return undefined;
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

/** The function declared around `fn` (the closure's own scope), when `fn` is a closure. */
function enclosingFunctionOf(call: PendingCall, fn: ts.Node): ts.Node | undefined {
  let holder = call.holders;
  while (holder && holder.node !== fn) holder = holder.outer;
  // A declared function is held both as the statement and as the function: skip past every holding of it.
  for (holder = holder?.outer; holder; holder = holder.outer) if (holder.node !== fn && ts.isFunctionLike(holder.node)) return holder.node;
  return undefined;
}

/**
 * Whether the name is only ever called in `scope`: passed on (`emitter.on('tick', summarize)`), returned or stored,
 * the closure may run where no try holds it.
 */
function onlyCalled(name: string, scope: ts.Node): boolean {
  const escapes = (node: ts.Node): boolean => {
    if (ts.isCallExpression(node)) {
      // The callee itself is a call, not an escape; its arguments may be.
      const callee = node.expression;
      return (!ts.isIdentifier(callee) && escapes(callee)) || node.arguments.some(escapes);
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) return node.initializer !== undefined && escapes(node.initializer);
    if (ts.isIdentifier(node)) return node.text === name;
    // `{ summarize }` hands the function out under its own name.
    if (ts.isShorthandPropertyAssignment(node)) return node.name.text === name;
    if (ts.isPropertyAccessExpression(node)) return escapes(node.expression);
    return ts.forEachChild(node, (child) => escapes(child) || undefined) === true;
  };
  return !escapes(scope);
}
