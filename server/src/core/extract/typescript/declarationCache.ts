// Re-extraction of what an edit can affect: the changed top-level definition, the statements that depend on it,
// and nothing else; the rest of the file's facts are the last analysis's, moved by the edit's length.
import type { CallSite, ClientConstruction, ExportedValue, ExtractedFacts } from '../../model';
import { FactShifter, PointsIntoEdit } from '../shared/shiftFacts';
import type { ExtractOptions } from './context';
import { summarize, type StatementSummary } from './declarations';
import { extractTypeScript } from './extractor';
import { parseProblemsOf, parseTypeScript } from './syntax';
import type { ts } from './ts';

/** A statement of the last analysed text: where it was and what it can affect. */
export interface SummarizedStatement {
  pos: number;
  end: number;
  summary: StatementSummary;
}

/** The last extraction of an open document, and its statements once summarized. */
export interface CachedExtraction {
  text: string;
  /** What the extraction read besides the text (config, imported modules); reused only under the same. */
  environment: string;
  facts: ExtractedFacts;
  statements?: SummarizedStatement[];
}

/** Summaries of a tree's statements; unchanged statement texts reuse `memo`'s. */
export function summarizeStatements(sourceFile: ts.SourceFile, memo: Map<string, StatementSummary>): SummarizedStatement[] {
  const { text } = sourceFile;
  const next = new Map<string, StatementSummary>();
  const statements = sourceFile.statements.map((statement) => {
    const source = text.slice(statement.pos, statement.end);
    const summary = memo.get(source) ?? next.get(source) ?? summarize(statement);
    next.set(source, summary);
    return { pos: statement.pos, end: statement.end, summary };
  });
  memo.clear();
  for (const [source, summary] of next) memo.set(source, summary);
  return statements;
}

/** The one span of `before` replaced to make `after`: common prefix and suffix. */
export interface TextChange {
  start: number;
  oldEnd: number;
  delta: number;
}

/**
 * The facts of `sourceFile` (the edited text), read again only for the changed definition and what depends on it,
 * or undefined when the edit is not one this can follow (outside a single function or class definition, a syntax
 * error, a fact pointing into the edit): the caller extracts the whole file.
 */
export function reextractDeclarations(
  file: string,
  sourceFile: ts.SourceFile,
  previous: CachedExtraction & { statements: SummarizedStatement[] },
  change: TextChange,
  options: ExtractOptions,
): { facts: ExtractedFacts; statements: SummarizedStatement[] } | undefined {
  const { facts: before, statements: old } = previous;
  const { start, oldEnd, delta } = change;
  if (before.unreadFrom !== undefined) return undefined;
  const current = sourceFile.statements;
  if (current.length !== old.length) return undefined;
  const changed = old.findIndex((statement) => statement.pos <= start && oldEnd <= statement.end);
  if (changed < 0) return undefined;
  for (let i = 0; i < old.length; i++) {
    const shift = i < changed ? 0 : delta;
    if (current[i].pos !== old[i].pos + (i === changed ? 0 : shift) || current[i].end !== old[i].end + shift) return undefined;
  }
  const edited = summarize(current[changed]);
  const was = old[changed].summary;
  if (!edited.definition || !was.definition) return undefined;
  const summaries = old.map((statement, i) => (i === changed ? edited : statement.summary));
  if (!exportNamesUnique(summaries) || !exportNamesUnique([was])) return undefined;

  const affected = affectedBy(summaries, changed, was);
  const kept = neededBy(summaries, affected);
  const skeleton = skeletonOf(sourceFile, summaries, kept);
  const fresh = extractTypeScript(file, parseTypeScript(file, skeleton), options);
  if (fresh.unreadFrom !== undefined) return undefined;

  const statements = current.map((statement, i) => ({ pos: statement.pos, end: statement.end, summary: summaries[i] }));
  const shifter = new FactShifter(file, start, oldEnd, delta);
  try {
    const callSites = merge(fresh.callSites, before.callSites, statements, old, affected, shifter);
    const clients = merge(fresh.clients, before.clients, statements, old, affected, shifter);
    if (!callSites || !clients) return undefined;
    const names = new Map<string, ExportedValue>();
    summaries.forEach((summary, i) => {
      for (const name of summary.exportNames) {
        const value = affected.has(i) ? fresh.exports.names.get(name) : shifter.copy(before.exports.names.get(name));
        if (value) names.set(name, value);
      }
    });
    // A construction is one object wherever a whole-file extraction refers to it (rules tell clients apart by it).
    const byId = new Map(clients.map((client) => [client.id, client]));
    for (const site of callSites) if (site.client) site.client = byId.get(site.client.id) ?? site.client;
    for (const value of names.values()) if (value.kind === 'client' && value.construction) value.construction = byId.get(value.construction.id) ?? value.construction;
    const facts: ExtractedFacts = {
      file,
      language: fresh.language,
      callSites,
      clients,
      ...parseProblemsOf(sourceFile),
      moduleNames: fresh.moduleNames,
      exports: { names, star: fresh.exports.star },
    };
    return { facts, statements };
  } catch (error) {
    if (error instanceof PointsIntoEdit) return undefined;
    throw error;
  }
}

