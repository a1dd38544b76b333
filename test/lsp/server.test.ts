import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type Hover } from 'vscode-languageserver-protocol';
import { byRule, LspClient } from './lspClient';

/** Polls until `check` holds (the server re-reads dependent files after an edit, on its own schedule). */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-lsp-'));
const chatFile = path.join(workspace, 'chat.ts');
const chatUri = pathToFileURL(chatFile).toString();
const chatCode = `import OpenAI from 'openai';

const openai = new OpenAI();

export async function answer(question: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-2024-08-06',
    max_completion_tokens: 200,
    messages: [{ role: 'user', content: question }],
  });
  return completion.choices[0].message.content;
}
`;

function apply(text: string, action: CodeAction, uri: string): string {
  const edits = action.edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 0, text), edits);
}

async function codeActions(client: LspClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
}

describe('language server over stdio', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient({ debounceMs: 50 });
    const { capabilities } = await client.initialize(workspace, true);
    assert.ok(capabilities.hoverProvider);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes AIR001 with its code and a link to the rule page, then a quick-fix clears it', async () => {
    await client.open(chatUri, chatCode);
    const published = await client.diagnostics(chatUri);
    const [timeout] = byRule(published.diagnostics, 'AIR001');
    assert.ok(timeout, `AIR001 expected, got ${JSON.stringify(published.diagnostics.map((d) => d.code))}`);
    assert.equal(timeout.source, 'prodready');
    assert.equal(timeout.range.start.line, 5);
    const href = timeout.codeDescription?.href ?? '';
    assert.match(href, /docs\/rules\/AIR001\.md$/);
    assert.ok(fs.existsSync(fileURLToPath(href)), `rule page ${href} exists`);

    const actions = await codeActions(client, chatUri, [timeout]);
    const fix = actions.find((action) => action.title === 'Add a 30 s timeout to this call');
    assert.ok(fix, `quick-fix expected among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.some((action) => action.title.startsWith('Ignore AIR001')));

    const fixed = apply(chatCode, fix, chatUri);
    assert.match(fixed, /\}, \{ timeout: 30000 \}\);/);
    const since = client.publishedCount();
    await client.change(chatUri, fixed, 2);
    const after = await client.diagnostics(chatUri, (p) => p.version === 2, since);
    assert.deepEqual(byRule(after.diagnostics, 'AIR001'), []);
  });

  it('offers fixes only for a diagnostic of the current version that names its own finding', async () => {
    const uri = pathToFileURL(path.join(workspace, 'stale.ts')).toString();
    await client.open(uri, chatCode);
    const [timeout] = byRule((await client.diagnostics(uri)).diagnostics, 'AIR001');
    const fixTitles = async (diagnostic: Diagnostic) => (await codeActions(client, uri, [diagnostic], ['quickfix'])).map((action) => action.title);
    assert.ok((await fixTitles(timeout)).includes('Add a 30 s timeout to this call'));
    const data = timeout.data as { finding: number };
    // The data of another diagnostic, or of nothing: no fix, no waiver, no crash.
    for (const finding of [data.finding + 1, 999, -1, 0.5]) assert.deepEqual(await fixTitles({ ...timeout, data: { ...data, finding } }), []);
    assert.deepEqual(await fixTitles({ ...timeout, data: 'not an object' }), []);
    const since = client.publishedCount();
    await client.change(uri, `${chatCode}\n`, 2);
    await client.diagnostics(uri, (p) => p.version === 2, since);
    assert.deepEqual(await fixTitles(timeout), [], 'the diagnostic of version 1 is stale');
  });

  it('hovers a call site with the SDK, effective timeout and retries and their sources', async () => {
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: chatUri },
      position: { line: 5, character: 45 },
    });
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /OpenAI `chat\.completions\.create`/);
    assert.match(text, /Timeout: 30 s \(set on this call\)/);
    assert.match(text, /Retries: 2 \(SDK default, not set in code\)/);
    assert.match(text, /new OpenAI\(\) from 'openai'/);
    assert.match(text, /Owner: none declared/);
  });

  it('fix-all applies every preferred fix in one edit', async () => {
    const uri = pathToFileURL(path.join(workspace, 'many.ts')).toString();
    const code = `import OpenAI from 'openai';
const openai = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345' });
export const a = () => openai.responses.create({ model: 'gpt-4o', input: 'a' }).catch(() => null);
export async function b() {
  try {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
    console.info('ai.request', { id: r.id, usage: r.usage });
    return r;
  } catch {
    return null;
  }
}
`;
    await client.open(uri, code);
    const published = await client.diagnostics(uri);
    const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes(published.diagnostics), ['AIR001', 'AIR001', 'AIR004', 'AIR006', 'AIR006', 'AIR007', 'AIR008', 'AIR008']);
    const actions = await codeActions(client, uri, [], ['source.fixAll.prodready']);
    assert.equal(actions.length, 1);
    const fixed = apply(code, actions[0], uri);
    const since = client.publishedCount();
    await client.change(uri, fixed, 2);
    const after = await client.diagnostics(uri, (p) => p.version === 2, since);
    // Nothing to bind a log to in an expression-bodied arrow: AIR004 has no fix there and stays.
    assert.deepEqual(codes(after.diagnostics), ['AIR004']);
    assert.match(fixed, /apiKey: process\.env\.OPENAI_API_KEY/);
    assert.match(fixed, /model: 'gpt-4o-2024-08-06'/);
  });

  it('follows a client imported from another module, unsaved edits to that module included', async () => {
    const libFile = path.join(workspace, 'lib', 'ai.ts');
    const useFile = path.join(workspace, 'embed.ts');
    fs.mkdirSync(path.dirname(libFile), { recursive: true });
    const libCode = `import OpenAI from 'openai';\nexport const ai = new OpenAI({ timeout: 15_000 });\n`;
    fs.writeFileSync(libFile, libCode);
    const useCode = `import { ai } from './lib/ai';\nexport const embed = (text: string) => ai.embeddings.create({ model: 'text-embedding-3-small', input: text });\n`;
    const libUri = pathToFileURL(libFile).toString();
    const useUri = pathToFileURL(useFile).toString();
    await client.open(useUri, useCode);
    const first = await client.diagnostics(useUri);
    assert.deepEqual(byRule(first.diagnostics, 'AIR001'), [], 'the client read from disk has a timeout');

    // The timeout is removed in the open editor, not yet saved: the importing file is analysed again.
    await client.open(libUri, libCode);
    await client.diagnostics(libUri);
    const since = client.publishedCount(useUri) > 0 ? client.publishedCount() : 0;
    await client.change(libUri, `import OpenAI from 'openai';\nexport const ai = new OpenAI();\n`, 2);
    const second = await client.diagnostics(useUri, (p) => byRule(p.diagnostics, 'AIR001').length > 0, since);
    assert.equal(byRule(second.diagnostics, 'AIR001')[0].range.start.line, 1);

    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: useUri }, position: { line: 1, character: 45 } });
    const text = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /imported from '\.\/lib\/ai'.*built in \.\/lib\/ai\.ts/s);
  });

  it('makes the call of a parameter a model request when another module gives it a model callback, unsaved edits included', async () => {
    const invokerFile = path.join(workspace, 'flows', 'structured.ts');
    const callerFile = path.join(workspace, 'flows', 'tickets.ts');
    fs.mkdirSync(path.dirname(invokerFile), { recursive: true });
    const invokerCode = `export async function structured(generate: (prompt: string) => Promise<string>, prompt: string) {\n  const text = await generate(prompt);\n  return JSON.parse(text) as { label: string };\n}\n`;
    const callerWith = (callback: string) =>
      `import OpenAI from 'openai';\nimport { structured } from './structured';\nconst ai = new OpenAI({ timeout: 10_000 });\nexport const triage = (text: string) => structured(${callback}, text);\n`;
    const modelCallback = "async (p) => (await ai.responses.create({ model: 'gpt-4o-2024-08-06', input: p })).output_text";
    fs.writeFileSync(invokerFile, invokerCode);
    fs.writeFileSync(callerFile, callerWith(modelCallback));
    const invokerUri = pathToFileURL(invokerFile).toString();
    const callerUri = pathToFileURL(callerFile).toString();
    const hoverText = async () => {
      const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: invokerUri }, position: { line: 1, character: 22 } });
      return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    };
    // The caller is read from disk when the invoker is analysed; a caller module opened later is read again.
    await client.open(callerUri, callerWith(modelCallback));
    await client.diagnostics(callerUri);
    await client.open(invokerUri, invokerCode);
    await client.diagnostics(invokerUri);
    await waitFor(async () => /a callback passed in by callers in \.\/tickets\.ts/.test(await hoverText()));

    // The caller now gives a plain function, not yet saved: the invoker's parameter call is no request any more.
    await client.change(callerUri, callerWith('async (p) => p.toUpperCase()'), 2);
    await waitFor(async () => !/callback passed in/.test(await hoverText()));
  });

  it('drops stale work: a burst of edits publishes for the last version', async () => {
    const uri = pathToFileURL(path.join(workspace, 'burst.ts')).toString();
    await client.open(uri, 'export {};\n');
    await client.diagnostics(uri);
    const since = client.publishedCount(uri);
    for (let version = 2; version <= 6; version++) {
      await client.change(uri, `import OpenAI from 'openai';\nconst o = new OpenAI();\nexport const x${version} = () => o.embeddings.create({ model: 'm', input: 'x' });\n`, version);
    }
    const last = await client.diagnostics(uri, (p) => p.version === 6);
    assert.equal(byRule(last.diagnostics, 'AIR001').length, 1);
    assert.ok(client.publishedCount(uri) - since < 5, 'debounced: fewer publications than edits');
  });

  it('reports a malformed .prodready.json in that file and keeps defaults', async () => {
    const uri = pathToFileURL(path.join(workspace, '.prodready.json')).toString();
    await client.open(uri, '{ "rules": { "AIR001": "loud" } }', 'json');
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.match(published.diagnostics[0].message, /AIR001 \(ai-call-timeout\) takes one of/);
  });

  it('honours per-rule settings from the editor', async () => {
    const quiet = new LspClient({ rules: { AIR001: 'off', AIR003: 'off', AIR004: 'off', AIR008: 'hint', AIR006: 'error' } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-lsp-settings-'));
    try {
      await quiet.initialize(dir, true);
      const uri = pathToFileURL(path.join(dir, 'a.ts')).toString();
      await quiet.open(uri, `import OpenAI from 'openai';\nconst o = new OpenAI();\nexport const x = () => o.responses.create({ model: 'gpt-4o', input: 'x' });\n`);
      const published = await quiet.diagnostics(uri);
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['AIR006', 1], ['AIR008', 4]]);
    } finally {
      await quiet.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('language server over stdio: the prodready.preset setting', () => {
  it('changes severities live when the setting changes, and yields to a preset in .prodready.json', async () => {
    const editor = new LspClient({ preset: 'recommended' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-lsp-preset-'));
    try {
      await editor.initialize(dir, true);
      const uri = pathToFileURL(path.join(dir, 'a.ts')).toString();
      await editor.open(uri, `import OpenAI from 'openai';\nconst o = new OpenAI({ timeout: 20_000 });\nexport const x = () => o.responses.create({ model: 'gpt-4o-2024-08-06', input: 'x', max_output_tokens: 64 }).catch(() => undefined);\n`);
      const audit = (p: { diagnostics: Diagnostic[] }) => byRule(p.diagnostics, 'AIR004')[0]?.severity;
      assert.equal(audit(await editor.diagnostics(uri)), DiagnosticSeverity.Information);
      const since = editor.publishedCount();
      await editor.changeSettings({ preset: 'strict' });
      assert.equal(audit(await editor.diagnostics(uri, (p) => audit(p) === DiagnosticSeverity.Warning, since)), DiagnosticSeverity.Warning);
      // The project's own preset wins over the editor's.
      const config = pathToFileURL(path.join(dir, '.prodready.json')).toString();
      fs.writeFileSync(path.join(dir, '.prodready.json'), '{ "preset": "recommended" }\n');
      const beforeConfig = editor.publishedCount();
      await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 1 }] });
      assert.equal(audit(await editor.diagnostics(uri, (p) => audit(p) === DiagnosticSeverity.Information, beforeConfig)), DiagnosticSeverity.Information);
    } finally {
      await editor.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('language server over stdio: Python', () => {
  const pyWorkspace = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-lsp-py-'));
  const pyFile = path.join(pyWorkspace, 'triage.py');
  const pyUri = pathToFileURL(pyFile).toString();
  const pyCode = `from anthropic import Anthropic

claude = Anthropic()


def triage(text: str) -> str:
    message = claude.messages.create(model="claude-sonnet-4-5-20250929", max_tokens=50, messages=[{"role": "user", "content": text}])
    return message.content[0].text
`;
  let client: LspClient;

  before(async () => {
    client = new LspClient({ debounceMs: 20 });
    await client.initialize(pyWorkspace, true);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(pyWorkspace, { recursive: true, force: true });
  });

  it('publishes findings for a .py file; the timeout quick-fix writes timeout= and clears AIR001', async () => {
    await client.open(pyUri, pyCode, 'python');
    const published = await client.diagnostics(pyUri);
    const [timeout] = byRule(published.diagnostics, 'AIR001');
    assert.ok(timeout, `AIR001 expected, got ${JSON.stringify(published.diagnostics.map((d) => d.code))}`);
    assert.equal(timeout.range.start.line, 6);
    const actions = await codeActions(client, pyUri, [timeout]);
    const fix = actions.find((action) => action.title === 'Add a 30 s timeout to this call');
    assert.ok(fix, `quick-fix expected among ${actions.map((a) => a.title).join(', ')}`);
    const fixed = apply(pyCode, fix, pyUri);
    assert.match(fixed, /"content": text\}\], timeout=30\)/);

    const since = client.publishedCount();
    await client.change(pyUri, fixed, 2);
    const after = await client.diagnostics(pyUri, (p) => p.version === 2, since);
    assert.deepEqual(byRule(after.diagnostics, 'AIR001'), []);
    // Incremental re-parses keep up with further edits.
    const renamed = fixed.replace('def triage(text: str)', 'def triage_ticket(text: str)');
    await client.change(pyUri, renamed, 3);
    const third = await client.diagnostics(pyUri, (p) => p.version === 3, since);
    assert.ok(byRule(third.diagnostics, 'AIR003')[0].message.includes('triage_ticket()'));
  });

  it('a Python suppression comment hides a finding', async () => {
    const uri = pathToFileURL(path.join(pyWorkspace, 'quiet.py')).toString();
    const code = pyCode.replace('    message =', '    # prodready-ignore-next-line AIR001 -- the worker enforces a deadline\n    message =');
    await client.open(uri, code, 'python');
    const published = await client.diagnostics(uri);
    assert.deepEqual(byRule(published.diagnostics, 'AIR001'), []);
    assert.equal(byRule(published.diagnostics, 'AIR003').length, 1);
  });
});
