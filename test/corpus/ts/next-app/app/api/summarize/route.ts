import { generateText, streamText, generateObject, streamObject, embed, embedMany } from 'ai';
import { openai } from '@ai-sdk/openai';
import { anthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { z } from 'zod';
import { summarise } from '@/lib/ai';

const gateway = createOpenAI({ baseURL: process.env.AI_GATEWAY_URL, apiKey: process.env.AI_GATEWAY_KEY });

export async function POST(req: Request) {
  const { text, mode } = await req.json();
  if (mode === 'bullets') {
    return Response.json({ summary: await summarise(text) });
  }
  if (mode === 'stream') {
    const result = streamText({
      model: anthropic('claude-sonnet-4-5-20250929'),
      system: 'You summarise support tickets.',
      prompt: text,
      maxOutputTokens: 600,
      abortSignal: req.signal,
    });
    return result.toTextStreamResponse();
  }
  const { text: summary } = await generateText({
    model: openai('gpt-4o-mini-2024-07-18'),
    prompt: `Summarise:\n${text}`,
    maxOutputTokens: 300,
  });
  return Response.json({ summary });
}

const Ticket = z.object({ category: z.enum(['billing', 'bug', 'other']), urgent: z.boolean() });

export async function classify(text: string) {
  const { object } = await generateObject({
    model: gateway('gpt-4o-2024-08-06'),
    schema: Ticket,
    prompt: text,
  });
  return object;
}

export function classifyLive(text: string) {
  return streamObject({ model: openai.chat('gpt-4.1-mini-2025-04-14'), schema: Ticket, prompt: text });
}

export async function vectors(chunks: string[]) {
  const { embedding } = await embed({ model: openai.embedding('text-embedding-3-small'), value: chunks[0] });
  const { embeddings } = await embedMany({ model: openai.textEmbeddingModel('text-embedding-3-large'), values: chunks });
  return { embedding, embeddings };
}
