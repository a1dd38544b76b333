import { analyzeText, type AnalyzeOptions, type FileAnalysis } from './analyze';
import { applyEdits, editsOverlap, type TextEdit } from './fixes';
import type { Finding } from './rules';

/** The preferred fix of each finding that does not collide with one already chosen, in file order. */
export function preferredFixes(findings: readonly Finding[]): { finding: Finding; edits: TextEdit[] }[] {
  const chosen: { finding: Finding; edits: TextEdit[] }[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.isPreferred);
    if (fix && !chosen.some((other) => editsOverlap(other.edits, fix.edits))) chosen.push({ finding, edits: fix.edits });
  }
  return chosen;
}

const MAX_PASSES = 10;

/**
 * Applies preferred fixes until none is left, as `eslint --fix` does: colliding fixes wait for the next pass.
 * A pass that would add a syntax error is dropped, so the file always stays parseable.
 */
export function fixText(file: string, text: string, options: AnalyzeOptions = {}): { text: string; fixed: Finding[]; analysis: FileAnalysis } {
  let current = text;
  let analysis = analyzeText(file, current, options);
  const fixed: Finding[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen = preferredFixes(analysis.findings);
    if (chosen.length === 0) break;
    const next = applyEdits(current, chosen.flatMap((fix) => fix.edits));
    const nextAnalysis = analyzeText(file, next, options);
    if (nextAnalysis.facts.parseErrors > analysis.facts.parseErrors) break;
    fixed.push(...chosen.map((fix) => fix.finding));
    current = next;
    analysis = nextAnalysis;
  }
  return { text: current, fixed, analysis };
}
