import { ruleTester } from '../ruleTester';

ruleTester('AIR002', {
  valid: [
    {
      name: 'SDK default retries (2) are a policy',
      code: `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 10_000 });
export const ask = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
`,
    },
    {
      name: 'retries raised on the client',
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic({ maxRetries: 5 });
export const ask = () => claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 5, messages: [] });
`,
    },
    {
      name: 'client disables retries but this call turns them back on',
      code: `import OpenAI from 'openai';
const openai = new OpenAI({ maxRetries: 0 });
export const ask = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }, { maxRetries: 3 });
`,
    },
    {
      name: 'retries from a variable are not judged',
      code: `import { generateText } from 'ai';
declare const retries: number;
export const ask = () => generateText({ model: 'openai/gpt-4o', prompt: 'x', maxRetries: retries });
`,
    },
    {
      name: 'spread request options may carry retries',
      code: `import { generateText } from 'ai';
declare const settings: { maxRetries?: number };
export const ask = () => generateText({ model: 'openai/gpt-4o', prompt: 'x', ...settings });
`,
    },
    {
      name: 'suppressed above the call when the queue retries',
      code: `import { streamText } from 'ai';
// prodready-ignore-next-line AIR002 -- the job queue redelivers
export const ask = () => streamText({
  model: 'openai/gpt-4o',
  prompt: 'x',
  maxRetries: 0,
});
`,
    },
    {
      name: 'fetch wrapped in p-retry',
      code: `import pRetry from 'p-retry';
export const ask = (body: string) =>
  pRetry(() => fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body, signal: AbortSignal.timeout(20000) }), { retries: 3 });
`,
    },
    {
      name: 'async-retry around an awaited call in a block body',
      code: `import retry from 'async-retry';
import { generateText } from 'ai';
export async function summarise(text: string) {
  return retry(async () => {
    const { text: summary } = await generateText({ model: 'openai/gpt-4o-mini-2024-07-18', prompt: text, maxRetries: 0 });
    return summary;
  }, { retries: 4 });
}
`,
    },
    {
      name: 'a local withRetry helper',
      code: `import axios from 'axios';
declare function withRetry<T>(run: () => Promise<T>, attempts: number): Promise<T>;
export const ask = (prompt: string) => withRetry(() => axios.post('http://localhost:11434/api/generate', { model: 'llama3.1:8b', prompt }, { timeout: 9000 }), 3);
`,
    },
    {
      name: 'a cockatiel policy built from retry and timeout',
      code: `import { ExponentialBackoff, handleAll, retry, timeout, TimeoutStrategy, wrap } from 'cockatiel';
const resilient = wrap(retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }), timeout(10_000, TimeoutStrategy.Aggressive));
export const ask = (body: string) => resilient.execute(({ signal }) => fetch('https://api.anthropic.com/v1/messages', { method: 'POST', body, signal }));
`,
    },
    {
      name: 'retries configured on a client re-exported through an index module',
      files: {
        'ai/client.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI({ maxRetries: 4 });\n`,
        'ai/index.ts': `export * from './client';\n`,
      },
      code: `import { openai } from './ai';
export const moderate = (input: string) => openai.moderations.create({ input });
`,
    },
  ],
  invalid: [
    {
      name: 'maxRetries: 0 on a Vercel AI SDK call',
      code: `import { streamText } from 'ai';
export function chat(prompt: string) {
  return streamText({
    model: 'anthropic/claude-sonnet-4.5',
    maxRetries: 0,
    prompt,
  });
}
`,
      errors: [{ messageId: 'disabled', line: 5, column: 5, endLine: 5, endColumn: 18, data: { setting: 'maxRetries: 0' } }],
      fixTitles: [['Allow 2 retries']],
      output: `import { streamText } from 'ai';
export function chat(prompt: string) {
  return streamText({
    model: 'anthropic/claude-sonnet-4.5',
    maxRetries: 2,
    prompt,
  });
}
`,
    },
    {
      name: 'maxRetries: 0 on the client is reported at each call through it',
      code: `import OpenAI from 'openai';
const client = new OpenAI({ maxRetries: 0 });
export const a = () => client.embeddings.create({ model: 'text-embedding-3-small', input: 'a' });
export const b = () => client.moderations.create({ input: 'b' });
`,
      errors: [
        { messageId: 'disabled', line: 3, data: { where: ', on the client' } },
        { messageId: 'disabled', line: 4 },
      ],
      output: `import OpenAI from 'openai';
const client = new OpenAI({ maxRetries: 2 });
export const a = () => client.embeddings.create({ model: 'text-embedding-3-small', input: 'a' });
export const b = () => client.moderations.create({ input: 'b' });
`,
    },
    {
      name: 'maxRetries: 0 in the request options; the configured retries are written',
      config: { defaults: { timeoutMs: 30000, maxOutputTokens: 1024, retries: 4 } },
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = () => claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 5, messages: [] }, { maxRetries: 0, timeout: 5000 });
`,
      errors: [{ messageId: 'disabled', line: 3 }],
      fixTitles: [['Allow 4 retries']],
      output: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = () => claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 5, messages: [] }, { maxRetries: 4, timeout: 5000 });
`,
    },
    {
      name: 'withOptions({ maxRetries: 0 }) for one call',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.withOptions({ maxRetries: 0 }).responses.create({ model: 'gpt-4o', input: 'x' });
`,
      errors: [{ messageId: 'disabled', line: 3 }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.withOptions({ maxRetries: 2 }).responses.create({ model: 'gpt-4o', input: 'x' });
`,
    },
    {
      name: 'a timeout helper is not a retry policy',
      code: `import pTimeout from 'p-timeout';
export const ask = (body: string) => pTimeout(fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body }), { milliseconds: 5000 });
`,
      errors: [{ messageId: 'noDefault', line: 2, data: { sdk: 'fetch' } }],
    },
    {
      name: 'a predicate named for retries is not a helper',
      code: `declare function shouldRetry(run: () => unknown): boolean;
export const ask = (body: string) => shouldRetry(() => fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body }));
`,
      errors: [{ messageId: 'noDefault', line: 2 }],
    },
    {
      name: 'retries turned off on a client in another module: reported at the call, fixed where it is written',
      files: { 'openai.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI({ maxRetries: 0 });\n` },
      code: `import { openai } from './openai';
export const moderate = (input: string) => openai.moderations.create({ input });
`,
      errors: [{ messageId: 'disabled', line: 2, data: { where: ', on the client' } }],
    },
  ],
});
