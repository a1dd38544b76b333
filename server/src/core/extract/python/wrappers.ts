// Wrapper call sites: calls into project functions that make an AI call below them.
import { isKnownPythonModule } from '../../catalog/python';
import { isPythonCatalogImport } from '../../catalog';
import type { CallSite, ExportedValue, WrappedCall } from '../../model';
import { wrappedCallOf } from '../shared/wrapped';
import { type FunctionInfo, type Scope } from './scope';
import type { PyNode } from './parser';
import { dispatchedMethods, inheritedMember } from './inheritance';
import { noOptions, spanOf } from './syntax';
import { PendingCall, PyFile, anchorsOf, relative, resultBindingOf, statementTargetOf, tryHandling, wrappedSiteBase, handlerHeaderOf } from './context';
import { classMethodTarget } from './projectClasses';
import { outputSinksOf } from './sinks';

// ---- wrappers and exports ----

/** How many levels of the file's own functions are followed above a direct AI call. */
const MAX_WRAPPER_DEPTH = 8;

/**
 * Calls to a function of this file that makes an AI call, or calls one that does (any depth, up to
 * MAX_WRAPPER_DEPTH), and to wrappers other modules export: the caller's view of that call, with the call it wraps.
 */
export function wrapperSites(cx: PyFile, direct: readonly [PendingCall, CallSite][]): [PendingCall, CallSite][] {
  const byFunction = new Map<FunctionInfo, CallSite>();
  const sited = new Set(direct.map(([call]) => call));
  const found: [PendingCall, CallSite][] = [];
  let added = direct;
  // The first round runs even without direct calls: wrappers imported from other modules need none here.
  for (let depth = 0; depth < MAX_WRAPPER_DEPTH && (depth === 0 || added.length > 0); depth++) {
    for (const [call, site] of added) if (call.fn && !byFunction.has(call.fn)) byFunction.set(call.fn, site);
    const next: [PendingCall, CallSite][] = [];
    for (const call of cx.calls) {
      if (sited.has(call)) continue;
      const site = wrapperSiteOf(cx, call, byFunction);
      if (!site) continue;
      sited.add(call);
      next.push([call, site]);
    }
    found.push(...next);
    added = next;
  }
  return found;
}

function wrapperSiteOf(cx: PyFile, call: PendingCall, byFunction: ReadonlyMap<FunctionInfo, CallSite>): CallSite | undefined {
  const target = wrapperTarget(cx, call, byFunction);
  if (!target) return undefined;
  const { wraps, name } = target;
  const where = target.file ? ` from ${relative(cx, target.file)}` : '';
  const own = call.tryNode ? { span: handlerHeaderOf(call.tryNode), handling: tryHandling(call.tryNode, cx.isLogger) } : undefined;
  return {
    ...wrappedSiteBase(wraps),
    file: cx.file,
    language: 'python',
    id: `${cx.file}:${call.node.startIndex}`,
    span: spanOf(call.node),
    calleeSpan: spanOf(call.node.childForFieldName('function')!),
    anchors: anchorsOf(call.holders),
    sdk: 'wrapper',
    api: name,
    module: undefined,
    client: undefined,
    options: noOptions(),
    targets: {},
    recognizedBy: `${name}()${where}, a project function that calls ${wraps.sdk} ${wraps.api}`,
    enclosingFunction: call.fn?.name,
    guarded: own ? { tryCatch: own, promiseCatch: false } : wraps.guarded,
    logged: { audit: wraps.audited, calls: [] },
    resultBinding: resultBindingOf(call.node),
    statement: statementTargetOf(call.node),
    promptInputs: [],
    outputUse: { jsonParses: [], sinks: outputSinksOf(call, wraps.operation) },
    wraps,
  };
}


/** What a call reaches: a function of this file, a wrapper another module exports, or a project class's method. */
function wrapperTarget(cx: PyFile, call: PendingCall, byFunction: ReadonlyMap<FunctionInfo, CallSite>): { wraps: WrappedCall; name: string; file?: string } | undefined {
  // A function calling itself (recursion, a retry with guidance) is a call site too: each call sends a request.
  for (const fn of calledFunctions(cx, call)) {
    const local = byFunction.get(fn);
    if (local) return { wraps: wrappedCallOf(local), name: fn.name };
  }
  const imported = importedWrapper(cx, call);
  if (imported) return { wraps: imported.wraps, name: imported.name, file: imported.file };
  const method = classMethodTarget(cx, call, byFunction);
  return method && { wraps: method.wraps, name: `${method.className}.${method.method}`, file: method.file };
}

