// The waiver quick fix over the protocol: built by the core, carried in Diagnostic.data, applied by the editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { byRule, LspClient } from './lspClient';

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-lsp-waivers-'));

const tsCode = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function ask(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-2024-08-06', max_completion_tokens: 50, messages: [{ role: 'user', content: q }] });
  return r;
}
`;
const pyCode = `from openai import OpenAI

client = OpenAI()


def ask(q):
    if q:
        return client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=50, messages=[{"role": "user", "content": q}])
`;

async function waiverOf(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction> {
  const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  const waiver = actions.find((action) => action.title === `Ignore ${diagnostic.code} for this line`);
  assert.ok(waiver, `waiver expected among ${actions.map((a) => a.title).join(', ')}`);
  assert.equal(waiver.kind, 'quickfix');
  const titles = actions.filter((action) => action.kind === 'quickfix').map((action) => action.title);
  // This client offers no client commands: no "Show documentation", no selection of the reason.
  assert.deepEqual(titles.slice(titles.indexOf(waiver.title)), [`Ignore ${diagnostic.code} for this line`, `Disable ${diagnostic.code} in .prodready.json`]);
  assert.equal(waiver.command, undefined);
  return waiver;
}

describe('language server: waiving a finding', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient({ debounceMs: 20 });
    await client.initialize(workspace, true);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  for (const [language, file, code, comment] of [
    ['typescript', 'ask.ts', tsCode, '  // prodready-ignore-next-line AIR001 -- reason\n'],
    ['python', 'ask.py', pyCode, '        # prodready-ignore-next-line AIR001 -- reason\n'],
  ] as const) {
    it(`${language}: the waiver writes ${comment.trim().split(' ')[0]} above the call and the finding goes`, async () => {
      const uri = pathToFileURL(path.join(workspace, file)).toString();
      await client.open(uri, code, language);
      const published = await client.diagnostics(uri);
      const [timeout] = byRule(published.diagnostics, 'AIR001');
      assert.ok(timeout, `AIR001 expected, got ${JSON.stringify(published.diagnostics.map((d) => d.code))}`);
      const waiver = await waiverOf(client, uri, timeout);
      const edits = waiver.edit?.changes?.[uri] ?? [];
      assert.deepEqual(edits.map((edit) => edit.newText), [comment]);
      assert.equal(edits[0].range.start.character, 0);
      const waived = TextDocument.applyEdits(TextDocument.create(uri, language, 1, code), edits);

      let since = client.publishedCount();
      await client.change(uri, waived, 2);
      const undecided = await client.diagnostics(uri, (p) => p.version === 2, since);
      assert.equal(byRule(undecided.diagnostics, 'AIR001').length, 1, 'the placeholder reason is not a decided waiver');

      since = client.publishedCount();
      await client.change(uri, waived.replace('-- reason', '-- the gateway enforces a deadline'), 3);
      const afterWaiver = await client.diagnostics(uri, (p) => p.version === 3, since);
      assert.deepEqual(byRule(afterWaiver.diagnostics, 'AIR001'), []);
      assert.ok(afterWaiver.diagnostics.length > 0, 'the other findings stay');
    });
  }

  it('an unsaved .prodready.json applies to the documents below it as it is typed', async () => {
    const uri = pathToFileURL(path.join(workspace, 'svc', 'route.ts')).toString();
    await client.open(uri, tsCode);
    const first = await client.diagnostics(uri);
    assert.equal(byRule(first.diagnostics, 'AIR001').length, 1);
    const configUri = pathToFileURL(path.join(workspace, 'svc', '.prodready.json')).toString();
    const since = client.publishedCount();
    await client.open(configUri, '{ "rules": { "AIR001": "off" } }', 'json');
    const quiet = await client.diagnostics(uri, (p) => byRule(p.diagnostics, 'AIR001').length === 0, since);
    assert.ok(quiet.diagnostics.length > 0);
  });
});
