import { Hono } from 'hono';
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { classifyIntent, sharedAnthropic, summariseThread, translate, triage } from '../../../packages/ai-core/src';

export const app = new Hono();

app.post('/intent', async (c) => {
  const { utterance } = await c.req.json();
  return c.json({ intent: await classifyIntent(utterance), team: await triage(utterance) });
});

app.post('/summary', async (c) => {
  const { thread } = await c.req.json();
  return c.json({ summary: await summariseThread(thread) });
});

app.post('/translate', async (c) => {
  const { text, language } = await c.req.json();
  return c.json(await translate(text, language));
});

app.post('/raw', async (c) => {
  const { prompt } = await c.req.json();
  const msg = await sharedAnthropic.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 200, messages: [{ role: 'user', content: prompt }] });
  return c.json(msg);
});

app.post('/stream', async (c) => {
  const { prompt } = await c.req.json();
  const result = streamText({ model: openai('gpt-4o-mini-2024-07-18'), prompt, abortSignal: c.req.raw.signal });
  return result.toTextStreamResponse();
});
