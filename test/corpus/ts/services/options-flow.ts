import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

// Request bodies assembled before the call: shared defaults spread in, whole bodies held in variables.
const openai = new OpenAI({ maxRetries: 3 });
const claude = new Anthropic();

const CHAT_DEFAULTS = { model: 'gpt-4o-mini-2024-07-18', temperature: 0.2, max_completion_tokens: 600 };
const REQUEST_DEFAULTS = { timeout: 25_000 };

export async function answer(question: string) {
  const params = { ...CHAT_DEFAULTS, messages: [{ role: 'user' as const, content: question }] };
  return openai.chat.completions.create(params, { ...REQUEST_DEFAULTS });
}

export async function critique(draft: string, overrides: Partial<Anthropic.MessageCreateParamsNonStreaming>) {
  return claude.messages.create({ model: 'claude-3-5-haiku-20241022', max_tokens: 300, ...overrides, messages: [{ role: 'user', content: draft }] });
}

export async function passthrough(body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming) {
  return openai.chat.completions.create(body);
}
