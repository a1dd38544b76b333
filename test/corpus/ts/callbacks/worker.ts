import { withRetry, answer } from './retrying';
import { complete } from './llm';

// Another module gives the shared helper a model callback, and a plain one.
export async function summarizeLater(text: string) {
  const summary = await withRetry(() => complete(`Summarize: ${text}`), 5);
  const stored = await withRetry(async () => text.length);
  return { summary, stored, reply: await answer(text) };
}
