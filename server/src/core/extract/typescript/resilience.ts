// Retry, timeout and fallback helpers around a call, and the try/catch or promise handling that guards it.
import { POLICY_RUNNERS, resilienceOfName, type ResilienceKind } from '../../catalog/resilience';
import type { Guarded, OptionMap, Span } from '../../model';
import { unwrap } from './options';
import { calleeName, classifyCatch } from './handling';
import { ts } from './ts';
import { MAX_ALIAS_DEPTH, PendingCall, Resilience, TsFile } from './context';
import { callersTry } from './callerHandling';

/** Retry and timeout helpers the call runs inside: `pRetry(() => call)`, `policy.execute(() => call)`. */
export function resilienceOf(cx: TsFile, call: PendingCall): Resilience {
  if (call.resilience) return call.resilience;
  const found: Resilience = {};
  call.resilience = found;
  for (const helper of [...call.helpers].reverse()) {
    const name = calleeName(helper.expression);
    if (name === undefined) continue;
    const leaf = name.slice(name.lastIndexOf('.') + 1);
    const kinds = POLICY_RUNNERS.has(leaf) ? policyKinds(cx, unwrap((helper.expression as ts.PropertyAccessExpression).expression), 0) : [resilienceOfName(name)];
    if (kinds.includes('retry')) found.retryWrapper ??= `${name}()`;
    if (kinds.includes('timeout')) found.timeoutWrapper ??= `${name}()`;
    if (kinds.includes('fallback')) found.fallbackWrapper ??= `${name}()`;
  }
  return found;
}


/** What a policy object adds, from the calls that build it: `wrap(retry(handleAll, …), timeout(5000))`. */
export function policyKinds(cx: TsFile, node: ts.Expression, depth: number): (ResilienceKind | undefined)[] {
  if (depth > MAX_ALIAS_DEPTH) return [];
  if (ts.isIdentifier(node)) {
    const declaration = cx.scopes.resolve(node.text, node.pos);
    return declaration?.initializer ? policyKinds(cx, unwrap(declaration.initializer), depth + 1) : [];
  }
  if (!ts.isCallExpression(node)) return [];
  const name = calleeName(node.expression);
  const own = name === undefined ? [] : [resilienceOfName(name)];
  return [...own, ...node.arguments.flatMap((argument) => policyKinds(cx, unwrap(argument), depth + 1))];
}


/** `catch (error)`: the handler's header, where a finding about what it does is shown. */
function headerOf(clause: ts.CatchClause, sourceFile: ts.SourceFile): Span {
  const start = clause.getStart(sourceFile);
  return { start, end: start + sourceFile.text.slice(start, clause.block.getStart(sourceFile)).trimEnd().length };
}

export function guardOf(cx: TsFile, call: PendingCall, errorOptions: readonly string[], body: OptionMap): Guarded {
  const clause = (call.tryStatement ?? callersTry(cx, call))?.catchClause;
  const errorCallback = errorOptions.find((name) => body.entries.has(name));
  return {
    tryCatch: clause ? { span: headerOf(clause, cx.sourceFile), handling: classifyCatch(clause, cx.isLogger) } : undefined,
    promiseCatch: cx.promiseHandled.has(call.node),
    errorCallback,
    helper: resilienceOf(cx, call).fallbackWrapper,
  };
}
