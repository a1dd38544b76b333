import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type DidChangeWatchedFilesParams,
  type HoverParams,
  type TextDocumentChangeEvent,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, describeSkip, languageOf, PythonParse, skipReason, type FileAnalysis } from './core/engine/analyzeFile';
import { loadPythonParser } from './node/python';
import { CONFIG_FILE_NAMES } from './core/config/config';
import { preferredFixes } from './core/engine/fixAll';
import { ConfigFiles } from './lsp/configFiles';
import { filePathOf, HandlerGuard } from './lsp/guard';
import { ResilientMessageReader } from './lsp/messageReader';
import { toDiagnostic, toRange } from './lsp/convert';
import { hoverMarkdown } from './lsp/hover';
import { defaultEditorSettings, readEditorSettings, type EditorSettings } from './lsp/settings';
import { isExcluded } from './node/files';
import { ModuleResolver, nodeProjectHost } from './node/moduleResolution';
import { ProjectIndex } from './core/project/projectIndex';
import {
  FIX_ALL_KIND,
  InventoryRequest,
  ReadinessChangedNotification,
  ReadinessRequest,
  SOURCE,
  StatusNotification,
  type DiagnosticData,
  type WorkspaceParams,
} from './protocol';
import { buildInventory, buildReadiness, type WorkspaceSnapshot } from './core/readiness';
import type { OwnershipSources } from './core/ownership/owners';
import { ownershipSources } from './node/workspace';
import { CancelledError, WorkspaceModel, MAX_WORKSPACE_FILES } from './lsp/workspaceModel';
import type { LoadedConfig } from './lsp/configFiles';

// Over stdio the server reads with a reader that skips a malformed message instead of misreading all that follow.
const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, new ResilientMessageReader(process.stdin), new StreamMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const guard = new HandlerGuard((message) => connection.console.error(message));

let workspaceFolders: WorkspaceFolder[] = [];
let clientHasConfiguration = false;
/** Settings per resource, fetched once and dropped when the user changes them. */
const settingsCache = new Map<string, Promise<EditorSettings>>();
/** The latest analysis per open document, for hovers and fix-all; tied to the version it was made from. */
const analyses = new Map<string, { version: number; analysis: FileAnalysis }>();
const pending = new Map<string, NodeJS.Timeout>();
const reportedOnce = new Set<string>();

const openText = (file: string) => documents.get(pathToFileURL(file).toString())?.getText();
const configFiles = new ConfigFiles(openText);
/** Clients and wrappers exported across the workspace; open editors' text wins over the disk. */
let moduleResolver = new ModuleResolver();
let project = new ProjectIndex(nodeProjectHost(moduleResolver, openText));
/** CODEOWNERS and config ownership rules per workspace folder and config file. */
const ownershipCache = new Map<string, OwnershipSources>();

function ownershipFor(root: string, loaded: LoadedConfig): OwnershipSources {
  const key = `${root}\u0000${loaded.file ?? ''}`;
  let sources = ownershipCache.get(key);
  if (!sources) {
    sources = ownershipSources(root, loaded.config, loaded.file);
    ownershipCache.set(key, sources);
  }
  return sources;
}

/** Why Python files cannot be read, when the parser failed to load. */
let pythonProblem: string | undefined;
/** The last Python parse per open document: edits re-parse incrementally from it. */
const pythonParses = new Map<string, PythonParse>();

connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
  guard.markInitialized();
  pythonProblem = await loadPythonParser();
  workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  clientHasConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
    },
    serverInfo: { name: 'prodready' },
  };
});

connection.onInitialized(guard.event('initialized', () => {
  if (pythonProblem) connection.console.warn(`prodready: Python files are skipped: ${pythonProblem}`);
  if (clientHasConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'prodready' });
  }
}));

connection.onDidChangeConfiguration(guard.event('settings change', () => {
  settingsCache.clear();
  workspaceModel.reset();
  revalidateAll();
  scheduleReadinessChanged();
}));

