/* Offline comparison of providers on a fixed prompt set: `tsx scripts/compare-models.ts prompts.jsonl`. */
import { readFileSync, writeFileSync } from 'node:fs';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { Mistral } from '@mistralai/mistralai';
import { CohereClientV2 } from 'cohere-ai';
import Groq from 'groq-sdk';
import { Ollama } from 'ollama';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const prompts = readFileSync(process.argv[2] ?? 'prompts.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; text: string });
const openai = new OpenAI({ timeout: 60_000 });
const anthropic = new Anthropic({ timeout: 60_000 });
const gemini = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });
const cohere = new CohereClientV2({ token: process.env.CO_API_KEY });
const groq = new Groq({ timeout: 30_000 });
const ollama = new Ollama();
const bedrock = new BedrockRuntimeClient({ region: 'us-west-2' });

const results: Record<string, Record<string, string>> = {};
for (const { id, text } of prompts) {
  const started = performance.now();
  const [gpt, claude, flash, large, command, llama, local, nova] = await Promise.all([
    openai.chat.completions.create({ model: 'gpt-4.1-2025-04-14', messages: [{ role: 'user', content: text }], max_completion_tokens: 400 }),
    anthropic.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 400, messages: [{ role: 'user', content: text }] }),
    gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: text, config: { maxOutputTokens: 400 } }),
    mistral.chat.complete({ model: 'mistral-large-2411', messages: [{ role: 'user', content: text }], maxTokens: 400 }),
    cohere.chat({ model: 'command-a-03-2025', messages: [{ role: 'user', content: text }], maxTokens: 400 }),
    groq.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: text }], max_completion_tokens: 400 }),
    ollama.generate({ model: 'llama3.1:8b', prompt: text, options: { num_predict: 400 } }),
    bedrock.send(new ConverseCommand({ modelId: 'amazon.nova-pro-v1:0', messages: [{ role: 'user', content: [{ text }] }], inferenceConfig: { maxTokens: 400 } })),
  ]);
  const judge = await openai.responses.create({
    model: 'o4-mini-2025-04-16',
    input: `Rank these answers to "${text}":\n${[gpt, claude, flash, large, command, llama, local, nova].map((a) => JSON.stringify(a).slice(0, 500)).join('\n')}`,
    max_output_tokens: 300,
  });
  results[id] = { judge: judge.output_text, ms: (performance.now() - started).toFixed(0) };
}
writeFileSync('comparison.json', JSON.stringify(results, null, 2));
console.log(`compared ${prompts.length} prompts`);
