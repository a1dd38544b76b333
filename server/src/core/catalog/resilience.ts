/**
 * Helpers that add a retry policy or a timeout around a call passed to them: p-retry (`pRetry`), async-retry
 * (`retry`), exponential-backoff (`backOff`), p-timeout (`pTimeout`), cockatiel policies (`policy.execute`,
 * built by `retry(...)`, `timeout(...)`, `wrap(...)`) and the project's own `withRetry`/`withTimeout`.
 * Judged by name: the name is what tells a reader (and a reviewer) what the helper is for.
 */
export type ResilienceKind = 'retry' | 'timeout' | 'fallback';

const RETRY_NAME = /retr(y|ies)|backoff/i;
const TIMEOUT_NAME = /timeout|deadline/i;
/** Helpers that catch what the function they run throws: `withFallback`, `safeCall`, `withErrorHandling`. */
const FALLBACK_NAME = /fallback|^safe(ly)?(Call|Run|Invoke|Exec|Execute|Complete|Generate)?$|errorhandl|catcherrors?|^tryOr|orDefault$/i;

/** Methods that run a function under a policy object (cockatiel `execute`); the policy's construction decides. */
export const POLICY_RUNNERS: ReadonlySet<string> = new Set(['execute']);

/** The last name of a callee that may be a helper, checked before anything is resolved. */
export function mayBeResilienceHelper(leaf: string): boolean {
  return POLICY_RUNNERS.has(leaf) || RETRY_NAME.test(leaf) || TIMEOUT_NAME.test(leaf) || FALLBACK_NAME.test(leaf);
}

/** What a helper or policy-building call adds, from its name (`pRetry`, `withTimeout`, `retry`). */
export function resilienceOfName(name: string): ResilienceKind | undefined {
  const leaf = name.slice(name.lastIndexOf('.') + 1);
  // `shouldRetry`, `isTimeout`, `getRetryCount`: predicates and getters, not wrappers.
  if (/^(should|is|has|can|get|set)[A-Z]/.test(leaf)) return undefined;
  if (RETRY_NAME.test(leaf)) return 'retry';
  if (TIMEOUT_NAME.test(leaf)) return 'timeout';
  if (FALLBACK_NAME.test(leaf)) return 'fallback';
  return undefined;
}
