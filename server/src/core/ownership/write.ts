import { codeOwnersPattern, parseCodeOwners } from './codeowners';

// Writing owners into the workspace: a CODEOWNERS line or a `.prodready.json` ownership rule. The pattern comes
// from a file or folder name and the owners from an input box, so both are checked before anything is written:
// a name that CODEOWNERS cannot hold as one pattern is refused with a message, never written approximately.

/** The outcome of preparing an edit: what to write, or why nothing is written (shown to the user). */
export type Written<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Owners as they may be written: `@user`, `@org/team` (GitLab subgroups: `@group/sub/team`), or a plain email.
 * Narrower than what the CODEOWNERS reader accepts: nothing a CODEOWNERS or JSON reader could read differently.
 */
export const WRITABLE_OWNER = /^(@[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)*|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$/;

/** Line breaks and other control characters, and the invisible marks that reorder how a line is displayed. */
const UNWRITABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Wildcards and ranges: CODEOWNERS reads them as patterns and has no escape that makes them literal. */
const WILDCARD = /[*?[\]\\]/;

/**
 * Why `pattern` (a root-anchored path pattern such as `/src/ai/` or `/chat.ts`, as the readiness map suggests)
 * cannot be written, or undefined when it can.
 */
export function patternProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string' || pattern === '' || !pattern.startsWith('/')) return 'The path to own is not a path in the workspace.';
  const shown = JSON.stringify(pattern);
  if (UNWRITABLE.test(pattern)) return `The path ${shown} holds a line break or another control character: CODEOWNERS cannot hold it, so nothing was written. Rename it, or name its owner with an @owner tag in the file.`;
  if (WILDCARD.test(pattern)) return `The path ${shown} holds "*", "?", "[", "]" or "\\", which CODEOWNERS reads as pattern syntax, so nothing was written. Rename it, or name its owner with an @owner tag in the file.`;
  const segments = pattern.slice(1).replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return `The path ${shown} is not a relative path in the workspace.`;
  if (!codeOwnersPattern(pattern)) return `The path ${shown} is not a pattern CODEOWNERS supports.`;
  return undefined;
}

/** The owners typed in the input box (separated by whitespace), or why they cannot be written. */
export function parseOwners(input: string): Written<string[]> {
  const owners = input.trim().split(/\s+/).filter(Boolean);
  if (owners.length === 0) return { ok: false, error: 'Name at least one owner: @user, @org/team or an email.' };
  const invalid = owners.filter((owner) => !WRITABLE_OWNER.test(owner));
  if (invalid.length > 0) return { ok: false, error: `Owners are @user, @org/team or an email; not: ${invalid.map((owner) => JSON.stringify(owner)).join(', ')}.` };
  return { ok: true, value: owners };
}

/** Spaces and `#` in a path, escaped as the CODEOWNERS reader unescapes them (`\ `, `\#`). */
function escapeForCodeowners(pattern: string): string {
  return pattern.replace(/[\s#]/g, (char) => `\\${char}`);
}

/**
 * The CODEOWNERS line `pattern owners…`, without its line break. It is read back before it is returned: the line
 * must parse to exactly this pattern and these owners, or nothing is written.
 */
export function codeownersLine(pattern: unknown, owners: readonly string[]): Written<string> {
  const problem = patternProblem(pattern) ?? ownersProblem(owners);
  if (problem) return { ok: false, error: problem };
  const line = `${escapeForCodeowners(pattern as string)} ${owners.join(' ')}`;
  const parsed = parseCodeOwners(line);
  const [entry] = parsed.entries;
  const readsBack = parsed.problems.length === 0 && parsed.entries.length === 1 && entry.pattern === pattern && entry.owners.join(' ') === owners.join(' ');
  if (!readsBack) return { ok: false, error: `The path ${JSON.stringify(pattern)} cannot be written as one CODEOWNERS line, so nothing was written.` };
  return { ok: true, value: line };
}

/**
 * `.prodready.json` with `{ "path": pattern, "owners": owners }` added to its ownership rules: `text` is the
 * current file (undefined when there is none). The result is JSON serialised, so names are data, never syntax.
 */
export function withOwnershipRule(text: string | undefined, pattern: unknown, owners: readonly string[]): Written<string> {
  const problem = patternProblem(pattern) ?? ownersProblem(owners);
  if (problem) return { ok: false, error: problem };
  let config: Record<string, unknown> = {};
  if (text !== undefined && text.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, error: '.prodready.json is not valid JSON: fix it first (its problems are listed in the editor).' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, error: '.prodready.json must hold one JSON object: fix it first.' };
    config = parsed as Record<string, unknown>;
  }
  if (Object.hasOwn(config, 'ownership') && !Array.isArray(config.ownership)) return { ok: false, error: '"ownership" in .prodready.json is not an array: fix it first.' };
  const rules = Object.hasOwn(config, 'ownership') ? (config.ownership as unknown[]) : [];
  config.ownership = [...rules, { path: pattern, owners: [...owners] }];
  return { ok: true, value: `${JSON.stringify(config, null, 2)}\n` };
}

function ownersProblem(owners: readonly string[]): string | undefined {
  const parsed = parseOwners(owners.join(' '));
  if (!parsed.ok) return parsed.error;
  return parsed.value.length === owners.length ? undefined : 'Each owner is one word: @user, @org/team or an email.';
}
