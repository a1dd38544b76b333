import { ruleTester } from '../ruleTester';

ruleTester('AIR001', {
  valid: [
    {
      name: 'a default client for one the caller may give: its settings are not visible, so no claim is made',
      code: `import OpenAI from 'openai';
function resolveClient(options: { client?: OpenAI }): OpenAI {
  if (options.client) return options.client;
  return new OpenAI();
}
export class Compactor {
  private readonly client: OpenAI;
  private readonly fallback: OpenAI;
  constructor(options: { client?: OpenAI }) {
    this.client = resolveClient(options);
    this.fallback = options.client ?? new OpenAI();
  }
  compact(input: string) {
    return this.client.responses.create({ model: 'gpt-4o', input });
  }
  retry(input: string) {
    return this.fallback.responses.create({ model: 'gpt-4o', input });
  }
}
`,
    },
    {
      name: 'a model wrapping another AI SDK model forwards its calls: no request of its own',
      code: `import type { LanguageModelV2, LanguageModelV2CallOptions } from '@ai-sdk/provider';

export class CachedModel {
  private readonly cache = new Map<string, unknown>();
  constructor(private readonly inner: LanguageModelV2) {}

  async doGenerate(options: LanguageModelV2CallOptions) {
    const key = JSON.stringify(options.prompt);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = await this.inner.doGenerate(options);
    this.cache.set(key, result);
    return result;
  }

  doStream(options: LanguageModelV2CallOptions) {
    return this.inner.doStream(options);
  }
}
`,
    },
    {
      name: 'a timeout in one arm of a conditional spread counts as set',
      code: `import OpenAI from 'openai';
declare const slow: boolean;
const openai = new OpenAI({ maxRetries: 2, ...(slow ? { timeout: 120_000 } : { timeout: 20_000 }) });
export const ask = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
    },
    {
      name: 'an AI SDK provider model given an abort signal; a look-alike doGenerate on a project class is no call',
      code: `import type { LanguageModelV2, LanguageModelV2Prompt } from '@ai-sdk/provider';

class Echo {
  async doGenerate(options: { prompt: string }) {
    return options.prompt;
  }
}

export const respond = (model: LanguageModelV2, prompt: LanguageModelV2Prompt, signal: AbortSignal) =>
  model.doStream({ prompt, abortSignal: signal });
export const echo = (text: string) => new Echo().doGenerate({ prompt: text });
`,
    },
    {
      name: 'timeout in the request options',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [] }, { timeout: 20000 });
`,
    },
    {
      name: 'timeout on the client',
      code: `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 15_000, maxRetries: 4 });
export const ask = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
    },
    {
      name: 'abort signal in the request options',
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = (signal: AbortSignal) =>
  claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 10, messages: [] }, { signal });
`,
    },
    {
      name: 'client.withOptions sets the timeout',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.withOptions({ timeout: 5000 }).responses.create({ model: 'gpt-4o', input: 'x' });
`,
    },
    {
      name: 'client options spread from elsewhere: unknown, not flagged',
      code: `import OpenAI from 'openai';
declare const settings: { timeout?: number };
const openai = new OpenAI({ ...settings });
export const ask = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
    },
    {
      name: 'request options passed as a variable: unknown, not flagged',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (options: OpenAI.RequestOptions) => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }, options);
`,
    },
    {
      name: 'client options held in a constant',
      code: `import Anthropic from '@anthropic-ai/sdk';
const options = { timeout: 10_000 };
const claude = new Anthropic(options);
export const ask = () => claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 10, messages: [] });
`,
    },
    {
      name: 'a client received as a parameter: its options are not visible here',
      code: `import OpenAI from 'openai';
