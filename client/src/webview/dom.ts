// Building the page from data: text always goes in as text nodes, attributes are set one by one and never
// carry handlers or URLs from the workspace. There is no innerHTML anywhere in the webview.

type Child = Node | string | number | undefined | null | false;

export interface Props {
  class?: string;
  title?: string;
  attrs?: Record<string, string>;
  onClick?: () => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.title) element.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  if (props.onClick) element.addEventListener('click', props.onClick);
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A button that reads as a link: opens a place in the workspace. */
export function linkButton(label: string, onClick: () => void, title?: string): HTMLButtonElement {
  return h('button', { class: 'link', title: title ?? label, attrs: { type: 'button' }, onClick }, label);
}

/** A path that may wrap after each `/` rather than mid-name in a narrow sidebar. */
export function pathText(path: string): HTMLElement {
  const span = h('span', { class: 'path' });
  path.split('/').forEach((part, index, parts) => append(span, [part + (index < parts.length - 1 ? '/' : ''), index < parts.length - 1 && h('wbr')]));
  return span;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
