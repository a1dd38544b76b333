import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFacts } from '../../server/src/core/engine/analyzeFile';

const sitesOf = (code: string, file = 'a.ts') =>
  extractFacts(file, code).callSites.map((site) => ({
    sdk: site.sdk,
    api: site.api,
    operation: site.operation,
    streaming: site.streaming,
    model: site.model?.value ?? (site.model?.dynamic ? '<dynamic>' : undefined),
  }));

describe('TypeScript extractor', () => {
  it('recognises OpenAI, Anthropic and Vercel AI calls with their models', () => {
    const sites = sitesOf(`import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { generateText, streamText, embed } from 'ai';
import { openai as oai } from '@ai-sdk/openai';
const openai = new OpenAI();
const claude = new Anthropic();
const MODEL = 'gpt-4o-2024-08-06';
openai.chat.completions.create({ model: MODEL, messages: [], stream: true });
openai.responses.stream({ model: 'gpt-4o', input: 'x' });
claude.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 1, messages: [] });
claude.beta.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1, messages: [] });
generateText({ model: oai('gpt-4o-mini'), prompt: 'x' });
streamText({ model: oai.chat('gpt-4.1'), prompt: 'x' });
embed({ model: 'openai/text-embedding-3-small', value: 'x' });
openai.embeddings.create({ model: process.env.EMBED_MODEL!, input: 'x' });
`);
    assert.deepEqual(sites, [
      { sdk: 'openai', api: 'chat.completions.create', operation: 'chat', streaming: true, model: 'gpt-4o-2024-08-06' },
      { sdk: 'openai', api: 'responses.stream', operation: 'chat', streaming: true, model: 'gpt-4o' },
      { sdk: 'anthropic', api: 'messages.create', operation: 'chat', streaming: false, model: 'claude-3-5-haiku-latest' },
      { sdk: 'anthropic', api: 'beta.messages.create', operation: 'chat', streaming: false, model: 'claude-sonnet-4-5' },
      { sdk: 'vercel-ai', api: 'generateText', operation: 'chat', streaming: false, model: 'gpt-4o-mini' },
      { sdk: 'vercel-ai', api: 'streamText', operation: 'chat', streaming: true, model: 'gpt-4.1' },
      { sdk: 'vercel-ai', api: 'embed', operation: 'embedding', streaming: false, model: 'openai/text-embedding-3-small' },
      { sdk: 'openai', api: 'embeddings.create', operation: 'embedding', streaming: false, model: '<dynamic>' },
    ]);
  });

  it('ignores look-alikes: ORM creates, local objects, unknown methods, other modules', () => {
    const sites = sitesOf(`import mongoose from 'mongoose';
import OpenAI from 'openai';
import { generateText } from './text';
const Note = mongoose.model('Note', new mongoose.Schema({}));
const openai = new OpenAI();
Note.create({ text: 'x' });
const client = { chat: { completions: { create: (x: unknown) => x } } };
client.chat.completions.create({ model: 'none' });
openai.files.create({ file: null as never, purpose: 'assistants' });
generateText({ prompt: 'x' });
fetch('https://hooks.example.org/notify', { method: 'POST' });
`);
    assert.deepEqual(sites, []);
  });

  it('reads effective timeout and retries with their source', () => {
    const facts = extractFacts(
      'a.ts',
      `import OpenAI from 'openai';
const a = new OpenAI({ timeout: 20_000 });
const b = new OpenAI();
a.embeddings.create({ model: 'm', input: 'x' });
b.embeddings.create({ model: 'm', input: 'x' }, { maxRetries: 5, signal: AbortSignal.timeout(1) });
b.embeddings.create({ model: 'm', input: 'x' });
`,
    );
    const summary = facts.callSites.map((s) => [s.effective.timeout.source, s.effective.timeout.value, s.effective.retries.source, s.effective.retries.value]);
    assert.deepEqual(summary, [
      ['client', 20000, 'sdk-default', 2],
      ['call', undefined, 'call', 5],
      ['sdk-default', 600000, 'sdk-default', 2],
    ]);
    assert.equal(facts.callSites[1].effective.timeout.viaSignal, true);
  });

  it('records the enclosing function and how the call was recognised', () => {
    const [site] = extractFacts(
      'a.ts',
      `import OpenAI from 'openai';
const openai = new OpenAI();
export const handler = async () => openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
    ).callSites;
    assert.equal(site.enclosingFunction, 'handler');
    assert.match(site.recognizedBy, /new OpenAI\(\) from 'openai'/);
  });

  it('recognises plain HTTP to model endpoints, URLs in constants and axios instances included', () => {
    const sites = sitesOf(`import axios from 'axios';
import ky from 'ky';
const OPENAI_URL = 'https://api.openai.com/v1/chat/completions';
const BASE = 'https://api.anthropic.com';
const ollama = axios.create({ baseURL: 'http://localhost:11434' });
fetch(OPENAI_URL, { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [] }) });
fetch(\`\${BASE}/v1/messages\`, { method: 'POST', body: JSON.stringify({ model: 'claude-haiku-4-5', max_tokens: 9, messages: [] }) });
fetch(new URL('/v1beta/models/gemini-2.5-flash:generateContent', 'https://generativelanguage.googleapis.com'), { method: 'POST' });
ollama.post('/api/chat', { model: 'llama3', messages: [] });
ky.post('https://api.groq.com/openai/v1/chat/completions', { json: { model: 'llama-3.1-8b-instant', messages: [] } });
axios({ url: 'https://my-res.openai.azure.com/openai/deployments/chat/chat/completions', method: 'post', data: { messages: [] } });
fetch('https://api.openai.com/v1/models');
fetch('https://api.example.org/v1/chat/completions', { method: 'POST' });
ollama.get('/api/tags');
axios.post('http://localhost:11434/api/pull', { name: 'llama3' });
`);
    assert.deepEqual(sites, [
      { sdk: 'http', api: 'openai.chat', operation: 'chat', streaming: false, model: 'gpt-4o' },
      { sdk: 'http', api: 'anthropic.messages', operation: 'chat', streaming: false, model: 'claude-haiku-4-5' },
      { sdk: 'http', api: 'google.generate', operation: 'chat', streaming: false, model: undefined },
      { sdk: 'http', api: 'ollama.chat', operation: 'chat', streaming: false, model: 'llama3' },
      { sdk: 'http', api: 'groq.chat', operation: 'chat', streaming: false, model: 'llama-3.1-8b-instant' },
      { sdk: 'http', api: 'azure.chat', operation: 'chat', streaming: false, model: undefined },
    ]);
  });
});

