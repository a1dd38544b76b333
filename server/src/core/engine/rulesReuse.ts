// An open document's last rule run, reused after a keystroke that only moved its facts: the rules would read the
// same facts at other offsets and report the same findings, moved. Only TypeScript parses say when facts only moved;
// Python's fixer reads the whole file's imports, so its rules always run.
import type { RuleLevel } from '../config/config';
import { CannotMove, FactMover, sameFacts } from '../extract/shared/moveFacts';
import type { PythonParse } from '../extract/python/incremental';
import { TypeScriptParse } from '../extract/typescript/incremental';
import type { FileFacts, Finding, LineIndex, RuleFailure, RuleId, Span } from '../model';
import type { Rule } from '../rules';

type DocumentParse = PythonParse | TypeScriptParse;

/** What rules read besides the file's facts. */
export interface RuleInputs {
  config: unknown;
  ruleLevels: Partial<Record<RuleId, RuleLevel>> | undefined;
  ruleSet: Readonly<Record<RuleId, Rule>>;
  today: string;
  data: unknown;
  ownership: unknown;
}

export interface RulesRun {
  findings: Finding[];
  failures: RuleFailure[];
}

interface LastRun extends RulesRun {
  lines: LineIndex;
  inputs: RuleInputs;
  facts: FileFacts;
  /** Each call's owner as the rules read it (the call objects no edit moved are shared with the next facts). */
  owners: unknown[];
}

const lastRuns = new WeakMap<DocumentParse, LastRun>();

/** Kept for the next keystroke of the document `parse` belongs to (a TypeScript one: only those can reuse it). */
export function rememberRun(parse: DocumentParse | undefined, run: RulesRun, facts: FileFacts, lines: LineIndex, inputs: RuleInputs): void {
  if (parse instanceof TypeScriptParse) lastRuns.set(parse, { ...run, facts, lines, inputs, owners: facts.callSites.map((site) => site.owner) });
}

/**
 * The last run's findings moved by the edit, when the facts only moved and nothing else rules read changed. Fixes
 * read the text around what they edit: inside the statements holding facts, which the edit left alone, and past a
 * statement's edge only on the line of an edit (a line's start, the file's end). So no finding may sit, or edit, on
 * a line the edit touched.
 */
export function reusedRun(parse: DocumentParse | undefined, facts: FileFacts, inputs: RuleInputs): RulesRun | undefined {
  const last = parse && lastRuns.get(parse);
  const moved = parse instanceof TypeScriptParse ? parse.movedFacts : undefined;
  if (!last || !moved || moved.from !== last.lines.text || !sameInputs(last.inputs, inputs)) return undefined;
  const { start, oldEnd, delta } = moved.change;
  // The edit's lines, from the start of its first to the start of the line after its last.
  const first = last.lines.positionAt(start).line;
  const after = last.lines.positionAt(oldEnd).line + 1;
  const from = last.lines.offsetAt({ line: first, character: 0 });
  const to = after < last.lines.lineCount ? last.lines.offsetAt({ line: after, character: 0 }) : Infinity;
  const touched = (span: Span) => span.start < to && span.end >= from;
  if (last.findings.some((finding) => touched(finding.span) || touched(finding.subjectSpan) || finding.fixes.some((fix) => fix.edits.some((edit) => touched(edit.span))))) return undefined;
  const mover = FactMover.acrossEdit(facts.file, start, oldEnd, delta);
  try {
    const sameAsMoved = (now: unknown, before: unknown) => sameFacts(now, mover.copy(before));
    const owners = facts.callSites.map((site) => site.owner);
    const same = facts.lineEnding === last.facts.lineEnding && sameAsMoved(facts.suppressions, last.facts.suppressions) && sameAsMoved(facts.ownerTags, last.facts.ownerTags) && sameAsMoved(owners, last.owners);
    return same ? { findings: last.findings.map((finding) => movedFinding(finding, start, delta)), failures: last.failures } : undefined;
  } catch (error) {
    // A waiver or owner tag in the edit: read again.
    if (error instanceof CannotMove) return undefined;
    throw error;
  }
}

function sameInputs(a: RuleInputs, b: RuleInputs): boolean {
  const levels = (inputs: RuleInputs) => Object.entries(inputs.ruleLevels ?? {});
  const sameLevels = levels(a).length === levels(b).length && levels(a).every(([id, level]) => b.ruleLevels?.[id as RuleId] === level);
  // A config read from disk is one object while its file stays the same; one built per call (tests) is compared.
  return (a.config === b.config || sameFacts(a.config, b.config)) && a.ruleSet === b.ruleSet && a.today === b.today && a.data === b.data && a.ownership === b.ownership && sameLevels;
}

/**
 * A finding moved by an edit that touched none of its lines (as FactMover.acrossEdit moves facts): what lies after the
 * edit moves by its length, what lies before stays (the finding itself, when all of it does). Its data holds no offsets.
 */
function movedFinding(finding: Finding, start: number, delta: number): Finding {
  if (delta === 0 || (finding.span.start <= start && finding.subjectSpan.start <= start && finding.fixes.every((fix) => fix.edits.every((edit) => edit.span.start <= start)))) return finding;
  // No span reaches into the edit: one starting after its start starts after its end.
  const moved = (span: Span): Span => (span.start > start ? { start: span.start + delta, end: span.end + delta } : span);
  return {
    ...finding,
    span: moved(finding.span),
    subjectSpan: moved(finding.subjectSpan),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, span: moved(edit.span) })) })),
  };
}
