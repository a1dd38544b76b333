// The readiness checklist view: renders what the extension sends and posts the user's clicks back. No analysis
// happens here. The AI inventory and the ownership map are native tree views beside it.
import type { ExtensionMessage } from '../sidebar/messages';
import { checklist, scoreHeader } from './checklist';
import { h } from './dom';
import { host } from './host';

const app = document.getElementById('app')!;

function render(message: ExtensionMessage): void {
  switch (message.type) {
    case 'loading':
      if (!app.querySelector('.score')) app.replaceChildren(h('p', { class: 'muted' }, 'Reading the workspace…'));
      return;
    case 'unavailable':
      app.replaceChildren(h('p', { class: 'muted' }, message.message), h('button', { class: 'secondary', attrs: { type: 'button' }, onClick: () => host.post({ type: 'refresh' }) }, 'Try again'));
      return;
    case 'data':
      app.replaceChildren(scoreHeader(message.readiness), ...checklist(message.readiness));
  }
}

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  if (event.data && typeof event.data.type === 'string') render(event.data);
});
host.post({ type: 'ready' });
