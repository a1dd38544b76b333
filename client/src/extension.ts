import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ReadinessChangedNotification, StatusNotification } from '../../server/src/protocol';
import { ReadinessViewProvider } from './sidebar/readinessView';

let client: LanguageClient | undefined;

const DOCUMENTS: LanguageClientOptions['documentSelector'] = [
  ...['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python'].map((language) => ({ scheme: 'file', language })),
  { scheme: 'file', pattern: '**/.prodready.json' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('prodready', { log: true });
  const status = vscode.window.createStatusBarItem('prodready.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'prodready';
  status.command = 'prodready.showOutputChannel';
  showStatus(status, 'starting');
  status.show();
  context.subscriptions.push(output, status);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENTS,
    outputChannel: output,
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.prodready.json'),
        // Edits made outside the editor (git checkout, codegen) change what other modules import.
        vscode.workspace.createFileSystemWatcher('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py}'),
        vscode.workspace.createFileSystemWatcher('**/{tsconfig,jsconfig}.json'),
        // Owners of every call site follow CODEOWNERS.
        vscode.workspace.createFileSystemWatcher('**/CODEOWNERS'),
      ],
    },
  };
  client = new LanguageClient('prodready', 'prodready', serverOptions, clientOptions);
  const readiness = new ReadinessViewProvider(context.extensionUri, () => client, output);
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(ReadinessViewProvider.viewId, readiness),
    client.onNotification(ReadinessChangedNotification, () => readiness.changed()),
    vscode.commands.registerCommand('prodready.refreshReadiness', () => readiness.refresh(true)),
    client.onDidChangeState((event) => {
      showStatus(status, event.newState === State.Running ? 'ready' : event.newState === State.Starting ? 'starting' : 'stopped');
      void vscode.commands.executeCommand('setContext', 'prodready.serverReady', event.newState === State.Running);
    }),
    client.onNotification(StatusNotification, (params) => {
      output.warn(params.message);
      showStatus(status, params.state, params.message);
    }),
    vscode.commands.registerCommand('prodready.showOutputChannel', () => output.show()),
    vscode.commands.registerCommand('prodready.restartServer', async () => {
      output.info('Restarting the prodready server.');
      await client?.restart();
    }),
  );
  await client.start();
}

function showStatus(item: vscode.StatusBarItem, state: 'starting' | 'ready' | 'stopped' | 'warning', detail?: string): void {
  const icons = { starting: '$(loading~spin)', ready: '$(check)', stopped: '$(circle-slash)', warning: '$(warning)' };
  item.text = `${icons[state]} prodready`;
  item.tooltip = detail ?? `prodready server: ${state}. Click for the log.`;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
