import OpenAI from 'openai';
import type { ResponseInputItem } from 'openai/resources/responses/responses';

const openai = new OpenAI({ timeout: 60_000, maxRetries: 2 });

/** Shrinks a long conversation before the next turn. */
export async function compactHistory(history: ResponseInputItem[]) {
  const compacted = await openai.responses.compact({ model: 'gpt-5-2025-08-07', input: history });
  return compacted.output;
}
