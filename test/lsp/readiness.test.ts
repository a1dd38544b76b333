import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { InventoryResult, ReadinessResult } from '../../server/src/protocol';
import { byRule, LspClient, workspaceWith } from './lspClient';

const call = (name: string) => `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 20_000 });
export async function ${name}(question: string) {
  const r = await openai.responses.create({ model: 'gpt-4o-2024-08-06', input: question, max_output_tokens: 300 });
  return r.output_text;
}
`;
const files: Record<string, string> = {
  '.github/CODEOWNERS': '/lib/ @ml-platform\n',
  'lib/ask.ts': call('ask'),
  'app/route.ts': call('route'),
  Dockerfile: 'FROM node:22\n',
  'node_modules/openai/index.ts': call('ignored'),
};
const workspace = workspaceWith('prodready-lsp-readiness-', files);
const folderUri = pathToFileURL(workspace).toString();

const itemsOf = (result: ReadinessResult | null) => new Map(result!.report.categories.flatMap((category) => category.items).map((item) => [item.id, item]));

describe('language server: workspace readiness and inventory', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient({ debounceMs: 20 });
    await client.initialize(workspace, true);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const readiness = () => client.connection.sendRequest<ReadinessResult | null>('prodready/readiness', { folderUri });
  const inventory = () => client.connection.sendRequest<InventoryResult | null>('prodready/inventory', {});

  it('prodready/readiness answers the checklist for the folder, files on disk included', async () => {
    const result = await readiness();
    assert.equal(result?.folderUri, folderUri);
    const items = itemsOf(result);
    assert.equal(items.get('D.manifests')?.status, 'pass');
    assert.deepEqual(items.get('P.owners')?.counts, { passing: 1, total: 2 });
    assert.deepEqual(items.get('P.owners')?.action, { kind: 'addCodeowners', title: 'Add a CODEOWNERS line for /app/', pattern: '/app/' });
    assert.equal(result?.report.callSites, 2, 'node_modules is not the project');
  });

  it('prodready/inventory lists the call sites with owners from CODEOWNERS', async () => {
    const result = await inventory();
    assert.deepEqual(result?.inventory.rows.map((row) => [row.file, row.line, row.owners]), [
      ['app/route.ts', 4, []],
      ['lib/ask.ts', 4, ['@ml-platform']],
    ]);
    assert.deepEqual(result?.inventory.ownership.unowned.map((group) => group.pattern), ['/app/']);
  });

  it('AIR012 is published for the unowned call; an @owner tag typed in the editor clears it and updates the inventory live', async () => {
    const uri = pathToFileURL(path.join(workspace, 'app', 'route.ts')).toString();
    await client.open(uri, files['app/route.ts']);
    const published = await client.diagnostics(uri);
    assert.equal(byRule(published.diagnostics, 'AIR012').length, 1);

    const notified = client.notifications.length;
    const since = client.publishedCount();
    await client.change(uri, `// @owner @web-team\n${files['app/route.ts']}`, 2);
    const after = await client.diagnostics(uri, (p) => p.version === 2, since);
    assert.deepEqual(byRule(after.diagnostics, 'AIR012'), []);
    await waitFor(() => client.notifications.slice(notified).some((n) => n.method === 'prodready/readinessChanged'));
    const rows = (await inventory())?.inventory.rows;
    assert.deepEqual(rows?.find((row) => row.file === 'app/route.ts')?.owners, ['@web-team']);
    assert.equal(rows?.find((row) => row.file === 'app/route.ts')?.ownerSource, 'inline');
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 30 } });
    assert.match((hover.contents as MarkupContent).value, /Owner: `@web-team` \(an @owner tag, route\.ts:1\)/);
  });

  it('picks up a file created on disk once the client reports it', async () => {
    fs.writeFileSync(path.join(workspace, 'lib', 'more.ts'), call('more'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(workspace, 'lib', 'more.ts')).toString(), type: 1 }] });
    const rows = (await inventory())?.inventory.rows;
    assert.deepEqual(rows?.map((row) => row.file), ['app/route.ts', 'lib/ask.ts', 'lib/more.ts']);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
