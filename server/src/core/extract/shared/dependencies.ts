// Which top-level statements an edit affects, and which statements those need to be read as a whole file reads them,
// from what each statement declares, mentions and writes (see declarationCache).
import { sameFacts } from './moveFacts';
import type { StatementSummary } from './statements';

/**
 * Whether the statement summarized `now` reaches the statements it reached as `was`: it binds and stores the same,
 * and what it names besides binds and stores nothing (a name no statement declares or writes links none).
 */
export function affectsAsBefore(now: StatementSummary, was: StatementSummary, summaries: readonly StatementSummary[]): boolean {
  const sameNames = (x: ReadonlySet<string>, y: ReadonlySet<string>) => x.size === y.size && [...x].every((name) => y.has(name));
  const linksNothing = (name: string) => was.mentions.has(name) || summaries.every((summary) => !summary.declares.has(name) && !summary.writes.has(name));
  return (
    sameNames(now.declares, was.declares) &&
    [...now.mentions].every(linksNothing) &&
    sameNames(now.writes, was.writes) &&
    now.definition === was.definition &&
    Boolean(now.readsCallers) === Boolean(was.readsCallers) &&
    sameFacts(now.exportNames, was.exportNames) &&
    sameFacts(now.star, was.star) &&
    sameFacts(now.moduleNames, was.moduleNames)
  );
}

/** Whether no name is exported by two statements: each export is then read from the statement that makes it. */
export function exportNamesUnique(summaries: readonly StatementSummary[]): boolean {
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
export function affectedBy(summaries: readonly StatementSummary[], changed: readonly number[], was: StatementSummary): Set<number> {
  const affected = new Set(changed);
  const reach = new Set<string>([...was.declares, ...was.writes, ...changed.flatMap((i) => [...summaries[i].declares, ...summaries[i].writes])]);
  // Functions reading what their callers give them change with a caller: the names affected statements mention.
  const named = new Set<string>([...was.mentions, ...changed.flatMap((i) => [...summaries[i].mentions])]);
  for (let grew = true; grew; ) {
    grew = false;
    summaries.forEach((summary, i) => {
      if (affected.has(i) || !(intersects(summary.mentions, reach) || (summary.readsCallers && intersects(summary.declares, named)))) return;
      affected.add(i);
      for (const name of summary.declares) reach.add(name);
      for (const name of summary.writes) reach.add(name);
      for (const name of summary.mentions) named.add(name);
      grew = true;
    });
  }
  return affected;
}

/**
 * The statements the affected ones need whole to be read as a fresh extraction reads them: what declares or stores
 * into a name they mention (or the edited statement mentioned before the edit), transitively. Load-time code reads all other load-time code (its loggers, the statements
 * after a call), so one affected piece of it keeps them all.
 */
export function neededBy(summaries: readonly StatementSummary[], affected: ReadonlySet<number>, was: StatementSummary): Set<number> {
  const kept = new Set(affected);
  if ([...affected].some((i) => !summaries[i].definition)) summaries.forEach((summary, i) => summary.definition || kept.add(i));
  // What the edited statement named before the edit too: what it no longer asks for may change (see clientsAgree).
  const mentioned = new Set<string>(was.mentions);
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
