import { indentAt, type Finding, type Fix, type LanguageFixer } from '../model';
import { fixerFor, inLineEndingOf, type FileAnalysis } from './analyzeFile';

/** The title readers show for the waiver of one finding. */
export function suppressionTitle(ruleId: string): string {
  return `Ignore ${ruleId} for this line`;
}

/**
 * Builds, per finding, the quick fix that waives it: a `prodready-ignore-next-line` comment on its own line above
 * the call (or construction) the finding is about, at that line's indentation, in the file's comment syntax and
 * line endings. `text` is the text the analysis was made from; the fixer is made once, on first use.
 */
export function suppressionFixes(analysis: FileAnalysis, text: string): (finding: Finding) => Fix {
  let fixer: LanguageFixer | undefined;
  return (finding) => {
    fixer ??= fixerFor(analysis.facts, text);
    const at = finding.subjectSpan.start;
    const edits = fixer.suppressionComment(at, finding.ruleId, indentAt(text, at));
    return { title: suppressionTitle(finding.ruleId), edits: inLineEndingOf(analysis.facts, edits), isPreferred: false };
  };
}
