// Prices and lifecycle data without a release, over the protocol: a data package among the workspace's
// dependencies and a data file named by the settings are read; when one of them (or the package.json that names
// the package) changes on disk, the server reads them again and the hover and the findings follow.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { byRule, LspClient } from './lspClient';

const MODEL = 'gpt-4o-2024-08-06';

const route = `import OpenAI from 'openai';

const openai = new OpenAI({ timeout: 20_000 });

export async function summarize(text: string) {
  const reply = await openai.chat.completions.create({ model: '${MODEL}', max_completion_tokens: 500, messages: [{ role: 'user', content: text }] });
  return reply.choices[0].message.content;
}
`;

const prices = (asOf: string, source: string, output: number, status?: 'deprecated' | 'retired') => ({
  asOf,
  source,
  models: [{ id: MODEL, input: 2.5, output }],
  ...(status ? { lifecycle: [{ id: MODEL, status, replacement: 'gpt-4.1-2025-04-14', since: '2099-01-01' }] } : {}),
});

describe('language server: data files followed on disk', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-lsp-data-'));
  const file = (relative: string) => path.join(workspace, relative);
  const write = (relative: string, value: unknown) => {
    fs.mkdirSync(path.dirname(file(relative)), { recursive: true });
    fs.writeFileSync(file(relative), JSON.stringify(value, null, 2));
    return pathToFileURL(file(relative)).toString();
  };
  const packageJson = write('package.json', { name: 'app', dependencies: { '@acme/ai-prices': '^1.0.0', openai: '^5.0.0' } });
  write('node_modules/@acme/ai-prices/package.json', { name: '@acme/ai-prices', version: '1.0.0', prodready: { data: 'data/prices.json' } });
  write('node_modules/@acme/ai-prices/data/prices.json', prices('2099-01-01', 'Acme prices', 10));
  write('node_modules/openai/package.json', { name: 'openai', version: '5.0.0' });
  fs.writeFileSync(file('route.ts'), route);
  const uri = pathToFileURL(file('route.ts')).toString();
  let client: LspClient;

  /** The hover's first block at the model call, by line: its Model and Cost lines. */
  const hover = async () => {
    const result = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 40 } });
    const text = typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    const lines = text.split('\n---\n')[0].split('\n');
    return { model: lines.find((line) => line.startsWith('- Model: ')), cost: lines.find((line) => line.startsWith('- Cost: ')) };
  };
  /** The next diagnostics of the document after `since` whose AIR008 finding passes `test`. */
  const findings = (test: (air008: string | undefined) => boolean, since: number): Promise<PublishDiagnosticsParams> =>
    client.diagnostics(uri, (params) => test(byRule(params.diagnostics, 'AIR008')[0]?.message), since);

  before(async () => {
    // The named file does not exist yet: it is watched for all the same.
    client = new LspClient({ debounceMs: 20, dataFile: 'ops/prices.json' });
    await client.initialize(workspace, true, { progress: false, commands: [], watchFiles: true });
    await client.open(uri, route);
    await client.diagnostics(uri, (params) => params.version === 1);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('prices with the data package the workspace depends on, and names it with its date', async () => {
    const { model, cost } = await hover();
    assert.equal(model, `- Model: \`${MODEL}\``);
    assert.match(cost!, /^- Cost: ≤ \$0\.0050 per request .*prices as of 2099-01-01 from Acme prices \(@acme\/ai-prices 1\.0\.0\)\)$/);
  });

  it('asks the client to watch the files that decide the data and the folders they are in, node_modules included', async () => {
    const registration = client.registrations.find((entry) => entry.method === 'workspace/didChangeWatchedFiles');
    const watchers = (registration?.registerOptions as { watchers: { globPattern: { baseUri: string; pattern: string } }[] }).watchers;
    const watched = (relative: string) =>
      watchers.some(({ globPattern }) => {
        const folder = pathToFileURL(path.dirname(file(relative))).toString();
        const name = path.basename(relative);
        return globPattern.baseUri === folder && (globPattern.pattern === name || globPattern.pattern.slice(1, -1).split(',').includes(name));
      });
    for (const relative of ['ops/prices.json', 'ops', 'package.json', 'node_modules/@acme/ai-prices/package.json', 'node_modules/@acme/ai-prices/data/prices.json', 'node_modules/.package-lock.json']) {
      assert.ok(watched(relative), `${relative} in ${JSON.stringify(watchers)}`);
    }
  });

  it('reads a named data file once it is created, in a new folder: the newest asOf wins in the hover and the findings', async () => {
    const since = client.publishedCount();
    write('ops/prices.json', prices('2099-06-01', 'team prices', 20, 'retired'));
    // Its folder is new too: VS Code reports the folder alone, not the files made in it with it.
    await client.filesChanged([{ uri: pathToFileURL(file('ops')).toString(), type: 1 }]);
    const published = await findings((message) => message !== undefined, since);
    assert.match(byRule(published.diagnostics, 'AIR008')[0].message, /^Model "gpt-4o-2024-08-06" was retired on 2099-01-01: every call to it fails\./);
    const { model, cost } = await hover();
    assert.equal(model, `- Model: \`${MODEL}\` (lifecycle data as of 2099-06-01 from team prices (prices.json))`);
    assert.match(cost!, /^- Cost: ≤ \$0\.0100 per request .*prices as of 2099-06-01 from team prices \(prices\.json\)\)$/);
  });

  it('follows an update of the data package', async () => {
    const since = client.publishedCount();
    await client.filesChanged([{ uri: write('node_modules/@acme/ai-prices/data/prices.json', prices('2099-09-01', 'Acme prices', 30, 'deprecated')), type: 2 }]);
    await findings((message) => message?.includes('is deprecated and will be retired') === true, since);
    const { model, cost } = await hover();
    assert.equal(model, `- Model: \`${MODEL}\` (lifecycle data as of 2099-09-01 from Acme prices (@acme/ai-prices 1.0.0))`);
    assert.match(cost!, /prices as of 2099-09-01 from Acme prices \(@acme\/ai-prices 1\.0\.0\)\)$/);
  });

  it('drops the data of a package the workspace no longer depends on, and of a deleted file', async () => {
    const since = client.publishedCount();
    write('package.json', { name: 'app', dependencies: { openai: '^5.0.0' } });
    fs.rmSync(file('ops/prices.json'));
    await client.filesChanged([
      { uri: packageJson, type: 2 },
      { uri: pathToFileURL(file('ops/prices.json')).toString(), type: 3 },
    ]);
    await findings((message) => message === undefined, since);
    const { model, cost } = await hover();
    assert.equal(model, `- Model: \`${MODEL}\``);
    assert.match(cost!, /prices as of \d{4}-\d{2}-\d{2} from prodready bundled prices/);
  });

  it('reads the data file a changed .prodready.json names', async () => {
    const since = client.publishedCount();
    write('ops/team.json', prices('2099-07-01', 'team lifecycle', 20, 'retired'));
    const config = write('.prodready.json', { data: 'ops/team.json' });
    await client.filesChanged([{ uri: config, type: 1 }]);
    await findings((message) => message?.includes('was retired') === true, since);
    assert.equal((await hover()).model, `- Model: \`${MODEL}\` (lifecycle data as of 2099-07-01 from team lifecycle (team.json))`);
  });
});
