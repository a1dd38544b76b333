// The model reaches these helpers as a callback: they call it, so whoever passes one in reaches a model.
type Generate = (prompt: string) => Promise<string>;

async function structured(generate: Generate, prompt: string) {
  const text = await generate(prompt);
  return JSON.parse(text) as { label: string };
}

export async function classify(params: { text: string; generate: Generate }) {
  const { text, generate } = params;
  return structured(generate, `Classify this ticket: ${text}`);
}

export async function summarize({ text, complete }: { text: string; complete: Generate }) {
  return complete(`Summarize this ticket: ${text}`);
}

const idleHandlers: (() => Promise<void>)[] = [];

/** Keeps the callback for later: calling this reaches no model. */
export function onIdle(handler: () => Promise<void>) {
  idleHandlers.push(handler);
}
