import { presence, siteShare, withoutFinding } from '../item';
import { evalEvidence } from '../signals';
import type { ReadinessItem } from '../types';
import type { SiteView, WorkspaceView } from '../workspace';

export function reliabilityItems(view: WorkspaceView): ReadinessItem[] {
  return [
    siteShare(view, {
      id: 'R.timeouts',
      category: 'R',
      title: 'Timeouts',
      ...withoutFinding('AIR001'),
      toPass: 'give each a timeout or abort signal (AIR001 quick fix).',
    }),
    siteShare(view, {
      id: 'R.retries',
      category: 'R',
      title: 'Retry policy',
      ...withoutFinding('AIR002'),
      toPass: 'set retries deliberately on the call or the client (AIR002).',
    }),
    siteShare(view, {
      id: 'R.errors',
      category: 'R',
      title: 'Errors handled',
      ...withoutFinding('AIR003'),
      toPass: 'catch failures where the call is made (AIR003).',
    }),
    siteShare(view, {
      id: 'R.fallback',
      category: 'R',
      title: 'Fallback when the model fails',
      passes: hasFallback,
      why: ({ site }) => (site.guarded.tryCatch?.handling === 'error-response' ? 'the catch answers with an error, not an alternative' : 'no fallback'),
      toPass: 'answer with another model, a cached or a default result when the call fails (withFallbacks, a catch that returns one); an error response is not a fallback.',
    }),
    siteShare(view, {
      id: 'R.agentLoops',
      category: 'R',
      title: 'Agent loops bounded',
      ...withoutFinding('AIR015'),
      toPass: 'cap every agent and tool loop: a turn counter in hand-written loops, a step condition or finite limit in the SDK (AIR015).',
    }),
    evalsItem(view),
  ];
}

/** A real alternative: another model (withFallbacks, a fallback helper) or a catch that answers with a value; not a caught error. */
function hasFallback({ site }: SiteView): boolean {
  const guarded = site.guarded;
  return Boolean(guarded.fallback || guarded.helper || guarded.tryCatch?.handling === 'fallback');
}

function evalsItem(view: WorkspaceView): ReadinessItem {
  const evidence = evalEvidence(view);
  return presence(
    {
      id: 'R.evals',
      category: 'R',
      title: 'Eval suite present',
      toPass: 'Add an eval suite (promptfooconfig.yaml, an evals/ folder) or tests that exercise the modules calling models.',
    },
    evidence,
    `${evidence.length} eval file${evidence.length === 1 ? '' : 's'} or test${evidence.length === 1 ? '' : 's'} of AI modules`,
    'No evals: no promptfoo config, evals folder, or tests importing the modules that call models.',
  );
}
