// The readiness sidebar: renders what the extension sends (checklist, inventory, ownership map) and posts the
// user's clicks back. No analysis happens here.
import type { ExtensionMessage } from '../sidebar/messages';
import { checklist, scoreHeader } from './checklist';
import { h } from './dom';
import { host, type ViewState } from './host';
import { inventoryTable } from './inventory';
import { ownershipMap } from './ownership';

const app = document.getElementById('app')!;
let state: ViewState = host.state();

function section(id: string, title: string, ...content: (HTMLElement | HTMLElement[])[]): HTMLElement {
  const details = h('details', { class: 'section', attrs: { 'data-section': id } }, h('summary', {}, h('h2', {}, title)), ...content.flat());
  details.open = !state.closed.includes(id);
  details.addEventListener('toggle', () => {
    state = { ...state, closed: details.open ? state.closed.filter((closed) => closed !== id) : [...state.closed, id] };
    host.saveState(state);
  });
  return details;
}

function render(message: ExtensionMessage): void {
  switch (message.type) {
    case 'loading':
      if (!app.querySelector('.score')) app.replaceChildren(h('p', { class: 'muted' }, 'Reading the workspace…'));
      return;
    case 'unavailable':
      app.replaceChildren(h('p', { class: 'muted' }, message.message), h('button', { class: 'secondary', attrs: { type: 'button' }, onClick: () => host.post({ type: 'refresh' }) }, 'Try again'));
      return;
    case 'data': {
      const { readiness, inventory } = message;
      app.replaceChildren(
        scoreHeader(readiness),
        section('checklist', 'Readiness checklist', checklist(readiness)),
        section(
          'inventory',
          `AI inventory (${inventory.rows.length})`,
          inventoryTable(inventory.rows, state, (next) => {
            state = next;
            host.saveState(state);
          }),
        ),
        section('ownership', 'Ownership map', ownershipMap(inventory.ownership)),
      );
    }
  }
}

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  if (event.data && typeof event.data.type === 'string') render(event.data);
});
host.post({ type: 'ready' });