/** `from app.ai import summarize` then `summarize(…)`: a wrapper another module exports. */
export function importedWrapper(cx: PyFile, call: PendingCall): Extract<ExportedValue, { kind: 'wrapper' }> | undefined {
  const callee = call.node.childForFieldName('function');
  if (callee?.type !== 'identifier' || !cx.resolveImport) return undefined;
  const binding = call.scope.lookup(callee.text);
  if (binding?.kind !== 'import' || isPythonCatalogImport(binding.module, binding.name) || isKnownPythonModule(binding.module)) return undefined;
  const exported = cx.resolveImport(binding.module, binding.name);
  return exported?.kind === 'wrapper' ? exported : undefined;
}


/** How many calls deep a function handed back by a factory is followed (`fn = self._get_fn(); fn()`). */
const MAX_HELD_DEPTH = 3;

/**
 * The project functions a call may run: a function or method of this file, or one a factory hands back —
 * `fn = self._get_completion_fn(); fn(…)` where the factory returns an inner function (a closure).
 */
export function calledFunctions(cx: PyFile, call: PendingCall): FunctionInfo[] {
  const callee = call.node.childForFieldName('function');
  if (callee?.type === 'identifier') {
    const found = call.scope.resolve(callee.text);
    if (!found) return [];
    const { binding, scope } = found;
    if (binding.kind === 'function') return [binding.fn];
    if (binding.kind === 'element') return heldFunctions(cx, binding.node, scope, 0, binding.index);
    return binding.kind === 'value' ? heldFunctions(cx, binding.node, scope, 0) : [];
  }
  const cls = call.fn?.cls;
  if (callee?.type !== 'attribute' || callee.childForFieldName('object')?.text !== 'self' || !cls) return [];
  const name = callee.childForFieldName('attribute')!.text;
  const method = cls.methods.get(name);
  if (method) return [method];
  const member = inheritedMember(cx, cls, name);
  if (!member) return [];
  // Every assignment: `self._complete = with_retries(self._complete)` re-wraps what a factory first gave.
  const assigned = [...(member.node ? [{ node: member.node, scope: member.scope }] : []), ...(member.others ?? [])];
  return [
    ...assigned.flatMap(({ node, scope }) => heldFunctions(cx, node, scope, 0)),
    ...(member.destructured ?? []).flatMap(({ node, scope, index }) => heldFunctions(cx, node, scope, 0, index)),
  ];
}

/**
 * The functions an expression holds: a function's name, or what a factory function or `self` method returns;
 * with `element`, the functions at that position of the tuple it gives (`return (complete, acomplete)`).
 */
function heldFunctions(cx: PyFile, node: PyNode, scope: Scope, depth: number, element?: number): FunctionInfo[] {
  if (depth > MAX_HELD_DEPTH) return [];
  if (element !== undefined && node.type !== 'call') {
    const inner = node.type === 'parenthesized_expression' ? node.namedChild(0) : node;
    const item = inner?.type === 'tuple' || inner?.type === 'expression_list' ? inner.namedChild(element) : null;
    return item ? heldFunctions(cx, item, scope, depth + 1) : [];
  }
  if (node.type === 'identifier') {
    const found = scope.resolve(node.text);
    if (found?.binding.kind === 'element') return heldFunctions(cx, found.binding.node, found.scope, depth + 1, found.binding.index);
    return found?.binding.kind === 'function' ? [found.binding.fn] : [];
  }
  if (node.type === 'conditional_expression') return node.namedChildren.flatMap((branch) => (branch ? heldFunctions(cx, branch, scope, depth + 1) : []));
  if (node.type !== 'call') return [];
  const callee = node.childForFieldName('function');
  const factories =
    callee?.type === 'identifier'
      ? heldFunctions(cx, callee, scope, depth + 1)
      : callee?.type === 'attribute' && callee.childForFieldName('object')?.text === 'self' && scope.fn?.cls
        ? dispatchedMethods(cx, scope.fn.cls, callee.childForFieldName('attribute')!.text)
        : [];
  return factories.flatMap((factory) => factory.returns.flatMap((returned) => heldFunctions(cx, returned, factory.scope, depth + 1, element)));
}
