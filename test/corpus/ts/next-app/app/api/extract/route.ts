import * as ai from 'ai';
import { google } from '@ai-sdk/google';
import { NextResponse } from 'next/server';
import { embedText } from '@/lib/ai';
import { prisma } from '@/lib/db';

export async function POST(request: Request) {
  const form = await request.formData();
  const text = String(form.get('text') ?? '');
  const result = await ai.generateText({ model: google('gemini-2.5-flash'), prompt: text, maxRetries: 2 });
  const vector = await embedText(result.text);
  const saved = await prisma.document.create({ data: { text: result.text, vector } });
  return NextResponse.json({ id: saved.id });
}
