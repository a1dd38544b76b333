import type { OwnershipMap, SiteRef } from '../../../server/src/protocol';
import { evidenceLink } from './checklist';
import { h, linkButton, plural } from './dom';
import { host } from './host';

export function ownershipMap(map: OwnershipMap): HTMLElement {
  return h(
    'div',
    { class: 'ownership' },
    h('p', { class: 'muted' }, map.sources.length > 0 ? 'Owners come from: ' : 'No owners are declared: no CODEOWNERS, no "ownership" rules in .prodready.json, no @owner tags.', ...map.sources.flatMap((source, index) => [index > 0 ? ', ' : '', evidenceLink(source)])),
    map.owners.length > 0 && h('h3', {}, 'Owners'),
    map.owners.length > 0 &&
      h('ul', { class: 'owners' }, ...map.owners.map((owner) => h('li', { attrs: { 'data-owner': owner.owner } }, h('strong', {}, owner.owner), ` (${owner.sources.join(', ')}) · ${plural(owner.sites.length, 'call site')}`, siteList(owner.sites)))),
    map.unowned.length > 0 && h('h3', { class: 'gap' }, `Unowned (${map.unowned.reduce((sum, group) => sum + group.sites.length, 0)})`),
    map.unowned.length > 0 &&
      h(
        'ul',
        { class: 'unowned-groups' },
        ...map.unowned.map((group) =>
          h(
            'li',
            {},
            h('code', {}, group.pattern),
            siteList(group.sites),
            h('button', { class: 'action', attrs: { type: 'button' }, onClick: () => host.act({ kind: 'addCodeowners', title: `Add a CODEOWNERS line for ${group.pattern}`, pattern: group.pattern }) }, `Add a CODEOWNERS line for ${group.pattern}`),
            h('button', { class: 'secondary', attrs: { type: 'button' }, onClick: () => host.act({ kind: 'addOwnershipRule', title: `Add an ownership rule for ${group.pattern}`, pattern: group.pattern }) }, 'or a .prodready.json rule'),
          ),
        ),
      ),
    h('h3', {}, 'RACI'),
    raciTable(map),
  );
}

function siteList(sites: SiteRef[]): HTMLElement {
  return h('ul', { class: 'sites' }, ...sites.map((site) => h('li', {}, linkButton(`${site.file}:${site.line}`, () => host.open(site)), ` ${site.label}`)));
}

function raciTable(map: OwnershipMap): HTMLElement {
  const people = (list: string[]) => (list.length > 0 ? list.join(', ') : '—');
  return h(
    'table',
    { class: 'raci' },
    h('thead', {}, h('tr', {}, ...['Concern', 'R', 'A', 'C', 'I'].map((title) => h('th', { attrs: { scope: 'col' } }, title)))),
    h(
      'tbody',
      {},
      ...map.raci.map((row) =>
        h(
          'tr',
          { class: row.gaps.length > 0 ? 'gap' : '' },
          h('th', { attrs: { scope: 'row' } }, row.declaredAt ? linkButton(row.label, () => host.open(row.declaredAt!)) : row.label, ...row.gaps.map((gap) => h('div', { class: 'gap-note' }, `⚠ ${gap}`))),
          h('td', {}, people(row.responsible)),
          h('td', {}, people(row.accountable)),
          h('td', {}, people(row.consulted)),
          h('td', {}, people(row.informed)),
        ),
      ),
    ),
  );
}
