import { item, presence, siteShare, withoutFinding } from '../item';
import { deployEvidence } from '../signals';
import { costItem, priceTableItem } from './cost';
import type { ReadinessItem } from '../types';
import type { WorkspaceView } from '../workspace';

export function deploymentItems(view: WorkspaceView): ReadinessItem[] {
  return [keysItem(view), modelsItem(view), boundsItem(view), manifestsItem(view), costItem(view), priceTableItem(view)];
}

function keysItem(view: WorkspaceView): ReadinessItem {
  const base = { id: 'D.keys', category: 'D' as const, title: 'No hard-coded keys', ruleId: 'AIR007' as const };
  if (!view.isOn('AIR007')) return item({ ...base, status: 'unknown', summary: 'AIR007 is turned off, so this is not checked.', toPass: 'Turn AIR007 back on.' });
  const keys = view.findings.filter(({ finding }) => finding.ruleId === 'AIR007');
  const evidence = keys.map(({ finding, analysis }) => view.at(analysis, finding.span, finding.message.split(':')[0]));
  return item({
    ...base,
    status: keys.length === 0 ? 'pass' : 'fail',
    summary: keys.length === 0 ? `No API keys written in ${view.snapshot.analyses.length} source files.` : `${keys.length} key${keys.length === 1 ? '' : 's'} in source.`,
    evidence,
    toPass: 'Read keys from the environment or a secret store, and rotate the ones that were committed (AIR007 quick fix).',
    action: evidence[0] && { kind: 'open', title: 'Open the first key', file: evidence[0].file!, line: evidence[0].line!, column: evidence[0].column! },
  });
}

function modelsItem(view: WorkspaceView): ReadinessItem {
  return siteShare(view, {
    id: 'D.models',
    category: 'D',
    title: 'Models pinned',
    applies: ({ site }) => site.model !== undefined,
    ...withoutFinding('AIR008'),
    // A model set at run time may be anything unless every value it can take is visible: then each is judged.
    passes: (site) => (site.findings.some((finding) => finding.ruleId === 'AIR008') ? 'fail' : site.site.model?.dynamic && !site.site.model.candidates ? 'unknown' : 'pass'),
    why: (site) => (site.site.model?.dynamic && !site.site.model.candidates ? `model set at run time (${site.site.model.expression ?? 'an expression'})` : withoutFinding('AIR008').why?.(site)),
    note: ({ site }) => {
      const values = [...new Set(site.model?.candidates?.map((candidate) => `"${candidate.value}"`))];
      return values.length === 0 ? undefined : `model ${values.length === 1 ? values[0] : `one of ${values.join(', ')}`} (${site.model!.expression ?? 'set at run time'})`;
    },
    toPass: 'use dated model snapshots instead of aliases, and move off retired models (AIR008 quick fix).',
  });
}

function boundsItem(view: WorkspaceView): ReadinessItem {
  return siteShare(view, {
    id: 'D.bounds',
    category: 'D',
    title: 'Output bounded',
    ...withoutFinding('AIR006'),
    toPass: 'bound the tokens each call may generate (AIR006 quick fix).',
  });
}

function manifestsItem(view: WorkspaceView): ReadinessItem {
  const evidence = deployEvidence(view);
  return presence(
    {
      id: 'D.manifests',
      category: 'D',
      title: 'Container, CI and deploy manifests',
      toPass: 'Add how the service is built and shipped: a Dockerfile, a CI workflow, or the platform\'s manifest (vercel.json, fly.toml, k8s/…).',
    },
    evidence,
    `${evidence.length} manifest${evidence.length === 1 ? '' : 's'}`,
    'No Dockerfile, CI workflow or deploy manifest found.',
  );
}
