import { Mistral } from '@mistralai/mistralai';
import { CohereClientV2 } from 'cohere-ai';
import Groq from 'groq-sdk';
import ollama, { Ollama } from 'ollama';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '', timeoutMs: 20_000 });
const cohere = new CohereClientV2({ token: process.env.CO_API_KEY });
const groq = new Groq({ maxRetries: 3 });
const localLlm = new Ollama({ host: process.env.OLLAMA_HOST ?? 'http://127.0.0.1:11434' });

export async function mistralChat(question: string) {
  const res = await mistral.chat.complete({
    model: 'mistral-large-2411',
    messages: [{ role: 'user', content: question }],
    maxTokens: 400,
  });
  return res.choices?.[0]?.message?.content;
}

export async function mistralStream(question: string) {
  return mistral.chat.stream({ model: 'mistral-small-2503', messages: [{ role: 'user', content: question }] });
}

export async function mistralEmbed(texts: string[]) {
  return mistral.embeddings.create({ model: 'mistral-embed', inputs: texts });
}

export async function codeComplete(prefix: string) {
  return mistral.fim.complete({ model: 'codestral-2501', prompt: prefix, maxTokens: 64 });
}

export async function cohereChat(question: string) {
  const response = await cohere.chat({ model: 'command-r-plus-08-2024', messages: [{ role: 'user', content: question }] });
  return response.message?.content?.[0];
}

export async function cohereStream(question: string) {
  return cohere.chatStream({ model: 'command-r-08-2024', messages: [{ role: 'user', content: question }] });
}

export async function cohereEmbed(texts: string[]) {
  return cohere.embed({ model: 'embed-english-v3.0', texts, inputType: 'search_document', embeddingTypes: ['float'] });
}

export async function cohereRerank(query: string, documents: string[]) {
  return cohere.rerank({ model: 'rerank-english-v3.0', query, documents });
}

export async function groqChat(question: string) {
  const completion = await groq.chat.completions.create({
    model: 'llama-3.3-70b-versatile',
    messages: [{ role: 'user', content: question }],
    max_completion_tokens: 300,
  });
  return completion.choices[0]?.message?.content;
}

export async function groqTranscribe(file: File) {
  return groq.audio.transcriptions.create({ file, model: 'whisper-large-v3' });
}

export async function localChat(question: string) {
  const response = await ollama.chat({ model: 'llama3.1:8b', messages: [{ role: 'user', content: question }] });
  return response.message.content;
}

export async function localGenerate(prompt: string) {
  const response = await localLlm.generate({ model: 'qwen2.5:7b', prompt, options: { num_predict: 200 } });
  return response.response;
}

export async function localEmbed(input: string) {
  return localLlm.embed({ model: 'nomic-embed-text', input });
}

export async function localModels() {
  const { models } = await ollama.list();
  await localLlm.pull({ model: 'llama3.1:8b' });
  return models.map((m) => m.name);
}
