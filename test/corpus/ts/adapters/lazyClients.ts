// Adapters that load their SDK on first use, or import it through an entry-point subpath.
import type Anthropic from '@anthropic-ai/sdk';
import { OpenAI as SubpathOpenAI } from 'openai/index.mjs';

export class DraftWriter {
  private client!: Anthropic;

  async connect(apiKey: string): Promise<void> {
    const { default: AnthropicSdk } = await import('@anthropic-ai/sdk');
    this.client = new AnthropicSdk({ apiKey, timeout: 25_000 });
  }

  async draft(topic: string): Promise<string> {
    const message = await this.client.messages.create({ model: 'claude-sonnet-4-20250514', max_tokens: 600, messages: [{ role: 'user', content: topic }] });
    return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  }
}

export class Embedder {
  private sdk?: typeof import('openai');
  private client?: InstanceType<typeof SubpathOpenAI>;

  async embed(texts: string[]): Promise<number[][]> {
    const sdk = await import('openai');
    this.client = new sdk.OpenAI({ maxRetries: 5 });
    const result = await this.client.embeddings.create({ model: 'text-embedding-3-small', input: texts });
    return result.data.map((item) => item.embedding);
  }
}

const subpathClient = new SubpathOpenAI({ timeout: 10_000 });

export async function classify(text: string): Promise<string> {
  const reply = await subpathClient.chat.completions.create({ model: 'gpt-4o-mini-2024-07-18', max_tokens: 5, messages: [{ role: 'user', content: text }] });
  return reply.choices[0]?.message.content ?? '';
}

export async function notAi(store: { create(input: { name: string }): Promise<void> }): Promise<void> {
  const loaded = await import('node:path');
  await store.create({ name: loaded.basename('/tmp/x') });
}
