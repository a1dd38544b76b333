import * as ai from 'ai';
import type { LanguageModel } from 'ai';

// The AI SDK loaded once, lazily, and handed out through a cached promise; callers destructure what they call.
let loaded: Promise<typeof ai> | undefined;

async function loadSdk(): Promise<typeof ai> {
  loaded ??= (async () => {
    if (!process.env.TRACE_AI) return ai;
    const traced = await import('ai');
    return traced;
  })();
  return loaded;
}

type Log = (line: { message: string; usage?: unknown }) => void;

export class Summaries {
  constructor(
    private readonly model: LanguageModel,
    private readonly logger?: Log,
  ) {}

  async summarize(text: string) {
    const { generateText } = await loadSdk();
    const result = await generateText({ model: this.model, prompt: `Summarize: ${text}`, maxOutputTokens: 300 });
    this.logger?.({ message: 'summary', usage: result.usage });
    return result.text;
  }
}

/** Destructuring from a plain object is no SDK call. */
export function format(parts: { generateText: (s: string) => string }, text: string) {
  const { generateText } = parts;
  return generateText(text);
}
