/**
 * Recognising a credential written into source. Any non-placeholder literal given to a key option counts;
 * these placeholders are what docs and samples use and are not secrets.
 */
const PLACEHOLDER = [
  /^$/,
  /^\s+$/,
  /^<[^>]*>$/,
  /^\$\{[^}]*\}$/,
  /^(x+|\*+|\.+|-+)$/i,
  /^(your|my)[-_ ]?([a-z]+[-_ ])*(api[-_ ]?)?(key|token|secret)(-here)?$/i,
  /^(sk|sk-ant|gsk)[-_]?(\.\.\.|x+|\*+)$/i,
  /^(placeholder|changeme|change-me|replace-me|dummy|fake|test|example|none|null|undefined|todo)([-_ ].*)?$/i,
];

export function isPlaceholderKey(value: string): boolean {
  return PLACEHOLDER.some((pattern) => pattern.test(value.trim()));
}

/** Reads of the process environment in TS/JS and Python source: a model id from there is set at deploy time. */
const ENVIRONMENT_READ = /^(process\.env\.|os\.environ|os\.getenv\()/;

export function readsEnvironment(expression: string | undefined): boolean {
  return expression !== undefined && ENVIRONMENT_READ.test(expression);
}
