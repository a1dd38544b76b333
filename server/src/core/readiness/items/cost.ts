import { apiFactsOf } from '../../catalog';
import { optionAt, type CallSite } from '../../model';
import { optionsAt } from '../../rules/targets';
import { configAction, item } from '../item';
import type { Evidence, ReadinessItem } from '../types';
import type { SiteView, WorkspaceView } from '../workspace';

const TITLE = 'Cost within the declared budget';

/**
 * Worst case a month: every request at the most expensive generating call, producing its full output bound, at
 * the declared output price. Input tokens are not counted: their size is not known statically.
 */
export function costItem(view: WorkspaceView): ReadinessItem {
  const base = { id: 'D.cost', category: 'D' as const, title: TITLE };
  const budget = view.snapshot.config.governance.budget;
  if (!budget) {
    return item({
      ...base,
      status: 'fail',
      summary: 'No budget declared.',
      toPass: 'Declare "budget": { "monthlyUsd": …, "requestsPerMonth": …, "outputUsdPerMillionTokens": { "<model>": … } } in .prodready.json.',
      action: configAction(view),
    });
  }
  const budgetEvidence = view.configEvidence(budget.line, `budget: $${budget.monthlyUsd} a month`);
  const generating = view.sites.filter(({ site }) => apiFactsOf(site)?.outputBound);
  const unbounded = generating.filter((site) => outputBoundOf(site) === undefined);
  if (unbounded.length > 0) {
    return item({
      ...base,
      status: 'fail',
      summary: `${unbounded.length} generating call${unbounded.length === 1 ? ' has' : 's have'} no output bound you can read: the worst case has no ceiling.`,
      evidence: [budgetEvidence, ...unbounded.map((site) => ({ ...site.ref, label: `${site.ref.label}: no output bound` }))],
      toPass: 'Bound the output of every generating call (AIR006), so the worst case can be priced.',
    });
  }
  const unpriced = new Set<string>();
  let worst: { site: SiteView; usd: number } | undefined;
  for (const site of generating) {
    const model = site.site.model?.value;
    // Own keys only: a model named `constructor` has no price unless the config gives it one.
    const price = model !== undefined && Object.hasOwn(budget.outputUsdPerMillionTokens, model) ? budget.outputUsdPerMillionTokens[model] : undefined;
    if (price === undefined) {
      unpriced.add(model ?? `a model set at run time (${site.ref.file}:${site.ref.line})`);
      continue;
    }
    const usd = (outputBoundOf(site)! * price) / 1_000_000;
    if (!worst || usd > worst.usd) worst = { site, usd };
  }
  if (!budget.requestsPerMonth || unpriced.size > 0) {
    const needs = [!budget.requestsPerMonth && '"requestsPerMonth"', unpriced.size > 0 && `an output price for ${[...unpriced].join(', ')}`].filter(Boolean);
    return item({ ...base, status: 'unknown', summary: `Budget $${budget.monthlyUsd} a month; the estimate needs ${needs.join(' and ')}.`, evidence: [budgetEvidence], toPass: `Declare ${needs.join(' and ')} under "budget".`, action: configAction(view) });
  }
  const monthly = (worst?.usd ?? 0) * budget.requestsPerMonth;
  const evidence: Evidence[] = [budgetEvidence, ...(worst ? [{ ...worst.site.ref, label: `most expensive: ${worst.site.ref.label}, $${worst.usd.toFixed(4)} a request at most` }] : [])];
  const summary = `Worst case $${monthly.toFixed(2)} a month for ${budget.requestsPerMonth} requests, budget $${budget.monthlyUsd}.`;
  return item({
    ...base,
    status: monthly <= budget.monthlyUsd ? 'pass' : 'fail',
    summary,
    evidence,
    toPass: 'Lower the output bounds, move heavy calls to a cheaper model, or raise the budget with whoever is accountable for cost.',
  });
}

/** The output bound written for a generating call, when it is a number we can read. */
function outputBoundOf({ site }: SiteView): number | undefined {
  return writtenOutputBound(site);
}

/**
 * The most one request of `site` can cost in output: its written output bound at the declared price of its model.
 * Undefined when either is not known (no bound, a model set at run time, no price declared).
 */
export function requestCostBound(site: CallSite, outputUsdPerMillionTokens: Readonly<Record<string, number>>): { tokens: number; usdPerMillion: number; usd: number } | undefined {
  const model = site.model?.value;
  const tokens = writtenOutputBound(site);
  if (model === undefined || tokens === undefined || !Object.hasOwn(outputUsdPerMillionTokens, model)) return undefined;
  const usdPerMillion = outputUsdPerMillionTokens[model];
  return { tokens, usdPerMillion, usd: (tokens * usdPerMillion) / 1_000_000 };
}

function writtenOutputBound(site: CallSite): number | undefined {
  const bound = apiFactsOf(site)?.outputBound;
  for (const ref of bound?.accepted ?? []) {
    const lookup = optionAt(optionsAt(site, ref.place), ref.path);
    if ('found' in lookup && lookup.found.value.kind === 'number') return lookup.found.value.value;
  }
  return undefined;
}
