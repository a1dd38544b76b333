// What an editor user sees, over the protocol: each finding on the range it is about, the hover's first block,
// the quick-fix menu's order, and findings of files never opened (workspace diagnostics, with $/progress).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MessageType, type CodeAction, type Diagnostic, type Hover, type Range } from 'vscode-languageserver-protocol';
import { byRule, LspClient } from './lspClient';

const COMMANDS = ['prodready.selectRange', 'prodready.showRuleDocumentation'];

const route = `import { streamText } from 'ai';
import OpenAI from 'openai';

const openai = new OpenAI();

export async function POST(req: Request) {
  const { prompt } = await req.json();
  const result = streamText({ model: 'openai/gpt-4o-2024-08-06', prompt, maxOutputTokens: 500 });
  return result.toTextStreamResponse();
}

export async function summarize(text: string) {
  try {
    const reply = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
    return reply.choices[0].message.content;
  } catch (error) {
    console.error(error);
  }
}
`;

const neverOpened = `from openai import OpenAI

client = OpenAI()


def tag(ticket):
    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": ticket}])
`;

/** The text a range covers in `text`. */
function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
}

describe('language server: what the editor shows', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-lsp-editor-'));
  fs.mkdirSync(path.join(workspace, 'workers'));
  fs.writeFileSync(path.join(workspace, 'workers', 'tag.py'), neverOpened);
  fs.writeFileSync(path.join(workspace, '.prodready.json'), '{\n  "budget": { "monthlyUsd": 100, "requestsPerMonth": 1000 }\n}\n');
  // Newer than the bundled price table: the hover prices with it, and says so.
  fs.writeFileSync(path.join(workspace, 'prices.data.json'), JSON.stringify({ asOf: '2099-01-01', source: 'team prices', models: [{ id: 'gpt-4o-2024-08-06', input: 2.5, output: 10 }] }));
  // Saved, as files an editor opens are: the workspace count reads the disk listing.
  fs.writeFileSync(path.join(workspace, 'route.ts'), route);
  const uri = pathToFileURL(path.join(workspace, 'route.ts')).toString();
  const diskUri = pathToFileURL(path.join(workspace, 'workers', 'tag.py')).toString();
  let client: LspClient;
  let diagnostics: Diagnostic[];

  before(async () => {
    client = new LspClient({ debounceMs: 20, dataFile: 'prices.data.json' });
    await client.initialize(workspace, true, { progress: true, commands: COMMANDS });
    await client.open(uri, route);
    diagnostics = (await client.diagnostics(uri, (p) => p.version === 1)).diagnostics;
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('puts each finding on what it is about, one AIR011 per stream', () => {
    const [timeout] = byRule(diagnostics, 'AIR001').filter((d) => d.range.start.line === 13);
    assert.equal(textAt(route, timeout.range), "{ model: 'gpt-4o', messages: [{ role: 'user', content: text }] }", 'the options object that lacks the timeout');
    const [model] = byRule(diagnostics, 'AIR008');
    assert.equal(textAt(route, model.range), "'gpt-4o'", 'the model string');
    const [handler] = byRule(diagnostics, 'AIR003');
    assert.equal(textAt(route, handler.range), 'catch (error)', 'the catch that only logs');
    const streams = byRule(diagnostics, 'AIR011');
    assert.equal(streams.length, 1);
    assert.equal(textAt(route, streams[0].range), 'streamText');
    assert.match(streams[0].message, /disconnect and leaves its errors unhandled\.$/);
    const ranges = new Set(diagnostics.map((d) => JSON.stringify(d.range)));
    assert.ok(ranges.size >= diagnostics.length - 2, `findings spread over their ranges: ${diagnostics.length} findings on ${ranges.size} ranges`);
  });

  it('shows the first sentence of each message in Problems, at most 100 characters', () => {
    for (const diagnostic of diagnostics) {
      assert.ok(diagnostic.message.length <= 100, diagnostic.message);
      assert.doesNotMatch(diagnostic.message, /[.!?] \S/, `one sentence: ${diagnostic.message}`);
    }
  });

  it('opens the hover with the call-site summary, then the findings', async () => {
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 48 } });
    const text = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    const [first, findings] = text.split('\n---\n');
    assert.match(first, /^\*\*prodready\*\* · OpenAI `chat\.completions\.create` \(chat\)/);
    assert.match(first, /- Model: `gpt-4o` \(lifecycle data as of 2026-11-01 from prodready bundled model registry\)\n/);
    assert.match(first, /- Timeout: 10 min \(SDK default, not set in code\)/);
    assert.match(first, /- Retries: 2 \(SDK default, not set in code\)/);
    assert.match(first, /- Owner: none declared/);
    assert.doesNotMatch(first, /AIR0/, 'no finding in the first block');
    assert.match(findings, /\[AIR001\]\(file:[^)]*AIR001\.md\) warning: /);
    assert.match(findings, /\[AIR004\]\([^)]*\) info: /);
  });

  it('says what a request can cost at most, from which price table of which date, and a month at the declared traffic', async () => {
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 20 } });
    const text = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    const cost = text.split('\n---\n')[0].split('\n').find((line) => line.startsWith('- Cost: '));
    assert.equal(
      cost,
      '- Cost: ≤ $0.0050 per request (openai/gpt-4o-2024-08-06, 500 output tokens, input not counted (no literal prompt text to estimate from), prices as of 2099-01-01 from team prices (prices.data.json)); ≤ $5.00 a month at 1,000 requests',
    );
  });

  it('shows an unknown cost as unknown, never as $0', async () => {
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 48 } });
    const text = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text.split('\n---\n')[0], /\n- Cost: unknown \(no output bound\)$/m);
  });

  it('orders the quick fixes: fixes first (the preferred one on top), then per rule ignore, disable, documentation', async () => {
    const [timeout] = byRule(diagnostics, 'AIR001').filter((d) => d.range.start.line === 13);
    const atCall = diagnostics.filter((d) => d.range.start.line === 13);
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: timeout.range, context: { diagnostics: atCall, only: ['quickfix'] } });
    const titles = actions.map((action) => action.title);
    const firstPerRule = titles.findIndex((title) => title.startsWith('Ignore '));
    assert.ok(firstPerRule > 0, titles.join(' | '));
    assert.ok(titles.slice(0, firstPerRule).every((title) => !/^(Ignore|Disable|Show documentation) /.test(title)), 'fixes come first');
    assert.equal(actions[0].isPreferred, true, `the preferred fix is first: ${titles[0]}`);
    const rules = [...new Set(atCall.map((d) => String(d.code)))];
    assert.deepEqual(
      titles.slice(firstPerRule),
      rules.flatMap((id) => [`Ignore ${id} for this line`, `Disable ${id} in .prodready.json`, `Show documentation for ${id}`]),
    );

    const ignore = actions.find((action) => action.title === 'Ignore AIR001 for this line')!;
    const [comment] = ignore.edit!.changes![uri];
    assert.equal(comment.newText, '    // prodready-ignore-next-line AIR001 -- reason\n');
    assert.deepEqual(ignore.command?.arguments, [uri, { start: { line: 13, character: 44 }, end: { line: 13, character: 50 } }], 'the reason is selected for typing');

    const disable = actions.find((action) => action.title === 'Disable AIR001 in .prodready.json')!;
    const change = disable.edit!.documentChanges![0] as { textDocument: { uri: string }; edits: { newText: string }[] };
    assert.equal(change.textDocument.uri, pathToFileURL(path.join(workspace, '.prodready.json')).toString());
    assert.match(change.edits.map((edit) => edit.newText).join(''), /"rules": \{\s*"AIR001": "off"\s*\}/);

    const docs = actions.find((action) => action.title === 'Show documentation for AIR001')!;
    assert.deepEqual(docs.command, { title: 'Show documentation for AIR001', command: 'prodready.showRuleDocumentation', arguments: ['AIR001'] });
  });

  it('publishes the findings of a file never opened, with $/progress while indexing and the count after', async () => {
    const published = await client.diagnostics(diskUri);
    assert.equal(published.version, undefined, 'from disk');
    assert.deepEqual(byRule(published.diagnostics, 'AIR001').map((d) => d.range.start.line), [6]);
    assert.ok(published.diagnostics.every((d) => d.data === undefined), 'no fixes without a document version');
    const progress = await client.notification<{ value: { kind: string; title?: string } }>('$/progress', (p) => p.value.kind === 'begin');
    assert.equal(progress.value.title, 'prodready');
    await client.notification<{ value: { kind: string } }>('$/progress', (p) => p.value.kind === 'end');
    // Once the open document's analysis is in, the count covers both files.
    const total = diagnostics.length + published.diagnostics.length;
    const ready = await client.notification<{ state: string; findings: number }>('prodready/status', (p) => p.state === 'ready' && p.findings === total);
    assert.equal(ready.findings, total);
  });

  it('follows a file changed on disk', async () => {
    const file = path.join(workspace, 'workers', 'summarize.py');
    fs.writeFileSync(file, neverOpened.replace('def tag', 'def summarize'));
    const created = pathToFileURL(file).toString();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: created, type: 1 }] });
    const first = await client.diagnostics(created);
    assert.equal(byRule(first.diagnostics, 'AIR001').length, 1);

    const since = client.publishedCount();
    fs.writeFileSync(file, neverOpened.replace('def tag', 'def summarize').replace('OpenAI()', 'OpenAI(timeout=20)'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: created, type: 2 }] });
    const fixed = await client.diagnostics(created, () => true, since);
    assert.equal(byRule(fixed.diagnostics, 'AIR001').length, 0);
  });
});