export const ask = (client: OpenAI) => client.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
    },
    {
      name: 'a client imported from another module is not traced in this file',
      code: `import { openai } from './ai';
export const ask = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
      typecheck: false,
    },
    {
      name: 'a call recognised by its shape: the untraced client may set a timeout, not flagged',
      code: `import { llm } from '@acme/llm-runtime';
export const ask = () => llm.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
      typecheck: false,
    },
    {
      name: 'request options spread from a visible constant that sets the timeout',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const REQUEST = { timeout: 20_000 };
export const ask = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [] }, { ...REQUEST });
`,
    },
    {
      name: 'a field typed with the SDK and built in init() with a timeout',
      code: `import type Groq from 'groq-sdk';
export class Adapter {
  private client!: Groq;
  async init() {
    const sdk = await import('groq-sdk');
    this.client = new sdk.Groq({ timeout: 15_000 });
  }
  ask() {
    return this.client.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [] });
  }
}
`,
      typecheck: false,
    },
    {
      name: 'Vercel AI SDK with an abort signal',
      code: `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export const ask = () => generateText({ model: openai('gpt-4o-2024-08-06'), prompt: 'x', abortSignal: AbortSignal.timeout(9000) });
`,
    },
    {
      name: 'Vercel AI SDK with the ai 6 timeout option',
      code: `import { streamText } from 'ai';
export const ask = () => streamText({ model: 'openai/gpt-4o', prompt: 'x', timeout: 9000 });
`,
    },
    {
      name: 'a local object shaped like a client is not an AI call',
      code: `export const client = { chat: { completions: { create: (x: unknown) => x } } };
export const echo = () => client.chat.completions.create({ model: 'none' });
`,
    },
    {
      name: 'an unrelated generateText is not the Vercel AI SDK',
      code: `import { generateText } from './templates';
export const page = () => generateText({ title: 'x' });
`,
      typecheck: false,
    },
    {
      name: 'a parameter shadows the module-level client',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export function ask(openai: { chat: { completions: { create(x: object): void } } }) {
  return openai.chat.completions.create({ model: 'gpt-4o' });
}
export const unused = openai;
`,
    },
    {
      name: 'class field client with a timeout',
      code: `import OpenAI from 'openai';
export class Drafts {
  private readonly client = new OpenAI({ timeout: 12_000 });
  draft(text: string) {
    return this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  }
}
`,
    },
    {
      name: 'suppressed with a reason',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
// prodready-ignore-next-line AIR001 -- batch job, the queue enforces a deadline
export const ask = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
    },
    {
      name: 'a sender its callers give a model URL, with its own deadline: covered where the request is made',
      code: `async function post(url: string, body: string, ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(url, { method: 'POST', body, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
export const ask = (base: string, q: string) => post(\`\${base}/chat/completions\`, q, 20000);
`,
    },
    {
      name: 'fetch to a model endpoint with an abort signal',
      code: `export const ask = (q: string) =>
  fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    signal: AbortSignal.timeout(20000),
    body: JSON.stringify({ model: 'gpt-4o-mini-2024-07-18', max_completion_tokens: 200, messages: [{ role: 'user', content: q }] }),
  });
`,
    },
    {
      name: 'an axios instance created with a timeout',
      code: `import axios from 'axios';
const ollama = axios.create({ baseURL: 'http://localhost:11434', timeout: 15000 });
export const ask = (prompt: string) => ollama.post('/api/generate', { model: 'llama3.1:8b', prompt });
`,
    },
    {
      name: 'fetch to an endpoint that is not a model',
      code: `export const notify = () => fetch('https://hooks.example.org/v1/chat/completions', { method: 'POST', body: '{}' });
`,
    },
    {
      name: 'p-timeout around the call',
      code: `import pTimeout from 'p-timeout';
export const ask = (body: string) => pTimeout(fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body }), { milliseconds: 5000 });
`,
    },
    {
      name: 'the timeout is set on a client built in another module',
      files: { 'lib/ai.ts': `import OpenAI from 'openai';\nexport const ai = new OpenAI({ timeout: 20_000 });\n` },
      code: `import { ai } from './lib/ai';
export const embed = (text: string) => ai.embeddings.create({ model: 'text-embedding-3-small', input: text });
`,
    },
    {
      name: 'a factory in another module returns a client with a timeout',
      files: { 'clients.ts': `import Anthropic from '@anthropic-ai/sdk';\nexport function claude() {\n  return new Anthropic({ timeout: 15_000 });\n}\n` },
      code: `import { claude } from './clients';
export const ask = () => claude().messages.create({ model: 'claude-haiku-4-5-20251001', max_tokens: 10, messages: [] });
`,
    },
  ],
  invalid: [
    {
      name: 'conditional spreads that never set a timeout leave the SDK default',
      code: `import OpenAI from 'openai';
declare const apiKey: string | undefined;
declare const baseURL: string | undefined;
const openai = new OpenAI({ ...(apiKey ? { apiKey } : {}), ...(baseURL && { baseURL }) });
export const ask = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
      errors: [{ messageId: 'sdkDefault', line: 5 }],
      output: `import OpenAI from 'openai';
declare const apiKey: string | undefined;
declare const baseURL: string | undefined;
const openai = new OpenAI({ ...(apiKey ? { apiKey } : {}), ...(baseURL && { baseURL }) });
export const ask = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }, { timeout: 30000 });
`,
    },
    {
      name: 'OpenAI chat call with no timeout anywhere',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function ask(question: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
}
`,
      errors: [{ messageId: 'sdkDefault', line: 4, column: 41, endLine: 4, endColumn: 109, data: { defaultTimeout: '10 min' } }],
      fixTitles: [['Add a 30 s timeout to this call', 'Add a 30 s timeout to the OpenAI client']],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function ask(question: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] }, { timeout: 30000 });
}
`,
    },
    {
      name: 'Anthropic call: the fix adds request options after a multi-line body',
      code: `import Anthropic from '@anthropic-ai/sdk';

