import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_ARGUMENTS } from '../../server/src/launch';
import { ClientCommands, ReadinessChangedNotification, ScanWorkspaceRequest, StatusNotification } from '../../server/src/protocol';
import { docsLinkOf, fixAllInFile, selectRange, showRuleDocumentation } from './commands';
import { ReadinessViewProvider } from './sidebar/readinessView';
import { showStatusMenu, StatusItem } from './status';
import { WorkspaceViews } from './views/workspaceViews';

let client: LanguageClient | undefined;

const DOCUMENTS: LanguageClientOptions['documentSelector'] = [
  ...['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python'].map((language) => ({ scheme: 'file', language })),
  { scheme: 'file', pattern: '**/.prodready.json' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('prodready', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(output, status);
  output.info(`prodready ${context.extension.packageJSON.version} activating in VS Code ${vscode.version}.`);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGUMENTS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGUMENTS, '--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENTS,
    outputChannel: output,
    // Code actions may run these: select the waiver's reason, show a rule's page.
    initializationOptions: { commands: Object.values(ClientCommands) },
    middleware: {
      // The rule link in Problems and hovers opens the rendered page, not the raw Markdown file.
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const diagnostic of diagnostics) {
          if (diagnostic.source === 'prodready' && typeof diagnostic.code === 'object' && typeof diagnostic.code.value === 'string') {
            diagnostic.code = { value: diagnostic.code.value, target: docsLinkOf(diagnostic.code.value) };
          }
        }
        next(uri, diagnostics);
      },
    },
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.prodready.json'),
        // Edits made outside the editor (git checkout, codegen) change findings and what other modules import.
        vscode.workspace.createFileSystemWatcher('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py}'),
        vscode.workspace.createFileSystemWatcher('**/{tsconfig,jsconfig}.json'),
        // Owners of every call site follow CODEOWNERS.
        vscode.workspace.createFileSystemWatcher('**/CODEOWNERS'),
      ],
    },
  };
  client = new LanguageClient('prodready', 'prodready', serverOptions, clientOptions);
  const readiness = new ReadinessViewProvider(context.extensionUri, () => client, output);
  const views = new WorkspaceViews(() => client, output);
  context.subscriptions.push(
    views,
    vscode.window.registerWebviewViewProvider(ReadinessViewProvider.viewId, readiness),
    client.onNotification(ReadinessChangedNotification, () => {
      readiness.changed();
      views.changed();
    }),
    client.onDidChangeState((event) => {
      if (event.newState !== State.Running) status.client(event.newState === State.Starting ? 'starting' : 'stopped');
      void vscode.commands.executeCommand('setContext', 'prodready.serverReady', event.newState === State.Running);
    }),
    client.onNotification(StatusNotification, (params) => {
      if (params.state === 'warning') output.warn(params.message);
      status.server(params);
    }),
    vscode.commands.registerCommand('prodready.statusMenu', showStatusMenu),
    vscode.commands.registerCommand('prodready.refreshReadiness', () => {
      void readiness.refresh(true);
      void views.refresh();
    }),
    vscode.commands.registerCommand('prodready.scanWorkspace', async () => {
      output.info('Scanning the workspace again (Scan Workspace).');
      await client?.sendRequest(ScanWorkspaceRequest, {});
    }),
    vscode.commands.registerCommand('prodready.fixAllInFile', fixAllInFile),
    vscode.commands.registerCommand(ClientCommands.showRuleDocumentation, (ruleId?: unknown) => showRuleDocumentation(context.extensionUri, ruleId)),
    vscode.commands.registerCommand(ClientCommands.selectRange, selectRange),
    vscode.commands.registerCommand('prodready.openReadiness', () => vscode.commands.executeCommand(`${ReadinessViewProvider.viewId}.focus`)),
    vscode.commands.registerCommand('prodready.showOutputChannel', () => output.show()),
    vscode.commands.registerCommand('prodready.restartServer', async () => {
      output.info('Restarting the prodready server.');
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
