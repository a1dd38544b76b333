import { formatUsd } from './siteCost';

/** One generating call site's worst case as a baseline records it; matched across a change by its fingerprint. */
export interface CostRecord {
  /** Relative to the baseline's folder, `/`-separated. */
  file: string;
  fingerprint: string;
  line: number;
  model?: string;
  outputTokens?: number;
  /** The option holding the output bound (`max_completion_tokens`). */
  outputOption?: string;
  /** Absent when the cost is unknown. */
  usdPerRequest?: number;
}

export interface CostChange {
  file: string;
  line: number;
  before?: CostRecord;
  after?: CostRecord;
  /** Absent when either side's cost is unknown. */
  usdPerRequest?: number;
  usdPerMonth?: number;
  /** "+$412.00/month: gpt-4o-mini → gpt-4o in summarize.ts:19, max_completion_tokens 1024 → 4096". */
  text: string;
}

export interface CostDelta {
  changes: CostChange[];
  totalUsdPerRequest: number;
  /** With declared traffic (`budget.requestsPerMonth`). */
  totalUsdPerMonth?: number;
  /** Changes whose cost cannot be told: left out of the totals. */
  unknown: number;
  /** Why there is no delta (a baseline written before costs were recorded). */
  note?: string;
}

const key = (record: CostRecord) => `${record.file}\u0000${record.fingerprint}`;

/**
 * The worst-case cost of a change, per call site and in total: sites matched by fingerprint, a new site counted in
 * full, a removed one taken off. Per month at the traffic declared now, when there is one.
 */
export function costDelta(before: readonly CostRecord[], after: readonly CostRecord[], requestsPerMonth?: number): CostDelta {
  const old = new Map(before.map((record) => [key(record), record]));
  const changes: CostChange[] = [];
  for (const record of after) {
    const previous = old.get(key(record));
    old.delete(key(record));
    if (previous && previous.model === record.model && previous.outputTokens === record.outputTokens && previous.usdPerRequest === record.usdPerRequest) continue;
    changes.push(changeOf(previous, record, requestsPerMonth));
  }
  for (const removed of old.values()) changes.push(changeOf(removed, undefined, requestsPerMonth));
  const known = changes.filter((change) => change.usdPerRequest !== undefined);
  const totalUsdPerRequest = known.reduce((sum, change) => sum + change.usdPerRequest!, 0);
  return {
    changes: changes.sort((a, b) => Number(a.usdPerRequest === undefined) - Number(b.usdPerRequest === undefined) || Math.abs(b.usdPerRequest ?? 0) - Math.abs(a.usdPerRequest ?? 0) || a.file.localeCompare(b.file) || a.line - b.line),
    totalUsdPerRequest,
    ...(requestsPerMonth === undefined ? {} : { totalUsdPerMonth: totalUsdPerRequest * requestsPerMonth }),
    unknown: changes.length - known.length,
  };
}

function changeOf(before: CostRecord | undefined, after: CostRecord | undefined, requestsPerMonth: number | undefined): CostChange {
  const at = (after ?? before)!;
  const unknown = (before && before.usdPerRequest === undefined) || (after && after.usdPerRequest === undefined);
  const usdPerRequest = unknown ? undefined : (after?.usdPerRequest ?? 0) - (before?.usdPerRequest ?? 0);
  const usdPerMonth = usdPerRequest === undefined || requestsPerMonth === undefined ? undefined : usdPerRequest * requestsPerMonth;
  const where = `${at.file.split('/').pop()}:${at.line}`;
  const model = before?.model === after?.model ? undefined : `${before?.model ?? 'no model'} → ${after?.model ?? 'no model'}`;
  const option = after?.outputOption ?? before?.outputOption ?? 'output bound';
  const bound = before?.outputTokens === after?.outputTokens ? undefined : `${option} ${before?.outputTokens ?? 'none'} → ${after?.outputTokens ?? 'none'}`;
  const what = !before ? `new call to ${after!.model ?? 'a model'} in ${where}` : !after ? `call to ${before.model ?? 'a model'} removed from ${where}` : `${model ?? after.model ?? 'a model'} in ${where}${bound ? `, ${bound}` : ''}`;
  const amount = usdPerMonth !== undefined ? `${signed(usdPerMonth)}/month` : usdPerRequest !== undefined ? `${signed(usdPerRequest)}/request` : 'cost unknown';
  return { file: at.file, line: at.line, before, after, usdPerRequest, usdPerMonth, text: `${amount}: ${what}` };
}

export function signed(usd: number): string {
  return `${usd < 0 ? '−' : '+'}${formatUsd(Math.abs(usd))}`;
}

/** The whole change in one line: "Worst-case cost of this change: +$412.00/month (3 call sites changed, 1 unknown)." */
export function describeCostDelta(delta: CostDelta): string {
  if (delta.note) return `Worst-case cost of this change: not known. ${delta.note}`;
  if (delta.changes.length === 0) return 'Worst-case cost of this change: none (no generating call changed its model or output bound).';
  const total = delta.totalUsdPerMonth !== undefined ? `${signed(delta.totalUsdPerMonth)}/month` : `${signed(delta.totalUsdPerRequest)}/request`;
  const sites = `${delta.changes.length} call site${delta.changes.length === 1 ? '' : 's'} changed${delta.unknown > 0 ? `, ${delta.unknown} of unknown cost` : ''}`;
  return `Worst-case cost of this change: ${total} (${sites}).`;
}
