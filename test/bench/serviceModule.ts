// The benchmark's input, shared with profiling scripts.

/** A ~1,700-line service module in the style of real AI code: clients, handlers, helpers, AI calls. */
export function serviceModule(blocks: number): string {
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
  return head + Array.from({ length: blocks }, (_, i) => block(i)).join('');
}

