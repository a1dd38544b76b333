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


/** The same service in Python: ~1,700 lines, `aiShare` of the handler blocks making three AI calls each. */
export function pythonServiceModule(blocks: number, aiShare = 1): string {
  const head = `import json
import logging
import time

from anthropic import Anthropic
from openai import OpenAI

logger = logging.getLogger(__name__)
openai_client = OpenAI(max_retries=3)
claude = Anthropic(timeout=20)
`;
  const block = (i: number) => `

def handle_ticket_${i}(ticket: dict) -> dict:
    """Handler ${i}: summarise, classify and answer a ticket."""
    started = time.time()
    normalized = " ".join(ticket["body"].split())[:4000]
    if not normalized:
        return {"summary": "", "label": "empty"}
    summary = openai_client.chat.completions.create(
        model="gpt-4o-2024-08-06",
        messages=[
            {"role": "system", "content": "Summarise the ticket in two sentences."},
            {"role": "user", "content": normalized},
        ],
    )
    label = claude.messages.create(
        model="claude-sonnet-4-5-20250929",
        max_tokens=20,
        messages=[{"role": "user", "content": f"Label: {summary.choices[0].message.content}"}],
    )
    reply = openai_client.responses.create(model="gpt-4o", input=normalized, max_output_tokens=400)
    logger.info("ai.reply", extra={"id": reply.id, "usage": reply.usage})
    age_hours = (time.time() - ticket["created_at"]) / 3600
    return {"summary": summary.choices[0].message.content, "label": label.content[0].text, "age": age_hours, "ms": time.time() - started}
`;
  const plain = (i: number) => `

def score_ticket_${i}(ticket: dict) -> dict:
    """Scoring ${i}: weights, thresholds and formatting around the AI calls."""
    words = ticket["body"].split()
    weights = {"urgent": 3, "refund": 2, "broken": 2, "thanks": -1}
    score = sum(weights.get(word.lower(), 0) for word in words)
    if ticket.get("vip"):
        score += 5
    tier = "high" if score > 6 else "medium" if score > 2 else "low"
    age_hours = (time.time() - ticket["created_at"]) / 3600
    escalate = tier == "high" and age_hours > 4
    history = [entry for entry in ticket.get("history", []) if entry.get("kind") == "reply"]
    last_reply = history[-1]["at"] if history else None
    payload = {"id": ticket["id"], "score": score, "tier": tier, "escalate": escalate, "last_reply": last_reply}
    return json.loads(json.dumps(payload))
`;
  const body: string[] = [];
  for (let i = 0; i < blocks; i++) body.push(i < blocks * aiShare ? block(i) : plain(i));
  return head + body.join('');
}
