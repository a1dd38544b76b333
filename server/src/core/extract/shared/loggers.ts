/** Decides whether a callee is a logger the project counts (`logger.*`, `console.info`). */
export type LoggerMatcher = (callee: string) => boolean;

/**
 * A pattern ending in `*` matches callees that start with what precedes it: `logger.*` any method of `logger`,
 * `log_*` any function named `log_…`; other patterns match one callee exactly. Language-neutral.
 */
export function loggerMatcher(patterns: readonly string[]): LoggerMatcher {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('*')) prefixes.push(pattern.slice(0, -1));
    else exact.add(pattern);
  }
  return (callee) => exact.has(callee) || prefixes.some((prefix) => callee.startsWith(prefix));
}

