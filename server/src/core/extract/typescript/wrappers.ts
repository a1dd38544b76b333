// Wrapper call sites: calls into project functions that make an AI call below them.
import { catalogByModule } from '../../catalog';
import type { CallbackSlot, CallSite, GivenCallback, GivenUrl, WrappedCall } from '../../model';
import { modelUrlIn, urlTexts } from './urlFlow';
import { noOptions, unwrap } from './options';
import { ts } from './ts';
import { locationOf } from './calls';
import { statementTargetOf } from './calls';
import { PendingCall, TsFile } from './context';
import { loggingOf, resultBindingOf } from './output';
import { outputSinksOf } from './sinks';
import { guardOf } from './resilience';
import { relative } from './catalogValues';
import { valueOf, valueOfName } from './resolver';
import { rootName } from './syntax';
import { functionsAround, givenTo, sameSlot } from './callbacks';
import { callbackReach, exportedNames, functionHeld, injectedValue, slotOf } from './injected';

// Read once: each `ts.X` on the module's exports is a getter, too slow for a per-node switch.
const { SyntaxKind } = ts;

/** A wrapper call is recorded only by logs around it. */
const NO_AUDIT_OPTIONS = { auditOptions: [], displayName: 'a project function' };

/** How many levels of the file's own functions are followed above a direct AI call. */
const MAX_WRAPPER_DEPTH = 8;

/**
 * Calls to project functions that make AI calls: the wrappers declared here (and wrappers of those, up to
 * MAX_WRAPPER_DEPTH levels) and the ones imported from other modules; calls of a parameter its callers fill with a
 * model callback; and calls giving a model callback to a project function that calls it. Callbacks given to other
 * modules' functions are recorded in `given` for those modules.
 */
export function wrapperCallSites(cx: TsFile, direct: readonly [PendingCall, CallSite][], given: GivenCallback[] = [], urlsGiven: GivenUrl[] = []): CallSite[] {
  const sites: CallSite[] = [];
  const sited = new Set<PendingCall>(direct.map(([call]) => call));
  // Only calls through these names can reach a wrapper: the cheap test that keeps this pass off the hot path.
  const candidates = cx.resolveImport ? cx.scopes.namesImportedFrom((module) => !catalogByModule.has(module)) : new Set<string>();
  // `agent.run()` on an instance of an imported project class: the class's methods that reach a model.
  for (const name of [...candidates]) {
    const value = /^[A-Z]/.test(name) ? valueOfName(cx, name, cx.sourceFile.end, 0) : undefined;
    if (value?.kind === 'projectClass') for (const method of value.cls.methods.keys()) candidates.add(method);
    // `model.getResponse()` on an interface or abstract class that project classes elsewhere implement.
    const imported = value?.kind === 'module' ? value : undefined;
    for (const method of (imported && cx.resolveImport?.implementationsOf?.(imported.module, imported.exportName)?.methods.keys()) ?? []) candidates.add(method);
  }
  // Parameters are followed to their callers only where a model request can come from: this file, a project
  // module it imports, or callers elsewhere.
  let injected = direct.length > 0 || candidates.size > 0 || callbacksComeIn(cx);
  // A request to a URL the callers give is theirs: it makes its function a sender of that URL, not a wrapper.
  let added: [PendingCall, CallSite, boolean][] = direct.map(([call, site]) => [call, site, cx.urlsFromCallers.has(call.node)]);
  for (let round = 0; round < MAX_WRAPPER_DEPTH && (round === 0 || added.length > 0); round++) {
    cx.wrapperRound = round;
    for (const [call, site, fromParameter] of added) {
      // A call of what the function is given makes it an invoker of that parameter, not a wrapper.
      if (fromParameter) continue;
      for (const fn of functionsAround(cx, call)) if (!cx.reachedCallbacks.has(fn)) cx.reachedCallbacks.set(fn, site);
      for (const named of functionsReaching(cx, call)) {
        if (cx.wrappers.has(named)) continue;
        cx.wrappers.set(named, site);
        candidates.add(cx.functionNames.get(named)!);
      }
    }
    const next: [PendingCall, CallSite, boolean][] = [];
    for (const call of cx.calls) {
      if (sited.has(call)) continue;
      const callee = call.node.expression;
      const leaf = memberName(callee) ?? '';
      const found =
        ((candidates.has(rootName(callee)) || candidates.has(leaf)) && wrapperCallOf(cx, call)) ||
        urlGivenIn(cx, call, candidates, urlsGiven) ||
        (injected && (parameterCallOf(cx, call) ?? callbackGivenIn(cx, call, candidates, given)));
      if (!found) continue;
      sited.add(call);
      next.push([call, found.site, found.fromParameter]);
      sites.push(found.site);
    }
    added = next;
    injected ||= next.length > 0;
  }
  return sites;
}

