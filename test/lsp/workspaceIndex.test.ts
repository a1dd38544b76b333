import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { InventoryResult } from '../../server/src/protocol';
import { LspClient, workspaceWith } from './lspClient';

// The server reads the workspace as a CLI scan does: only files whose text may hold an AI call, and the files that
// import what reaches a model (through any number of modules), are parsed; the others are read for waivers and owners.
const files: Record<string, string> = {
  'lib/llm.ts': `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 20_000, maxRetries: 2 });
export async function complete(question: string) {
  const r = await openai.responses.create({ model: 'gpt-4o-2024-08-06', input: question, max_output_tokens: 300 });
  return r.output_text;
}
`,
  // No SDK word in either: parsed because what they import reaches a model.
  'app/handler.ts': `import { complete } from '../lib/llm';
export async function answer(question: string) {
  return complete(question.trim());
}
`,
  'app/page.ts': `import { answer } from './handler';
export async function render(question: string) {
  return \`<p>\${await answer(question)}</p>\`;
}
`,
  'util/strings.ts': `import { render } from '../app/page';
export const shout = (value: string) => value.toUpperCase();
export const page = render;
`,
  // Holds no AI call and reaches none: read as text, its owner tag still counts.
  'util/dates.ts': `// @owner @text-team\nexport const today = () => new Date().toISOString().slice(0, 10);\n`,
  'util/numbers.py': `def clamp(value, low, high):\n    return max(low, min(high, value))\n`,
};
const workspace = workspaceWith('prodready-lsp-index-', files);

describe('language server: the workspace index parses what can reach a model', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient({ debounceMs: 20 });
    await client.initialize(workspace, true);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('parses the module with the call and its importers, two modules deep, and reads the rest as text', async () => {
    const indexed = await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Indexed '));
    // page.ts is parsed because handler.ts, parsed for importing llm.ts, turned out to export a wrapper; strings.ts
    // imports page.ts, which wraps a model call too.
    assert.match(indexed.message, /: 6 files, 6 source files analysed \(4 parsed\), 0 skipped, 3 AI call sites in 3 files, /);
  });

  it('keeps what text-only files say: the owner tag of a file that was not parsed', async () => {
    const inventory = await client.connection.sendRequest<InventoryResult | null>('prodready/inventory', {});
    assert.ok(inventory);
    assert.ok(JSON.stringify(inventory).includes('@owner tags in 1 file'), 'the @owner tag of util/dates.ts counts as an ownership source');
  });

  it('parses a file once it starts reaching a model, when a module it imports changes on disk', async () => {
    const dates = path.join(workspace, 'util/dates.ts');
    fs.writeFileSync(dates, `import { complete } from '../lib/llm';\nexport const today = () => complete('what day is it?');\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(dates).toString(), type: 2 }] });
    const reread = await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Re-read '));
    assert.match(reread.message, /6 source files analysed \(5 parsed\), 0 skipped, 4 AI call sites in 4 files, /);
  });
});
