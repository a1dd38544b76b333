import { LATENCY, TOKEN_USAGE, TRACING_IN_CODE } from '../../catalog/observability';
import type { TextSignals } from '../../model';

// Observability written anywhere in a file (tracing set up, token usage read, latency measured): evidence for the
// workspace checklist, read once per analysis so that what is kept of a file does not need its text.

const PATTERNS = { tracing: TRACING_IN_CODE, usage: TOKEN_USAGE, latency: LATENCY } as const;

/** The first match of each signal in the text. */
export function findTextSignals(text: string): TextSignals {
  const found: TextSignals = {};
  for (const [kind, pattern] of Object.entries(PATTERNS) as [keyof TextSignals, RegExp][]) {
    const match = pattern.exec(text);
    if (match) found[kind] = { span: { start: match.index, end: match.index + match[0].length }, text: match[0] };
  }
  return found;
}
