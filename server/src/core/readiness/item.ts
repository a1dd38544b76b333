import type { Category, RuleId } from '../rules';
import type { Evidence, ReadinessAction, ReadinessItem } from './types';
import type { SiteView, WorkspaceView } from './workspace';

export const MAX_EVIDENCE = 25;

export type ItemFields = Omit<ReadinessItem, 'evidence' | 'moreEvidence'> & { evidence?: Evidence[] };

/** An item with its evidence capped: the sidebar and the report show the first ones and count the rest. */
export function item(fields: ItemFields): ReadinessItem {
  const evidence = fields.evidence ?? [];
  return {
    ...fields,
    toPass: fields.status === 'pass' ? undefined : fields.toPass,
    evidence: evidence.slice(0, MAX_EVIDENCE),
    moreEvidence: Math.max(0, evidence.length - MAX_EVIDENCE),
  };
}

export type SiteVerdict = 'pass' | 'fail' | 'unknown';

export interface ShareSpec {
  id: string;
  category: Category;
  title: string;
  /** The sites the item is about; every AI call site unless narrowed. */
  applies?(site: SiteView): boolean;
  /** Whether the site passes; `unknown` when what decides it cannot be seen (a model set at run time). */
  passes(site: SiteView): boolean | SiteVerdict;
  /** Why a site fails (or cannot be told), for its evidence line. */
  why?(site: SiteView): string | undefined;
  /** What the evidence line says of the site whatever its verdict (the values a model can take). */
  note?(site: SiteView): string | undefined;
  ruleId?: RuleId;
  toPass: string;
}

const ORDER: Record<SiteVerdict, number> = { fail: 0, unknown: 1, pass: 2 };

/**
 * "N of M call sites" items. Each call site passes, fails or cannot be told; the item passes only when every site
 * passes, and its evidence lists every site it counted, failing ones first.
 */
export function siteShare(view: WorkspaceView, spec: ShareSpec): ReadinessItem {
  const base = { id: spec.id, category: spec.category, title: spec.title, ruleId: spec.ruleId };
  if (spec.ruleId && !view.isOn(spec.ruleId)) {
    return item({ ...base, status: 'unknown', summary: `${spec.ruleId} is turned off, so this is not checked.`, toPass: `Turn ${spec.ruleId} back on.` });
  }
  const sites = spec.applies ? view.sites.filter(spec.applies) : view.sites;
  if (sites.length === 0) return item({ ...base, status: 'unknown', summary: 'No AI call sites found.', toPass: 'Nothing to check yet.' });
  const judged = sites.map((site) => {
    const verdict = spec.passes(site);
    return { site, verdict: typeof verdict === 'boolean' ? (verdict ? 'pass' : 'fail') : verdict } as const;
  });
  const count = (verdict: SiteVerdict) => judged.filter((entry) => entry.verdict === verdict).length;
  const [failing, unknown, passing] = [count('fail'), count('unknown'), count('pass')];
  const first = judged.find((entry) => entry.verdict === 'fail')?.site.ref;
  const evidence = [...judged]
    .sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict])
    .map(({ site, verdict }) => ({ ...site.ref, status: verdict, label: [site.ref.label, verdict === 'pass' ? undefined : spec.why?.(site), spec.note?.(site)].filter(Boolean).join(': ') }));
  const left = failing + unknown;
  return item({
    ...base,
    status: failing > 0 ? 'fail' : unknown > 0 ? 'unknown' : 'pass',
    summary: `${passing} of ${sites.length} call site${sites.length === 1 ? '' : 's'}${unknown > 0 ? `, ${unknown} unknown` : ''}`,
    counts: { passing, total: sites.length, ...(unknown > 0 ? { unknown } : {}) },
    evidence,
    toPass: `${left} call site${left === 1 ? '' : 's'} to go: ${spec.toPass}`,
    action: first && { kind: 'open', title: 'Open the first failing call', file: first.file, line: first.line, column: first.column },
  });
}

/** A site passes a rule's item when the rule found nothing on it (suppressed findings count as waived). */
export function withoutFinding(ruleId: RuleId): Pick<ShareSpec, 'passes' | 'why' | 'ruleId'> {
  return {
    ruleId,
    passes: (site) => !site.findings.some((finding) => finding.ruleId === ruleId),
    why: (site) => headline(site.findings.find((finding) => finding.ruleId === ruleId)?.message),
  };
}

/** A finding's message up to its first clause (`No timeout on this OpenAI call`), parentheses kept whole. */
function headline(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  let depth = 0;
  for (let i = 0; i < message.length - 1; i++) {
    const char = message[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (char === ':' || char === '.') && message[i + 1] === ' ') return message.slice(0, i);
  }
  return message.replace(/\.$/, '');
}

/** An item that passes when the workspace holds something (an eval suite, a manifest): what was found is the evidence. */
export function presence(fields: Omit<ItemFields, 'status' | 'summary' | 'evidence'>, evidence: Evidence[], found: string, missing: string): ReadinessItem {
  return item({ ...fields, status: evidence.length > 0 ? 'pass' : 'fail', summary: evidence.length > 0 ? found : missing, evidence });
}

/** An item that passes when a declaration exists in the config. */
export function declared(
  view: WorkspaceView,
  fields: Omit<ItemFields, 'status' | 'summary' | 'evidence' | 'action'>,
  found: { line: number; label: string }[],
  missing: string,
): ReadinessItem {
  if (found.length > 0) {
    return item({ ...fields, status: 'pass', summary: found.map((entry) => entry.label).join('; '), evidence: found.map((entry) => view.configEvidence(entry.line, entry.label)) });
  }
  return item({ ...fields, status: 'fail', summary: missing, action: configAction(view) });
}

/** Open the config where declarations go, or create it. */
export function configAction(view: WorkspaceView): ReadinessAction {
  const config = view.snapshot.configFile;
  return config
    ? { kind: 'open', title: 'Open .prodready.json', file: view.relative(config), line: 1, column: 1 }
    : { kind: 'createConfig', title: 'Create .prodready.json' };
}
