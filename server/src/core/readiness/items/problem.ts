import { item, declared } from '../item';
import type { ReadinessItem } from '../types';
import type { WorkspaceView } from '../workspace';
import { codeownersPatternFor } from '../../ownership/suggest';

export function problemItems(view: WorkspaceView): ReadinessItem[] {
  const { kpis } = view.snapshot.config.governance;
  return [
    declared(
      view,
      { id: 'P.kpis', category: 'P', title: 'Success metrics (KPIs) declared', toPass: 'Declare what success means under "kpis" in .prodready.json, e.g. { "name": "tickets solved without a human", "target": ">= 30%" }.' },
      kpis.map((kpi) => ({ line: kpi.line, label: kpi.target ? `${kpi.name} (${kpi.target})` : kpi.name })),
      'No KPIs declared: nobody can say whether the AI feature works.',
    ),
    ownersItem(view),
  ];
}

function ownersItem(view: WorkspaceView): ReadinessItem {
  const base = { id: 'P.owners', category: 'P' as const, title: 'Every AI call has an owner', ruleId: 'AIR012' as const };
  if (view.sites.length === 0) return item({ ...base, status: 'unknown', summary: 'No AI call sites found.', toPass: 'Nothing to own yet.' });
  const unowned = view.sites.filter((site) => !site.site.owner);
  const owned = view.sites.length - unowned.length;
  const firstPattern = unowned[0] && codeownersPatternFor(unowned[0].ref.file);
  return item({
    ...base,
    status: unowned.length === 0 ? 'pass' : 'fail',
    summary: view.ownershipDeclared ? `${owned} of ${view.sites.length} call sites` : 'No owners declared anywhere (no CODEOWNERS, "ownership" rules or @owner tags).',
    counts: { passing: owned, total: view.sites.length },
    evidence: unowned.map((site) => ({ ...site.ref, label: `${site.ref.label}: no owner` })),
    toPass: `Name an owner for ${unowned.length} call site${unowned.length === 1 ? '' : 's'}: an @owner tag, an "ownership" rule in .prodready.json or a CODEOWNERS line.`,
    action: firstPattern ? { kind: 'addCodeowners', title: `Add a CODEOWNERS line for ${firstPattern}`, pattern: firstPattern } : undefined,
  });
}