describe('clients loaded on first use', () => {
  const effectiveOf = (code: string) =>
    extractFacts('lazy.ts', code).callSites.map((site) => [site.api, site.effective.timeout.value ?? site.effective.timeout.source, site.effective.retries.value ?? site.effective.retries.source]);

  it('follows a field assigned after `await import()`, a default export destructured from it, and a subpath import', () => {
    const code = `import type OpenAI from 'openai';
import { Anthropic as Entry } from '@anthropic-ai/sdk/index.js';
class Lazy {
  private openai!: OpenAI;
  private claude!: Entry;
  async init() {
    const sdk = await import('openai');
    this.openai = new sdk.OpenAI({ timeout: 9_000 });
    const { default: Claude } = await import('@anthropic-ai/sdk');
    this.claude = new Claude({ maxRetries: 0 });
  }
  ask(q: string) {
    return this.openai.chat.completions.create({ model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: q }] });
  }
  draft(q: string) {
    return this.claude.messages.create({ model: 'claude-sonnet-4-20250514', max_tokens: 100, messages: [{ role: 'user', content: q }] });
  }
}
const direct = new Entry({ timeout: 1_000 });
export const ping = () => direct.messages.create({ model: 'claude-sonnet-4-20250514', max_tokens: 1, messages: [] });
`;
    assert.deepEqual(effectiveOf(code), [
      ['chat.completions.create', 9000, 2],
      ['messages.create', 600000, 0],
      ['messages.create', 1000, 2],
    ]);
  });

  it('does not take a module loaded for something else for an SDK', () => {
    assert.deepEqual(effectiveOf(`export async function save(db: { create(x: object): Promise<void> }) {\n  const p = await import('node:path');\n  await db.create({ name: p.basename('a') });\n}\n`), []);
  });
});
