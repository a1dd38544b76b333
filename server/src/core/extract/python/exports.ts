// What other modules can import from this one: clients, factories and wrappers.
import { isKnownPythonModule } from '../../catalog/python';
import { isPythonCatalogImport, pythonCatalogByModule } from '../../catalog';
import type { CallSite, ExportedValue, ExportSummary } from '../../model';
import { wrappedCallOf } from '../shared/wrapped';
import { ClientValue, PendingCall, PyFile } from './context';
import { classExports, heldMembers, importedBases } from './projectClasses';
import { evaluate, loadsModuleByName, returnedClient, sdkBase } from './resolver';
import type { FunctionInfo } from './scope';

/** `reached`: every call site of the file with its call, direct or through the file's own wrappers. */
export function exports(cx: PyFile, reached: readonly [PendingCall, CallSite][]): ExportSummary {
  const names = new Map<string, ExportedValue>();
  const byFunction = new Map<FunctionInfo, CallSite>();
  for (const [call, site] of reached) if (call.fn && !byFunction.has(call.fn)) byFunction.set(call.fn, site);
  for (const [name, binding] of cx.module.names) {
    if (binding.kind === 'value') {
      const value = evaluate(cx, binding.node, cx.module);
      if (value?.kind === 'client') names.set(name, exportedClient(value, false));
      if (value?.kind === 'module') names.set(name, { kind: 'module', module: value.module, factory: false });
    } else if (binding.kind === 'function') {
      const factory = returnedClient(cx, binding.fn);
      if (factory?.kind === 'client' || factory?.kind === 'module') {
        names.set(name, factory.kind === 'client' ? exportedClient(factory, true) : { kind: 'module', module: factory.module, factory: true });
        continue;
      }
      if (loadsModuleByName(binding.fn)) {
        names.set(name, { kind: 'module-loader' });
        continue;
      }
      const inner = reached.find(([call]) => call.fn === binding.fn)?.[1];
      if (inner) names.set(name, { kind: 'wrapper', name, file: cx.file, wraps: wrappedCallOf(inner) });
    } else if (binding.kind === 'class') {
      const { methods, implemented } = classExports(cx, binding.cls, byFunction);
      const bases = importedBases(cx, binding.cls);
      const members = heldMembers(cx, binding.cls, byFunction);
      if (methods.size > 0 || members.size > 0) {
        names.set(name, { kind: 'class', name, file: cx.file, methods, ...(bases.length > 0 ? { bases, implemented } : {}), ...(members.size > 0 ? { members } : {}) });
        continue;
      }
      // `class ZhiPuModelAPI(ZhipuAI)`: other modules build it like the SDK client it extends.
      const extended = sdkBase(cx, binding.cls, cx.module);
      if (extended?.kind === 'import') names.set(name, { kind: 'reexport', module: extended.module, exportName: extended.name });
    } else if (binding.kind === 'import' && binding.name !== '*' && (isSdkClient(binding.module, binding.name) || (!isPythonCatalogImport(binding.module, binding.name) && !isKnownPythonModule(binding.module)))) {
      names.set(name, { kind: 'reexport', module: binding.module, exportName: binding.name });
    }
  }
  return { names, star: cx.star };
}


export function exportedClient(value: ClientValue, factory: boolean): ExportedValue {
  return {
    kind: 'client',
    sdk: value.facts.sdk,
    module: value.module,
    construction: value.construction,
    known: value.known,
    retryWrapper: value.retryWrapper,
    fallback: value.fallback,
    via: value.via,
    factory,
  };
}

/** An SDK's client class, which a project module may pass on under its own name (a compat module picking the SDK version). */
function isSdkClient(module: string, name: string): boolean {
  return pythonCatalogByModule.get(module)?.clients.has(name) ?? false;
}
