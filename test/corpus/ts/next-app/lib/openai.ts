import OpenAI, { AzureOpenAI } from 'openai';

export const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  timeout: 30_000,
  maxRetries: 3,
});

export const azure = new AzureOpenAI({
  endpoint: process.env.AZURE_OPENAI_ENDPOINT,
  apiVersion: '2024-10-21',
  deployment: 'gpt-4o-prod',
});

let cached: OpenAI | undefined;

export function getOpenAI(): OpenAI {
  return (cached ??= new OpenAI({ timeout: 20_000 }));
}

export default openai;
