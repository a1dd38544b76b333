import { analyzeText, type AnalyzeOptions, type FileAnalysis } from './analyzeFile';
import { applyEdits, editsOverlap, type TextEdit } from '../model';
import type { Finding, RuleId } from '../rules';

/** The preferred fix of each finding that does not collide with one already chosen, in file order. */
export function preferredFixes(findings: readonly Finding[], skippedRules: ReadonlySet<RuleId> = new Set()): { finding: Finding; edits: TextEdit[] }[] {
  const chosen: { finding: Finding; edits: TextEdit[] }[] = [];
  for (const finding of findings) {
    if (skippedRules.has(finding.ruleId)) continue;
    const fix = finding.fixes.find((candidate) => candidate.isPreferred);
    if (fix && !chosen.some((other) => editsOverlap(other.edits, fix.edits))) chosen.push({ finding, edits: fix.edits });
  }
  return chosen;
}

/** A bound on passes; each accepted pass removes at least one finding, so real files stop long before it. */
const MAX_PASSES = 100;

/**
 * Applies preferred fixes until none is left, as `eslint --fix` does: colliding fixes wait for the next pass.
 * A pass is kept only when it parses as well as before and every rule it fixed has that many fewer findings; a
 * rule whose fix did not take (an edit the parser read differently, say) is left alone from then on. The loop is
 * deterministic, so fixing the result again changes nothing.
 */
export function fixText(file: string, text: string, options: AnalyzeOptions = {}): { text: string; fixed: Finding[]; analysis: FileAnalysis } {
  let current = text;
  let analysis = analyzeText(file, current, options);
  const fixed: Finding[] = [];
  const skippedRules = new Set<RuleId>();
  for (let pass = 0; pass < MAX_PASSES && analysis.notice === undefined; pass++) {
    const chosen = preferredFixes(analysis.findings, skippedRules);
    if (chosen.length === 0) break;
    const next = applyEdits(current, chosen.flatMap((fix) => fix.edits));
    const nextAnalysis = analyzeText(file, next, options);
    const failedRules = rulesNotFixed(chosen.map((fix) => fix.finding), analysis, nextAnalysis);
    if (nextAnalysis.facts.parseErrors > analysis.facts.parseErrors || nextAnalysis.notice !== undefined) {
      for (const fix of chosen) skippedRules.add(fix.finding.ruleId);
      continue;
    }
    if (failedRules.size > 0) {
      for (const rule of failedRules) skippedRules.add(rule);
      continue;
    }
    fixed.push(...chosen.map((fix) => fix.finding));
    current = next;
    analysis = nextAnalysis;
  }
  return { text: current, fixed, analysis };
}

/**
 * Rules of the applied fixes whose problems are still there: fewer findings with the same rule and message than
 * before, by as many as were fixed (a fix may leave a milder finding with another message, which is progress).
 */
function rulesNotFixed(applied: readonly Finding[], before: FileAnalysis, after: FileAnalysis): Set<RuleId> {
  const keyOf = (finding: Finding) => `${finding.ruleId}\u0000${finding.message}`;
  const tally = (findings: readonly Finding[]) => {
    const counts = new Map<string, number>();
    for (const finding of findings) counts.set(keyOf(finding), (counts.get(keyOf(finding)) ?? 0) + 1);
    return counts;
  };
  const [was, is, fixedNow] = [tally(before.findings), tally(after.findings), tally(applied)];
  const failed = new Set<RuleId>();
  for (const finding of applied) {
    const key = keyOf(finding);
    if ((is.get(key) ?? 0) > (was.get(key) ?? 0) - (fixedNow.get(key) ?? 0)) failed.add(finding.ruleId);
  }
  return failed;
}