connection.onDidChangeWatchedFiles(guard.event('watched files', (params: DidChangeWatchedFilesParams) => {
  const stale = new Set<string>();
  let resetProject = false;
  let resetOwnership = false;
  for (const change of params.changes) {
    const file = filePathOf(change.uri);
    if (file === undefined) continue;
    workspaceModel.fileChanged(file);
    if (change.type !== FileChangeType.Changed) workspaceModel.filesChanged();
    if (isConfigUri(change.uri)) configFiles.invalidate(file);
    else if (/(^|[\\/])[jt]sconfig\.json$/.test(file)) resetProject = true;
    else if (/(^|[\\/])CODEOWNERS$/.test(file)) resetOwnership = true;
    else if (!documents.get(change.uri)) for (const reader of project.forget(file)) stale.add(reader);
  }
  scheduleReadinessChanged();
  if (resetProject || resetOwnership || params.changes.some((change) => isConfigUri(change.uri))) {
    ownershipCache.clear();
    workspaceModel.reset();
    // Module resolution or settings changed: everything is read again.
    if (resetProject) {
      moduleResolver = new ModuleResolver();
      project = new ProjectIndex(nodeProjectHost(moduleResolver, openText));
    }
    revalidateAll();
    return;
  }
  revalidateFiles(stale);
}));

/** Open documents among `files` are analysed again (what they import changed). */
function revalidateFiles(files: Iterable<string>): void {
  for (const file of files) {
    const document = documents.get(pathToFileURL(file).toString());
    if (document) guard.run('validation', () => schedule(document));
  }
}

function isConfigUri(uri: string): boolean {
  return CONFIG_FILE_NAMES.some((name) => uri.endsWith(`/${name}`));
}

function settingsFor(uri: string): Promise<EditorSettings> {
  if (!clientHasConfiguration) return Promise.resolve(defaultEditorSettings);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'prodready' }).then(readEditorSettings, () => defaultEditorSettings);
    settingsCache.set(uri, settings);
  }
  return settings;
}

function folderOf(file: string): string | undefined {
  const roots = workspaceFolders.flatMap((folder) => filePathOf(folder.uri) ?? []);
  return roots.filter((root) => !path.relative(root, file).startsWith('..')).sort((a, b) => b.length - a.length)[0];
}

// ---- validation: debounced per document, stale versions dropped ----

documents.onDidOpen(guard.event('open', (event: TextDocumentChangeEvent<TextDocument>) => validate(event.document)));
documents.onDidChangeContent(guard.event('change', (event: TextDocumentChangeEvent<TextDocument>) => schedule(event.document)));
documents.onDidClose(guard.event('close', (event: TextDocumentChangeEvent<TextDocument>) => {
  clearTimeout(pending.get(event.document.uri));
  pending.delete(event.document.uri);
  analyses.delete(event.document.uri);
  pythonParses.get(event.document.uri)?.release();
  pythonParses.delete(event.document.uri);
  const file = filePathOf(event.document.uri);
  if (file === undefined) return;
  if (isConfigUri(event.document.uri)) {
    configFiles.invalidate(file);
    return;
  }
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  // Unsaved edits are gone with the editor: the disk copy is what other modules import now.
  revalidateFiles(project.forget(file));
}));

async function schedule(document: TextDocument): Promise<void> {
  clearTimeout(pending.get(document.uri));
  const { debounceMs } = await settingsFor(document.uri);
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      guard.run('validation', () => validate(document));
    }, debounceMs),
  );
}

function revalidateAll(): void {
  for (const document of documents.all()) guard.run('validation', () => validate(document));
}

/** Excluded by the editor setting (relative to the folder) or by the config (relative to its file). */
function isExcludedBy(file: string, root: string | undefined, settings: EditorSettings, loaded: LoadedConfig): boolean {
  return (
    (root !== undefined && isExcluded(file, { root, exclude: settings.exclude })) ||
    (loaded.file !== undefined && isExcluded(file, { root: path.dirname(loaded.file), exclude: loaded.config.exclude }))
  );
}

