// Data files followed in a real VS Code: the server asks the editor to watch them, node_modules and folders not
// made yet included, and Problems follows edits made on disk outside the editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { editorAvailable, openEditor, screenshot } from './codeServer';

const missing = editorAvailable();
// In CI the editor must be there (.ci/run installs it); on a developer machine without it the test says why it skips.
const skip = missing && !process.env.CI ? missing : false;

const MODEL = 'gpt-4o-2024-08-06';

const table = (asOf: string, status?: 'deprecated' | 'retired') =>
  JSON.stringify({ asOf, source: 'Acme prices', models: [{ id: MODEL, input: 2.5, output: 10 }], ...(status ? { lifecycle: [{ id: MODEL, status, replacement: 'gpt-4.1-2025-04-14', since: '2099-01-01' }] } : {}) });

function writeAll(root: string, files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
}

const source = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-e2e-data-'));
after(() => fs.rmSync(source, { recursive: true, force: true }));
writeAll(source, {
  '.prodready.json': '{}\n',
  'package.json': JSON.stringify({ name: 'app', dependencies: { '@acme/ai-prices': '1.0.0' } }),
  'node_modules/@acme/ai-prices/package.json': JSON.stringify({ name: '@acme/ai-prices', version: '1.0.0', prodready: { data: 'data/prices.json' } }),
  'node_modules/@acme/ai-prices/data/prices.json': table('2099-01-01'),
  'route.ts': `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 20_000 });
export async function summarize(text: string) {
  const reply = await openai.chat.completions.create({ model: '${MODEL}', max_completion_tokens: 500, messages: [{ role: 'user', content: text }] });
  return reply.choices[0].message.content;
}
`,
});

const row = (page: Page, text: string) => page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();

describe('real VS Code: data files followed on disk', { skip }, () => {
  it('updates Problems when a data package changes in node_modules, a named file is made in a new folder, and both go', async () => {
    const { page, workspace, log, close } = await openEditor(source, { 'prodready.dataFile': 'ops/prices.json' });
    try {
      await page.keyboard.press('Control+Shift+M');
      await row(page, 'AIR003').waitFor({ timeout: 90_000 });
      assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: 'AIR008' }).count(), 0, 'the pinned model is current in the bundled data');

      fs.writeFileSync(path.join(workspace, 'node_modules/@acme/ai-prices/data/prices.json'), table('2099-02-01', 'retired'));
      await row(page, 'was retired on 2099-01-01').waitFor({ timeout: 30_000 });

      // A folder made with its file: the editor reports the folder alone.
      writeAll(workspace, { 'ops/prices.json': table('2099-03-01', 'deprecated') });
      await row(page, 'is deprecated and will be retired').waitFor({ timeout: 30_000 });

      fs.rmSync(path.join(workspace, 'ops'), { recursive: true });
      fs.rmSync(path.join(workspace, 'node_modules/@acme'), { recursive: true });
      await row(page, 'AIR008').waitFor({ state: 'detached', timeout: 30_000 });
    } catch (error) {
      await screenshot(page, 'data-watch-failure').catch(() => undefined);
      throw new Error(`${(error as Error).message}\n--- code-server output ---\n${log().slice(-4000)}`);
    } finally {
      await close();
    }
  });
});
