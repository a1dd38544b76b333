import type { OwnerSource } from '../model';
import { codeownersPatternFor } from '../ownership/suggest';
import { raciRows } from './raci';
import type { Evidence, Inventory, InventoryRow, OwnershipMap, SiteRef } from './types';
import { WorkspaceView, type SiteView, type WorkspaceSnapshot } from './workspace';
import { sdkFacts } from '../catalog';
import { priceBookFor } from '../cost/referenceData';
import { describeSiteCost, siteCost, type CostBasis } from '../cost/siteCost';

/** Every AI call site with its provider, model, owner and open findings, and the ownership map built from them. */
export function buildInventory(snapshot: WorkspaceSnapshot): Inventory {
  const view = new WorkspaceView(snapshot);
  const basis = { prices: priceBookFor(snapshot.config, snapshot.data), requestsPerMonth: snapshot.config.governance.budget?.requestsPerMonth };
  return { rows: view.sites.map((site) => rowOf(view, site, basis)), ownership: ownershipMap(view) };
}

function rowOf(view: WorkspaceView, { site, analysis, ref, findings }: SiteView, basis: CostBasis): InventoryRow {
  const declaredAt = site.owner?.declaredAt;
  const cost = siteCost(site, basis.prices, basis.requestsPerMonth);
  return {
    id: site.id,
    file: ref.file,
    line: ref.line,
    column: ref.column,
    sdk: site.sdk,
    provider: sdkFacts(site.sdk, site.module, site.language)?.displayName ?? site.sdk,
    api: site.api,
    operation: site.operation,
    streaming: site.streaming,
    model: site.model?.value ?? (site.model?.dynamic ? site.model.expression ?? 'set at run time' : undefined),
    ...(site.model?.candidates && { candidates: [...new Set(site.model.candidates.map((candidate) => candidate.value))] }),
    enclosingFunction: site.enclosingFunction,
    owners: site.owner?.owners ?? [],
    ownerSource: site.owner?.source,
    ownerDeclaredAt: declaredAt && { label: site.owner!.source, file: view.relative(declaredAt.file), line: declaredAt.line },
    findings: findings.map((finding) => {
      const at = view.at(analysis, finding.span, '');
      return { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, line: at.line!, column: at.column! };
    }),
    ...(cost && { cost: { text: describeSiteCost(cost), ...(cost.known && { usdPerRequest: cost.usdPerRequest, ...(cost.usdPerMonth !== undefined && { usdPerMonth: cost.usdPerMonth }) }) } }),
  };
}

function ownershipMap(view: WorkspaceView): OwnershipMap {
  const byOwner = new Map<string, { sources: Set<OwnerSource>; sites: SiteRef[] }>();
  const unowned = new Map<string, SiteRef[]>();
  for (const { site, ref } of view.sites) {
    if (!site.owner) {
      const pattern = codeownersPatternFor(ref.file);
      unowned.set(pattern, [...(unowned.get(pattern) ?? []), ref]);
      continue;
    }
    for (const owner of site.owner.owners) {
      const entry = byOwner.get(owner) ?? { sources: new Set(), sites: [] };
      entry.sources.add(site.owner.source);
      entry.sites.push(ref);
      byOwner.set(owner, entry);
    }
  }
  return {
    declared: view.ownershipDeclared,
    owners: [...byOwner].map(([owner, entry]) => ({ owner, sources: [...entry.sources], sites: entry.sites })).sort((a, b) => b.sites.length - a.sites.length || a.owner.localeCompare(b.owner)),
    unowned: [...unowned].map(([pattern, sites]) => ({ pattern, sites })),
    raci: raciRows(view),
    sources: ownershipSources(view),
  };
}

function ownershipSources(view: WorkspaceView): Evidence[] {
  const { codeowners, config } = view.snapshot.ownership ?? {};
  const sources: Evidence[] = [];
  if (codeowners) sources.push({ label: `CODEOWNERS (${codeowners.rules.entries.length} rules)`, file: view.relative(codeowners.file), line: 1 });
  if (config && config.rules.length > 0) sources.push({ label: `.prodready.json ownership (${config.rules.length} rules)`, file: view.relative(config.file), line: config.rules[0].line });
  const tagged = view.snapshot.analyses.filter((analysis) => analysis.facts.ownerTags.length > 0);
  if (tagged.length > 0) sources.push({ label: `@owner tags in ${tagged.length} file${tagged.length === 1 ? '' : 's'}` });
  return sources;
}
