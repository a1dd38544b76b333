import * as vscode from 'vscode';
import type { Inventory, RaciRow, SiteRef } from '../../../server/src/protocol';
import { siteItem, type SiteNode } from './inventoryTree';

type Node =
  | { kind: 'owner'; owner: string; sites: SiteRef[] }
  | { kind: 'unowned'; groups: { pattern: string; sites: SiteRef[] }[] }
  | { kind: 'pattern'; pattern: string; sites: SiteRef[] }
  | { kind: 'raci'; rows: RaciRow[] }
  | { kind: 'concern'; row: RaciRow }
  | SiteNode;

/**
 * The ownership map as a native tree: owners and their call sites, unowned calls by the CODEOWNERS pattern that would
 * cover them (context menu: add an owner), and RACI per concern with its gaps. The badge counts unowned calls.
 */
export class OwnershipTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private inventory: Inventory | undefined;
  private folder: vscode.Uri | undefined;

  update(folder: vscode.Uri, inventory: Inventory): void {
    this.folder = folder;
    this.inventory = inventory;
    this.changed.fire(undefined);
  }

  get unowned(): number {
    return this.inventory?.ownership.unowned.reduce((sum, group) => sum + group.sites.length, 0) ?? 0;
  }

  getChildren(node?: Node): Node[] {
    const map = this.inventory?.ownership;
    const folder = this.folder;
    if (!map || !folder) return [];
    const site = (ref: SiteRef): SiteNode => ({ kind: 'site', folder, file: ref.file, line: ref.line, column: ref.column, label: ref.label, row: this.rowAt(ref) });
    if (!node) {
      return [
        ...map.owners.map((owner): Node => ({ kind: 'owner', owner: owner.owner, sites: owner.sites })),
        ...(map.unowned.length > 0 ? [{ kind: 'unowned', groups: map.unowned } as const] : []),
        { kind: 'raci', rows: map.raci },
      ];
    }
    switch (node.kind) {
      case 'owner':
      case 'pattern':
        return node.sites.map(site);
      case 'unowned':
        return node.groups.map((group): Node => ({ kind: 'pattern', pattern: group.pattern, sites: group.sites }));
      case 'raci':
        return node.rows.map((row): Node => ({ kind: 'concern', row }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'site':
        return siteItem(node);
      case 'owner': {
        const item = new vscode.TreeItem(node.owner, collapsed);
        item.iconPath = new vscode.ThemeIcon('person');
        item.description = calls(node.sites.length);
        item.contextValue = 'owner';
        return item;
      }
      case 'unowned': {
        const count = node.groups.reduce((sum, group) => sum + group.sites.length, 0);
        const item = new vscode.TreeItem('Unowned', vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.description = calls(count);
        return item;
      }
      case 'pattern': {
        const item = new vscode.TreeItem(node.pattern, collapsed);
        item.iconPath = new vscode.ThemeIcon('folder');
        item.description = calls(node.sites.length);
        item.tooltip = `No owner covers ${node.pattern}. Right-click to add one.`;
        item.contextValue = 'unownedPattern';
        return item;
      }
      case 'raci': {
        const gaps = node.rows.filter((row) => row.gaps.length > 0).length;
        const item = new vscode.TreeItem('RACI', collapsed);
        item.iconPath = new vscode.ThemeIcon('organization');
        item.description = gaps > 0 ? `${gaps} concern${gaps === 1 ? '' : 's'} with gaps` : 'complete';
        return item;
      }
      case 'concern': {
        const { row } = node;
        const item = new vscode.TreeItem(row.label);
        item.iconPath = row.gaps.length > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        item.description = row.gaps.length > 0 ? row.gaps.join(', ') : `R ${row.responsible.join(', ')} · A ${row.accountable.join(', ')}`;
        item.tooltip = `Responsible: ${row.responsible.join(', ') || '—'}\nAccountable: ${row.accountable.join(', ') || '—'}\nConsulted: ${row.consulted.join(', ') || '—'}\nInformed: ${row.informed.join(', ') || '—'}`;
        if (row.declaredAt?.file && this.folder) item.command = { command: 'prodready.openCallSite', title: 'Open', arguments: [{ kind: 'site', folder: this.folder, file: row.declaredAt.file, line: row.declaredAt.line ?? 1, column: row.declaredAt.column ?? 1 }] };
        return item;
      }
    }
  }

  private rowAt(ref: SiteRef) {
    return this.inventory?.rows.find((row) => row.file === ref.file && row.line === ref.line && row.column === ref.column);
  }
}

function calls(count: number): string {
  return `${count} call${count === 1 ? '' : 's'}`;
}
