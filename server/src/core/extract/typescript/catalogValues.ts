// What the catalog says an imported name is, and file names as hovers show them: read by the resolver and the
// wrapper pass, needing nothing of the value flow.
import * as path from 'node:path';
import { catalogByModule } from '../../catalog';
import type { TsFile, Value } from './context';

export function relative(cx: TsFile, file: string): string {
  const relative = path.relative(path.dirname(cx.file), file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}


export function clientExport(value: { module: string; exportName: string }) {
  const exported = catalogByModule.get(value.module);
  if (!exported) return undefined;
  // `require('openai')` and `import * as OpenAI` give the module, whose constructor is the default export.
  return exported.clients.get(value.exportName === '*' ? 'default' : value.exportName);
}


/** `import ollama from 'ollama'`: an export that is itself a ready client, with the SDK's defaults. */
export function instanceClient(imported: { module: string; exportName: string }): Value | undefined {
  const found = clientExport(imported);
  if (!found?.client.instance || imported.exportName === '*') return undefined;
  return { kind: 'client', sdk: found.sdk, known: true, module: imported.module, via: `the ${found.client.displayName} instance exported by '${imported.module}'` };
}
