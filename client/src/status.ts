import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export type ClientState = 'starting' | 'stopped';

/**
 * The status item: a spinner with how far indexing is, then the number of findings; a warning when something was
 * skipped. A click offers a short menu (`prodready.statusMenu`).
 */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('prodready.status', vscode.StatusBarAlignment.Right, 100);
  private warning: string | undefined;

  constructor() {
    this.item.name = 'prodready';
    this.item.command = 'prodready.statusMenu';
    this.client('starting');
    this.item.show();
  }

  client(state: ClientState): void {
    this.item.text = state === 'starting' ? '$(loading~spin) prodready' : '$(circle-slash) prodready';
    this.item.tooltip = state === 'starting' ? 'prodready: starting the server' : 'prodready: the server is not running. Click for options.';
  }

  server(params: StatusParams): void {
    switch (params.state) {
      case 'indexing':
        this.item.text = `$(sync~spin) prodready ${params.progress ? `${params.progress.done}/${params.progress.total}` : ''}`.trimEnd();
        this.item.tooltip = `prodready: ${params.message}`;
        return;
      case 'ready': {
        const findings = params.findings ?? 0;
        this.item.text = `${this.warning ? '$(warning)' : findings > 0 ? '$(search)' : '$(check)'} prodready ${findings}`;
        this.item.tooltip = `prodready: ${findings} finding${findings === 1 ? '' : 's'} in the workspace${this.warning ? `\n${this.warning}` : ''}. Click for options.`;
        return;
      }
      case 'warning':
        this.warning = params.message;
        this.item.text = `$(warning) ${this.item.text.replace(/^\$\([\w~-]+\)\s*/, '')}`;
        this.item.tooltip = `prodready: ${params.message}`;
        return;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** The status item's menu: the few things one reaches for from there. */
export async function showStatusMenu(): Promise<void> {
  const entries: (vscode.QuickPickItem & { command: string })[] = [
    { label: '$(list-flat) Show Problems', command: 'workbench.actions.view.problems' },
    { label: '$(checklist) Open Readiness', command: 'prodready.openReadiness' },
    { label: '$(refresh) Scan Workspace', command: 'prodready.scanWorkspace' },
    { label: '$(output) Show Output', command: 'prodready.showOutputChannel' },
    { label: '$(debug-restart) Restart Server', command: 'prodready.restartServer' },
  ];
  const picked = await vscode.window.showQuickPick(entries, { title: 'prodready' });
  if (picked) await vscode.commands.executeCommand(picked.command);
}