const claude = new Anthropic({ maxRetries: 3 });

export async function tag(note: string) {
  const message = await claude.messages.create({
    model: 'claude-sonnet-4-5-20250929',
    max_tokens: 64,
    messages: [{ role: 'user', content: note }],
  });
  return message.content;
}
`,
      errors: [{ messageId: 'sdkDefault', line: 6, column: 48 }],
      output: `import Anthropic from '@anthropic-ai/sdk';

const claude = new Anthropic({ maxRetries: 3 });

export async function tag(note: string) {
  const message = await claude.messages.create({
    model: 'claude-sonnet-4-5-20250929',
    max_tokens: 64,
    messages: [{ role: 'user', content: note }],
  }, { timeout: 30000 });
  return message.content;
}
`,
    },
    {
      name: 'existing request options without a timeout get one',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.responses.create({ model: 'gpt-4o', input: 'x' }, { maxRetries: 5 });
`,
      errors: [{ messageId: 'sdkDefault', line: 3 }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.responses.create({ model: 'gpt-4o', input: 'x' }, { maxRetries: 5, timeout: 30000 });
`,
    },
    {
      name: 'Vercel streamText: no limit at all; the fix adds an abort signal',
      code: `import { streamText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';

export function chat(prompt: string) {
  return streamText({
    model: anthropic('claude-sonnet-4-5-20250929'),
    prompt,
  });
}
`,
      errors: [{ messageId: 'none', line: 5, column: 21, endLine: 8, endColumn: 4 }],
      fixTitles: [['Add a 30 s timeout to this call']],
      output: `import { streamText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';

export function chat(prompt: string) {
  return streamText({
    model: anthropic('claude-sonnet-4-5-20250929'),
    prompt,
    abortSignal: AbortSignal.timeout(30000),
  });
}
`,
    },
    {
      name: 'an AI SDK provider model called directly (doGenerate): no timeout; the fix adds an abort signal',
      code: `import type { LanguageModelV2, LanguageModelV2Prompt } from '@ai-sdk/provider';

export class Adapter {
  constructor(private readonly model: LanguageModelV2) {}

  respond(prompt: LanguageModelV2Prompt) {
    return this.model.doGenerate({ prompt, maxOutputTokens: 512 });
  }
}
`,
      errors: [{ messageId: 'none', line: 7 }],
      fixTitles: [['Add a 30 s timeout to this call']],
      output: `import type { LanguageModelV2, LanguageModelV2Prompt } from '@ai-sdk/provider';

export class Adapter {
  constructor(private readonly model: LanguageModelV2) {}

  respond(prompt: LanguageModelV2Prompt) {
    return this.model.doGenerate({ prompt, maxOutputTokens: 512, abortSignal: AbortSignal.timeout(30000) });
  }
}
`,
    },
    {
      name: 'namespace import of the Vercel AI SDK',
      code: `import * as ai from 'ai';
export const summary = (text: string) => ai.generateText({ model: 'openai/gpt-4o', prompt: text, maxOutputTokens: 100 });
`,
      errors: [{ messageId: 'none', line: 2 }],
      output: `import * as ai from 'ai';
export const summary = (text: string) => ai.generateText({ model: 'openai/gpt-4o', prompt: text, maxOutputTokens: 100, abortSignal: AbortSignal.timeout(30000) });
`,
    },
    {
      name: 'CommonJS require in a .js file',
      filename: 'job.js',
      code: `const OpenAI = require('openai');
const client = new OpenAI();
async function run() {
  return client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
}
module.exports = { run };
`,
      typecheck: false,
      errors: [{ messageId: 'sdkDefault', line: 4 }],
      output: `const OpenAI = require('openai');
const client = new OpenAI();
async function run() {
  return client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }, { timeout: 30000 });
}
module.exports = { run };
`,
    },
    {
      name: 'AzureOpenAI client built with only retries',
      code: `import { AzureOpenAI } from 'openai';
const azure = new AzureOpenAI({ apiVersion: '2024-10-21', deployment: 'gpt-4o', maxRetries: 3 });
export const ask = () => azure.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
      errors: [{ messageId: 'sdkDefault', line: 3 }],
      fixTitles: [['Add a 30 s timeout to this call', 'Add a 30 s timeout to the AzureOpenAI client']],
      output: `import { AzureOpenAI } from 'openai';
const azure = new AzureOpenAI({ apiVersion: '2024-10-21', deployment: 'gpt-4o', maxRetries: 3 });
export const ask = () => azure.chat.completions.create({ model: 'gpt-4o', messages: [] }, { timeout: 30000 });
`,
    },
    {
      name: 'client assigned in a constructor, called through this',
      code: `import OpenAI from 'openai';
export class Summarizer {
  private client: OpenAI;
  constructor() {
    this.client = new OpenAI();
  }
  summarize(text: string) {
    return this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  }
}
`,
      errors: [{ messageId: 'sdkDefault', line: 8 }],
      output: `import OpenAI from 'openai';
export class Summarizer {
  private client: OpenAI;
  constructor() {
    this.client = new OpenAI();
  }
  summarize(text: string) {
    return this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] }, { timeout: 30000 });
  }
}
`,
    },
    {
      name: 'request body held in a constant; the configured timeout is used',
      config: { defaults: { timeoutMs: 15000, maxOutputTokens: 1024, retries: 2 } },
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const request = { model: 'text-embedding-3-small', input: 'x' };
export const embed = () => openai.embeddings.create(request);
`,
      errors: [{ messageId: 'sdkDefault', line: 4 }],
      fixTitles: [['Add a 15 s timeout to this call', 'Add a 15 s timeout to the OpenAI client']],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
const request = { model: 'text-embedding-3-small', input: 'x' };
export const embed = () => openai.embeddings.create(request, { timeout: 15000 });
`,
    },
    {
      name: 'inline client construction',
      code: `import OpenAI from 'openai';
export const moderate = (text: string) => new OpenAI().moderations.create({ input: text });
`,
      errors: [{ messageId: 'sdkDefault', line: 2 }],
      fixTitles: [['Add a 30 s timeout to this call', 'Add a 30 s timeout to the OpenAI client']],
      output: `import OpenAI from 'openai';
export const moderate = (text: string) => new OpenAI().moderations.create({ input: text }, { timeout: 30000 });
`,
    },
    {
      name: 'a suppression for another rule does not hide this one',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
// prodready-ignore-next-line AIR006 -- short answers only
export const ask = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
      errors: [{ messageId: 'sdkDefault', line: 4 }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
// prodready-ignore-next-line AIR006 -- short answers only
export const ask = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }, { timeout: 30000 });
`,
    },
    {
      name: 'fetch to the OpenAI endpoint held in a constant: the fix adds an abort signal',
      code: `const CHAT_URL = 'https://api.openai.com/v1/chat/completions';
