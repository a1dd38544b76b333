import { NextRequest, NextResponse } from 'next/server';
import openai, { getOpenAI } from '@/lib/openai';
import { azure } from '@/lib/openai';
import { z } from 'zod';

export const runtime = 'nodejs';

const Answer = z.object({ answer: z.string(), confidence: z.number() });

export async function POST(req: NextRequest) {
  const { messages } = await req.json();
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini-2024-07-18',
    messages,
    stream: true,
    max_completion_tokens: 800,
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    async start(controller) {
      for await (const chunk of stream) {
        controller.enqueue(encoder.encode(chunk.choices[0]?.delta?.content ?? ''));
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export async function PUT(req: NextRequest) {
  const { question } = await req.json();
  try {
    const response = await getOpenAI().responses.create({
      model: 'gpt-4.1-2025-04-14',
      input: question,
      max_output_tokens: 400,
    });
    return NextResponse.json({ text: response.output_text });
  } catch (error) {
    console.error('responses failed', error);
    return NextResponse.json({ text: null }, { status: 503 });
  }
}

export async function PATCH(req: NextRequest) {
  const { question } = await req.json();
  const parsed = await openai.beta.chat.completions.parse({
    model: 'gpt-4o-2024-08-06',
    messages: [{ role: 'user', content: question }],
    response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: {} } },
  });
  return NextResponse.json(Answer.parse(parsed.choices[0].message.parsed));
}

export async function GET() {
  const result = await azure.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'ping' }],
    max_tokens: 5,
  });
  return NextResponse.json({ ok: result.choices.length > 0 });
}
