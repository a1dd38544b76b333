// Re-extraction of what an edit can affect, for any language: the top-level statements the edit replaced (as a rule
// the one definition it is in; a bracket left open can end it early and leave the rest of its body at the top level),
// the statements that depend on them, and nothing else. Those are read from a skeleton of the file holding only them
// and what they read (the other statements left out), so an edit costs what it affects, not what the file holds; the
// rest of the file's facts are the last analysis's, moved by the edit's length. Each language says what a statement
// declares, mentions and writes.
import type { ExtractedFacts } from '../../model';
import { CannotMove } from './moveFacts';
import { errorsAround, errorsWithin, extentOf, inside, mergedSummary, problemsOf, readWhole, sameErrors, type Replaced } from './brokenEdits';
import { mergeFacts, type ReadEdit } from './mergeFacts';
import type { CachedExtraction, ParsedSkeleton, SkeletonLanguage, StatementEntry, StatementSummary, SummarizedStatement, SyntaxErrorAt, TextChange } from './statements';
import { lastStartingBy, skeletonOf, type Placed, type Skeleton } from './skeleton';
import { affectedBy, affectsAsBefore, exportNamesUnique, neededBy } from './dependencies';

export type { Placed };
export type { CachedExtraction, ParsedSkeleton, SkeletonLanguage, StatementEntry, StatementSummary, SummarizedStatement, SyntaxErrorAt, TextChange };

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
 * cannot place, a fact pointing into the edit): the caller extracts the whole file. Its steps are functions of their
 * own: each is compiled on its own, none so large that optimizing it holds a core for long.
 */
export function reextractDeclarations(
  file: string,
  text: string,
  previous: CachedExtraction & { statements: SummarizedStatement[] },
  language: SkeletonLanguage,
): { facts: ExtractedFacts; statements: SummarizedStatement[]; errors: readonly SyntaxErrorAt[]; moved?: TextChange } | undefined {
  if (previous.facts.unreadFrom !== undefined) return undefined;
  const change = textChange(previous.text, text);
  const edited = readEditedStatements(text, previous, change, language);
  const read = edited && readAffected(file, text, previous, change, edited, language);
  const merged = read && mergeFacts(read);
  if (!edited || !merged) return undefined;
  return { facts: merged.facts, statements: edited.statements, errors: edited.errors, ...(merged.moved ? { moved: change } : {}) };
}

/** The statements after the edit, the ones it replaced read afresh, and the file's syntax errors. */
interface EditedStatements {
  replaced: Replaced;
  statements: SummarizedStatement[];
  problems: Pick<ExtractedFacts, 'parseErrors' | 'brokenRegions'> | undefined;
  errors: readonly SyntaxErrorAt[];
  /** The skeleton parsed to read the edited statement in place, when there was one. */
  guess: Speculation | undefined;
  /** The whole file was parsed to read them. */
  parsedWhole: boolean;
}

/**
 * The edited statement read from a skeleton of what it needs, syntax errors and all (see speculate); else parsed
 * alone, in a file without errors (which then has none anywhere); else the whole file is parsed for where its
 * statements and errors are (brokenEdits). Undefined when the edit spans statements or its errors cannot be placed.
 */
function readEditedStatements(
  text: string,
  previous: CachedExtraction & { statements: SummarizedStatement[] },
  change: TextChange,
  language: SkeletonLanguage,
): EditedStatements | undefined {
  const { start, oldEnd, delta } = change;
  const old = previous.statements;
  const changed = old.findIndex((statement) => statement.pos <= start && oldEnd <= statement.end);
  if (changed < 0) return undefined;
  const shifted = old.map((statement, i) => (i < changed ? statement : { pos: statement.pos + (i === changed ? 0 : delta), end: statement.end + delta, entry: statement.entry }));
  const guess = previous.facts.parseErrors === 0 || previous.errors ? speculate(text, shifted, previous, changed, delta, language) : undefined;
  const alone = guess?.edited ?? (previous.facts.parseErrors === 0 ? language.summarizeAlone(text.slice(shifted[changed].pos, shifted[changed].end)) : undefined);
  if (!alone) {
    const whole = readWhole(text, previous, shifted, changed, delta, language);
    return whole && { ...whole, guess: undefined, parsedWhole: true };
  }
  shifted[changed] = { ...shifted[changed], entry: { summary: alone } };
  const errors = guess?.errors ?? [];
  return { replaced: { from: changed, oldTo: changed + 1, newTo: changed + 1 }, statements: shifted, problems: errors.length > 0 ? problemsOf(shifted, errors) : undefined, errors, guess, parsedWhole: false };
}

