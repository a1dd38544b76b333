// Recognition beyond a client built next to its call: declared types, late assignments, caches, call shape.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFacts } from '../../server/src/core/engine/analyzeFile';
import { hoverMarkdown } from '../../server/src/lsp/hover';

const sitesOf = (code: string, file = 'a.ts') =>
  extractFacts(file, code).callSites.map((site) => ({ line: code.slice(0, site.span.start).split('\n').length, sdk: site.sdk, api: site.api, by: site.recognizedBy, timeout: site.effective.timeout.source }));

describe('call-shape fallback', () => {
  it('recognises model-only chains on receivers it cannot trace, and says so', () => {
    const sites = sitesOf(`import { llm } from '@acme/runtime';
export async function run(text: string, deps: any) {
  await llm.chat.completions.create({ model: 'gpt-4o', messages: [] });
  await deps.claude.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 9, messages: [] });
  await deps.ai.models.generateContent({ model: 'gemini-2.0-flash', contents: text });
  await deps.aws.send(new ConverseCommand({ modelId: 'x', messages: [] }));
  await deps.vectors.embeddings.create({ model: 'text-embedding-3-small', input: text });
}
declare class ConverseCommand { constructor(input: object); }
`);
    assert.deepEqual(sites.map(({ line, sdk, api, by, timeout }) => [line, sdk, api, by, timeout]), [
      [3, 'openai', 'chat.completions.create', 'shape', 'unknown'],
      [4, 'anthropic', 'messages.create', 'shape', 'unknown'],
      [5, 'google-genai', 'models.generateContent', 'shape', 'unknown'],
      [6, 'bedrock', 'ConverseCommand', 'shape', 'unknown'],
      [7, 'openai', 'embeddings.create', 'shape', 'unknown'],
    ]);
    const [site] = extractFacts('a.ts', `declare const llm: any;\nllm.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`).callSites;
    assert.match(hoverMarkdown(site), /Recognised by: call shape \(`chat\.completions\.create`\); the receiver was not resolved/);
  });

  it('keeps look-alikes out: ambiguous chains without the model options, look-alike packages, local and typed fakes', () => {
    const sites = sitesOf(`import Stripe from 'stripe';
import { PrismaClient } from '@prisma/client';
const stripe = new Stripe('k');
const prisma = new PrismaClient();
export async function run(deps: any, fake: { chat: { completions: { create(x: object): void } } }) {
  await deps.twilio.messages.create({ to: '1', from: '2', body: 'x' });
  await deps.db.completions.create({ data: {} });
  await stripe.checkout.sessions.create({ mode: 'payment' });
  await prisma.message.create({ data: { model: 'x', max_tokens: 1 } });
  fake.chat.completions.create({ model: 'gpt-4o' });
  await deps.s3.send(new PutObjectCommand({}));
}
declare class PutObjectCommand { constructor(input: object); }
`);
    assert.deepEqual(sites, []);
  });
});

describe('declared types and class state', () => {
  it('follows fields set after a dynamic import, memoised promises, getters, caches and object-typed parameters', () => {
    const sites = sitesOf(`import type Groq from 'groq-sdk';
import OpenAI from 'openai';
interface Deps { openai: OpenAI }
export class Adapter {
  private client!: Groq;
  private session?: Promise<OpenAI>;
  private readonly cache = new Map<string, OpenAI>();
  async init() {
    const sdk = await import('groq-sdk');
    this.client = new sdk.Groq({ timeout: 5000 });
  }
  private get lazy(): OpenAI { return new OpenAI(); }
  async run(text: string, deps: Deps) {
    await this.client.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [] });
    await (await this.session)?.embeddings.create({ model: 'text-embedding-3-small', input: text });
    await this.cache.get('k')?.moderations.create({ input: text });
    await this.lazy.moderations.create({ input: text });
    await deps.openai.moderations.create({ input: text });
  }
}
`);
    assert.deepEqual(sites.map(({ line, sdk, timeout }) => [line, sdk, timeout]), [
      [14, 'groq', 'client'],
      [15, 'openai', 'unknown'],
      [16, 'openai', 'unknown'],
      [17, 'openai', 'sdk-default'],
      [18, 'openai', 'unknown'],
    ]);
    assert.ok(sites.every((site) => site.by !== 'shape'));
  });
});

describe('raw HTTP to a configured base URL', () => {
  it('matches model paths behind a runtime base, injected fetches and model-shaped bodies; not other routes', () => {
    const sites = sitesOf(`declare const config: { baseUrl?: string; fetch: typeof fetch };
export async function run(base: string, target: string, text: string) {
  await fetch(\`\${config.baseUrl || 'https://gw.example'}/chat/completions\`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [] }) });
  await config.fetch(base + '/v1/embeddings', { method: 'POST', body: JSON.stringify({ model: 'e', input: text }) });
  await fetch(target, { method: 'POST', body: JSON.stringify({ model: 'm', prompt: text }) });
  await fetch(\`\${base}/messages\`, { method: 'POST', body: JSON.stringify({ channel: 'c', text }) });
  await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ model: 'm', messages: [] }) });
  await fetch(target, { method: 'POST', body: JSON.stringify({ query: text }) });
}
`);
    assert.deepEqual(sites.map(({ line, api }) => [line, api]), [
      [3, 'configured.chat'],
      [4, 'configured.embeddings'],
      [5, 'configured.model-body'],
    ]);
  });
});
