import type { Category } from '../rules';
import { deploymentItems } from './items/deployment';
import { observabilityItems } from './items/observability';
import { problemItems } from './items/problem';
import { reliabilityItems } from './items/reliability';
import { useItems } from './items/use';
import type { ReadinessCategory, ReadinessItem, ReadinessReport } from './types';
import { WorkspaceView, type WorkspaceSnapshot } from './workspace';

export type * from './types';
export type { WorkspaceSnapshot } from './workspace';
export { buildInventory } from './inventory';

const CATEGORIES: { id: Category; title: string; items(view: WorkspaceView): ReadinessItem[] }[] = [
  { id: 'P', title: 'Problem', items: problemItems },
  { id: 'R', title: 'Reliability', items: reliabilityItems },
  { id: 'O', title: 'Observability', items: observabilityItems },
  { id: 'D', title: 'Deployment', items: deploymentItems },
  { id: 'U', title: 'Use & governance', items: useItems },
];

/** The production-readiness checklist (P.R.O.D.U) for a workspace: each item pass, fail or unknown, with evidence. */
export function buildReadiness(snapshot: WorkspaceSnapshot): ReadinessReport {
  const view = new WorkspaceView(snapshot);
  const categories: ReadinessCategory[] = CATEGORIES.map((category) => ({ id: category.id, title: category.title, items: category.items(view) }));
  const items = categories.flatMap((category) => category.items);
  const count = (status: ReadinessItem['status']) => items.filter((entry) => entry.status === status).length;
  return {
    score: items.length === 0 ? 0 : Math.round((100 * count('pass')) / items.length),
    passed: count('pass'),
    failed: count('fail'),
    unknown: count('unknown'),
    callSites: view.sites.length,
    files: snapshot.analyses.length,
    categories,
    toPass: items.filter((entry) => entry.status !== 'pass' && entry.toPass).map((entry) => `${entry.title}: ${entry.toPass}`),
  };
}
