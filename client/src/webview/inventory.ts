import type { InventoryRow } from '../../../server/src/protocol';
import { h, pathText, plural } from './dom';
import { host, type SortKey, type ViewState } from './host';

const SEVERITY_ORDER = ['error', 'warning', 'info', 'hint'] as const;
const SORTS: { key: SortKey; label: string }[] = [
  { key: 'file', label: 'File' },
  { key: 'provider', label: 'Provider' },
  { key: 'model', label: 'Model' },
  { key: 'owner', label: 'Owner' },
  { key: 'findings', label: 'Most findings' },
];

export function inventoryTable(rows: InventoryRow[], state: ViewState, onChange: (state: ViewState) => void): HTMLElement {
  const filter = h('input', { attrs: { type: 'search', placeholder: 'Filter: file, provider, model, owner, rule', 'aria-label': 'Filter call sites' } });
  filter.value = state.filter;
  const sort = h('select', { attrs: { 'aria-label': 'Sort call sites' } }, ...SORTS.map((option) => h('option', { attrs: { value: option.key } }, option.label)));
  sort.value = state.sort;
  const body = h('tbody');
  const count = h('p', { class: 'muted' });
  const update = () => {
    const next = { ...state, filter: filter.value, sort: sort.value as SortKey };
    onChange(next);
    const shown = sorted(rows.filter((row) => matches(row, next.filter)), next.sort);
    body.replaceChildren(...shown.map(rowOf));
    count.textContent = shown.length === rows.length ? plural(rows.length, 'call site') : `${shown.length} of ${plural(rows.length, 'call site')}`;
  };
  filter.addEventListener('input', update);
  sort.addEventListener('change', update);
  update();
  return h(
    'div',
    { class: 'inventory' },
    h('div', { class: 'toolbar' }, filter, sort),
    count,
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Call site'), h('th', { attrs: { scope: 'col' } }, 'Model'), h('th', { attrs: { scope: 'col' } }, 'Owner'), h('th', { class: 'count', title: 'Open findings', attrs: { scope: 'col' } }, 'Findings'))),
      body,
    ),
  );
}

function rowOf(row: InventoryRow): HTMLElement {
  const open = () => host.open(row);
  const worst = SEVERITY_ORDER.find((severity) => row.findings.some((finding) => finding.severity === severity));
  const tr = h(
    'tr',
    { class: 'site', attrs: { tabindex: '0', role: 'button', 'data-file': row.file, 'aria-label': `Open ${row.file} line ${row.line}` }, onClick: open },
    h('td', {}, h('span', { class: 'file' }, pathText(`${row.file}:${row.line}`)), h('div', { class: 'muted' }, `${row.operation}${row.streaming ? ' (stream)' : ''} · ${row.api}${row.enclosingFunction ? ` in ${row.enclosingFunction}()` : ''}`)),
    h('td', {}, row.model ?? '—', h('div', { class: 'muted' }, row.provider)),
    h('td', { class: row.owners.length === 0 ? 'unowned' : '' }, row.owners.length > 0 ? row.owners.join(', ') : 'unowned'),
    h('td', { class: `count${worst ? ` severity-${worst}` : ''}`, title: row.findings.map((finding) => `${finding.ruleId} ${finding.message}`).join('\n') }, String(row.findings.length)),
  );
  tr.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  });
  return tr;
}

function matches(row: InventoryRow, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [row.file, row.provider, row.sdk, row.api, row.model ?? '', row.owners.join(' ') || 'unowned', ...row.findings.map((finding) => finding.ruleId)].join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}

function sorted(rows: InventoryRow[], key: SortKey): InventoryRow[] {
  const text = (row: InventoryRow): string => {
    switch (key) {
      case 'provider':
        return row.provider;
      case 'model':
        return row.model ?? '\uffff';
      case 'owner':
        return row.owners[0] ?? '\uffff';
      default:
        return row.file;
    }
  };
  return [...rows].sort((a, b) =>
    key === 'findings' ? b.findings.length - a.findings.length || a.file.localeCompare(b.file) : text(a).localeCompare(text(b)) || a.file.localeCompare(b.file) || a.line - b.line,
  );
}
