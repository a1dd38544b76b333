import type { Span } from '../../model';

/**
 * The code around syntax errors, as top-level statements: the statement holding each error and the one before it
 * (a parser often notices a missing bracket or quote one statement late). Fixes keep out of these regions, since
 * the parser's reading of broken code is a guess and an edit placed by it can land inside a string.
 */
export function brokenRegions(statements: readonly Span[], errorOffsets: readonly number[]): Span[] {
  const regions: Span[] = [];
  for (const offset of [...errorOffsets].sort((a, b) => a - b)) {
    const holder = lastStartingAtOrBefore(statements, offset);
    const start = holder > 0 ? statements[holder - 1].start : 0;
    const end = Math.max(holder >= 0 ? statements[holder].end : 0, offset + 1);
    const last = regions[regions.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else regions.push({ start, end });
  }
  return regions;
}

/** True when an edit touches a region (an insertion at its edge counts: it would join the broken code). */
export function touchesRegion(span: Span, regions: readonly Span[]): boolean {
  return regions.some((region) => span.start <= region.end && span.end >= region.start);
}

function lastStartingAtOrBefore(statements: readonly Span[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (statements[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
