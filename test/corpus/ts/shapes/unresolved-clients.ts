import { getLlmClient, providerRegistry } from '@acme/llm-runtime';
import { runtime } from './runtime';
import Stripe from 'stripe';
import { PrismaClient } from '@prisma/client';
import type { Twilio } from 'twilio';

// Clients handed over by a runtime this file cannot see: only the call's shape says it reaches a model.
const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_KEY ?? '');

export class TicketSummariser {
  constructor(private readonly sms: Twilio) {}

  async summarise(ticket: string) {
    const llm = getLlmClient('summaries');
    const completion = await llm.chat.completions.create({
      model: 'gpt-4o-mini-2024-07-18',
      messages: [{ role: 'user', content: ticket }],
    });
    const draft = await providerRegistry.anthropic.messages.create({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 400,
      messages: [{ role: 'user', content: ticket }],
    });
    await this.sms.messages.create({ to: '+15550100', from: '+15550101', body: draft.id });
    return completion.choices[0]?.message.content;
  }
}

export async function embedAndStore(texts: string[]) {
  const vectors = await runtime.client().embeddings.create({ model: 'text-embedding-3-small', input: texts });
  await prisma.embedding.create({ data: { vectors: JSON.stringify(vectors) } });
  await stripe.customers.create({ email: 'ops@example.com' });
  return vectors;
}

export async function streamAnswer(question: string) {
  return runtime.gemini.models.generateContentStream({ model: 'gemini-2.0-flash-001', contents: question });
}

export async function legacyComplete(prompt: string) {
  return runtime.client().completions.create({ model: 'gpt-3.5-turbo-instruct', prompt, max_tokens: 64 });
}

export async function notModels(text: string) {
  // Same method names, different shapes: a mailer, an ORM, a task queue.
  await runtime.mailer.messages.create({ to: 'a@example.com', subject: 'Digest', text });
  await runtime.db.completions.create({ data: { text } });
  await runtime.queue.embeddings.create({ name: 'reindex', input: text });
}

export async function converse(question: string) {
  const { BedrockRuntimeClient, ConverseCommand } = await import('@aws-sdk/client-bedrock-runtime');
  const bedrock = runtime.aws(BedrockRuntimeClient);
  return bedrock.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: question }] }] }));
}