export const ask = (q: string) =>
  fetch(CHAT_URL, {
    method: 'POST',
    body: JSON.stringify({ model: 'gpt-4o-mini-2024-07-18', max_completion_tokens: 200, messages: [{ role: 'user', content: q }] }),
  });
`,
      errors: [{ messageId: 'none', line: 3, data: { sdk: 'fetch' } }],
      fixTitles: [['Add a 30 s timeout to this call']],
      output: `const CHAT_URL = 'https://api.openai.com/v1/chat/completions';
export const ask = (q: string) =>
  fetch(CHAT_URL, {
    method: 'POST',
    body: JSON.stringify({ model: 'gpt-4o-mini-2024-07-18', max_completion_tokens: 200, messages: [{ role: 'user', content: q }] }),
    signal: AbortSignal.timeout(30000),
  });
`,
    },
    {
      name: 'a sender its callers give a model URL, with no deadline: reported where the request is made, the fix adds a signal',
      code: `async function post(url: string, body: string) {
  return fetch(url, { method: 'POST', body });
}
export const ask = (base: string, q: string) => post(\`\${base}/v1/messages\`, q);
`,
      errors: [{ messageId: 'none', line: 2, data: { sdk: 'fetch' } }],
      fixTitles: [['Add a 30 s timeout to this call']],
      output: `async function post(url: string, body: string) {
  return fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(30000) });
}
export const ask = (base: string, q: string) => post(\`\${base}/v1/messages\`, q);
`,
    },
    {
      name: 'axios.post to a local Ollama with no config: the fix adds one',
      code: `import axios from 'axios';
export const ask = (prompt: string) => axios.post('http://localhost:11434/api/generate', { model: 'llama3.1:8b', prompt, options: { num_predict: 256 } });
`,
      errors: [{ messageId: 'none', line: 2, data: { sdk: 'axios' } }],
      output: `import axios from 'axios';
export const ask = (prompt: string) => axios.post('http://localhost:11434/api/generate', { model: 'llama3.1:8b', prompt, options: { num_predict: 256 } }, { timeout: 30000 });
`,
    },
    {
      name: 'a client from another module with no timeout: the fix goes on the call, not into the other file',
      files: { 'lib/ai.ts': `import OpenAI from 'openai';\nexport default new OpenAI({ maxRetries: 3 });\n` },
      code: `import ai from './lib/ai';
export const embed = (text: string) => ai.embeddings.create({ model: 'text-embedding-3-small', input: text });
`,
      errors: [{ messageId: 'sdkDefault', line: 2 }],
      fixTitles: [['Add a 30 s timeout to this call']],
      output: `import ai from './lib/ai';
export const embed = (text: string) => ai.embeddings.create({ model: 'text-embedding-3-small', input: text }, { timeout: 30000 });
`,
    },
  ],
});
