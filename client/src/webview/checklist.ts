import type { Evidence, ReadinessItem, ReadinessReport } from '../../../server/src/protocol';
import { h, linkButton, plural } from './dom';
import { host } from './host';

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;
const STATUS_WORD = { pass: 'passes', fail: 'fails', unknown: 'unknown' } as const;

export function scoreHeader(report: ReadinessReport): HTMLElement {
  const total = report.passed + report.failed + report.unknown;
  return h(
    'header',
    { class: 'score' },
    h('div', { class: 'score-line' }, h('strong', { class: 'score-value' }, `${report.score}%`), ' ready'),
    h('meter', { attrs: { min: '0', max: '100', low: '50', high: '80', optimum: '100', value: String(report.score), 'aria-label': `Readiness ${report.score}%` } }),
    h('p', { class: 'muted' }, `${report.passed} of ${total} items pass · ${report.failed} fail · ${report.unknown} unknown · ${plural(report.callSites, 'AI call site')} in ${plural(report.files, 'file')}`),
    h('button', { class: 'secondary', attrs: { type: 'button' }, onClick: () => host.post({ type: 'refresh' }) }, 'Refresh'),
  );
}

export function checklist(report: ReadinessReport): HTMLElement[] {
  const sections: HTMLElement[] = report.categories.map((category) =>
    h(
      'div',
      { class: 'category' },
      h('h3', {}, `${category.id} · ${category.title}`),
      h('ul', { class: 'items' }, ...category.items.map(itemRow)),
    ),
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
    h('div', { class: 'item-head' }, h('span', { class: 'mark', attrs: { 'aria-label': STATUS_WORD[item.status] } }, MARK[item.status]), h('span', { class: 'item-title' }, item.title)),
    h('div', { class: 'summary' }, item.summary),
    item.counts && h('meter', { attrs: { min: '0', max: String(item.counts.total), value: String(item.counts.passing), 'aria-label': `${item.counts.passing} of ${item.counts.total}` } }),
    item.toPass && h('div', { class: 'hint' }, item.toPass),
    item.action && h('button', { class: 'action', attrs: { type: 'button' }, onClick: () => host.act(item.action!) }, item.action.title),
    evidenceList(item),
  );
}

function evidenceList(item: ReadinessItem): HTMLElement | undefined {
  if (item.evidence.length === 0) return undefined;
  const count = item.evidence.length + item.moreEvidence;
  return h(
    'details',
    { class: 'evidence' },
    h('summary', {}, `Evidence (${count})`),
    h('ul', {}, ...item.evidence.map((evidence) => h('li', {}, evidenceLink(evidence)))),
    item.moreEvidence > 0 && h('p', { class: 'muted' }, `and ${item.moreEvidence} more`),
  );
}

export function evidenceLink(evidence: Evidence): HTMLElement {
  const where = evidence.file ? `${evidence.file}${evidence.line ? `:${evidence.line}` : ''}` : '';
  if (!evidence.file) return h('span', {}, evidence.label);
  return h('span', {}, linkButton(where, () => host.open(evidence)), evidence.label ? ` ${evidence.label}` : '');
}
