import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { InventoryRequest } from '../../../server/src/protocol';
import { addOwnershipRule, openAt } from '../sidebar/actions';
import { GROUPINGS, InventoryTree, type SiteNode } from './inventoryTree';
import { OwnershipTree } from './ownershipTree';

/**
 * The AI inventory and ownership map tree views: filled from the server's `prodready/inventory` answer when it
 * says analyses changed (and when a hidden view is shown again), with their badges and context-menu commands.
 */
export class WorkspaceViews implements vscode.Disposable {
  private readonly inventory = new InventoryTree();
  private readonly ownership = new OwnershipTree();
  private readonly inventoryView: vscode.TreeView<unknown>;
  private readonly ownershipView: vscode.TreeView<unknown>;
  private readonly disposables: vscode.Disposable[] = [];
  private stale = true;
  private generation = 0;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.inventoryView = vscode.window.createTreeView('prodready.inventory', { treeDataProvider: this.inventory as vscode.TreeDataProvider<unknown>, showCollapseAll: true });
    this.ownershipView = vscode.window.createTreeView('prodready.ownership', { treeDataProvider: this.ownership as vscode.TreeDataProvider<unknown>, showCollapseAll: true });
    for (const view of [this.inventoryView, this.ownershipView]) {
      this.disposables.push(view, view.onDidChangeVisibility(() => view.visible && this.stale && void this.refresh()));
    }
    this.disposables.push(
      vscode.commands.registerCommand('prodready.openCallSite', (node: SiteNode) => openAt(node.folder, node.file, node.line, node.column)),
      vscode.commands.registerCommand('prodready.copyLocation', (node: SiteNode) => vscode.env.clipboard.writeText(`${node.file}:${node.line}:${node.column}`)),
      vscode.commands.registerCommand('prodready.addOwner', (node: SiteNode | { kind: 'pattern'; pattern: string }) => this.addOwner(node)),
      vscode.commands.registerCommand('prodready.inventory.groupBy', async () => {
        const picked = await vscode.window.showQuickPick(
          GROUPINGS.map((grouping) => ({ label: grouping.label, id: grouping.id, picked: grouping.id === this.inventory.groupBy })),
          { title: 'Group the AI inventory by' },
        );
        if (picked) this.inventory.regroup(picked.id);
      }),
    );
  }

  /** The server's analyses changed. */
  changed(): void {
    this.stale = true;
    if (this.inventoryView.visible || this.ownershipView.visible) void this.refresh();
  }

  async refresh(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const generation = ++this.generation;
    this.stale = false;
    try {
      const result = await client.sendRequest(InventoryRequest, {});
      if (generation !== this.generation || !result) return;
      const folder = vscode.Uri.parse(result.folderUri);
      this.inventory.update(folder, result.inventory);
      this.ownership.update(folder, result.inventory);
      const findings = this.inventory.findings;
      this.inventoryView.badge = findings > 0 ? { value: findings, tooltip: `${findings} findings on ${this.inventory.callSites} AI call sites` } : undefined;
      const unowned = this.ownership.unowned;
      this.ownershipView.badge = unowned > 0 ? { value: unowned, tooltip: `${unowned} AI call sites without an owner` } : undefined;
      this.inventoryView.description = `${this.inventory.callSites} calls`;
    } catch (error) {
      this.log.error(`Inventory request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A path rule in .prodready.json for the call's file, or for the pattern of an unowned group. */
  private async addOwner(node: SiteNode | { kind: 'pattern'; pattern: string }): Promise<void> {
    const folder = 'folder' in node ? node.folder : vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return;
    await addOwnershipRule(folder, node.kind === 'pattern' ? node.pattern : `/${node.file}`);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
