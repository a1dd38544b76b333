// Edits that leave syntax errors, for the declaration cache: typing passes through them on most keystrokes (an open
// bracket, a half-typed call). The whole file is parsed for its errors; when they all lie in the statements the edit
// replaced, the statements around them are read as before and only the replaced ones again.
import type { Placed } from './skeleton';
import type { StatementSummary, SyntaxErrorAt } from './statements';

/** Where the whole file's statements differ from the last ones: old `from..oldTo` became new `from..newTo`. */
export interface Replaced {
  from: number;
  oldTo: number;
  newTo: number;
}

/**
 * The statements the edit replaced: the last ones (`shifted`: moved by the edit) and the whole file's (`placed`) are
 * the same up to `from` and from `oldTo`/`newTo` on. An unclosed bracket makes its statement swallow the ones after
 * it: they are replaced by the one statement holding them all.
 */
export function replacedBy(shifted: readonly Placed[], changed: number, placed: readonly Placed[]): Replaced | undefined {
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

/** Whether every error lies inside the span (strictly before its end: an error at the end may be the next statement's). */
export function allInside(errors: readonly SyntaxErrorAt[], span: Placed): boolean {
  return errors.every((error) => error.start >= span.pos && error.start + error.length < span.end);
}
