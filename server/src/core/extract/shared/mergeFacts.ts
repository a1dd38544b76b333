// The second half of a re-extraction (see declarationCache): the facts of the statements an edit affected, read from
// a skeleton, merged with the last analysis's facts of the others, moved by the edit; and whether the result is
// simply the last facts moved (what was derived from them can then be moved too).
import type { CallSite, ClientConstruction, ExportedValue, ExtractedFacts, GraphRun } from '../../model';
import type { Replaced } from './brokenEdits';
import { CannotMove, FactMover, sameFacts } from './moveFacts';
import { byStatement, type Skeleton } from './skeleton';
import type { CachedExtraction, StatementSummary, SummarizedStatement, TextChange } from './statements';

/** What a re-extraction read: the edit, the statements now, those it replaced, and what it read afresh. */
export interface ReadEdit {
  file: string;
  previous: CachedExtraction & { statements: SummarizedStatement[] };
  change: TextChange;
  replaced: Replaced;
  statements: SummarizedStatement[];
  summaries: StatementSummary[];
  problems: Pick<ExtractedFacts, 'parseErrors' | 'brokenRegions'> | undefined;
  errorCount: number;
  /** The statements read afresh, and those the skeleton held for them. */
  affected: ReadonlySet<number>;
  kept: ReadonlySet<number>;
  layout: Skeleton;
  fresh: ExtractedFacts;
}

/**
 * The file's facts: the affected statements' from the skeleton, the others' the last analysis's moved by the edit;
 * `moved` when they are the last analysis's facts moved. Undefined when a fact cannot be placed (it points into
 * the edit or into what the skeleton left out) or the skeleton's clients disagree with the last analysis's.
 */
export function mergeFacts(read: ReadEdit): { facts: ExtractedFacts; moved: boolean } | undefined {
  const { start, oldEnd, delta } = read.change;
  const moved = FactMover.acrossEdit(read.file, start, oldEnd, delta);
  const placed = new FactMover(read.file, read.layout.toText);
  try {
    return mergeMoved(read, moved, placed);
  } catch (error) {
    if (error instanceof CannotMove) return undefined;
    throw error;
  }
}

function mergeMoved(read: ReadEdit, moved: FactMover, placed: FactMover): { facts: ExtractedFacts; moved: boolean } | undefined {
  const { previous, fresh, layout, affected, statements } = read;
  const before = previous.facts;
  const freshClients = layout.byStatement(fresh.clients);
  const previousClients = previousByStatement(before.clients, read);
  if (!freshClients || !previousClients || !clientsAgree(freshClients, previousClients, read.kept, affected, placed, moved)) return undefined;
  const freshCallSites = layout.byStatement(fresh.callSites);
  const freshGraphRuns = layout.byStatement(fresh.graphRuns ?? []);
  if (!freshCallSites || !freshGraphRuns) return undefined;
  const moduleNames = moduleNamesOf(read.summaries, read.kept, before.moduleNames, fresh.moduleNames);
  const star = read.summaries.flatMap((summary) => summary.star);
  // Typing in a body, as a rule: the affected statements read as they did, so the facts are the last analysis's,
  // moved by the edit, and what was derived from them can be moved too. Compared in place, copied once.
  if (sameFacts(star, before.exports.star) && sameFacts(moduleNames, before.moduleNames) && affectedAsBefore(read, freshCallSites, freshClients, freshGraphRuns, placed, moved)) {
    const names = exportedNames(read, placed, moved, true);
    return { facts: { ...lastFactsMoved(before, moved), exports: { names, star: before.exports.star } }, moved: true };
  }
  const callSites = pickFacts(statements.length, affected, freshCallSites, previousByStatement(before.callSites, read), placed, moved);
  const clients = pickFacts(statements.length, affected, freshClients, previousClients, placed, moved);
  const graphRuns = pickFacts(statements.length, affected, freshGraphRuns, previousByStatement(before.graphRuns ?? [], read), placed, moved);
  if (!callSites || !clients || !graphRuns) return undefined;
  const names = exportedNames(read, placed, moved, false);
  linkConstructions(callSites, clients, names);
  const facts: ExtractedFacts = {
    file: read.file,
    language: fresh.language,
    callSites,
    clients,
    ...(graphRuns.length > 0 ? { graphRuns } : {}),
    ...(read.problems ?? { parseErrors: 0, brokenRegions: [] }),
    moduleNames,
    exports: { names, star },
  };
  return { facts, moved: false };
}

/** The last analysis's calls, clients and graph runs, every one moved by the edit (one construction stays one object). */
function lastFactsMoved(before: ExtractedFacts, moved: FactMover): Omit<ExtractedFacts, 'exports'> {
  return {
    file: before.file,
    language: before.language,
    callSites: before.callSites.map((site) => moved.copy(site)),
    clients: before.clients.map((client) => moved.copy(client)),
    ...(before.graphRuns?.length ? { graphRuns: before.graphRuns.map((run) => moved.copy(run)) } : {}),
    parseErrors: 0,
    brokenRegions: [],
    moduleNames: before.moduleNames,
  };
}

/** The last analysis's facts by statement, numbered as the statements are now (those the edit replaced left out). */
function previousByStatement<T extends { span: { start: number } }>(items: readonly T[], read: ReadEdit): Map<number, T[]> | undefined {
  const grouped = byStatement(items, read.previous.statements);
  if (!grouped) return undefined;
  const { from, oldTo, newTo } = read.replaced;
  const numbered = new Map<number, T[]>();
  for (const [i, group] of grouped) {
    if (i < from) numbered.set(i, group);
    else if (i >= oldTo) numbered.set(i + newTo - oldTo, group);
  }
  return numbered;
}

