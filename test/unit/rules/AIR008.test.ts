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
    {
      name: 'a model chosen between two pinned snapshots',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (big: boolean) => openai.chat.completions.create({ model: big ? 'gpt-4o-2024-08-06' : 'gpt-4o-mini-2024-07-18', messages: [] });
`,
    },
    {
      name: 'a parameter typed with pinned snapshots only',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (model: 'gpt-4o-2024-08-06' | 'gpt-4o-mini-2024-07-18') => openai.responses.create({ model, input: 'x' });
`,
    },
    {
      name: 'an open value with a pinned default: the default is fine, the rest is not seen',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (opts: { model?: string }) => openai.responses.create({ model: opts.model ?? 'gpt-4o-2024-08-06', input: 'x' });
`,
    },
    {
      name: 'tricky: an alias inside an object without as const is not a closed set',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const MODELS: Record<string, string> = { fast: 'gpt-4o-mini', big: 'gpt-4o-2024-08-06' };
export const ask = (tier: string) => openai.responses.create({ model: MODELS[tier], input: 'x' });
`,
    },
    {
      name: 'tricky: a let reassigned later is not read for its values',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export function ask(big: boolean, pick: () => string) {
  let model = big ? 'gpt-4o' : 'gpt-4o-mini';
  model = pick();
  return openai.responses.create({ model, input: 'x' });
}
`,
    },
    {
      name: 'tricky: one branch read from the environment leaves the set open: not judged, not guessed',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (big: boolean) => openai.responses.create({ model: big ? 'gpt-4o' : process.env.SMALL_MODEL!, input: 'x' });
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
    {
      name: 'one branch of a conditional model is an alias: reported and pinned where it is written',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (big: boolean) => openai.chat.completions.create({ model: big ? 'gpt-4o-2024-08-06' : 'gpt-4o-mini', messages: [] });
`,
      errors: [{ messageId: 'floating', line: 3, column: 106, endColumn: 119, data: { model: 'gpt-4o-mini', pinned: 'gpt-4o-mini-2024-07-18' } }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (big: boolean) => openai.chat.completions.create({ model: big ? 'gpt-4o-2024-08-06' : 'gpt-4o-mini-2024-07-18', messages: [] });
`,
    },
    {
      name: 'an as const table looked up by key: each alias in it is reported',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const MODELS = { fast: 'gpt-4o-mini', big: 'gpt-4o-2024-08-06' } as const;
export const ask = (tier: keyof typeof MODELS) => openai.responses.create({ model: MODELS[tier], input: 'x' });
`,
      errors: [{ messageId: 'floating', line: 3, column: 24, data: { model: 'gpt-4o-mini' } }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
const MODELS = { fast: 'gpt-4o-mini-2024-07-18', big: 'gpt-4o-2024-08-06' } as const;
export const ask = (tier: keyof typeof MODELS) => openai.responses.create({ model: MODELS[tier], input: 'x' });
`,
    },
    {
      name: 'a parameter typed with an alias: reported in the type, no fix (callers pass the alias)',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
type ChatModel = 'gpt-4o' | 'gpt-4o-mini-2024-07-18';
export const ask = (model: ChatModel) => openai.responses.create({ model, input: 'x' });
`,
      errors: [{ messageId: 'floating', line: 3, column: 18, endColumn: 26, data: { model: 'gpt-4o' } }],
      fixTitles: [[]],
    },
    {
      name: 'a typed option with a default: both sides judged',
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
interface AskOptions { model?: 'claude-sonnet-4-5-20250929' | 'claude-3-5-haiku-latest' }
export const ask = (opts: AskOptions) => claude.messages.create({ model: opts.model ?? 'claude-sonnet-4-5-20250929', max_tokens: 64, messages: [] });
`,
      errors: [{ messageId: 'floatingDeprecated', line: 3, data: { model: 'claude-3-5-haiku-latest' } }],
      fixTitles: [[]],
    },
    {
      name: 'an open value with a retired default: the default is still reported',
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = (opts: { model?: string }) => claude.messages.create({ model: opts.model ?? 'claude-3-5-sonnet-20241022', max_tokens: 64, messages: [] });
`,
      errors: [{ messageId: 'retired', line: 3, data: { model: 'claude-3-5-sonnet-20241022' } }],
      output: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = (opts: { model?: string }) => claude.messages.create({ model: opts.model ?? 'claude-sonnet-4-5-20250929', max_tokens: 64, messages: [] });
`,
    },
    {
      name: 'tricky: a branch on the environment still shows both values',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const model = process.env.NODE_ENV === 'production' ? 'gpt-4o-2024-08-06' : 'gpt-4o';
export const ask = () => openai.responses.create({ model, input: 'x' });
`,
      errors: [{ messageId: 'floating', line: 3, column: 77, data: { model: 'gpt-4o' } }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
const model = process.env.NODE_ENV === 'production' ? 'gpt-4o-2024-08-06' : 'gpt-4o-2024-08-06';
export const ask = () => openai.responses.create({ model, input: 'x' });
`,
    },
    {
      name: 'an as const list indexed by a variable: every element is judged',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const TIERS = ['gpt-4o-2024-08-06', 'gpt-4.1'] as const;
export const ask = (tier: 0 | 1) => openai.responses.create({ model: TIERS[tier], input: 'x' });
`,
      errors: [{ messageId: 'floating', line: 3, column: 37, data: { model: 'gpt-4.1', pinned: 'gpt-4.1-2025-04-14' } }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
const TIERS = ['gpt-4o-2024-08-06', 'gpt-4.1-2025-04-14'] as const;
export const ask = (tier: 0 | 1) => openai.responses.create({ model: TIERS[tier], input: 'x' });
`,
    },
  ],
});
