/** Durations as messages and hovers word them. */
export function describeDuration(ms: number | undefined): string {
  if (ms === undefined) return 'no limit';
  if (ms % 60_000 === 0 && ms >= 60_000) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

/**
 * The address of a rule's page: `meta.docs.url` resolved against the package root the caller runs from
 * (a `file:` URL ending in `/`). An absolute `url` is returned as it is.
 */
export function ruleDocsHref(url: string, packageRoot: string): string {
  return new URL(url, packageRoot.endsWith('/') ? packageRoot : `${packageRoot}/`).href;
}

/**
 * The first sentence of a message: what a Problems row shows (at most 100 characters by the rules' own test). It
 * ends at a full stop, question or exclamation mark followed by a space, or at the end.
 */
export function firstSentence(message: string): string {
  const end = /[.!?](?=\s)/.exec(message);
  return end ? message.slice(0, end.index + 1) : message;
}

/** What follows the first sentence, for hovers and pages that show the rest. */
export function restOfMessage(message: string): string {
  return message.slice(firstSentence(message).length).trim();
}