type FoundWrapperCall = { site: CallSite; fromParameter: boolean } | undefined;

/** A call of a project function that makes an AI call. */
function wrapperCallOf(cx: TsFile, call: PendingCall): FoundWrapperCall {
  const callee = unwrap(call.node.expression);
  const owner = memberName(callee) !== undefined ? unwrap((callee as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression) : undefined;
  if (!ts.isIdentifier(callee) && !(owner && receiverOfMethod(owner))) return undefined;
  const value = valueOf(cx, callee);
  if (value?.kind !== 'wrapper') return undefined;
  const where = value.file === cx.file ? '' : ` from ${relative(cx, value.file)}`;
  return { site: wrapperSiteOf(cx, call, value.name, value.wraps, `${value.name}()${where}, a project function that calls ${value.wraps.sdk} ${value.wraps.api}`), fromParameter: false };
}

/** `generate(…)` for a parameter `generate` its callers fill with a function that reaches a model. */
function parameterCallOf(cx: TsFile, call: PendingCall): FoundWrapperCall {
  const callee = unwrap(call.node.expression);
  if (!ts.isIdentifier(callee)) return undefined;
  const declaration = cx.scopes.resolve(callee.text, callee.pos);
  const value = declaration && slotOf(cx, declaration) ? injectedValue(cx, declaration, 0, valuesOf(cx)) : undefined;
  if (!value?.injected) return undefined;
  const recognizedBy = `${value.name}(), a callback passed in by ${value.injected.from}, which calls ${value.wraps.sdk} ${value.wraps.api}`;
  return { site: wrapperSiteOf(cx, call, value.name, value.wraps, recognizedBy), fromParameter: true };
}

/**
 * `inference.extract({ generate: (x) => llm.generate(model, x) })`, `structured(generate, …)`: a model callback given
 * to a project function that calls that parameter, so the request runs inside this call too. One given to another
 * module's function is recorded for that module, whose call of the parameter is then a model request as well.
 */
function callbackGivenIn(cx: TsFile, call: PendingCall, candidates: ReadonlySet<string>, given: GivenCallback[]): FoundWrapperCall {
  const callbacks = callbackArguments(cx, call, candidates);
  if (callbacks.length === 0) return undefined;
  const callee = unwrap(call.node.expression);
  const invoker = valueOf(cx, callee);
  if (invoker?.kind !== 'invoker') return undefined;
  for (const { slot, argument } of callbacks) {
    if (!invoker.slots.some((runs) => sameSlot(runs, slot))) continue;
    const held = callbackReach(cx, argument, 0, valuesOf(cx));
    if (!held) continue;
    const fromParameter = isInjected(cx, argument);
    if (invoker.file !== cx.file && !fromParameter) given.push({ file: invoker.file, name: invoker.name, slot, wraps: held });
    const where = invoker.file === cx.file ? '' : ` from ${relative(cx, invoker.file)}`;
    const recognizedBy = `${invoker.name}()${where}, a project function that calls the callback it is given, which calls ${held.sdk} ${held.api}`;
    return { site: wrapperSiteOf(cx, call, invoker.name, held, recognizedBy), fromParameter };
  }
  return undefined;
}

/**
 * `retryRequest(url, …)` with `url` a model endpoint, to a project function that sends a request to the URL it is
 * given: that request is made inside this call. A URL given to another module's function is recorded for it.
 */
function urlGivenIn(cx: TsFile, call: PendingCall, candidates: ReadonlySet<string>, urlsGiven: GivenUrl[]): FoundWrapperCall {
  const callee = unwrap(call.node.expression);
  // Imported project functions, and this file's own when one of its requests goes to a URL its callers give.
  if (!ts.isIdentifier(callee) || (!candidates.has(callee.text) && cx.urlsFromCallers.size === 0)) return undefined;
  const sender = valueOf(cx, callee);
  if (sender?.kind !== 'invoker') return undefined;
  for (const sent of sender.urls ?? []) {
    const argument = call.node.arguments[sent.index];
    if (!argument || ts.isSpreadElement(argument)) continue;
    const here = modelUrlIn(urlTexts(cx, argument));
    const found = here ?? modelUrlIn(urlTexts(cx, argument, [], true));
    if (!found) continue;
    if (sender.file !== cx.file) urlsGiven.push({ file: sender.file, name: sender.name, index: sent.index, url: found.url });
    const { endpoint } = found;
    const wraps: WrappedCall = {
      file: sent.file,
      span: sent.span,
      sdk: 'http',
      api: endpoint.path,
      operation: endpoint.operation,
      streaming: false,
      // The request's own settings are the sender's, not visible from here.
      effective: { timeout: { source: 'unknown' }, retries: { source: 'unknown' } },
      guarded: { promiseCatch: false },
      audited: false,
    };
    const where = sender.file === cx.file ? '' : ` from ${relative(cx, sender.file)}`;
    const recognizedBy = `${sender.name}()${where}, a project function that sends a request to the URL it is given: ${found.url} (${endpoint.provider} ${endpoint.operation})`;
    return { site: wrapperSiteOf(cx, call, sender.name, wraps, recognizedBy), fromParameter: here === undefined };
  }
  return undefined;
}

/** Arguments that may be callbacks reaching a model: inline functions holding a request, and names that may hold one. */
function callbackArguments(cx: TsFile, call: PendingCall, candidates: ReadonlySet<string>): { slot: CallbackSlot; argument: ts.Expression | ts.MethodDeclaration }[] {
  const found: { slot: CallbackSlot; argument: ts.Expression | ts.MethodDeclaration }[] = [];
  const consider = (argument: ts.Expression | ts.MethodDeclaration, slot: CallbackSlot) => {
    const node = ts.isMethodDeclaration(argument) ? argument : unwrap(argument);
    if (cx.reachedCallbacks.has(node)) found.push({ slot, argument });
    else if (ts.isIdentifier(node) && (candidates.has(node.text) || isParameterName(cx, node))) found.push({ slot, argument });
  };
  call.node.arguments.forEach((raw, index) => {
    const argument = unwrap(raw);
    if (!ts.isObjectLiteralExpression(argument)) return consider(argument, { index });
    for (const member of argument.properties) {
      const property = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
      if (property === undefined) continue;
      if (ts.isPropertyAssignment(member)) consider(member.initializer, { index, property });
      else if (ts.isShorthandPropertyAssignment(member)) consider(member.name, { index, property });
      else if (ts.isMethodDeclaration(member)) consider(member, { index, property });
    }
  });
  return found;
}

/** A name standing for a model callback only because callers pass one (not a function of this file reaching a model). */
function isInjected(cx: TsFile, argument: ts.Expression | ts.MethodDeclaration): boolean {
  if (!ts.isIdentifier(argument)) return false;
  const held = functionHeld(cx, argument, 0, valuesOf(cx));
  return held?.kind === 'wrapper' && held.injected !== undefined;
}

const valuesOf = (cx: TsFile) => (expression: ts.Expression, depth: number) => valueOf(cx, expression, depth);

function isParameterName(cx: TsFile, name: ts.Identifier): boolean {
  const declaration = cx.scopes.resolve(name.text, name.pos);
  return declaration !== undefined && slotOf(cx, declaration) !== undefined;
}

/** Whether other modules give any of this module's exported functions a model callback (asked of each, so a change there reads this file again). */
function callbacksComeIn(cx: TsFile): boolean {
  const ask = cx.resolveImport?.callbacksGiven;
  if (!ask) return false;
  let any = false;
  for (const name of exportedNames(cx)) if (ask(name).length > 0) any = true;
  return any;
}

/**
 * The named functions a call runs in: its own, and, when it sits in an inline callback a project function is
 * given and calls (`act({ generate: (input) => llm.generate(input) })`), the one making that outer call. A
 * callback a project function only keeps (`onIdle(async () => …)`) runs later, in none of them.
 */
function functionsReaching(cx: TsFile, call: PendingCall): ts.FunctionLikeDeclaration[] {
  const reached: ts.FunctionLikeDeclaration[] = [];
  for (let at: PendingCall | undefined = call, hops = 0; at && hops < MAX_WRAPPER_DEPTH; hops++) {
    const given = givenTo(cx, at.functionNode, (expression, depth) => valueOf(cx, expression, depth));
    // An anonymous callback counts as part of the function around it, unless the callee is known to keep it.
    const kept = given?.runs === false && at.namedFunction !== at.functionNode;
    if (at.namedFunction && !kept && !reached.includes(at.namedFunction)) reached.push(at.namedFunction);
    at = given?.runs ? given.call : undefined;
  }
  return reached;
}


/** The site of a call that reaches a model through a project function: what it wraps, and the handling around this call. */
function wrapperSiteOf(cx: TsFile, call: PendingCall, api: string, wraps: WrappedCall, recognizedBy: string): CallSite {
  // A wrapper calling itself (recursion, a retry with another target) is a call site too: each call sends a request.
  const own = guardOf(cx, call, [], noOptions());
  const handled = own.tryCatch !== undefined || own.promiseCatch;
  return {
    ...locationOf(cx, call),
    sdk: 'wrapper',
    operation: wraps.operation,
    api,
    streaming: wraps.streaming,
    model: wraps.model !== undefined ? { value: wraps.model } : undefined,
    clientKnown: true,
    options: noOptions(),
    targets: {},
    effective: wraps.effective,
    recognizedBy,
    enclosingFunction: call.enclosingFunction,
    guarded: handled ? own : { ...wraps.guarded, fallback: wraps.guarded.fallback ?? own.fallback },
    logged: { audit: wraps.audited || loggingOf(cx, call, NO_AUDIT_OPTIONS, noOptions()).audit, calls: [] },
    resultBinding: resultBindingOf(cx, call.node),
    statement: statementTargetOf(cx, call),
    stream: undefined,
    promptInputs: [],
    outputUse: { jsonParses: [], sinks: outputSinksOf(cx, call, wraps.operation) },
    wraps,
  };
}


/** Receivers whose methods a wrapper site may call: a name, `this`, `this.field`, `new Agent(…)`. */
function receiverOfMethod(owner: ts.Expression): boolean {
  if (owner.kind === SyntaxKind.Identifier || owner.kind === SyntaxKind.ThisKeyword || owner.kind === SyntaxKind.NewExpression) return true;
  return ts.isPropertyAccessExpression(owner) && owner.expression.kind === SyntaxKind.ThisKeyword;
}

/** The member a callee names: `x.run` and `x["run"]` both name `run`. */
function memberName(callee: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression) ? callee.argumentExpression.text : undefined;
}
