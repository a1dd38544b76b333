// The language server: wiring only. The analysis is the core's engine (over the disk, open editors first); the
// handlers live in lsp/: diagnostics, code actions, hover, workspace files and the readiness requests.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerCodeActions } from './lsp/codeActions';
import { Diagnostics } from './lsp/diagnostics';
import { registerHover } from './lsp/hover';
import { ResilientMessageReader } from './lsp/messageReader';
import { FramedMessageWriter } from './lsp/messageWriter';
import { readClientCommands, Session } from './lsp/session';
import { WorkspaceData } from './lsp/workspaceData';
import { WorkspaceFiles } from './lsp/workspaceFiles';
import { FIX_ALL_KIND } from './protocol';
import { priceBookFor } from './core';

// Over stdio the server reads with a reader that skips a malformed message instead of misreading all that follow,
// and writes each message whole.
const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, new ResilientMessageReader(process.stdin), new FramedMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const session = new Session(connection, documents);
const data = new WorkspaceData(session);
const { guard } = session;

connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
  guard.markInitialized();
  session.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  session.clientHasConfiguration = params.capabilities.workspace?.configuration === true;
  session.clientHasProgress = params.capabilities.window?.workDoneProgress === true;
  session.clientCommands = readClientCommands(params.initializationOptions);
  data.readCapabilities(params.capabilities);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
    },
    serverInfo: { name: 'prodready' },
  };
});

connection.onInitialized(
  guard.event('initialized', () => {
    connection.console.info(
      `prodready server started (Node ${process.version}); ${session.folders.length} workspace folder${session.folders.length === 1 ? '' : 's'}: ${session.folders.map((folder) => folder.uri).join(', ') || 'none'}.`,
    );
    if (session.clientHasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'prodready' });
    // Prices and lifecycle data from the workspace's data files, before the first analysis reads them.
    void data.reload().finally(() => workspace.problems.start());
  }),
);

// Validation tells the workspace views what changed; the workspace asks validation to run again.
const diagnostics: Diagnostics = new Diagnostics(session, {
  analysed: (file) => workspace.analysed(file),
  configEdited: () => workspace.configEdited(),
  closed: (file) => workspace.closed(file),
  staleOnDisk: (file) => workspace.staleOnDisk(file),
});
const workspace: WorkspaceFiles = new WorkspaceFiles(session, diagnostics, data);

diagnostics.register();
workspace.register();
registerCodeActions(session, diagnostics);
registerHover(connection, guard, documents, (uri) => diagnostics.latest(uri), (uri) => {
  const config = session.configOf(uri)?.config;
  return config && { prices: priceBookFor(config, session.engine.referenceData), requestsPerMonth: config.governance.budget?.requestsPerMonth };
}, () => session.engine.referenceData);

documents.listen(connection);
connection.listen();
