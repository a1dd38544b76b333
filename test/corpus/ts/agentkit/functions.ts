import { memo } from '@acme/cache';
import { Inngest, openai } from 'inngest';

const inngest = new Inngest({ id: 'support-desk' });

export const summarizeTicket = inngest.createFunction(
  { id: 'summarize-ticket' },
  { event: 'ticket/created' },
  async ({ event, step }) => {
    const summary = await step.ai.infer('summarize', {
      model: openai({ model: 'gpt-4o-mini-2024-07-18' }),
      body: { max_tokens: 400, messages: [{ role: 'user', content: event.data.text }] },
    });
    // A step that runs project code, and a cache that happens to have an `ai.infer` path: no model request.
    await step.run('store-summary', () => saveSummary(event.data.id, summary));
    const cached = await memo.ai.infer('summary', { key: event.data.id });
    return { summary, cached };
  },
);

declare function saveSummary(id: string, summary: unknown): Promise<void>;
