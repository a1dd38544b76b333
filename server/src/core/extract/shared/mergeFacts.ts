// The second half of a re-extraction (see declarationCache): the facts of the statements an edit affected, read from
// a skeleton, merged with the last analysis's facts of the others, moved by the edit; and whether the result is
// simply the last facts moved (what was derived from them can then be moved too).
import type { CallSite, ClientConstruction, ExportedValue, ExtractedFacts, GraphRun } from '../../model';
import { CannotMove, FactMover, sameFacts } from './moveFacts';
import { byStatement, type Placed, type Skeleton } from './skeleton';
import type { CachedExtraction, StatementSummary, SummarizedStatement } from './statements';

/** What a re-extraction read: the edit, the statements now, those it replaced, and what it read afresh. */
export interface ReadEdit {
  file: string;
  previous: CachedExtraction & { statements: SummarizedStatement[] };
  change: { start: number; oldEnd: number; delta: number };
  /** The last statements `from..oldTo` are now `from..newTo`. */
  replaced: { from: number; oldTo: number; newTo: number };
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
  const callSites = pickFacts(statements.length, affected, freshCallSites, previousByStatement(before.callSites, read), placed, moved);
  const clients = pickFacts(statements.length, affected, freshClients, previousClients, placed, moved);
  const graphRuns = pickFacts(statements.length, affected, freshGraphRuns, previousByStatement(before.graphRuns ?? [], read), placed, moved);
  if (!callSites || !clients || !graphRuns) return undefined;
  const names = exportedNames(read, placed, moved);
  linkConstructions(callSites, clients, names);
  const facts: ExtractedFacts = {
    file: read.file,
    language: fresh.language,
    callSites,
    clients,
    ...(graphRuns.length > 0 ? { graphRuns } : {}),
    ...(read.problems ?? { parseErrors: 0, brokenRegions: [] }),
    moduleNames: moduleNamesOf(read.summaries, read.kept, before.moduleNames, fresh.moduleNames),
    exports: { names, star: read.summaries.flatMap((summary) => summary.star) },
  };
  const unchanged = () =>
    affectedAsBefore(read, freshCallSites, freshClients, freshGraphRuns, placed, moved) &&
    read.errorCount === 0 &&
    before.parseErrors === 0 &&
    callSites.length === before.callSites.length &&
    clients.length === before.clients.length &&
    graphRuns.length === (before.graphRuns?.length ?? 0) &&
    sameExports(names, before.exports.names, read.summaries, affected, moved) &&
    sameFacts(facts.exports.star, before.exports.star) &&
    sameFacts(facts.moduleNames, before.moduleNames);
  return { facts, moved: unchanged() };
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

/** The exported values by name, in statement order: the skeleton's where affected, else the last ones moved. */
function exportedNames(read: ReadEdit, placed: FactMover, moved: FactMover): Map<string, ExportedValue> {
  const names = new Map<string, ExportedValue>();
  read.summaries.forEach((summary, i) => {
    for (const name of summary.exportNames) {
      const value = read.affected.has(i) ? placed.copy(read.fresh.exports.names.get(name)) : moved.copy(read.previous.facts.exports.names.get(name));
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
 * What the edit affects holds the calls, clients and graph runs it held, moved (typing in a function that makes a
 * request, as a rule none), and the edit lies outside the text fixes read (a call and the block after it, which a
 * try/catch wraps).
 */
function affectedAsBefore(
  read: ReadEdit,
  freshCallSites: Map<number, CallSite[]> | undefined,
  freshClients: Map<number, ClientConstruction[]>,
  freshGraphRuns: Map<number, GraphRun[]> | undefined,
  placed: FactMover,
  moved: FactMover,
): boolean {
  const { replaced, affected, change, previous } = read;
  const old = previous.statements;
  const before = previous.facts;
  return (
    replaced.oldTo === replaced.newTo &&
    editOutsideSites([...affected].flatMap((i) => (freshCallSites?.get(i) ?? []).map((site) => placed.copy(site))), change.start, change.oldEnd + change.delta) &&
    sameWhereAffected(freshCallSites, before.callSites, old, affected, placed, moved) &&
    sameWhereAffected(freshClients, before.clients, old, affected, placed, moved) &&
    sameWhereAffected(freshGraphRuns, before.graphRuns ?? [], old, affected, placed, moved)
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
