// What a name imported from a module holds: a catalog export, an SDK module, or a client another project module
// builds and exports.
import { isPythonCatalogImport, pythonCatalogByModule, sdkFacts } from '../../catalog';
import type { ClientFacts } from '../../catalog';
import { isKnownPythonModule } from '../../catalog/python';
import type { ExportedValue } from '../../model';
import { PyFile, relative, Value } from './context';

export function importedValue(cx: PyFile, module: string, name: string): Value | undefined {
  const catalog = isPythonCatalogImport(module, name) ? pythonCatalogByModule.get(module) : undefined;
  if (name === '*') return catalog || isKnownPythonModule(module) ? { kind: 'module', module } : { kind: 'import', module, name };
  if (catalog || isKnownPythonModule(module) || pythonCatalogByModule.has(`${module}.${name}`)) {
    // `from google import genai`: a catalog module reached through its parent package.
    if (pythonCatalogByModule.has(`${module}.${name}`)) return { kind: 'module', module: `${module}.${name}` };
    return { kind: 'import', module, name };
  }
  const exported = cx.resolveImport?.(module, name);
  if (exported?.kind === 'client' && !exported.factory) return clientFromExport(cx, exported);
  if (exported?.kind === 'module' && !exported.factory) return { kind: 'module', module: exported.module };
  // `from app.compat import MistralClient`, where the compat module imports the SDK's class under that name.
  if (exported?.kind === 'reexport' && pythonCatalogByModule.get(exported.module)?.clients.has(exported.exportName)) return { kind: 'import', module: exported.module, name: exported.exportName };
  return { kind: 'import', module, name };
}


export function clientFromExport(cx: PyFile, exported: Extract<ExportedValue, { kind: 'client' }> & { file: string }): Value | undefined {
  const facts = sdkFacts(exported.sdk, exported.module, 'python');
  // An agent exported from another module runs by its holder's facts, on a model built by another SDK entry.
  const built = exported.construction && sdkFacts(exported.sdk, exported.construction.module, 'python');
  const builtBy = (candidate: ClientFacts) => exported.construction?.constructorName.endsWith(candidate.exportName) ?? false;
  const client = facts?.clients.find(builtBy) ?? built?.clients.find(builtBy) ?? facts?.clients[0];
  if (!facts || !client) return undefined;
  return {
    kind: 'client',
    facts,
    client,
    module: exported.module ?? facts.modules[0],
    construction: exported.construction,
    known: exported.known,
    retryWrapper: exported.retryWrapper,
    fallback: exported.fallback,
    via: `${exported.via}, from ${relative(cx, exported.file)}`,
  };
}