/** Whether no name is exported by two statements: each export is then read from the statement that makes it. */
function exportNamesUnique(summaries: readonly StatementSummary[]): boolean {
  const seen = new Set<string>();
  for (const summary of summaries) {
    for (const name of summary.exportNames) {
      if (seen.has(name)) return false;
      seen.add(name);
    }
  }
  return true;
}

const intersects = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const name of small) if (large.has(name)) return true;
  return false;
};

/**
 * The statements whose facts the edit may change: the edited one, and every statement naming something an affected
 * statement declares or stores into (before or after the edit), transitively.
 */
function affectedBy(summaries: readonly StatementSummary[], changed: number, was: StatementSummary): Set<number> {
  const affected = new Set([changed]);
  const reach = new Set<string>([...was.declares, ...was.writes, ...summaries[changed].declares, ...summaries[changed].writes]);
  for (let grew = true; grew; ) {
    grew = false;
    summaries.forEach((summary, i) => {
      if (affected.has(i) || !intersects(summary.mentions, reach)) return;
      affected.add(i);
      for (const name of summary.declares) reach.add(name);
      for (const name of summary.writes) reach.add(name);
      grew = true;
    });
  }
  return affected;
}

/**
 * The statements the affected ones need whole to be read as a fresh extraction reads them: what declares or stores
 * into a name they mention, transitively. Load-time code reads all other load-time code (its loggers, the statements
 * after a call), so one affected piece of it keeps them all.
 */
function neededBy(summaries: readonly StatementSummary[], affected: ReadonlySet<number>): Set<number> {
  const kept = new Set(affected);
  if ([...affected].some((i) => !summaries[i].definition)) summaries.forEach((summary, i) => summary.definition || kept.add(i));
  const mentioned = new Set<string>();
  for (const i of kept) for (const name of summaries[i].mentions) mentioned.add(name);
  for (let grew = true; grew; ) {
    grew = false;
    summaries.forEach((summary, i) => {
      if (kept.has(i) || !(intersects(summary.declares, mentioned) || intersects(summary.writes, mentioned))) return;
      kept.add(i);
      for (const name of summary.mentions) mentioned.add(name);
      grew = true;
    });
  }
  return kept;
}

/** The text with the bodies of statements nobody kept blanked (line breaks stay, so every offset and line does). */
function skeletonOf(sourceFile: ts.SourceFile, summaries: readonly StatementSummary[], kept: ReadonlySet<number>): string {
  const { text } = sourceFile;
  const parts: string[] = [];
  let at = 0;
  sourceFile.statements.forEach((statement, i) => {
    if (kept.has(i)) return;
    for (const body of summaries[i].bodies) {
      const from = statement.pos + body.start;
      const to = statement.pos + body.end;
      if (from < at || to <= from) continue;
      parts.push(text.slice(at, from), text.slice(from, to).replace(/[^\r\n]/g, ' '));
      at = to;
    }
  });
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Per statement in order: the fresh facts of affected statements, the previous (moved) facts of the others. Both
 * lists are in position order, as a whole-file extraction gives them. Undefined when a fact lies outside statements.
 */
function merge<T extends CallSite | ClientConstruction>(
  fresh: readonly T[],
  previous: readonly T[],
  statements: readonly SummarizedStatement[],
  old: readonly SummarizedStatement[],
  affected: ReadonlySet<number>,
  shifter: FactShifter,
): T[] | undefined {
  const freshBy = byStatement(fresh, statements);
  const previousBy = byStatement(previous, old);
  if (!freshBy || !previousBy) return undefined;
  const merged: T[] = [];
  statements.forEach((_, i) => {
    if (affected.has(i)) merged.push(...(freshBy.get(i) ?? []));
    else for (const item of previousBy.get(i) ?? []) merged.push(shifter.copy(item));
  });
  return merged;
}

function byStatement<T extends { span: { start: number } }>(items: readonly T[], statements: readonly SummarizedStatement[]): Map<number, T[]> | undefined {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const at = item.span.start;
    let low = 0;
    let high = statements.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (statements[middle].pos <= at) low = middle;
      else high = middle - 1;
    }
    const statement = statements[low];
    if (!statement || at < statement.pos || at >= statement.end) return undefined;
    const group = groups.get(low);
    if (group) group.push(item);
    else groups.set(low, [item]);
  }
  return groups;
}
