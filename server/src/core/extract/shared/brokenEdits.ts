// Edits that leave syntax errors, for the declaration cache: typing passes through them on most keystrokes (an open
// bracket, a half-typed call). The whole file is parsed for its errors; when they all lie in the statements the edit
// replaced, the statements around them are read as before and only the replaced ones again.
import type { ExtractedFacts } from '../../model';
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
  if (whole.problems.parseErrors > 0 && !language.extractBrokenSkeleton) return undefined;
  if (previous.facts.parseErrors > 0 && !previous.errors) return undefined;
  const fresh = whole.placed.slice(replaced.from, replaced.newTo).map(({ pos, end }, i) => ({ pos, end, entry: { summary: whole.summaryAt(replaced.from + i) } }));
  // Replaced statements that run to the end of the text hold an error at its end too.
  const upTo = (list: readonly Placed[], at: number, textEnd: number) => (at < list.length ? list[at].pos : textEnd + 1);
  const replacedNow = { pos: fresh[0].pos, end: upTo(whole.placed, replaced.newTo, text.length) };
  const old = previous.statements ?? [];
  const replacedBefore = { pos: old[replaced.from].pos, end: upTo(old, replaced.oldTo, previous.text.length) };
  if (!sameErrorsAround(whole.errors, replacedNow, previous.errors ?? [], replacedBefore, delta)) return undefined;
  return { replaced, statements: [...shifted.slice(0, replaced.from), ...fresh, ...shifted.slice(replaced.oldTo)], problems: whole.problems, errors: whole.errors };
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

/** Whether an error lies inside the span (one starting at its end may be the next statement's). */
function inside(error: SyntaxErrorAt, span: Placed): boolean {
  return error.start >= span.pos && error.start < span.end && error.start + error.length <= span.end;
}

/**
 * Whether the errors outside the replaced statements are the last parse's outside them, moved by the edit: the
 * statements holding those (stray code an earlier bracket left at the top level) were read as before.
 */
function sameErrorsAround(now: readonly SyntaxErrorAt[], replacedNow: Placed, before: readonly SyntaxErrorAt[], replacedBefore: Placed, delta: number): boolean {
  const around = now.filter((error) => !inside(error, replacedNow));
  const aroundBefore = before.filter((error) => !inside(error, replacedBefore));
  return (
    around.length === aroundBefore.length &&
    around.every((error, i) => {
      const was = aroundBefore[i];
      return error.start === (was.start >= replacedBefore.end ? was.start + delta : was.start) && error.length === was.length && error.code === was.code;
    })
  );
}

/**
 * The errors a skeleton of the `kept` statements holds: those in them or after them up to the next statement (the
 * last one's run to the end of the text, an error there included).
 */
export function errorsWithin(errors: readonly SyntaxErrorAt[], statements: readonly Placed[], kept: ReadonlySet<number>, textLength: number): SyntaxErrorAt[] {
  const spans = [...kept].map((i) => ({ pos: statements[i].pos, end: i + 1 < statements.length ? statements[i + 1].pos : textLength + 1 }));
  return errors.filter((error) => spans.some((span) => inside(error, span)));
}