describe('language server: prodready.scope openFiles', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-lsp-scope-'));
  fs.writeFileSync(path.join(workspace, 'tag.py'), neverOpened);
  fs.writeFileSync(path.join(workspace, 'open.py'), neverOpened);
  let client: LspClient;

  before(async () => {
    client = new LspClient({ debounceMs: 20, scope: 'openFiles' });
    await client.initialize(workspace, true);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes open files only, and still counts their findings', async () => {
    const openUri = pathToFileURL(path.join(workspace, 'open.py')).toString();
    await client.open(openUri, neverOpened, 'python');
    await client.diagnostics(openUri);
    const ready = await client.notification<{ state: string; findings: number }>('prodready/status', (p) => p.state === 'ready');
    assert.ok(ready.findings > 0);
    assert.equal(client.publishedCount(pathToFileURL(path.join(workspace, 'tag.py')).toString()), 0);
  });
});

describe('language server: what the Output channel logs at the default level', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-lsp-log-'));
  fs.writeFileSync(path.join(workspace, 'tag.py'), neverOpened);
  fs.writeFileSync(path.join(workspace, 'util.ts'), 'export const x = 1;\n');
  fs.writeFileSync(path.join(workspace, 'blob.ts'), `export const b = '\u0000';\n`);
  let client: LspClient;

  before(async () => {
    client = new LspClient({ debounceMs: 20 });
    await client.initialize(workspace, true);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** window/logMessage lines at Info or above: what VS Code's log Output channel shows at its default level (Info). */
  const logLine = (pattern: RegExp) =>
    client.notification<{ type: number; message: string }>('window/logMessage', (p) => pattern.test(p.message)).then((p) => {
      assert.ok(p.type <= MessageType.Info, `"${p.message}" is logged at ${p.type}, below Info`);
      return p.message;
    });

  it('logs start-up, the workspace size, the files skipped and how long indexing took', async () => {
    assert.match(await logLine(/^prodready server started/), /^prodready server started \(Node v\d+\.\d+\.\d+\); 1 workspace folder: file:\/\//);
    const indexed = await logLine(/^Indexed /);
    assert.equal(indexed.slice(0, `Indexed ${workspace}: `.length), `Indexed ${workspace}: `);
    assert.match(indexed, /: 3 files, 2 source files analysed \(\d parsed\), 1 skipped, 1 AI call sites in 1 files, \d+ findings, in \d+ ms\.$/);
    assert.equal(await logLine(/^Skipped /), 'Skipped 1 file: blob.ts (skipped, it looks binary.).');
  });
});