async function validate(document: TextDocument): Promise<void> {
  const { uri, version } = document;
  const file = filePathOf(uri);
  if (file === undefined) {
    if (uri.startsWith('file:')) notifyOnce(`uri:${uri}`, `${uri}: not analysed, prodready reads local files only.`, uri);
    return;
  }
  if (isConfigUri(uri)) {
    configFiles.invalidate(file);
    ownershipCache.clear();
    workspaceModel.reset();
    scheduleReadinessChanged();
    publishConfigProblems(document, file);
    revalidateOthers(uri);
    return;
  }
  const settings = await settingsFor(uri);
  const text = document.getText();
  const skip = skipReason(file, text);
  const root = folderOf(file);
  const loaded = configFiles.forDocument(file, root);
  if (!settings.enable || skip || isExcludedBy(file, root, settings, loaded)) {
    if (skip && skip.kind !== 'unsupported') notifyOnce(`skip:${uri}`, `${path.basename(file)}: ${describeSkip(skip)}`, uri);
    analyses.delete(uri);
    void connection.sendDiagnostics({ uri, version, diagnostics: [] });
    return;
  }
  const analysis = analyzeText(file, text, {
    config: loaded.config,
    ruleLevels: settings.rules,
    resolveImport: project.resolverFor(file),
    ownership: root === undefined ? undefined : ownershipFor(root, loaded),
    previousParse: languageOf(file) === 'python' ? pythonParseOf(uri) : undefined,
  });
  // A newer edit arrived while we waited for settings: its own validation will publish.
  if (documents.get(uri)?.version !== version) return;
  // What this file exports changed (a client's options, a new wrapper): the open files importing it follow.
  revalidateFiles(project.update(file, analysis.facts.exports));
  for (const failure of analysis.failures) {
    notifyOnce(`rule:${failure.ruleId}`, `Rule ${failure.ruleId} failed on ${path.basename(file)} and was skipped there; other rules ran.\n${failure.error}`, uri);
  }
  analyses.set(uri, { version, analysis });
  workspaceModel.fileChanged(file);
  scheduleReadinessChanged();
  const diagnostics = analysis.findings.map((finding) => toDiagnostic(document, finding));
  if (analysis.notice) diagnostics.unshift(noticeDiagnostic(document, analysis));
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

// ---- workspace: readiness checklist and inventory ----

const workspaceModel = new WorkspaceModel({
  openAnalysis(file) {
    const document = documents.get(pathToFileURL(file).toString());
    const latest = document && analyses.get(document.uri);
    return latest && latest.version === document.version ? latest.analysis : undefined;
  },
  async analyze(file, text, root) {
    const settings = await settingsFor(pathToFileURL(file).toString());
    const loaded = configFiles.forDocument(file, root);
    if (!settings.enable || skipReason(file, text) || isExcludedBy(file, root, settings, loaded)) return undefined;
    const analysis = analyzeText(file, text, { config: loaded.config, ruleLevels: settings.rules, resolveImport: project.resolverFor(file), ownership: ownershipFor(root, loaded) });
    revalidateFiles(project.update(file, analysis.facts.exports));
    return analysis;
  },
  folderConfig(root) {
    const loaded = configFiles.forDocument(path.join(root, '_'), root);
    return { config: loaded.config, file: loaded.file };
  },
  ownership: (root) => ownershipFor(root, configFiles.forDocument(path.join(root, '_'), root)),
  ruleLevels: async (root) => (await settingsFor(pathToFileURL(root).toString())).rules,
});
workspaceModel.onTruncated = (root, total) =>
  notifyOnce(`truncated:${root}`, `${path.basename(root)}: ${total} source files; the readiness checklist reads the first ${MAX_WORKSPACE_FILES}.`, pathToFileURL(root).toString());

let readinessTimer: NodeJS.Timeout | undefined;

/** Views of the workspace ask again after a quiet moment, not on every keystroke. */
function scheduleReadinessChanged(): void {
  clearTimeout(readinessTimer);
  readinessTimer = setTimeout(() => void connection.sendNotification(ReadinessChangedNotification, {}), 400);
}

async function folderSnapshot(params: WorkspaceParams, token: { isCancellationRequested: boolean }): Promise<{ folderUri: string; snapshot: WorkspaceSnapshot } | null> {
  const folder = workspaceFolders.find((candidate) => candidate.uri === params?.folderUri) ?? workspaceFolders[0];
  const root = folder && filePathOf(folder.uri);
  if (!folder || root === undefined) return null;
  if (params?.refresh) workspaceModel.filesChanged();
  try {
    return { folderUri: folder.uri, snapshot: await workspaceModel.snapshot(root, token) };
  } catch (error) {
    if (error instanceof CancelledError) return null;
    throw error;
  }
}

connection.onRequest(
  ReadinessRequest,
  guard.request('readiness', null, async (params: WorkspaceParams, token: CancellationToken) => {
    const found = await folderSnapshot(params, token);
    return found && { folderUri: found.folderUri, report: buildReadiness(found.snapshot) };
  }),
);

connection.onRequest(
  InventoryRequest,
  guard.request('inventory', null, async (params: WorkspaceParams, token: CancellationToken) => {
    const found = await folderSnapshot(params, token);
    return found && { folderUri: found.folderUri, inventory: buildInventory(found.snapshot) };
  }),
);

function pythonParseOf(uri: string): PythonParse {
  let parse = pythonParses.get(uri);
  if (!parse) pythonParses.set(uri, (parse = new PythonParse()));
  return parse;
}

function revalidateOthers(configUri: string): void {
  for (const document of documents.all()) if (document.uri !== configUri) guard.run('validation', () => validate(document));
}

function publishConfigProblems(document: TextDocument, file: string): void {
  const loaded = configFiles.load(file);
  const diagnostics: Diagnostic[] = (loaded?.problems ?? []).map((problem) => ({
    range: toRange(document, problem.span),
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: problem.message,
  }));
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

function notifyOnce(key: string, message: string, uri: string): void {
  if (reportedOnce.has(key)) return;
  reportedOnce.add(key);
  connection.console.warn(message);
  void connection.sendNotification(StatusNotification, { state: 'warning', message: message.split('\n')[0], uri });
}

// ---- code actions: quick fixes from Diagnostic.data, suppressions, fix-all ----

connection.onCodeAction(guard.request('code actions', [], (params: CodeActionParams) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) actions.push(...quickFixes(document, params.context.diagnostics));
  if (wants(FIX_ALL_KIND)) actions.push(...fixAllActions(document));
  return actions;
}));

