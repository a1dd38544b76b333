import * as vscode from 'vscode';
import type { Inventory, InventoryFinding, InventoryRow } from '../../../server/src/protocol';

export type GroupBy = 'file' | 'provider' | 'model' | 'owner';

export const GROUPINGS: { id: GroupBy; label: string }[] = [
  { id: 'file', label: 'File' },
  { id: 'provider', label: 'Provider' },
  { id: 'model', label: 'Model' },
  { id: 'owner', label: 'Owner' },
];

/** What the context menus act on: a call site, with where it is. */
export interface SiteNode {
  kind: 'site';
  folder: vscode.Uri;
  file: string;
  line: number;
  column: number;
  row?: InventoryRow;
  /** Shown instead of the row's API, when the node comes from the ownership map. */
  label?: string;
}

type Node = { kind: 'group'; key: string; rows: InventoryRow[] } | SiteNode | { kind: 'finding'; site: SiteNode; finding: InventoryFinding };

const SEVERITY_ICON = { error: 'error', warning: 'warning', info: 'info', hint: 'lightbulb' } as const;
const SEVERITY_COLOR = { error: 'list.errorForeground', warning: 'list.warningForeground', info: 'editorInfo.foreground', hint: 'descriptionForeground' } as const;

/** The model a call names, or the values it can take when it is set at run time from visible ones. */
function modelText(row: InventoryRow): string | undefined {
  return row.candidates?.join(' | ') ?? row.model;
}

/** A call site as a tree item: opens the call on click; its findings below it. */
export function siteItem(node: SiteNode): vscode.TreeItem {
  const row = node.row;
  const findings = row?.findings ?? [];
  const item = new vscode.TreeItem(node.label ?? row?.api ?? `${node.file}:${node.line}`, findings.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  const worst = findings.find((finding) => finding.severity === 'error') ?? findings.find((finding) => finding.severity === 'warning') ?? findings[0];
  item.iconPath = worst ? new vscode.ThemeIcon(SEVERITY_ICON[worst.severity], new vscode.ThemeColor(SEVERITY_COLOR[worst.severity])) : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  item.description = row ? [`${node.file.split('/').pop()}:${node.line}`, modelText(row) ?? 'model set at run time', ...(row.cost ? [costText(row.cost)] : [])].join(' · ') : `${node.file}:${node.line}`;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`${node.file}:${node.line}:${node.column}`);
  if (row) tooltip.appendText(`\n${row.provider} ${row.api} (${row.operation})\nModel: ${modelText(row) ?? 'set at run time'}\nOwner: ${row.owners.join(', ') || 'none'}\nFindings: ${findings.length}${row.cost ? `\nCost: ${row.cost.text}` : ''}`);
  item.tooltip = tooltip;
  item.contextValue = 'callSite';
  item.command = { command: 'prodready.openCallSite', title: 'Open', arguments: [node] };
  return item;
}

/**
 * The AI inventory as a native tree: call sites grouped by file, provider, model or owner, each with its findings.
 * The view's badge counts the findings.
 */
export class InventoryTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private inventory: Inventory | undefined;
  private folder: vscode.Uri | undefined;
  groupBy: GroupBy = 'file';

  update(folder: vscode.Uri, inventory: Inventory): void {
    this.folder = folder;
    this.inventory = inventory;
    this.changed.fire(undefined);
  }

  regroup(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    this.changed.fire(undefined);
  }

  get findings(): number {
    return this.inventory?.rows.reduce((sum, row) => sum + row.findings.length, 0) ?? 0;
  }

  get callSites(): number {
    return this.inventory?.rows.length ?? 0;
  }

  getChildren(node?: Node): Node[] {
    if (!this.inventory || !this.folder) return [];
    const folder = this.folder;
    if (!node) {
      const groups = new Map<string, InventoryRow[]>();
      for (const row of this.inventory.rows) {
        for (const key of this.keysOf(row)) groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, rows]) => ({ kind: 'group', key, rows }));
    }
    if (node.kind === 'group') return node.rows.map((row) => ({ kind: 'site', folder, file: row.file, line: row.line, column: row.column, row }));
    if (node.kind === 'site') return (node.row?.findings ?? []).map((finding) => ({ kind: 'finding', site: node, finding }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'site') return siteItem(node);
    if (node.kind === 'finding') {
      const item = new vscode.TreeItem(`${node.finding.ruleId} ${node.finding.message}`);
      item.iconPath = new vscode.ThemeIcon(SEVERITY_ICON[node.finding.severity], new vscode.ThemeColor(SEVERITY_COLOR[node.finding.severity]));
      item.description = `line ${node.finding.line}`;
      item.tooltip = node.finding.message;
      item.contextValue = 'finding';
      item.command = { command: 'prodready.openCallSite', title: 'Open', arguments: [{ ...node.site, line: node.finding.line, column: node.finding.column }] };
      return item;
    }
    const findings = node.rows.reduce((sum, row) => sum + row.findings.length, 0);
    const item = new vscode.TreeItem(node.key, vscode.TreeItemCollapsibleState.Expanded);
    item.description = `${node.rows.length} call${node.rows.length === 1 ? '' : 's'}${findings > 0 ? ` · ${findings} finding${findings === 1 ? '' : 's'}` : ''}`;
    item.contextValue = `group.${this.groupBy}`;
    if (this.groupBy === 'file' && this.folder) {
      item.resourceUri = vscode.Uri.joinPath(this.folder, node.key);
      item.iconPath = vscode.ThemeIcon.File;
      item.label = node.key.split('/').pop();
      item.description = `${node.key.includes('/') ? `${node.key.slice(0, node.key.lastIndexOf('/'))} · ` : ''}${item.description}`;
    } else {
      item.iconPath = new vscode.ThemeIcon({ provider: 'cloud', model: 'symbol-constant', owner: node.key === 'Unowned' ? 'question' : 'person', file: 'file' }[this.groupBy]);
    }
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  private keysOf(row: InventoryRow): string[] {
    switch (this.groupBy) {
      case 'file':
        return [row.file];
      case 'provider':
        return [row.provider];
      case 'model':
        return row.candidates ?? [row.model ?? 'Set at run time'];
      case 'owner':
        return row.owners.length > 0 ? row.owners : ['Unowned'];
    }
  }
}

/** The worst case in a few characters for the row's description; the tooltip has the whole line. */
function costText(cost: NonNullable<InventoryRow['cost']>): string {
  if (cost.usdPerRequest === undefined) return 'cost unknown';
  const usd = cost.usdPerMonth ?? cost.usdPerRequest;
  const amount = usd >= 1 ? usd.toFixed(2) : usd.toPrecision(2);
  return `≤ $${amount}${cost.usdPerMonth === undefined ? '/request' : '/month'}`;
}
