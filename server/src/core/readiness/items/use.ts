import type { Declaration } from '../../config/governance';
import { configAction, declared, item, siteShare, withoutFinding } from '../item';
import { raciRows } from '../raci';
import type { ReadinessItem } from '../types';
import type { WorkspaceView } from '../workspace';

export function useItems(view: WorkspaceView): ReadinessItem[] {
  const { retention, rollback, humanReview } = view.snapshot.config.governance;
  return [
    siteShare(view, {
      id: 'U.pii',
      category: 'U',
      title: 'Personal data kept out of prompts',
      ...withoutFinding('AIR005'),
      toPass: 'redact personal data before it reaches the prompt (AIR005), or waive it with a reason.',
    }),
    siteShare(view, {
      id: 'U.outputSinks',
      category: 'U',
      title: 'Model output kept out of code, shells, SQL and HTML',
      ...withoutFinding('AIR014'),
      toPass: 'treat model output as untrusted input: allow-lists, query parameters, escaping or a sanitiser (AIR014).',
    }),
    retentionItem(view, retention, rollback),
    declared(
      view,
      { id: 'U.humanReview', category: 'U', title: 'Human review path for low-confidence output', toPass: 'Say under "humanReview" in .prodready.json where uncertain or high-stakes answers go for a person to check.' },
      humanReview ? [{ line: humanReview.line, label: humanReview.text }] : [],
      'No human review path declared.',
    ),
    raciItem(view),
  ];
}

function retentionItem(view: WorkspaceView, retention: Declaration | undefined, rollback: Declaration | undefined): ReadinessItem {
  const missing = [!retention && '"retention"', !rollback && '"rollback"'].filter(Boolean) as string[];
  const found = [retention && { line: retention.line, label: `retention: ${retention.text}` }, rollback && { line: rollback.line, label: `rollback: ${rollback.text}` }].filter(Boolean) as { line: number; label: string }[];
  return item({
    id: 'U.retention',
    category: 'U',
    title: 'Data retention and rollback declared',
    status: missing.length === 0 ? 'pass' : 'fail',
    summary: missing.length === 0 ? found.map((entry) => entry.label).join('; ') : `Not declared: ${missing.join(' and ')}.`,
    evidence: found.map((entry) => view.configEvidence(entry.line, entry.label)),
    toPass: `Declare ${missing.join(' and ')} in .prodready.json: how long prompts and outputs are kept, and how a bad model or prompt release is undone.`,
    action: missing.length > 0 ? configAction(view) : undefined,
  });
}

function raciItem(view: WorkspaceView): ReadinessItem {
  const rows = raciRows(view);
  const gaps = rows.filter((row) => row.gaps.length > 0);
  return item({
    id: 'U.raci',
    category: 'U',
    title: 'RACI complete',
    status: gaps.length === 0 ? 'pass' : 'fail',
    summary: `${rows.length - gaps.length} of ${rows.length} concerns have someone responsible and one accountable.`,
    counts: { passing: rows.length - gaps.length, total: rows.length },
    evidence: gaps.map((row) => ({ ...(row.declaredAt ?? view.configEvidence(undefined, '')), label: `${row.label}: ${row.gaps.join(', ')}` })),
    toPass: `Assign ${gaps.map((row) => row.label.toLowerCase()).join(', ')} under "raci" in .prodready.json (responsible and one accountable each).`,
    action: gaps.length > 0 ? configAction(view) : undefined,
  });
}