function quickFixes(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (diagnostic.source !== SOURCE || !data || data.version !== document.version) continue;
    for (const fix of data.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred,
        edit: { changes: { [document.uri]: fix.edits } },
      });
    }
    actions.push({
      title: `Ignore ${data.ruleId} for this call (prodready-ignore-next-line)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: {
        changes: {
          [document.uri]: [
            {
              range: { start: { line: data.suppress.line, character: 0 }, end: { line: data.suppress.line, character: 0 } },
              newText: `${data.suppress.indent}${languageOf(document.uri) === 'python' ? '#' : '//'} prodready-ignore-next-line ${data.ruleId} -- reason\n`,
            },
          ],
        },
      },
    });
  }
  return actions;
}

/** Every preferred fix of the current analysis that does not overlap another, as one edit. */
function fixAllActions(document: TextDocument): CodeAction[] {
  const latest = analyses.get(document.uri);
  if (!latest || latest.version !== document.version) return [];
  const chosen = preferredFixes(latest.analysis.findings);
  if (chosen.length === 0) return [];
  const edits = chosen.flatMap((fix) => fix.edits).map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText }));
  return [{ title: 'Fix all auto-fixable prodready problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } }];
}

// ---- hover ----

connection.onHover(guard.request('hover', null, (params: HoverParams) => {
  const latest = analyses.get(params.textDocument.uri);
  const document = documents.get(params.textDocument.uri);
  if (!latest || !document) return null;
  const offset = document.offsetAt(params.position);
  const site = latest.analysis.facts.callSites
    .filter((candidate) => candidate.calleeSpan.start <= offset && offset <= candidate.calleeSpan.end)
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
  if (!site) return null;
  return { contents: { kind: 'markdown', value: hoverMarkdown(site) }, range: toRange(document, site.calleeSpan) };
}));

/** A file analysed only in part (or not at all) says so once, at the top, as information. */
function noticeDiagnostic(document: TextDocument, analysis: FileAnalysis): Diagnostic {
  const at = document.positionAt(analysis.facts.unreadFrom ?? 0);
  return { range: { start: at, end: at }, severity: DiagnosticSeverity.Information, source: SOURCE, message: `prodready: ${analysis.notice}` };
}

documents.listen(connection);
connection.listen();
