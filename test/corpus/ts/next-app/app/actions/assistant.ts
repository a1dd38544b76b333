'use server';

import { generateText, generateObject, streamText, embedMany } from 'ai';
import { openai } from '@ai-sdk/openai';
import { anthropic } from '@ai-sdk/anthropic';
import { google } from '@ai-sdk/google';
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import openaiClient from '@/lib/openai';
import { complete, embedText } from '@/lib/ai';
import { db } from '@/lib/db';

const Reply = z.object({ subject: z.string(), body: z.string() });

export async function draftEmail(formData: FormData) {
  const topic = String(formData.get('topic'));
  const { object } = await generateObject({ model: openai('gpt-4o-2024-08-06'), schema: Reply, prompt: topic, maxOutputTokens: 600 });
  await db.draft.create({ data: object });
  revalidatePath('/drafts');
  return object;
}

export async function rewrite(text: string, tone: 'formal' | 'casual') {
  const { text: rewritten } = await generateText({
    model: anthropic('claude-3-5-haiku-20241022'),
    system: `Rewrite in a ${tone} tone.`,
    prompt: text,
    maxOutputTokens: 500,
  });
  return rewritten;
}

export async function outline(topic: string) {
  const result = streamText({ model: google('gemini-2.5-flash'), prompt: `Outline: ${topic}` });
  return result.toTextStreamResponse();
}

export async function indexNotes(notes: string[]) {
  const { embeddings } = await embedMany({ model: openai.embedding('text-embedding-3-small'), values: notes });
  await db.note.createMany({ data: notes.map((text, i) => ({ text, vector: embeddings[i] })) });
  redirect('/notes');
}

export async function quickAnswer(question: string) {
  const answer = await complete([{ role: 'user', content: question }], 200);
  const vector = await embedText(question);
  await db.question.upsert({ where: { text: question }, create: { text: question, vector }, update: {} });
  return answer;
}

export async function describeImage(url: string) {
  const res = await openaiClient.chat.completions.create({
    model: 'gpt-4o-2024-08-06',
    messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }],
    max_completion_tokens: 200,
  });
  return res.choices[0].message.content;
}

export async function variations(prompt: string) {
  const images = await openaiClient.images.generate({ model: 'dall-e-3', prompt, n: 1, size: '1024x1024' });
  const edited = await openaiClient.images.edit({ model: 'gpt-image-1', image: await fetch(images.data?.[0]?.url ?? '').then((r) => r.blob()) as File, prompt });
  return edited.data;
}
