import type { Evidence, ItemStatus, ReadinessItem, ReadinessReport } from '../../../server/src/protocol';
import { h, linkButton, plural } from './dom';
import { host } from './host';

const STATUS_ICON: Record<ItemStatus, string> = { pass: 'pass-filled', fail: 'error', unknown: 'question' };
const STATUS_WORD: Record<ItemStatus, string> = { pass: 'passes', fail: 'fails', unknown: 'unknown' };
const EVIDENCE_HEADING: Record<ItemStatus, string> = { fail: 'Fail', unknown: 'Unknown', pass: 'Pass' };

/** A codicon from the bundled font: decoration only, the text beside it says the same. */
export function icon(name: string, label?: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, attrs: label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': 'true' } });
}

export function scoreHeader(report: ReadinessReport): HTMLElement {
  const total = report.passed + report.failed + report.unknown;
  return h(
    'header',
    { class: 'score' },
    h(
      'div',
      { class: 'score-line' },
      h('strong', { class: 'score-value' }, `${report.score}%`),
      ' ready',
      h('button', { class: 'icon-button', title: 'Refresh', attrs: { type: 'button', 'aria-label': 'Refresh' }, onClick: () => host.post({ type: 'refresh' }) }, icon('refresh')),
    ),
    h('meter', { attrs: { min: '0', max: '100', low: '50', high: '80', optimum: '100', value: String(report.score), 'aria-label': `Readiness ${report.score}%` } }),
    h('p', { class: 'muted' }, `${report.passed} of ${total} pass · ${report.failed} fail · ${report.unknown} unknown · ${plural(report.callSites, 'AI call site')} in ${plural(report.files, 'file')}`),
  );
}

export function checklist(report: ReadinessReport): HTMLElement[] {
  const sections: HTMLElement[] = report.categories.map((category) =>
    h('div', { class: 'category' }, h('h3', {}, `${category.id} · ${category.title}`), h('ul', { class: 'items' }, ...category.items.map(itemRow))),
  );
  if (report.toPass.length > 0) {
    sections.push(h('details', { class: 'to-pass' }, h('summary', {}, h('h3', {}, `What it would take to pass (${report.toPass.length})`)), h('ol', {}, ...report.toPass.map((step) => h('li', {}, step)))));
  }
  return sections;
}

function itemRow(item: ReadinessItem): HTMLElement {
  return h(
    'li',
    { class: `item status-${item.status}`, attrs: { 'data-item': item.id } },
    h('div', { class: 'item-head' }, h('span', { class: 'mark' }, icon(STATUS_ICON[item.status], STATUS_WORD[item.status])), h('span', { class: 'item-title' }, item.title)),
    h('div', { class: 'summary' }, item.summary),
    item.counts && h('meter', { attrs: { min: '0', max: String(item.counts.total), value: String(item.counts.passing), 'aria-label': `${item.counts.passing} of ${item.counts.total}` } }),
    item.toPass && h('div', { class: 'hint' }, item.toPass),
    item.action && h('button', { class: 'secondary action', attrs: { type: 'button' }, onClick: () => host.act(item.action!) }, item.action.title),
    evidenceList(item),
  );
}

/** Every place the item counted, grouped by how it counted: failing first, then unknown, then passing. */
function evidenceList(item: ReadinessItem): HTMLElement | undefined {
  if (item.evidence.length === 0) return undefined;
  const count = item.evidence.length + item.moreEvidence;
  const grouped = item.evidence.some((evidence) => evidence.status);
  const body = grouped
    ? (['fail', 'unknown', 'pass'] as const).flatMap((status) => {
        const entries = item.evidence.filter((evidence) => evidence.status === status);
        if (entries.length === 0) return [];
        return [h('div', { class: `evidence-group evidence-${status}` }, `${EVIDENCE_HEADING[status]} (${entries.length})`), h('ul', {}, ...entries.map((evidence) => h('li', {}, evidenceLink(evidence))))];
      })
    : [h('ul', {}, ...item.evidence.map((evidence) => h('li', {}, evidenceLink(evidence))))];
  return h('details', { class: 'evidence' }, h('summary', {}, `Evidence (${count})`), ...body, item.moreEvidence > 0 && h('p', { class: 'muted' }, `and ${item.moreEvidence} more`));
}

export function evidenceLink(evidence: Evidence): HTMLElement {
  const status = evidence.status && icon(STATUS_ICON[evidence.status], STATUS_WORD[evidence.status]);
  if (!evidence.file) return h('span', {}, status, evidence.label);
  const where = `${evidence.file}${evidence.line ? `:${evidence.line}` : ''}`;
  return h('span', { class: 'evidence-entry' }, status, linkButton(where, () => host.open(evidence)), evidence.label ? h('span', { class: 'evidence-label' }, evidence.label) : undefined);
}
