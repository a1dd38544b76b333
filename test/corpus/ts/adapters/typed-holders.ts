import type Groq from 'groq-sdk';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

// Provider adapters in the shapes production code keeps clients: set late, memoised, cached, behind getters.
interface ProviderDeps {
  openai: OpenAI;
  anthropic?: Anthropic;
}

export class GroqAdapter {
  private client!: Groq;

  async complete(prompt: string) {
    return this.client.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: prompt }] });
  }

  async init(apiKey: string) {
    const sdk = await import('groq-sdk');
    this.client = new sdk.Groq({ apiKey, timeout: 15_000 });
  }
}

export class SessionAdapter {
  private session: Promise<OpenAI> | undefined;

  private async connect(): Promise<OpenAI> {
    const { default: Client } = await import('openai');
    return new Client({ maxRetries: 1 });
  }

  async ask(question: string) {
    this.session ??= this.connect();
    const reply = await (await this.session).chat.completions.create({ model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: question }] });
    return reply.choices[0]?.message.content;
  }
}

export class RoutedAdapter {
  private readonly clients = new Map<string, Anthropic>();
  private fallback: OpenAI | undefined;

  private get openai(): OpenAI {
    this.fallback ??= new OpenAI({ timeout: 20_000 });
    return this.fallback;
  }

  private clientFor(tenant: string): Anthropic {
    const cached = this.clients.get(tenant);
    if (cached) return cached;
    const created = new Anthropic({ timeout: 30_000 });
    this.clients.set(tenant, created);
    return created;
  }

  async route(tenant: string, text: string) {
    const fromCache = await this.clients.get(tenant)?.messages.create({ model: 'claude-3-5-haiku-20241022', max_tokens: 256, messages: [{ role: 'user', content: text }] });
    const fresh = await this.clientFor(tenant).messages.create({ model: 'claude-3-5-haiku-20241022', max_tokens: 256, messages: [{ role: 'user', content: text }] });
    const embedded = await this.openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
    return { fromCache, fresh, embedded };
  }
}

export async function withDeps(deps: ProviderDeps, text: string) {
  const summary = await deps.openai.chat.completions.create({ model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: text }] });
  const critique = await deps.anthropic?.messages.create({ model: 'claude-3-5-haiku-20241022', max_tokens: 128, messages: [{ role: 'user', content: text }] });
  return { summary, critique };
}

const pool = new Map();
pool.set('default', new OpenAI({ timeout: 10_000 }));

export function fromPool(key: string, text: string) {
  return pool.get(key).moderations.create({ input: text });
}

// Look-alikes: caches of non-model objects with the same method names.
const sessions = new Map<string, { messages: { create(body: object): Promise<void> } }>();

export async function notModels(text: string) {
  await sessions.get('x')?.messages.create({ body: text });
  const jobs = new Map<string, { invoke(input: string): string }>();
  return jobs.get('y')?.invoke(text);
}
