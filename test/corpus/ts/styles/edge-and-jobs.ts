import OpenAI from 'openai';
import { CohereClient } from 'cohere-ai';
import Groq from 'groq-sdk';
import { ChatGroq } from '@langchain/groq';
import { ChatMistralAI } from '@langchain/mistralai';
import { ChatOllama } from '@langchain/ollama';
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { AzureChatOpenAI } from '@langchain/openai';
import { Mistral } from '@mistralai/mistralai';
import cron from 'node-cron';

const openrouter = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY });
const cohere = new CohereClient({ token: process.env.COHERE_API_KEY });
const groq = new Groq();
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });
const models = {
  groq: new ChatGroq({ model: 'llama-3.1-8b-instant' }),
  mistral: new ChatMistralAI({ model: 'mistral-large-2411' }),
  local: new ChatOllama({ model: 'llama3.1:8b' }),
  gemini: new ChatGoogleGenerativeAI({ model: 'gemini-2.5-flash' }),
  azure: new AzureChatOpenAI({ azureOpenAIApiDeploymentName: 'gpt-4o', azureOpenAIApiVersion: '2024-10-21' }),
};

export const config = { runtime: 'edge' };

export default async function handler(req: Request) {
  const { prompt } = (await req.json()) as { prompt: string };
  const completion = await openrouter.chat.completions.create({ model: 'anthropic/claude-3.5-sonnet', messages: [{ role: 'user', content: prompt }], stream: true });
  return new Response(completion.toReadableStream());
}

export async function nightly(question: string) {
  const legacyChat = await cohere.chat({ model: 'command-r-08-2024', message: question });
  const fast = await groq.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: question }], stream: true });
  const agentReply = await mistral.agents.complete({ agentId: 'ag_123', messages: [{ role: 'user', content: question }] });
  const parsed = await mistral.chat.parse({ model: 'mistral-large-2411', messages: [{ role: 'user', content: question }], responseFormat: Object });
  const viaGroq = await models.groq.invoke(question);
  const viaMistral = await models.mistral.invoke(question);
  const viaLocal = await models.local.stream(question);
  const viaGemini = await models.gemini.invoke(question);
  const viaAzure = await models.azure.batch([question]);
  return { legacyChat, fast, agentReply, parsed, viaGroq, viaMistral, viaLocal, viaGemini, viaAzure };
}

cron.schedule('0 3 * * *', () => void nightly('What changed today?'));
