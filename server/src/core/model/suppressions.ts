import type { Span } from './span';
import type { Finding } from './findings';
import type { LineIndex } from './text';

/**
 * `prodready-ignore-next-line AIR001[, AIR006] [-- reason] [owner=@team] [until=YYYY-MM-DD]` in a `//`, `/*` or `#`
 * comment. With `until`, it is a waiver: it stops suppressing on that date and becomes a finding itself.
 */
// The directive ends at the line break, whichever the file uses (a CR-only file has no \n at all).
const DIRECTIVE = /(?:\/\/|#|\/\*)\s*prodready-ignore-next-line\b([^\r\n]*)/g;

export interface Suppression {
  /** 0-based line the directive applies to. */
  line: number;
  /** Empty means every rule. */
  ruleIds: Set<string>;
  reason?: string;
  owner?: string;
  /** YYYY-MM-DD. */
  until?: string;
  span: Span;
}

export function findSuppressions(text: string, lines: LineIndex): Suppression[] {
  if (!text.includes('prodready-ignore')) return [];
  const found: Suppression[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const commentEnd = match[1].indexOf('*/');
    const body = commentEnd === -1 ? match[1] : match[1].slice(0, commentEnd);
    const separator = body.indexOf('--');
    const idsPart = separator === -1 ? body : body.slice(0, separator);
    const tail = separator === -1 ? '' : body.slice(separator + 2);
    const owner = /\bowner=(\S+)/.exec(tail)?.[1];
    const until = /\buntil=(\d{4}-\d{2}-\d{2})\b/.exec(tail)?.[1];
    const reason = tail.replace(/\b(owner|until)=\S+/g, '').trim() || undefined;
    const start = match.index ?? 0;
    found.push({
      line: lines.positionAt(start).line + 1,
      ruleIds: new Set(idsPart.split(/[\s,]+/).filter((id) => /^AIR\d{3}$/.test(id))),
      reason,
      owner,
      until,
      span: { start, end: start + match[0].length },
    });
  }
  return found;
}

/** What the waiver quick fix writes after `--`, selected for the user to type over. */
export const WAIVER_REASON_PLACEHOLDER = 'reason';

/** A waiver is decided when it says why: an empty reason, or the placeholder left as written, is not. */
export function isDecided(suppression: Suppression): boolean {
  return suppression.reason !== undefined && suppression.reason !== WAIVER_REASON_PLACEHOLDER;
}

export function isExpired(suppression: Suppression, today: string): boolean {
  return suppression.until !== undefined && suppression.until < today;
}

/** Covered when a live, decided directive sits above the finding's line or above the call it is about. */
export function isSuppressed(finding: Finding, suppressions: Suppression[], lines: LineIndex, today: string): boolean {
  if (suppressions.length === 0) return false;
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const covered = new Set([lineOf(finding.span.start), lineOf(finding.subjectSpan.start)]);
  return suppressions.some(
    (s) => covered.has(s.line) && isDecided(s) && !isExpired(s, today) && (s.ruleIds.size === 0 || s.ruleIds.has(finding.ruleId)),
  );
}
