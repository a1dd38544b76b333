// Re-extraction of what an edit can affect, for any language: the top-level statements the edit replaced (as a rule
// the one definition it is in; a bracket left open can end it early and leave the rest of its body at the top level),
// the statements that depend on them, and nothing else. Those are read from a skeleton of the file holding only them
// and what they read (the other statements left out), so an edit costs what it affects, not what the file holds; the
// rest of the file's facts are the last analysis's, moved by the edit's length. Each language says what a statement
// declares, mentions and writes.
import type { CallSite, ClientConstruction, ExportedValue, ExtractedFacts, GraphRun } from '../../model';
import { FactMover, CannotMove, sameFacts } from './moveFacts';
import { errorsAround, errorsWithin, extentOf, inside, mergedSummary, problemsOf, readWhole, sameErrors } from './brokenEdits';
import type { CachedExtraction, ParsedSkeleton, SkeletonLanguage, StatementEntry, StatementSummary, SummarizedStatement, SyntaxErrorAt } from './statements';
import { byStatement, lastStartingBy, skeletonOf, type Placed, type Skeleton } from './skeleton';
import { affectedBy, affectsAsBefore, exportNamesUnique, neededBy } from './dependencies';

export type { Placed };
export type { CachedExtraction, ParsedSkeleton, SkeletonLanguage, StatementEntry, StatementSummary, SummarizedStatement, SyntaxErrorAt };

/** The one span of `before` replaced to make `after`: common prefix and suffix. */
export interface TextChange {
  start: number;
  oldEnd: number;
  delta: number;
}

/** The common prefix and suffix of two texts, found by binary searches over slice comparisons (the engine compares
 * whole blocks, six times faster than char by char). It covers every change since `before`, however many keystrokes
 * the debounce merged. */
export function textChange(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  const start = longest(shorter, (length) => before.slice(0, length) === after.slice(0, length));
  const end = longest(shorter - start, (length) => before.slice(before.length - length) === after.slice(after.length - length));
  return { start, oldEnd: before.length - end, delta: after.length - before.length };
}

