import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { OpenAI as NamedOpenAI } from 'openai';
import { generateText as gen, streamText as stream } from 'ai';
import { openai as provider } from '@ai-sdk/openai';

// Next.js dev-server pattern: one client across hot reloads.
const globalForAi = globalThis as unknown as { openai?: OpenAI };
export const openai = globalForAi.openai ?? new OpenAI({ timeout: 30_000 });
if (process.env.NODE_ENV !== 'production') globalForAi.openai = openai;

let anthropicInstance: Anthropic | undefined;

export function anthropic(): Anthropic {
  if (!anthropicInstance) {
    anthropicInstance = new Anthropic({ timeout: 20_000 });
  }
  return anthropicInstance;
}

const named = new NamedOpenAI();

export async function examples(text: string, items: string[]) {
  await openai.chat.completions.create({ model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: text }] });
  await anthropic().messages.create({ model: 'claude-3-5-haiku-20241022', max_tokens: 100, messages: [{ role: 'user', content: text }] });
  await named.embeddings.create({ model: 'text-embedding-3-small', input: text });
  const vectors = await Promise.all(items.map((item) => openai.embeddings.create({ model: 'text-embedding-3-small', input: item })));
  const { text: answer } = await gen({ model: provider('gpt-4o-mini-2024-07-18'), prompt: text });
  const live = stream({ model: provider('gpt-4o-mini-2024-07-18'), prompt: answer });
  const optional = await globalForAi.openai?.moderations.create({ input: text });
  return { vectors, live, optional };
}

export async function inline(text: string) {
  const fresh = await new OpenAI().chat.completions.create({ model: 'gpt-4o-2024-08-06', messages: [{ role: 'user', content: text }] });
  const viaRequire = await new Anthropic({ maxRetries: 1 }).messages.create({ model: 'claude-3-5-haiku-20241022', max_tokens: 50, messages: [] });
  return [fresh, viaRequire];
}
