import { builtInData, priceBookFor } from '../../cost/referenceData';
import { formatUsd, siteCost, type SiteCost } from '../../cost/siteCost';
import { configAction, item } from '../item';
import type { Evidence, ReadinessItem } from '../types';
import type { SiteView, WorkspaceView } from '../workspace';

const TITLE = 'Cost within the declared budget';

/**
 * Worst case a month: every request at the most expensive generating call, with its estimated input and its full
 * output bound, at the prices in force (the project's, else the newest price table).
 */
export function costItem(view: WorkspaceView): ReadinessItem {
  const base = { id: 'D.cost', category: 'D' as const, title: TITLE };
  const budget = view.snapshot.config.governance.budget;
  if (!budget) {
    return item({
      ...base,
      status: 'fail',
      summary: 'No budget declared.',
      toPass: 'Declare "budget": { "monthlyUsd": …, "requestsPerMonth": … } in .prodready.json.',
      action: configAction(view),
    });
  }
  const budgetEvidence = view.configEvidence(budget.line, `budget: $${budget.monthlyUsd} a month`);
  const prices = priceBookFor(view.snapshot.config, view.snapshot.data);
  const costs = view.sites.flatMap((site) => {
    const cost = siteCost(site.site, prices);
    return cost ? [{ site, cost }] : [];
  });
  const unbounded = costs.filter(({ cost }) => !cost.known && cost.missing === 'output bound');
  if (unbounded.length > 0) {
    return item({
      ...base,
      status: 'fail',
      summary: `${unbounded.length} generating call${unbounded.length === 1 ? ' has' : 's have'} no output bound you can read: the worst case has no ceiling.`,
      evidence: [budgetEvidence, ...unbounded.map(({ site }) => ({ ...site.ref, label: `${site.ref.label}: no output bound` }))],
      toPass: 'Bound the output of every generating call (AIR006), so the worst case can be priced.',
    });
  }
  const unpriced = new Set<string>();
  let worst: { site: SiteView; cost: Extract<SiteCost, { known: true }> } | undefined;
  for (const { site, cost } of costs) {
    if (!cost.known) {
      unpriced.add(cost.model ?? `a model set at run time (${site.ref.file}:${site.ref.line})`);
      continue;
    }
    if (!worst || cost.usdPerRequest > worst.cost.usdPerRequest) worst = { site, cost };
  }
  if (!budget.requestsPerMonth || unpriced.size > 0) {
    const needs = [!budget.requestsPerMonth && '"requestsPerMonth" under "budget"', unpriced.size > 0 && `a price for ${[...unpriced].join(', ')} under "prices"`].filter(Boolean);
    return item({ ...base, status: 'unknown', summary: `Budget $${budget.monthlyUsd} a month; the estimate needs ${needs.join(' and ')}.`, evidence: [budgetEvidence], toPass: `Declare ${needs.join(' and ')}.`, action: configAction(view) });
  }
  const monthly = (worst?.cost.usdPerRequest ?? 0) * budget.requestsPerMonth;
  const evidence: Evidence[] = [budgetEvidence, ...(worst ? [{ ...worst.site.ref, label: `most expensive: ${worst.site.ref.label}, ${formatUsd(worst.cost.usdPerRequest)} a request at most` }] : [])];
  const summary = `Worst case ${formatUsd(monthly)} a month for ${budget.requestsPerMonth} requests, budget $${budget.monthlyUsd}.`;
  return item({
    ...base,
    status: monthly <= budget.monthlyUsd ? 'pass' : 'fail',
    summary,
    evidence,
    toPass: 'Lower the output bounds, move heavy calls to a cheaper model, or raise the budget with whoever is accountable for cost.',
  });
}

/** A price table this many days old no longer says what a request costs: providers change prices within months. */
export const STALE_PRICES_DAYS = 120;

const DAY_MS = 86_400_000;

/** The newest price table in force is younger than `STALE_PRICES_DAYS`, judged against the snapshot's today. */
export function priceTableItem(view: WorkspaceView): ReadinessItem {
  const base = { id: 'D.prices', category: 'D' as const, title: 'Price table current' };
  const newest = (view.snapshot.data ?? builtInData).prices[0];
  const today = view.snapshot.today ?? new Date().toISOString().slice(0, 10);
  const age = Math.floor((Date.parse(today) - Date.parse(newest.asOf)) / DAY_MS);
  const summary = `Prices as of ${newest.asOf} from ${newest.source}: ${age} day${age === 1 ? '' : 's'} old.`;
  if (age <= STALE_PRICES_DAYS) return item({ ...base, status: 'pass', summary });
  return item({
    ...base,
    status: 'fail',
    summary: `${summary} Costs are estimated from prices older than ${STALE_PRICES_DAYS} days.`,
    toPass:
      'Point "data" in .prodready.json (or the prodready.dataFile setting) at a newer price table, add a data package to the dependencies (an npm package whose package.json names its table in "prodready": { "data": "…" }) or update the one in use, set current prices under "prices", or update prodready (its table is regenerated with npm run generate:prices).',
    action: configAction(view),
  });
}
