// The benchmark's input: service modules in the style of real AI code, at two densities of AI calls.

/**
 * A ~1,700-line service module. `aiShare` of the handler blocks make three AI calls each; the rest is the
 * ordinary code around them (validation, scoring, formatting). 1 gives the dense worst case: 150 call sites.
 */
export function serviceModule(blocks: number, aiShare = 1): string {
  const head = `import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { generateText, streamText } from 'ai';
import { openai as openaiProvider } from '@ai-sdk/openai';

const openai = new OpenAI({ maxRetries: 3 });
const claude = new Anthropic({ timeout: 20_000 });

interface Ticket { id: string; subject: string; body: string; tenantId: string; createdAt: Date }
`;
  const block = (i: number) => `
/** Handler ${i}: summarise, classify and answer a ticket. */
export async function handleTicket${i}(ticket: Ticket): Promise<{ summary: string; label: string }> {
  const started = Date.now();
  const normalized = ticket.body.trim().replace(/\\s+/g, ' ').slice(0, 4000);
  if (normalized.length === 0) {
    return { summary: '', label: 'empty' };
  }
  const summary = await openai.chat.completions.create({
    model: 'gpt-4o-2024-08-06',
    messages: [
      { role: 'system', content: 'Summarise the ticket in two sentences.' },
      { role: 'user', content: normalized },
    ],
  });
  const label = await claude.messages.create({
    model: 'claude-sonnet-4-5-20250929',
    max_tokens: 20,
    messages: [{ role: 'user', content: \`Label: \${ticket.subject}\` }],
  });
  const draft = await generateText({ model: openaiProvider('gpt-4o-mini'), prompt: normalized, maxRetries: 0 });
  const elapsed = Date.now() - started;
  const text = summary.choices[0]?.message.content ?? '';
  const first = label.content[0];
  console.log('ticket', ticket.id, elapsed, draft.text.length);
  return { summary: text, label: first?.type === 'text' ? first.text : 'unknown' };
}

export function scoreTicket${i}(ticket: Ticket): number {
  const ageHours = (Date.now() - ticket.createdAt.getTime()) / 3_600_000;
  const urgent = /outage|down|urgent|refund/i.test(ticket.subject) ? 10 : 0;
  return Math.round(urgent + Math.min(ageHours, 48) / 4 + ticket.body.length / 1000);
}
`;
  const plain = (i: number) => `
/** Handler ${i}: validate, normalise and route a ticket without a model. */
export async function routeTicket${i}(ticket: Ticket): Promise<{ queue: string; priority: number }> {
  const normalized = ticket.body.trim().replace(/\\s+/g, ' ').slice(0, 4000);
  if (normalized.length === 0) {
    return { queue: 'empty', priority: 0 };
  }
  const words = normalized.toLowerCase().split(' ');
  const billing = words.filter((word) => ['invoice', 'refund', 'charge', 'payment'].includes(word)).length;
  const outage = words.filter((word) => ['down', 'outage', 'error', 'timeout'].includes(word)).length;
  const queue = billing > outage ? 'billing' : outage > 0 ? 'incidents' : 'general';
  const ageHours = (Date.now() - ticket.createdAt.getTime()) / 3_600_000;
  const priority = Math.min(10, Math.round(outage * 2 + billing + ageHours / 12));
  const record = {
    id: ticket.id,
    tenant: ticket.tenantId,
    queue,
    priority,
    length: normalized.length,
    receivedAt: ticket.createdAt.toISOString(),
  };
  if (priority > 7) {
    console.warn('high priority ticket', record);
  }
  for (const word of words.slice(0, 20)) {
    if (word.startsWith('#')) {
      record.queue = word.slice(1) || record.queue;
    }
  }
  return { queue: record.queue, priority };
}

export function scoreRoute${i}(ticket: Ticket): number {
  const ageHours = (Date.now() - ticket.createdAt.getTime()) / 3_600_000;
  const urgent = /outage|down|urgent|refund/i.test(ticket.subject) ? 10 : 0;
  return Math.round(urgent + Math.min(ageHours, 48) / 4 + ticket.body.length / 1000);
}
`;
  const withAi = Math.round(blocks * aiShare);
  return head + Array.from({ length: blocks }, (_, i) => (i % Math.round(blocks / Math.max(withAi, 1)) === 0 && i / Math.round(blocks / Math.max(withAi, 1)) < withAi ? block(i) : plain(i))).join('');
}

