import * as inference from './inference';
import { complete } from './llm';

async function triage(text: string) {
  const result = await inference.classify({
    text,
    generate: (prompt) => complete(prompt),
  });
  return result.label;
}

async function digest(text: string) {
  return inference.summarize({
    text,
    complete: async (prompt) => {
      return complete(prompt);
    },
  });
}

export async function handleTicket(text: string) {
  const label = await triage(text);
  const summary = await digest(text);
  return { label, summary };
}

export function scheduleDigest(text: string) {
  inference.onIdle(async () => {
    await complete(text);
  });
}

export function nightly(text: string) {
  scheduleDigest(text);
}
