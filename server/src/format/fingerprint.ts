import { createHash } from 'node:crypto';
import type { CallSite, FileAnalysis, Finding } from '../core';

/** The key SARIF `partialFingerprints` and baseline files carry it under; a new version means a new identity. */
export const FINGERPRINT_KEY = 'prodreadyFindingHash/v1';

/**
 * A finding's identity across commits: the rule, the message kind, the file, the enclosing function and the
 * normalised text of the callee (or client constructor) it is about, hashed, then `:n` for the n-th finding with
 * that identity in the file. Lines and columns are left out, so code moving inside a file, or a fix that adds an
 * option or a try/catch around the call, keeps the identity; renaming the function or the file gives a new one.
 */
export function fingerprints(analysis: FileAnalysis, relativeFile: string): string[] {
  const text = analysis.lines.text;
  const seen = new Map<string, number>();
  return analysis.findings.map((finding) => {
    const hash = createHash('sha256').update([finding.ruleId, finding.messageId, relativeFile, ...subjectOf(analysis, finding, text)].join('\u0000')).digest('hex').slice(0, 32);
    const occurrence = seen.get(hash) ?? 0;
    seen.set(hash, occurrence + 1);
    return `${hash}:${occurrence}`;
  });
}

/**
 * Each call site's identity across commits, as `fingerprints` gives a finding about it: the file, the enclosing
 * function and the callee's text, so a change of model or options keeps the identity (the cost of a change is
 * matched by it).
 */
export function siteFingerprints(analysis: FileAnalysis, relativeFile: string, sites: readonly CallSite[]): string[] {
  const text = analysis.lines.text;
  const seen = new Map<string, number>();
  return sites.map((site) => {
    const hash = createHash('sha256').update(['call-site', relativeFile, site.enclosingFunction ?? '', normalise(text.slice(site.calleeSpan.start, site.calleeSpan.end))].join('\u0000')).digest('hex').slice(0, 32);
    const occurrence = seen.get(hash) ?? 0;
    seen.set(hash, occurrence + 1);
    return `${hash}:${occurrence}`;
  });
}

/** What a finding is about, in words that survive edits around it: [enclosing function, normalised text]. */
function subjectOf(analysis: FileAnalysis, finding: Finding, text: string): [string, string] {
  const { subjectSpan } = finding;
  const site = analysis.facts.callSites.find((candidate) => candidate.span.start === subjectSpan.start && candidate.span.end === subjectSpan.end);
  if (site) return [site.enclosingFunction ?? '', normalise(text.slice(site.calleeSpan.start, site.calleeSpan.end))];
  const client = analysis.facts.clients.find((candidate) => candidate.span.start === subjectSpan.start && candidate.span.end === subjectSpan.end);
  if (client) return [client.boundTo ?? '', `${client.constructorName}:${String(finding.data.option ?? '')}`];
  return ['', normalise(text.slice(finding.span.start, finding.span.end))];
}

/** Text with white space and line breaks taken out: `a\n  .b()` and `a.b()` are the same call. */
function normalise(text: string): string {
  return text.replace(/\s+/g, '');
}