/** The largest length up to `most` for which `holds` (true up to some length, false after). */
function longest(most: number, holds: (length: number) => boolean): number {
  let low = 0;
  let high = most;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (holds(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * What `read` gives, or undefined when the code nests deeper than its recursion goes (summaries and moved facts
 * follow the syntax down): the caller reads the whole file then, as deep as the extractor reads.
 */
export function unlessTooDeep<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * The facts of `text`, an edit of the last analysed text, read again only for the statements the edit replaced and
 * what depends on them. Undefined when the edit is not one this can follow (across statements, syntax errors it
 * cannot place, a fact pointing into the edit): the caller extracts the whole file.
 */
export function reextractDeclarations(
  file: string,
  text: string,
  previous: CachedExtraction & { statements: SummarizedStatement[] },
  language: SkeletonLanguage,
): { facts: ExtractedFacts; statements: SummarizedStatement[]; errors: readonly SyntaxErrorAt[]; moved?: TextChange } | undefined {
  const { facts: before, statements: old } = previous;
  const { start, oldEnd, delta } = textChange(previous.text, text);
  if (before.unreadFrom !== undefined) return undefined;
  const changed = old.findIndex((statement) => statement.pos <= start && oldEnd <= statement.end);
  if (changed < 0) return undefined;
  const shifted = old.map((statement, i) => (i < changed ? statement : { pos: statement.pos + (i === changed ? 0 : delta), end: statement.end + delta, entry: statement.entry }));
  // The edited statement is read from a skeleton of what it needs, syntax errors and all (see speculate); else
  // parsed alone, in a file without errors (which then has none anywhere); else the whole file is parsed for where
  // its statements and errors are (brokenEdits).
  const guess = before.parseErrors === 0 || previous.errors ? speculate(text, shifted, previous, changed, delta, language) : undefined;
  const alone = guess?.edited ?? (before.parseErrors === 0 ? language.summarizeAlone(text.slice(shifted[changed].pos, shifted[changed].end)) : undefined);
  if (alone) shifted[changed] = { ...shifted[changed], entry: { summary: alone } };
  const known = guess?.errors ?? [];
  const read = alone
    ? { replaced: { from: changed, oldTo: changed + 1, newTo: changed + 1 }, statements: shifted, problems: known.length > 0 ? problemsOf(shifted, known) : undefined, errors: known }
    : readWhole(text, previous, shifted, changed, delta, language);
  if (!read) return undefined;
  const { replaced, statements, problems, errors } = read;
  const { from, oldTo, newTo } = replaced;
  const was = mergedSummary(old.slice(from, oldTo).map((statement) => statement.entry.summary));
  const summaries = statements.map((statement) => statement.entry.summary);
  if (!exportNamesUnique(summaries) || !exportNamesUnique([was])) return undefined;

  // Load-time code reads the load-time code around it (the statements after a call, a logger set up before): an
  // edit to some of it, or one leaving some (a bracket that ends a function early), reads all of it again.
  const edited = range(from, newTo);
  const loadTime = !was.definition || edited.some((i) => !summaries[i].definition);
  const loadTimeCode = loadTime ? range(0, summaries.length).filter((i) => !summaries[i].definition && (i < from || i >= newTo)) : [];
  // An edit that leaves what the statement binds and stores as it was, and names nothing new that a statement binds or
  // stores (typing inside a body, as a rule), affects what the guess found it would.
  const asGuessed = guess && alone && !loadTime && affectsAsBefore(alone, was, summaries);
  const affected = asGuessed ? guess.affected : affectedBy(summaries, [...edited, ...loadTimeCode], was);
  const kept = asGuessed ? new Set(guess.needed) : neededBy(summaries, affected, was);
  // Broken code may bind names no summary declares: the statements holding errors are read in the skeleton.
  for (const error of errors) kept.add(lastStartingBy(statements, error.start));
  // The skeleton parsed for the guess holds the statements this one needs (in broken code, their neighbours too,
  // whose facts are the last analysis's): read, not parsed again.
  const reused = guess && [...kept].every((i) => guess.kept.has(i)) ? guess : undefined;
  // Once the whole file is parsed, a skeleton of most of it would parse it a second time: the whole file is read.
  if (!alone && keptShare(statements, kept, text.length) > MOST_OF_THE_FILE) return undefined;
  const layout = reused?.layout ?? skeletonOf(text, statements, kept, language);
  if (!layout) return undefined;
  const fresh = reused
    ? reused.parsed.extract()
    : errors.length > 0
      ? brokenSkeletonFacts(language, layout, errorsWithin(errors, statements, kept, text.length))
      : language.extractSkeleton(layout.text, layout.statements);
  // Callbacks and URLs given to other modules' functions are not placed in the file: they are read with the whole file.
  const givesOthers = (exports: ExtractedFacts['exports']) => Boolean(exports.given?.length || exports.urlsGiven?.length);
  if (!fresh || (errors.length === 0 && fresh.parseErrors > 0) || fresh.unreadFrom !== undefined || givesOthers(fresh.exports) || givesOthers(before.exports)) return undefined;

  const moved = FactMover.acrossEdit(file, start, oldEnd, delta);
  const placed = new FactMover(file, layout.toText);
  try {
    // The last analysis's facts by statement, numbered as the statements are now (those replaced are read afresh).
    const previousBy = <T extends { span: { start: number } }>(items: readonly T[]) => {
      const grouped = byStatement(items, old);
      return grouped && new Map([...grouped].filter(([i]) => i < from || i >= oldTo).map(([i, group]) => [i < from ? i : i + newTo - oldTo, group]));
    };
    const freshClients = layout.byStatement(fresh.clients);
    const previousClients = previousBy(before.clients);
    if (!freshClients || !previousClients || !clientsAgree(freshClients, previousClients, kept, affected, placed, moved)) return undefined;
    const pick = <T extends CallSite | ClientConstruction | GraphRun>(freshBy: Map<number, T[]> | undefined, previousBy: Map<number, T[]> | undefined) =>
      // Per statement in order, as a whole-file extraction lists them (by position).
      freshBy && previousBy && statements.flatMap((_, i) => (affected.has(i) ? (freshBy.get(i) ?? []).map((item) => placed.copy(item)) : (previousBy.get(i) ?? []).map((item) => moved.copy(item))));
    const freshCallSites = layout.byStatement(fresh.callSites);
    const freshGraphRuns = layout.byStatement(fresh.graphRuns ?? []);
    const callSites = pick(freshCallSites, previousBy(before.callSites));
    const clients = pick(freshClients, previousClients);
    const graphRuns = pick(freshGraphRuns, previousBy(before.graphRuns ?? []));
    if (!callSites || !clients || !graphRuns) return undefined;
    const names = new Map<string, ExportedValue>();
    summaries.forEach((summary, i) => {
      for (const name of summary.exportNames) {
        const value = affected.has(i) ? placed.copy(fresh.exports.names.get(name)) : moved.copy(before.exports.names.get(name));
        if (value) names.set(name, value);
      }
    });
    // A construction is one object wherever a whole-file extraction refers to it (rules tell clients apart by it).
    // What points to another is copied first: the facts no edit moved are the last analysis's own.
    const byId = new Map(clients.map((client) => [client.id, client]));
    callSites.forEach((site, i) => {
      const client = site.client && byId.get(site.client.id);
      if (client && client !== site.client) callSites[i] = { ...site, client };
    });
    for (const [name, value] of names) {
      const construction = value.kind === 'client' && value.construction ? byId.get(value.construction.id) : undefined;
      if (construction && value.kind === 'client' && construction !== value.construction) names.set(name, { ...value, construction });
    }
    const facts: ExtractedFacts = {
      file,
      language: fresh.language,
      callSites,
      clients,
      ...(graphRuns.length > 0 ? { graphRuns } : {}),
      ...(problems ?? { parseErrors: 0, brokenRegions: [] }),
      moduleNames: moduleNamesOf(summaries, kept, before.moduleNames, fresh.moduleNames),
      exports: { names, star: summaries.flatMap((summary) => summary.star) },
    };
    // What the edit affects holds the calls, clients and graph runs it held, moved (typing in a function that makes a
    // request, as a rule none), the edit lies outside the text fixes read (a call and the block after it, which a
    // try/catch wraps), and what it exports reads as it did: the facts are the last analysis's, moved by the edit
    // (what was derived from them can be moved too).
    const affectedAsBefore =
      oldTo - from === newTo - from &&
      editOutsideSites([...affected].flatMap((i) => (freshCallSites?.get(i) ?? []).map((site) => placed.copy(site))), start, oldEnd + delta) &&
      sameWhereAffected(freshCallSites, before.callSites, old, affected, placed, moved) &&
      sameWhereAffected(freshClients, before.clients, old, affected, placed, moved) &&
      sameWhereAffected(freshGraphRuns, before.graphRuns ?? [], old, affected, placed, moved);
    const movedOnly =
      affectedAsBefore &&
      errors.length === 0 &&
      before.parseErrors === 0 &&
      callSites.length === before.callSites.length &&
      clients.length === before.clients.length &&
      graphRuns.length === (before.graphRuns?.length ?? 0) &&
      sameExports(names, before.exports.names, summaries, affected, moved) &&
      sameFacts(facts.exports.star, before.exports.star) &&
      sameFacts(facts.moduleNames, before.moduleNames);
    return { facts, statements, errors, ...(movedOnly ? { moved: { start, oldEnd, delta } } : {}) };
  } catch (error) {
    if (error instanceof CannotMove) return undefined;
    throw error;
  }
}

/**
 * Typing inside a body rarely changes what a statement binds or names: the skeleton the edited statement would need
 * if it still read as before is parsed, and the edited statement is summarized from it, in place. One parse, where
 * a statement parsed alone and then the skeleton take two, or the whole file for its syntax errors: those of the
 * edited statement are the skeleton's; the others the last parse's, which the skeleton repeats where it keeps them.
 * Undefined when the language cannot, or the skeleton's statements or errors are not where they should be.
 */
function speculate(
  text: string,
  statements: readonly SummarizedStatement[],
  previous: CachedExtraction & { statements: SummarizedStatement[] },
  changed: number,
  delta: number,
  language: SkeletonLanguage,
): { edited: StatementSummary; affected: ReadonlySet<number>; needed: ReadonlySet<number>; kept: Set<number>; layout: Skeleton; parsed: ParsedSkeleton; errors: SyntaxErrorAt[] } | undefined {
  if (!language.parseSkeleton) return undefined;
  const old = previous.statements;
  const was = old[changed].entry.summary;
  const summaries = old.map((statement) => statement.entry.summary);
  const affected = affectedBy(summaries, [changed], was);
  const needed = neededBy(summaries, affected, was);
  const kept = new Set(needed);
  const parse = () => {
    const layout = skeletonOf(text, statements, kept, language);
    const at = layout?.indexOf(changed);
    const parsed = layout && at !== undefined ? language.parseSkeleton?.(layout.text, layout.statements) : undefined;
    return parsed && layout && at !== undefined ? { layout, at, parsed } : undefined;
  };
  // Errors depend on the tokens around them (a parser recovering looks ahead, so the statement before may report
  // one in this one): in a broken file, the statements on either side are read too, as the file has them. A file
  // broken before is read so at once; one the edit broke, once its skeleton shows errors.
  const around = [changed - 1, changed + 1].filter((i) => i >= 0 && i < statements.length && !kept.has(i));
  if (previous.facts.parseErrors > 0) for (const i of around) kept.add(i);
  let read = parse();
  if (read && read.parsed.errors.length > 0 && around.some((i) => !kept.has(i))) {
    for (const i of around) kept.add(i);
    read = parse();
  }
  if (!read) return undefined;
  const { layout, at, parsed } = read;
  const others = errorsAround(previous.errors ?? [], extentOf(old, changed, changed + 1, previous.text.length), delta);
  const found = others.length > 0 || parsed.errors.length > 0 ? fileErrorsOf(parsed, layout) : [];
  if (!found) return undefined;
  const edited = extentOf(statements, changed, changed + 1, text.length);
  if (!sameErrors(found.filter((error) => !inside(error, edited)), errorsWithin(others, statements, kept, text.length))) return undefined;
  const errors = [...others, ...found.filter((error) => inside(error, edited))].sort((a, b) => a.start - b.start);
  return { edited: parsed.summaryAt(at), affected, needed, kept, layout, parsed, errors };
}

/** Past this share of the text, a skeleton is not worth parsing besides the whole file. */
const MOST_OF_THE_FILE = 0.6;

/** How much of the text the kept statements hold. */
function keptShare(statements: readonly Placed[], kept: ReadonlySet<number>, textLength: number): number {
  let length = 0;
  for (const i of kept) length += statements[i].end - statements[i].pos;
  return textLength === 0 ? 0 : length / textLength;
}

/** The numbers from `from` up to (not including) `to`. */
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/**
 * The skeleton's facts when its syntax errors are the file's, at the same places: the broken statement was then
 * recovered as the whole file's parse recovered it. Undefined otherwise.
 */
function brokenSkeletonFacts(language: SkeletonLanguage, layout: Skeleton, errors: readonly SyntaxErrorAt[]): ExtractedFacts | undefined {
  const parsed = language.parseSkeleton?.(layout.text, layout.statements);
  const found = parsed && fileErrorsOf(parsed, layout);
  return found && sameErrors(found, errors) ? parsed.extract() : undefined;
}

/** A skeleton's syntax errors at the file's offsets; undefined when one lies in what the skeleton left out. */
function fileErrorsOf(parsed: ParsedSkeleton, layout: Skeleton): SyntaxErrorAt[] | undefined {
  try {
    return parsed.errors.map((error) => ({ ...error, start: layout.toText(error.start) }));
  } catch (error) {
    if (error instanceof CannotMove) return undefined;
    throw error;
  }
}

/**
 * The names the file binds in the module. Without them per statement: the skeleton's, and those of the last
 * analysis that a statement left out of the skeleton declares (one without syntax errors binds only what it
 * declares; those with errors are in the skeleton).
 */
function moduleNamesOf(summaries: readonly StatementSummary[], kept: ReadonlySet<number>, before: ReadonlySet<string>, skeleton: ReadonlySet<string>): Set<string> {
  if (summaries.every((summary) => summary.moduleNames)) return new Set(summaries.flatMap((summary) => summary.moduleNames ?? []));
  const names = new Set(skeleton);
  summaries.forEach((summary, i) => {
    if (kept.has(i)) return;
    for (const name of summary.declares) if (before.has(name)) names.add(name);
  });
  return names;
}

/** Whether the edited text (`start..end`, in the new text) lies outside every call and the rest of its block. */
function editOutsideSites(callSites: readonly CallSite[], start: number, end: number): boolean {
  return callSites.every((site) => {
    const from = Math.min(site.span.start, site.statement?.start ?? site.span.start);
    const to = Math.max(site.span.end, site.statement?.blockEnd ?? site.span.end);
    return end < from || start > to;
  });
}

/**
 * Whether the affected statements hold what they held before the edit (`before`, by the last statements), each
 * moved by it; the statements are numbered as they were. One pointing into the edited text is not the same.
 */
function sameWhereAffected<T extends { span: { start: number } }>(
  fresh: ReadonlyMap<number, readonly T[]> | undefined,
  before: readonly T[],
  statements: readonly Placed[],
  affected: ReadonlySet<number>,
  placed: FactMover,
  moved: FactMover,
): boolean {
  const previous = byStatement(before, statements);
  if (!fresh || !previous) return false;
  // A call's owner is the engine's, written on the facts after extraction: not compared.
  const extracted = (item: T) => ({ ...item, owner: undefined });
  try {
    return [...affected].every((i) => {
      const now = fresh.get(i) ?? [];
      const was = previous.get(i) ?? [];
      return now.length === was.length && (now.length === 0 || sameFacts(now.map((item) => extracted(placed.copy(item))), was.map((item) => extracted(moved.copy(item)))));
    });
  } catch (error) {
    if (error instanceof CannotMove) return false;
    throw error;
  }
}

/**
 * Whether the statements kept whole but not affected hold the same clients in the skeleton as before. A client
 * built by a factory call is recorded when some resolution reaches it: an edited statement that stops (or starts)
 * asking changes them, and a statement left out of the skeleton asks nothing. Either way the whole file is read.
 */
function clientsAgree(
  fresh: ReadonlyMap<number, readonly ClientConstruction[]>,
  previous: ReadonlyMap<number, readonly ClientConstruction[]>,
  kept: ReadonlySet<number>,
  affected: ReadonlySet<number>,
  placed: FactMover,
  moved: FactMover,
): boolean {
  for (const i of kept) {
    if (affected.has(i)) continue;
    const now = (fresh.get(i) ?? []).map((client) => placed.copy(client.span).start);
    const before = (previous.get(i) ?? []).map((client) => moved.copy(client.span).start);
    if (now.length !== before.length || now.some((start, at) => start !== before[at])) return false;
  }
  return true;
}

/** Whether the exports are the last analysis's moved by the edit: the same names, and the same values where affected. */
function sameExports(
  names: ReadonlyMap<string, ExportedValue>,
  before: ReadonlyMap<string, ExportedValue>,
  summaries: readonly StatementSummary[],
  affected: ReadonlySet<number>,
  moved: FactMover,
): boolean {
  if (names.size !== before.size || [...names.keys()].some((name) => !before.has(name))) return false;
  try {
    return [...affected].every((i) => summaries[i].exportNames.every((name) => sameFacts(names.get(name), moved.copy(before.get(name)))));
  } catch (error) {
    // A value pointing into the edit: not the same.
    if (error instanceof CannotMove) return false;
    throw error;
  }
}

/** Whether statements sit at the places expected. */
export function samePlaces(actual: readonly Placed[], expected: readonly Placed[]): boolean {
  return actual.length === expected.length && actual.every((statement, i) => statement.pos === expected[i].pos && statement.end === expected[i].end);
}
