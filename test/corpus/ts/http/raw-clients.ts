import axios from 'axios';
import got from 'got';
import ky from 'ky';

const OPENAI_BASE = 'https://api.openai.com/v1';
const ANTHROPIC_URL = 'https://api.anthropic.com/v1/messages';
const OLLAMA = process.env.OLLAMA_URL ?? 'http://localhost:11434';
const AZURE_ENDPOINT = 'https://contoso-eu.openai.azure.com';
const GEMINI_URL = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent';

const openaiHttp = axios.create({
  baseURL: 'https://api.openai.com/v1',
  timeout: 20_000,
  headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
});

export async function chatViaFetch(question: string) {
  const res = await fetch(`${OPENAI_BASE}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
    body: JSON.stringify({ model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: question }], max_completion_tokens: 300 }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`OpenAI ${res.status}`);
  return res.json();
}

export async function claudeViaFetch(question: string) {
  const res = await fetch(ANTHROPIC_URL, {
    method: 'POST',
    headers: {
      'x-api-key': process.env.ANTHROPIC_API_KEY ?? '',
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ model: 'claude-3-5-haiku-20241022', max_tokens: 256, messages: [{ role: 'user', content: question }] }),
  });
  return res.json();
}

export async function embedViaAxios(input: string) {
  const { data } = await openaiHttp.post('/embeddings', { model: 'text-embedding-3-small', input });
  return data.data[0].embedding;
}

export async function localViaAxios(prompt: string) {
  const { data } = await axios.post(`${OLLAMA}/api/generate`, { model: 'llama3.1:8b', prompt, stream: false });
  return data.response;
}

export async function azureViaGot(question: string) {
  return got
    .post(`${AZURE_ENDPOINT}/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21`, {
      headers: { 'api-key': process.env.AZURE_OPENAI_API_KEY },
      json: { messages: [{ role: 'user', content: question }], max_tokens: 200 },
      timeout: { request: 30_000 },
    })
    .json();
}

export async function groqViaKy(question: string) {
  return ky
    .post('https://api.groq.com/openai/v1/chat/completions', {
      headers: { Authorization: `Bearer ${process.env.GROQ_API_KEY}` },
      json: { model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: question }] },
    })
    .json();
}

export async function geminiViaFetch(text: string) {
  const url = new URL(GEMINI_URL);
  const res = await fetch(GEMINI_URL, {
    method: 'POST',
    headers: { 'x-goog-api-key': process.env.GEMINI_API_KEY ?? '', 'content-type': 'application/json' },
    body: JSON.stringify({ contents: [{ parts: [{ text }] }] }),
  });
  console.log(url.host);
  return res.json();
}

export async function mistralViaAxios(question: string) {
  return axios({
    method: 'post',
    url: 'https://api.mistral.ai/v1/chat/completions',
    headers: { Authorization: `Bearer ${process.env.MISTRAL_API_KEY}` },
    data: { model: 'mistral-small-2503', messages: [{ role: 'user', content: question }], max_tokens: 100 },
    timeout: 10_000,
  });
}

export async function ollamaEmbed(input: string) {
  const res = await fetch(`${OLLAMA}/api/embed`, { method: 'POST', body: JSON.stringify({ model: 'nomic-embed-text', input }) });
  return res.json();
}

export async function bedrockViaFetch(body: string, signedHeaders: Record<string, string>) {
  return fetch('https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1:0/invoke', {
    method: 'POST',
    headers: signedHeaders,
    body,
  });
}

export async function cohereViaFetch(message: string) {
  return fetch('https://api.cohere.com/v2/chat', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.CO_API_KEY}` },
    body: JSON.stringify({ model: 'command-r-08-2024', messages: [{ role: 'user', content: message }] }),
  });
}

export async function responsesViaFetch(input: string) {
  return fetch('https://api.openai.com/v1/responses', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
    body: JSON.stringify({ model: 'gpt-4.1-2025-04-14', input, max_output_tokens: 500 }),
  });
}

// Not model calls: listing models, uploading files, health checks, other APIs.
export async function housekeeping() {
  await fetch(`${OPENAI_BASE}/models`, { headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });
  await openaiHttp.get('/files');
  await axios.get(`${OLLAMA}/api/tags`);
  await axios.post(`${OLLAMA}/api/pull`, { name: 'llama3.1:8b' });
  await fetch('https://api.stripe.com/v1/charges', { method: 'POST', body: 'amount=100' });
  await fetch('https://hooks.slack.com/services/T000/B000/XXXX', { method: 'POST', body: JSON.stringify({ text: 'deployed' }) });
  await got.post('https://api.github.com/repos/acme/app/issues', { json: { title: 'AI summary ready' } });
  await ky.post('https://example.com/v1/chat/completions-proxy-log', { json: { ok: true } });
  await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ messages: [] }) });
}