/**
 * What the edit affects and the skeleton it is read from, with the skeleton's facts. Undefined when an export name
 * is made by two statements, the skeleton would hold most of a file already parsed whole, or its facts cannot stand
 * for the file's (syntax errors it alone has, a part left unread, callbacks given to other modules).
 */
function readAffected(
  file: string,
  text: string,
  previous: CachedExtraction & { statements: SummarizedStatement[] },
  change: TextChange,
  edited: EditedStatements,
  language: SkeletonLanguage,
): ReadEdit | undefined {
  const { replaced, statements, errors, guess } = edited;
  const { from, oldTo, newTo } = replaced;
  const was = mergedSummary(previous.statements.slice(from, oldTo).map((statement) => statement.entry.summary));
  const summaries = statements.map((statement) => statement.entry.summary);
  if (!exportNamesUnique(summaries) || !exportNamesUnique([was])) return undefined;
  // Load-time code reads the load-time code around it (the statements after a call, a logger set up before): an
  // edit to some of it, or one leaving some (a bracket that ends a function early), reads all of it again.
  const editedRange = range(from, newTo);
  const loadTime = !was.definition || editedRange.some((i) => !summaries[i].definition);
  const loadTimeCode = loadTime ? range(0, summaries.length).filter((i) => !summaries[i].definition && (i < from || i >= newTo)) : [];
  // An edit that leaves what the statement binds and stores as it was, and names nothing new that a statement binds or
  // stores (typing inside a body, as a rule), affects what the guess found it would.
  const asGuessed = guess && !loadTime && affectsAsBefore(summaries[from], was, summaries);
  const affected = asGuessed ? guess.affected : affectedBy(summaries, [...editedRange, ...loadTimeCode], was);
  const kept = asGuessed ? new Set(guess.needed) : neededBy(summaries, affected, was);
  // Broken code may bind names no summary declares: the statements holding errors are read in the skeleton.
  for (const error of errors) kept.add(lastStartingBy(statements, error.start));
  // The skeleton parsed for the guess holds the statements this one needs (in broken code, their neighbours too,
  // whose facts are the last analysis's): read, not parsed again.
  const reused = guess && [...kept].every((i) => guess.kept.has(i)) ? guess : undefined;
  // Once the whole file is parsed, a skeleton of most of it would parse it a second time: the whole file is read.
  if (edited.parsedWhole && keptShare(statements, kept, text.length) > MOST_OF_THE_FILE) return undefined;
  const layout = reused?.layout ?? skeletonOf(text, statements, kept, language);
  if (!layout) return undefined;
  const fresh = reused
    ? reused.parsed.extract()
    : errors.length > 0
      ? brokenSkeletonFacts(language, layout, errorsWithin(errors, statements, kept, text.length))
      : language.extractSkeleton(layout.text, layout.statements);
  // Callbacks and URLs given to other modules' functions are not placed in the file: they are read with the whole file.
  const givesOthers = (exports: ExtractedFacts['exports']) => Boolean(exports.given?.length || exports.urlsGiven?.length);
  if (!fresh || (errors.length === 0 && fresh.parseErrors > 0) || fresh.unreadFrom !== undefined || givesOthers(fresh.exports) || givesOthers(previous.facts.exports)) return undefined;
  return { file, previous, change, replaced, statements, summaries, problems: edited.problems, errorCount: errors.length, affected, kept, layout, fresh };
}

/** The skeleton parsed to summarize the edited statement in place, and what it found. */
interface Speculation {
  edited: StatementSummary;
  affected: ReadonlySet<number>;
  needed: ReadonlySet<number>;
  kept: Set<number>;
  layout: Skeleton;
  parsed: ParsedSkeleton;
  errors: SyntaxErrorAt[];
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
): Speculation | undefined {
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

/** Whether statements sit at the places expected. */
export function samePlaces(actual: readonly Placed[], expected: readonly Placed[]): boolean {
  return actual.length === expected.length && actual.every((statement, i) => statement.pos === expected[i].pos && statement.end === expected[i].end);
}
