import { ruleTester } from '../ruleTester';

ruleTester('AIR006', {
  valid: [
    {
      name: 'the bound comes from a visible defaults object spread into the body',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const DEFAULTS = { model: 'gpt-4o', max_completion_tokens: 300 };
export const ask = (text: string) => openai.chat.completions.create({ ...DEFAULTS, messages: [{ role: 'user', content: text }] });
`,
    },
    {
      name: 'a shape-recognised call whose body is a variable built elsewhere',
      code: `import { llm } from '@acme/llm-runtime';
export const ask = (params: object) => llm.chat.completions.create(params);
`,
      typecheck: false,
    },
    {
      name: 'chat completions with max_completion_tokens',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [], max_completion_tokens: 300 });
`,
    },
    {
      name: 'chat completions with the deprecated max_tokens still counts',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [], max_tokens: 300 });
`,
    },
    {
      name: 'responses with max_output_tokens',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.responses.create({ model: 'gpt-4o', input: 'x', max_output_tokens: 300 });
`,
    },
    {
      name: 'Anthropic with max_tokens',
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = () => claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 300, messages: [] });
`,
    },
    {
      name: 'Vercel AI SDK with maxOutputTokens',
      code: `import { generateObject } from 'ai';
import { z } from 'zod';
export const ask = () => generateObject({ model: 'openai/gpt-4o', schema: z.object({ a: z.string() }), prompt: 'x', maxOutputTokens: 50 });
`,
    },
    {
      name: 'embeddings have no output to bound',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const embed = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
    },
    {
      name: 'Vercel embed has no output to bound',
      code: `import { embed } from 'ai';
export const vector = () => embed({ model: 'openai/text-embedding-3-small', value: 'x' });
`,
    },
    {
      name: 'a spread body may carry the bound',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const defaults = { max_completion_tokens: 200 };
export const ask = () => openai.chat.completions.create({ ...defaults, model: 'gpt-4o', messages: [] });
`,
    },
    {
      name: 'a body built elsewhere is not judged',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming) => openai.chat.completions.create(body);
`,
    },
    {
      name: 'the bound sits in a constant body',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const body = { model: 'gpt-4o', input: 'x', max_output_tokens: 100 };
export const ask = () => openai.responses.create(body);
`,
    },
    {
      name: 'fetch to Anthropic with max_tokens in the JSON body',
      code: `export const ask = (q: string) =>
  fetch('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY ?? '' },
    body: JSON.stringify({ model: 'claude-haiku-4-5-20251001', max_tokens: 512, messages: [{ role: 'user', content: q }] }),
  });
`,
    },
    {
      name: 'fetch whose body is built elsewhere: not visible, not flagged',
      code: `declare const payload: unknown;
export const ask = () => fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify(payload) });
`,
    },
  ],
  invalid: [
    {
      name: 'responses.create takes max_output_tokens, not max_completion_tokens',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.responses.create({ model: 'gpt-4o', input: 'x', max_completion_tokens: 100 } as OpenAI.Responses.ResponseCreateParamsNonStreaming);
`,
      typecheck: false,
      errors: [{ messageId: 'missing', line: 3, data: { option: 'max_output_tokens', api: 'responses.create' } }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.responses.create({ model: 'gpt-4o', input: 'x', max_completion_tokens: 100, max_output_tokens: 1024 } as OpenAI.Responses.ResponseCreateParamsNonStreaming);
`,
    },
    {
      name: 'chat completions without a bound: the fix writes max_completion_tokens',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function summarize(text: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: text }],
  });
  return completion.choices[0].message.content;
}
`,
      errors: [{ messageId: 'missing', line: 4, column: 59, data: { option: 'max_completion_tokens' } }],
      fixTitles: [['Add max_completion_tokens: 1024']],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function summarize(text: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: text }],
    max_completion_tokens: 1024,
  });
  return completion.choices[0].message.content;
}
`,
    },
    {
      name: 'Anthropic without max_tokens (the API requires it)',
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = () => claude.messages.create({ model: 'claude-sonnet-4-5-20250929', messages: [] });
`,
      errors: [{ messageId: 'missing', line: 3, data: { option: 'max_tokens' } }],
      output: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = () => claude.messages.create({ model: 'claude-sonnet-4-5-20250929', messages: [], max_tokens: 1024 });
`,
    },
    {
      name: 'Vercel streamText: maxOutputTokens, with the configured bound',
      config: { defaults: { timeoutMs: 30000, maxOutputTokens: 512, retries: 2 } },
      code: `import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
export const chat = (prompt: string) => streamText({ model: openai('gpt-4o-2024-08-06'), prompt, });
`,
      errors: [{ messageId: 'missing', line: 3, data: { option: 'maxOutputTokens', tokens: 512 } }],
      output: `import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
export const chat = (prompt: string) => streamText({ model: openai('gpt-4o-2024-08-06'), prompt, maxOutputTokens: 512, });
`,
    },
    {
      name: 'stream: true chat call with a trailing comma in a multi-line body',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function* tokens(text: string) {
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o',
    stream: true,
    messages: [{ role: 'user', content: text }],
  });
  for await (const chunk of stream) yield chunk.choices[0]?.delta.content ?? '';
}
`,
      errors: [{ messageId: 'missing', line: 4 }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function* tokens(text: string) {
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o',
    stream: true,
    messages: [{ role: 'user', content: text }],
    max_completion_tokens: 1024,
  });
  for await (const chunk of stream) yield chunk.choices[0]?.delta.content ?? '';
}
`,
    },
    {
      name: 'legacy completions take max_tokens',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const complete = () => openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'x' });
`,
      errors: [{ messageId: 'missing', line: 3, data: { option: 'max_tokens' } }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export const complete = () => openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'x', max_tokens: 1024 });
`,
    },
    {
      name: 'a body in a constant gets the bound where it is written',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const request = {
  model: 'gpt-4o',
  input: 'Say hi',
};
export const ask = () => openai.responses.create(request);
`,
      errors: [{ messageId: 'missing', line: 7 }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
const request = {
  model: 'gpt-4o',
  input: 'Say hi',
  max_output_tokens: 1024,
};
export const ask = () => openai.responses.create(request);
`,
    },
    {
      name: 'fetch to the OpenAI chat endpoint with no bound in the JSON body',
      code: `export const ask = (q: string) =>
  fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    body: JSON.stringify({ model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: q }] }),
  });
`,
      errors: [{ messageId: 'missing', line: 4, data: { option: 'max_completion_tokens' } }],
      output: `export const ask = (q: string) =>
  fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    body: JSON.stringify({ model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: q }], max_completion_tokens: 1024 }),
  });
`,
    },
  ],
});
