import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { Worker, type Job } from 'bullmq';
import { z } from 'zod';
import { zodTextFormat } from 'openai/helpers/zod';

const Entities = z.object({ people: z.array(z.string()), companies: z.array(z.string()) });

export class EnrichmentService {
  private readonly openai: OpenAI;
  private readonly anthropic = new Anthropic({ timeout: 45_000 });

  constructor(apiKey = process.env.OPENAI_API_KEY) {
    this.openai = new OpenAI({ apiKey, maxRetries: 5 });
  }

  async entities(text: string) {
    const response = await this.openai.responses.parse({
      model: 'gpt-4o-2024-08-06',
      input: [{ role: 'user', content: text }],
      text: { format: zodTextFormat(Entities, 'entities') },
    });
    return response.output_parsed;
  }

  async headline(text: string) {
    const stream = this.openai.responses.stream({ model: 'gpt-4.1-mini-2025-04-14', input: `Headline for: ${text}` });
    return (await stream.finalResponse()).output_text;
  }

  async tags(text: string) {
    const runner = this.openai.chat.completions.stream({
      model: 'gpt-4o-mini-2024-07-18',
      messages: [{ role: 'user', content: `Tags for: ${text}` }],
    });
    return runner.finalContent();
  }

  async critique(text: string) {
    const result = await this.anthropic.messages.create({
      model: 'claude-opus-4-1-20250805',
      max_tokens: 800,
      messages: [{ role: 'user', content: text }],
    });
    return result.content;
  }

  async batchCritique(texts: string[]) {
    return this.anthropic.messages.batches.create({
      requests: texts.map((text, i) => ({
        custom_id: `c-${i}`,
        params: { model: 'claude-3-5-haiku-20241022', max_tokens: 300, messages: [{ role: 'user', content: text }] },
      })),
    });
  }

  async betaTools(text: string) {
    return this.anthropic.beta.messages.create({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 500,
      betas: ['token-efficient-tools-2025-02-19'],
      messages: [{ role: 'user', content: text }],
    });
  }
}

const service = new EnrichmentService();

export const worker = new Worker('enrich', async (job: Job<{ text: string }>) => {
  const entities = await service.entities(job.data.text);
  await job.updateProgress(50);
  return entities;
});
