// The server survives every document and every malformed message: it answers, logs, and serves the next file.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { SERVER_NODE_ARGUMENTS } from '../../server/src/launch';
import { LspClient, SERVER } from './lspClient';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-hostile-'));
const normal = `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (q: string) => openai.chat.completions.create({ model: 'gpt-4o-2024-08-06', messages: [{ role: 'user', content: q }] });
`;

const hostile: [name: string, file: string, text: string][] = [
  ['one-argument fetch to a model', 'fetch1.ts', "fetch('https://api.anthropic.com/v1/messages')\n"],
  ['half-typed fetch', 'fetch2.ts', "await fetch('https://api.anthropic.com/v1/messages'"],
  ['1,500-term string chain', 'chain.ts', `const p = ${Array.from({ length: 1500 }, () => '"ab"').join(' + ')};\n`],
  ['5,000 nested brackets (TS)', 'deep.ts', `const x = ${'('.repeat(5000)}1${')'.repeat(5000)};\n`],
  ['5,000 nested calls (Python)', 'deep.py', `x = ${'f('.repeat(5000)}${')'.repeat(5000)}\n`],
  ['100,000-character word in a prompt', 'word.ts', `import OpenAI from 'openai';\nconst o = new OpenAI();\no.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: '${'A'.repeat(100_000)}' }] });\n`],
  ['NUL, BOM, RTL and lone surrogates', 'odd.ts', `\uFEFFconst a = '\u202E\uD800';\u0000\n${normal}`],
  ['CR-only Python', 'cr.py', 'from openai import OpenAI\rclient = OpenAI()\rclient.chat.completions.create(model="gpt-4o", messages=[])\r'],
  ['unterminated template', 'tpl.ts', `${normal}const t = \`never closed \${`],
];

describe('the language server under hostile input', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient(undefined);
    await client.initialize(root, false);
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('opens each hostile document, edits it, hovers and asks for fixes, and still serves a normal file', async () => {
    for (const [name, file, text] of hostile) {
      const uri = pathToFileURL(path.join(root, file)).toString();
      await client.open(uri, text, file.endsWith('.py') ? 'python' : 'typescript');
      await client.diagnostics(uri);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '(' }],
      });
      await client.diagnostics(uri, (p) => p.version === 2);
      const position = { line: 0, character: 3 };
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
      assert.ok(true, name);
    }
    const uri = pathToFileURL(path.join(root, 'normal.ts')).toString();
    await client.open(uri, normal);
    const published = await client.diagnostics(uri);
    assert.ok(published.diagnostics.some((d) => d.code === 'AIR001'), 'the normal file gets its findings');
  });

  it('tells, once and as information, that a file was read only in part', async () => {
    const uri = pathToFileURL(path.join(root, 'chain2.ts')).toString();
    await client.open(uri, `const p = ${Array.from({ length: 1500 }, () => '"ab"').join(' + ')};\n${normal}`);
    const published = await client.diagnostics(uri);
    const notices = published.diagnostics.filter((d) => d.severity === 3 && /not analysed/.test(d.message));
    assert.equal(notices.length, 1);
    assert.ok(published.diagnostics.some((d) => d.code === 'AIR001'), 'the rest of the file is analysed');
  });

  it('accepts odd URIs without dying: a remote host, an encoded slash, broken percent-encoding, untitled', async () => {
    for (const uri of ['file://host/share/a.ts', 'file:///tmp/a%2Fb.ts', 'file:///tmp/%E0%A4%A.ts', 'untitled:Untitled-1']) {
      await client.open(uri, normal);
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 40 } });
      assert.equal(hover, null);
    }
    const uri = pathToFileURL(path.join(root, 'after-odd.ts')).toString();
    await client.open(uri, normal);
    assert.ok((await client.diagnostics(uri)).diagnostics.length > 0);
  });
});

/** Raw stdio, to send what a JSON-RPC client library would never send. */
function rawServer() {
  const child = spawn(process.execPath, [...SERVER_NODE_ARGUMENTS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  return {
    write: (bytes: string) => child.stdin.write(bytes),
    send: (message: object) => child.stdin.write(frame(JSON.stringify(message))),
    /** Resolves with the response to `id` once it has arrived. */
    response: (id: number) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no response to ${id}; got:\n${output.slice(0, 500)}`)), 15_000);
        const poll = setInterval(() => {
          const messages = output.split(/Content-Length: \d+\r\n\r\n/).filter(Boolean).map((body) => JSON.parse(body) as Record<string, unknown>);
          const found = messages.find((message) => message.id === id);
          if (found) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve(found);
          }
        }, 20);
      }),
    kill: () => child.kill(),
  };
}

const initialize = (id: number) => ({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

describe('the language server under malformed messages', () => {
  it('answers a request sent before initialize with ServerNotInitialized', async () => {
    const server = rawServer();
    try {
      server.send({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.ts' }, position: { line: 0, character: 0 } } });
      const early = await server.response(1);
      assert.equal((early.error as { code: number }).code, -32002);
      server.send(initialize(2));
      assert.ok((await server.response(2)).result);
    } finally {
      server.kill();
    }
  });

  for (const [name, bytes] of [
    ['a body that is not JSON', 'Content-Length: 5\r\n\r\nhello'],
    ['a length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['no Content-Length', 'Content-Type: x\r\n\r\n{}'],
    ['bytes that are not LSP at all', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a JSON array', 'Content-Length: 2\r\n\r\n[]'],
  ] as const) {
    it(`reads the next message after ${name}`, async () => {
      const server = rawServer();
      try {
        server.write(bytes);
        server.send(initialize(7));
        assert.ok((await server.response(7)).result);
      } finally {
        server.kill();
      }
    });
  }
});
