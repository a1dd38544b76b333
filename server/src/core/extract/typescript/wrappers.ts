// Wrapper call sites: calls into project functions that make an AI call below them.
import { catalogByModule } from '../../catalog';
import type { CallSite } from '../../model';
import { noOptions, unwrap } from './options';
import { ts } from './ts';
import { locationOf } from './calls';
import { statementTargetOf } from './calls';
import { PendingCall, TsFile } from './context';
import { loggingOf, resultBindingOf } from './output';
import { guardOf } from './resilience';
import { relative } from './catalogValues';
import { valueOf, valueOfName } from './resolver';
import { rootName } from './syntax';
import { givenTo } from './callbacks';

// Read once: each `ts.X` on the module's exports is a getter, too slow for a per-node switch.
const { SyntaxKind } = ts;

/** A wrapper call is recorded only by logs around it. */
const NO_AUDIT_OPTIONS = { auditOptions: [], displayName: 'a project function' };

/** How many levels of the file's own functions are followed above a direct AI call. */
const MAX_WRAPPER_DEPTH = 8;

/**
 * Calls to project functions that make AI calls: the wrappers declared here (and wrappers of those, up to
 * MAX_WRAPPER_DEPTH levels) and the ones imported from other modules.
 */
export function wrapperCallSites(cx: TsFile, direct: readonly [PendingCall, CallSite][]): CallSite[] {
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
  let added = direct;
  for (let round = 0; round < MAX_WRAPPER_DEPTH && (round === 0 || added.length > 0); round++) {
    for (const [call, site] of added) {
      for (const named of functionsReaching(cx, call)) {
        if (cx.wrappers.has(named)) continue;
        cx.wrappers.set(named, site);
        candidates.add(cx.functionNames.get(named)!);
      }
    }
    if (candidates.size === 0) break;
    const next: [PendingCall, CallSite][] = [];
    for (const call of cx.calls) {
      const callee = call.node.expression;
      const leaf = callee.kind === SyntaxKind.PropertyAccessExpression ? (callee as ts.PropertyAccessExpression).name.text : '';
      if (sited.has(call) || !(candidates.has(rootName(callee)) || candidates.has(leaf))) continue;
      const site = wrapperCallSiteOf(cx, call);
      if (!site) continue;
      sited.add(call);
      next.push([call, site]);
      sites.push(site);
    }
    added = next;
  }
  return sites;
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


export function wrapperCallSiteOf(cx: TsFile, call: PendingCall): CallSite | undefined {
  const callee = unwrap(call.node.expression);
  const owner = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  if (!ts.isIdentifier(callee) && !(owner && receiverOfMethod(owner))) return undefined;
  const value = valueOf(cx, callee);
  if (value?.kind !== 'wrapper') return undefined;
  // A wrapper calling itself (recursion, a retry with another target) is a call site too: each call sends a request.
  const { wraps } = value;
  const own = guardOf(cx, call, [], noOptions());
  const handled = own.tryCatch !== undefined || own.promiseCatch;
  const where = value.file === cx.file ? '' : ` from ${relative(cx, value.file)}`;
  return {
    ...locationOf(cx, call),
    sdk: 'wrapper',
    operation: wraps.operation,
    api: value.name,
    streaming: wraps.streaming,
    model: wraps.model !== undefined ? { value: wraps.model } : undefined,
    clientKnown: true,
    options: noOptions(),
    targets: {},
    effective: wraps.effective,
    recognizedBy: `${value.name}()${where}, a project function that calls ${wraps.sdk} ${wraps.api}`,
    enclosingFunction: call.enclosingFunction,
    guarded: handled ? own : { ...wraps.guarded, fallback: wraps.guarded.fallback ?? own.fallback },
    logged: { audit: wraps.audited || loggingOf(cx, call, NO_AUDIT_OPTIONS, noOptions()).audit, calls: [] },
    resultBinding: resultBindingOf(cx, call.node),
    statement: statementTargetOf(cx, call),
    stream: undefined,
    promptInputs: [],
    outputUse: { jsonParses: [] },
    wraps,
  };
}


/** Receivers whose methods a wrapper site may call: a name, `this`, `this.field`, `new Agent(…)`. */
function receiverOfMethod(owner: ts.Expression): boolean {
  if (owner.kind === SyntaxKind.Identifier || owner.kind === SyntaxKind.ThisKeyword || owner.kind === SyntaxKind.NewExpression) return true;
  return ts.isPropertyAccessExpression(owner) && owner.expression.kind === SyntaxKind.ThisKeyword;
}
