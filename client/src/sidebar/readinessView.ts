import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReadinessRequest, type ReadinessAction } from '../../../server/src/protocol';
import { addCodeownersLine, addOwnershipRule, createConfig, openAt } from './actions';
import { renderSidebarHtml } from './html';
import type { ExtensionMessage, WebviewMessage } from './messages';

/**
 * The readiness checklist view. Data comes from the language server's `prodready/readiness` request; when the
 * server says analyses changed, a visible view asks again and a hidden one does so when it is shown.
 */
export class ReadinessViewProvider implements vscode.WebviewViewProvider {
  static readonly viewId = 'prodready.readiness';
  private view: vscode.WebviewView | undefined;
  private stale = true;
  private folderUri: string | undefined;
  private generation = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const scriptRoot = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const mediaRoot = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [scriptRoot, mediaRoot] };
    view.webview.html = renderSidebarHtml({
      cspSource: view.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(scriptRoot, 'sidebar.js')).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'sidebar.css')).toString(),
      codiconUri: view.webview.asWebviewUri(vscode.Uri.joinPath(scriptRoot, 'codicon.css')).toString(),
    });
    view.webview.onDidReceiveMessage((message: WebviewMessage) => void this.onMessage(message));
    view.onDidChangeVisibility(() => {
      if (view.visible && this.stale) void this.refresh();
    });
    view.onDidDispose(() => (this.view = undefined));
  }

  /** The server's analyses changed. */
  changed(): void {
    this.stale = true;
    if (this.view?.visible) void this.refresh();
  }

  async refresh(listAgain = false): Promise<void> {
    const client = this.client();
    if (!this.view || !client) return;
    const generation = ++this.generation;
    this.stale = false;
    this.post({ type: 'loading' });
    try {
      const readiness = await client.sendRequest(ReadinessRequest, { refresh: listAgain });
      // A newer refresh started while this one waited: its answer wins.
      if (generation !== this.generation) return;
      if (!readiness) {
        this.post({ type: 'unavailable', message: 'Open a folder to see its production readiness.' });
        return;
      }
      this.folderUri = readiness.folderUri;
      this.post({ type: 'data', readiness: readiness.report });
    } catch (error) {
      if (generation !== this.generation) return;
      this.log.error(`Readiness request failed: ${error instanceof Error ? error.message : String(error)}`);
      this.post({ type: 'unavailable', message: 'The prodready server did not answer. See the prodready output for details.' });
    }
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    const folder = this.folderUri ? vscode.Uri.parse(this.folderUri) : vscode.workspace.workspaceFolders?.[0]?.uri;
    switch (message.type) {
      case 'ready':
        return this.refresh();
      case 'refresh':
        return this.refresh(true);
      case 'open':
        if (folder) await openAt(folder, message.file, message.line, message.column);
        return;
      case 'action':
        if (folder) await this.run(folder, message.action);
        return;
    }
  }

  private async run(folder: vscode.Uri, action: ReadinessAction): Promise<void> {
    switch (action.kind) {
      case 'open':
        return openAt(folder, action.file, action.line, action.column);
      case 'createConfig':
        return createConfig(folder);
      case 'addCodeowners':
        return addCodeownersLine(folder, action.pattern);
      case 'addOwnershipRule':
        return addOwnershipRule(folder, action.pattern);
    }
  }

  private post(message: ExtensionMessage): void {
    void this.view?.webview.postMessage(message);
  }
}