/** Per statement in order, as a whole-file extraction lists them (by position): the skeleton's where affected, else the last ones moved. */
function pickFacts<T extends CallSite | ClientConstruction | GraphRun>(
  count: number,
  affected: ReadonlySet<number>,
  freshBy: Map<number, T[]> | undefined,
  previousBy: Map<number, T[]> | undefined,
  placed: FactMover,
  moved: FactMover,
): T[] | undefined {
  if (!freshBy || !previousBy) return undefined;
  const picked: T[] = [];
  for (let i = 0; i < count; i++) {
    if (affected.has(i)) for (const item of freshBy.get(i) ?? []) picked.push(placed.copy(item));
    else for (const item of previousBy.get(i) ?? []) picked.push(moved.copy(item));
  }
  return picked;
}

/**
 * The exported values by name, in statement order: the skeleton's where affected (unless `asBefore`: they read as
 * the last ones), else the last ones moved.
 */
function exportedNames(read: ReadEdit, placed: FactMover, moved: FactMover, asBefore: boolean): Map<string, ExportedValue> {
  const names = new Map<string, ExportedValue>();
  read.summaries.forEach((summary, i) => {
    for (const name of summary.exportNames) {
      const value = read.affected.has(i) && !asBefore ? placed.copy(read.fresh.exports.names.get(name)) : moved.copy(read.previous.facts.exports.names.get(name));
      if (value) names.set(name, value);
    }
  });
  return names;
}

/**
 * A construction is one object wherever a whole-file extraction refers to it (rules tell clients apart by it). What
 * points to another is copied; the facts no edit moved are the last analysis's own.
 */
function linkConstructions(callSites: CallSite[], clients: readonly ClientConstruction[], names: Map<string, ExportedValue>): void {
  const byId = new Map(clients.map((client) => [client.id, client]));
  callSites.forEach((site, i) => {
    const client = site.client && byId.get(site.client.id);
    if (client && client !== site.client) callSites[i] = { ...site, client };
  });
  for (const [name, value] of names) {
    const construction = value.kind === 'client' && value.construction ? byId.get(value.construction.id) : undefined;
    if (construction && value.kind === 'client' && construction !== value.construction) names.set(name, { ...value, construction });
  }
}

/**
 * What the edit affects holds the calls, clients, graph runs and exported values it held, moved (typing in a
 * function that makes a request, as a rule none), the edit lies outside the text fixes read (a call and the block
 * after it, which a try/catch wraps), and the file has no syntax errors: the facts are the last analysis's, moved.
 */
function affectedAsBefore(
  read: ReadEdit,
  freshCallSites: ReadonlyMap<number, readonly CallSite[]>,
  freshClients: ReadonlyMap<number, readonly ClientConstruction[]>,
  freshGraphRuns: ReadonlyMap<number, readonly GraphRun[]>,
  placed: FactMover,
  moved: FactMover,
): boolean {
  const { replaced, affected, change, previous } = read;
  const before = previous.facts;
  if (replaced.oldTo !== replaced.newTo || read.errorCount > 0 || before.parseErrors > 0) return false;
  const previousCallSites = byStatement(before.callSites, previous.statements);
  return (
    previousCallSites !== undefined &&
    editOutsideSites([...affected].flatMap((i) => previousCallSites.get(i) ?? []), moved, change.start, change.oldEnd + change.delta) &&
    sameWhereAffected(freshCallSites, previousCallSites, affected, placed, moved) &&
    sameWhereAffected(freshClients, byStatement(before.clients, previous.statements), affected, placed, moved) &&
    sameWhereAffected(freshGraphRuns, byStatement(before.graphRuns ?? [], previous.statements), affected, placed, moved) &&
    sameExports(read, placed, moved)
  );
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

/** Whether the edited text (`start..end`, in the new text) lies outside every call (moved there) and the rest of its block. */
function editOutsideSites(callSites: readonly CallSite[], moved: FactMover, start: number, end: number): boolean {
  try {
    return callSites.every((site) => {
      const from = moved.place(Math.min(site.span.start, site.statement?.start ?? site.span.start));
      const to = moved.place(Math.max(site.span.end, site.statement?.blockEnd ?? site.span.end));
      return end < from || start > to;
    });
  } catch (error) {
    if (error instanceof CannotMove) return false;
    throw error;
  }
}

/**
 * Whether the affected statements hold what they held before the edit (`previous`, by the last statements), each
 * moved by it; the statements are numbered as they were (the edit replaced one by one). A call's owner is the
 * engine's, written on the facts after extraction: not compared.
 */
function sameWhereAffected<T extends object>(
  fresh: ReadonlyMap<number, readonly T[]>,
  previous: ReadonlyMap<number, readonly T[]> | undefined,
  affected: ReadonlySet<number>,
  placed: FactMover,
  moved: FactMover,
): boolean {
  if (!previous) return false;
  for (const i of affected) {
    const now = fresh.get(i) ?? [];
    const was = previous.get(i) ?? [];
    if (now.length !== was.length || now.some((item, at) => !placed.sameMovedAs(item, moved, was[at], 'owner'))) return false;
  }
  return true;
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

/** Whether the file exports the values it did under the names it did, those of the affected statements moved. */
function sameExports(read: ReadEdit, placed: FactMover, moved: FactMover): boolean {
  const before = read.previous.facts.exports.names;
  let exported = 0;
  for (const [i, summary] of read.summaries.entries()) {
    for (const name of summary.exportNames) {
      const was = before.get(name);
      const now = read.affected.has(i) ? read.fresh.exports.names.get(name) : was;
      if (!now !== !was) return false;
      if (!now) continue;
      exported++;
      if (read.affected.has(i) && !placed.sameMovedAs(now, moved, was)) return false;
    }
  }
  return exported === before.size;
}
