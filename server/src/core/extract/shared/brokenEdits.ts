// Edits that leave syntax errors, for the declaration cache: typing passes through them on most keystrokes (an open
// bracket, a half-typed call). The errors of the statements an edit replaced are read again (from a skeleton, or from
// the whole file's parse when statements moved); those elsewhere must be the last parse's, moved by the edit.
import type { ExtractedFacts } from '../../model';
import { brokenRegions } from './brokenRegions';
import type { Placed } from './skeleton';
import type { CachedExtraction, SkeletonLanguage, StatementSummary, SummarizedStatement, SyntaxErrorAt } from './statements';

/** Where the whole file's statements differ from the last ones: old `from..oldTo` became new `from..newTo`. */
export interface Replaced {
  from: number;
  oldTo: number;
  newTo: number;
}

/**
 * The edited file read from its whole parse: the statements the edit replaced (with their summaries) among the
 * others, moved by the edit, and its parse problems. Undefined when its syntax errors cannot be read in part: outside
 * the replaced statements, errors must be the last parse's own, moved by the edit (what a bracket left at the top
 * level stays as it was); inside them, what a parse skipped after them up to the next statement counts as theirs.
 */
export function readWhole(
  text: string,
  previous: CachedExtraction,
  shifted: readonly SummarizedStatement[],
  changed: number,
  delta: number,
  language: SkeletonLanguage,
): { replaced: Replaced; statements: SummarizedStatement[]; problems: Pick<ExtractedFacts, 'parseErrors' | 'brokenRegions'>; errors: readonly SyntaxErrorAt[] } | undefined {
  const whole = language.wholeFile?.();
  const replaced = whole && replacedBy(shifted, changed, whole.placed);
  if (!whole || !replaced) return undefined;
  if (whole.errors.length > 0 && !language.parseSkeleton) return undefined;
  if (previous.facts.parseErrors > 0 && !previous.errors) return undefined;
  const fresh = whole.placed.slice(replaced.from, replaced.newTo).map(({ pos, end }, i) => ({ pos, end, entry: { summary: whole.summaryAt(replaced.from + i) } }));
  const replacedNow = extentOf(whole.placed, replaced.from, replaced.newTo, text.length);
  const replacedBefore = extentOf(previous.statements ?? [], replaced.from, replaced.oldTo, previous.text.length);
  if (!sameErrors(errorsAround(whole.errors, replacedNow, 0), errorsAround(previous.errors ?? [], replacedBefore, delta))) return undefined;
  return { replaced, statements: [...shifted.slice(0, replaced.from), ...fresh, ...shifted.slice(replaced.oldTo)], problems: problemsOf(whole.placed, whole.errors), errors: whole.errors };
}

/**
 * The statements the edit replaced: the last ones (`shifted`: moved by the edit) and the whole file's (`placed`) are
 * the same up to `from` and from `oldTo`/`newTo` on. An unclosed bracket makes its statement swallow the ones after
 * it: they are replaced by the one statement holding them all.
 */
function replacedBy(shifted: readonly Placed[], changed: number, placed: readonly Placed[]): Replaced | undefined {
  if (placed.length === 0) return undefined;
  const same = (a: Placed, b: Placed) => a.pos === b.pos && a.end === b.end;
  let from = 0;
  while (from < changed && from < placed.length - 1 && same(placed[from], shifted[from])) from++;
  let tail = 0;
  const tailRoom = Math.min(shifted.length - changed - 1, placed.length - from - 1);
  while (tail < tailRoom && same(placed[placed.length - 1 - tail], shifted[shifted.length - 1 - tail])) tail++;
  return { from, oldTo: shifted.length - tail, newTo: placed.length - tail };
}

/** Several statements read as one: what any of them declares, mentions, writes, exports. */
export function mergedSummary(summaries: readonly StatementSummary[]): StatementSummary {
  if (summaries.length === 1) return summaries[0];
  const union = (pick: (summary: StatementSummary) => Iterable<string>) => new Set(summaries.flatMap((summary) => [...pick(summary)]));
  const moduleNames = summaries.every((summary) => summary.moduleNames) ? summaries.flatMap((summary) => summary.moduleNames ?? []) : undefined;
  return {
    declares: union((summary) => summary.declares),
    mentions: union((summary) => summary.mentions),
    writes: union((summary) => summary.writes),
    definition: summaries.every((summary) => summary.definition),
    exportNames: summaries.flatMap((summary) => summary.exportNames),
    star: summaries.flatMap((summary) => summary.star),
    readsCallers: summaries.some((summary) => summary.readsCallers),
    ...(moduleNames ? { moduleNames } : {}),
  };
}

/** Where statements `from..to` lie, with what a parse skipped after them up to the next (the last runs past the end of the text). */
export function extentOf(statements: readonly Placed[], from: number, to: number, textLength: number): Placed {
  return { pos: statements[from].pos, end: to < statements.length ? statements[to].pos : textLength + 1 };
}

/** Whether an error lies inside the span (one starting at its end may be the next statement's). */
export function inside(error: SyntaxErrorAt, span: Placed): boolean {
  return error.start >= span.pos && error.start < span.end && error.start + error.length <= span.end;
}

/** The errors outside the span, those after it moved by `delta`. */
export function errorsAround(errors: readonly SyntaxErrorAt[], span: Placed, delta: number): SyntaxErrorAt[] {
  return errors.filter((error) => !inside(error, span)).map((error) => (error.start >= span.end ? { ...error, start: error.start + delta } : error));
}

export function sameErrors(a: readonly SyntaxErrorAt[], b: readonly SyntaxErrorAt[]): boolean {
  return a.length === b.length && a.every((error, i) => error.start === b[i].start && error.length === b[i].length && error.code === b[i].code);
}

/** The errors a skeleton of the `kept` statements holds: those in them or after them up to the next statement. */
export function errorsWithin(errors: readonly SyntaxErrorAt[], statements: readonly Placed[], kept: ReadonlySet<number>, textLength: number): SyntaxErrorAt[] {
  const spans = [...kept].map((i) => extentOf(statements, i, i + 1, textLength));
  return errors.filter((error) => spans.some((span) => inside(error, span)));
}

/** A file's parse problems from its statements and syntax errors, as a whole parse reports them. */
export function problemsOf(statements: readonly Placed[], errors: readonly SyntaxErrorAt[]): Pick<ExtractedFacts, 'parseErrors' | 'brokenRegions'> {
  return { parseErrors: errors.length, brokenRegions: errors.length === 0 ? [] : brokenRegions(statements.map(({ pos, end }) => ({ start: pos, end })), errors.map((error) => error.start)) };
}
