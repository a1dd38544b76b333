import type { Finding } from './rules';
import type { LineIndex } from './text';

/** `prodready-ignore-next-line AIR001[, AIR006] [-- reason]` in a `//` or `#` comment. */
const DIRECTIVE = /(?:\/\/|#|\/\*)\s*prodready-ignore-next-line\b([^\n]*)/g;

interface Suppression {
  /** 0-based line the directive applies to. */
  line: number;
  /** Empty means every rule. */
  ruleIds: Set<string>;
}

export function findSuppressions(text: string, lines: LineIndex): Suppression[] {
  if (!text.includes('prodready-ignore')) return [];
  const found: Suppression[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const [idsPart] = match[1].split('--');
    const ids = idsPart.replace(/\*\/.*$/, '').split(/[\s,]+/).filter((id) => /^AIR\d{3}$/.test(id));
    found.push({ line: lines.positionAt(match.index ?? 0).line + 1, ruleIds: new Set(ids) });
  }
  return found;
}

export function isSuppressed(finding: Finding, suppressions: Suppression[], lines: LineIndex): boolean {
  if (suppressions.length === 0) return false;
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const covered = new Set([lineOf(finding.span.start), lineOf(finding.subjectSpan.start)]);
  return suppressions.some((s) => covered.has(s.line) && (s.ruleIds.size === 0 || s.ruleIds.has(finding.ruleId)));
}
