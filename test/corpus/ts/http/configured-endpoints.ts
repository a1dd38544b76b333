import axios from 'axios';

// Gateways whose base URL comes from settings: the path or the body says a model is called.
interface GatewayConfig {
  baseUrl?: string;
  apiKey: string;
  fetch?: typeof fetch;
}

const DEFAULT_BASE = 'https://llm-gateway.internal.example';

export class GatewayClient {
  constructor(private readonly config: GatewayConfig) {}

  private get fetch() {
    return this.config.fetch ?? globalThis.fetch;
  }

  async chat(messages: { role: string; content: string }[]) {
    const url = `${this.config.baseUrl || DEFAULT_BASE}/v1/chat/completions`;
    const res = await this.fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.config.apiKey}` },
      body: JSON.stringify({ model: 'gpt-4o-mini-2024-07-18', messages }),
    });
    return res.json();
  }

  async embed(texts: string[]) {
    const res = await fetch(this.config.baseUrl + '/embeddings', { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input: texts }) });
    return res.json();
  }
}

export async function localModel(host: string, prompt: string) {
  const res = await fetch(`${host}/api/generate`, { method: 'POST', body: JSON.stringify({ model: 'llama3.1:8b', prompt, stream: false }) });
  return res.json();
}

export async function gemini(endpoint: string, key: string, text: string) {
  return fetch(`${endpoint}/v1beta/models/gemini-2.0-flash:generateContent?key=${key}`, { method: 'POST', body: JSON.stringify({ contents: [{ parts: [{ text }] }] }) });
}

export async function relay(target: string, question: string) {
  const payload = { model: process.env.MODEL_ID, messages: [{ role: 'user', content: question }] };
  return fetch(target, { method: 'POST', body: JSON.stringify(payload) });
}

export function withCustomFetch(customFetch: (opts: object) => typeof fetch, base: string, query: string, documents: string[]) {
  return customFetch({ retries: 2 })(`${base}/v1/rerank`, { method: 'POST', body: JSON.stringify({ model: 'rerank-v3.5', query, documents }) });
}

const gateway = axios.create({ baseURL: process.env.LLM_BASE_URL, timeout: 20_000 });

export async function viaAxios(prompt: string) {
  return gateway.post('/v1/messages', { model: 'claude-3-5-haiku-20241022', max_tokens: 200, messages: [{ role: 'user', content: prompt }] });
}

// Look-alikes: configured bases to non-model routes, literal non-model URLs, bodies without model keys.
export async function notModels(base: string, text: string) {
  await fetch(`${base}/messages`, { method: 'POST', body: JSON.stringify({ channel: 'ops', text }) });
  await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [] }) });
  await fetch(`${base}/api/chat`, { method: 'POST', body: JSON.stringify({ messages: [text] }) });
  await fetch(`${base}/users`, { method: 'POST', body: JSON.stringify({ name: text }) });
  await gateway.post('/v1/audit', { event: 'prompt', text });
}
