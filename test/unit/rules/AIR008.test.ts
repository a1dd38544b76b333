import { ruleTester } from '../ruleTester';

ruleTester('AIR008', {
  valid: [
    {
      name: 'a dated OpenAI snapshot',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.chat.completions.create({ model: 'gpt-4o-2024-08-06', messages: [] });
`,
    },
    {
      name: 'a dated Anthropic snapshot through the Vercel provider',
      code: `import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
export const ask = () => generateText({ model: anthropic('claude-sonnet-4-5-20250929'), prompt: 'x' });
`,
    },
    {
      name: 'an embedding model has no dated form',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const embed = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
    },
    {
      name: 'a model passed in as a parameter is not judged',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (model: string) => openai.responses.create({ model, input: 'x' });
`,
    },
    {
      name: 'a model nobody lists is not guessed at',
      code: `import { generateText } from 'ai';
export const ask = () => generateText({ model: 'mistral/mistral-large-2411', prompt: 'x' });
`,
    },
  ],
  invalid: [
    {
      name: 'floating OpenAI alias: pinned to its snapshot',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.responses.create({ model: 'gpt-4o', input: 'x' });
`,
      errors: [{ messageId: 'floating', line: 3, column: 59, endColumn: 67, data: { pinned: 'gpt-4o-2024-08-06' } }],
      fixTitles: [['Pin to "gpt-4o-2024-08-06"']],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.responses.create({ model: 'gpt-4o-2024-08-06', input: 'x' });
`,
    },
    {
      name: 'a -latest alias whose snapshot is deprecated: only a reviewed replacement',
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const tag = () => claude.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 64, messages: [] });
`,
      errors: [{ messageId: 'floatingDeprecated', line: 3, data: { replacement: 'claude-haiku-4-5-20251001' } }],
      fixTitles: [['Switch to "claude-haiku-4-5-20251001" (review: a different model)']],
      output: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const tag = () => claude.messages.create({ model: "claude-haiku-4-5-20251001", max_tokens: 64, messages: [] });
`,
    },
    {
      name: 'a retired model held in a constant is fixed where it is written',
      code: `import Anthropic from '@anthropic-ai/sdk';
const MODEL = 'claude-3-5-sonnet-20241022';
const claude = new Anthropic();
export const ask = () => claude.messages.create({ model: MODEL, max_tokens: 64, messages: [] });
`,
      errors: [{ messageId: 'retired', line: 2, column: 15, data: { since: '2025-10-22' } }],
      output: `import Anthropic from '@anthropic-ai/sdk';
const MODEL = 'claude-sonnet-4-5-20250929';
const claude = new Anthropic();
export const ask = () => claude.messages.create({ model: MODEL, max_tokens: 64, messages: [] });
`,
    },
    {
      name: 'gateway string keeps its provider prefix',
      code: `import { streamText } from 'ai';
export const chat = () => streamText({ model: 'openai/gpt-4.1', prompt: 'x' });
`,
      errors: [{ messageId: 'floating', line: 2 }],
      output: `import { streamText } from 'ai';
export const chat = () => streamText({ model: 'openai/gpt-4.1-2025-04-14', prompt: 'x' });
`,
    },
    {
      name: 'Vercel provider call with an alias',
      code: `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export const ask = () => generateText({ model: openai('gpt-4o-mini'), prompt: 'x' });
`,
      errors: [{ messageId: 'floating', line: 3, data: { pinned: 'gpt-4o-mini-2024-07-18' } }],
      output: `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export const ask = () => generateText({ model: openai('gpt-4o-mini-2024-07-18'), prompt: 'x' });
`,
    },
    {
      name: 'an Anthropic -latest alias not in the registry floats too',
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = () => claude.messages.create({ model: 'claude-opus-4-7-latest', max_tokens: 64, messages: [] });
`,
      typecheck: false,
      errors: [{ messageId: 'floatingUnpinned', line: 3 }],
    },
    {
      name: 'model read from the environment unchecked: one level milder',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.chat.completions.create({ model: process.env.CHAT_MODEL!, messages: [] });
`,
      errors: [{ messageId: 'unchecked', line: 3, severity: 'info', data: { expression: 'process.env.CHAT_MODEL' } }],
    },
    {
      name: 'a project entry in .prodready.json',
      config: { models: [{ id: 'acme-ft-v1', provider: 'openai', status: 'retired', replacement: 'acme-ft-v2', since: '2026-09-01' }] },
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.chat.completions.create({ model: 'acme-ft-v1', messages: [] });
`,
      errors: [{ messageId: 'retired', line: 3, data: { replacement: 'acme-ft-v2', since: '2026-09-01' } }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = () => openai.chat.completions.create({ model: 'acme-ft-v2', messages: [] });
`,
    },
  ],
});
