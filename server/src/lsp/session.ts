import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine, type LoadedConfig } from '../core';
import { loadDataFiles } from '../node/dataFiles';
import { NodeHost } from '../node/host';
import { loadPythonParser } from '../node/python';
import { StatusNotification } from '../protocol';
import { filePathOf, HandlerGuard } from './guard';
import { defaultEditorSettings, readEditorSettings, type EditorSettings } from './settings';

/**
 * What the handlers share: the connection, the open documents, one engine over the disk (open editors' text
 * first), the workspace folders and the editor's settings.
 */
export class Session {
  readonly guard: HandlerGuard;
  readonly host: NodeHost;
  readonly engine: Engine;
  folders: WorkspaceFolder[] = [];
  clientHasConfiguration = false;
  /** The client shows server-initiated `$/progress` (window.workDoneProgress). */
  clientHasProgress = false;
  /** Client-side commands code actions may name (the VS Code extension offers them in `initializationOptions`). */
  clientCommands = new Set<string>();
  /** Settings per resource, fetched once and dropped when the user changes them. */
  private readonly settings = new Map<string, Promise<EditorSettings>>();
  private readonly reportedOnce = new Set<string>();
  private pythonLoad: Promise<void> | undefined;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {
    this.guard = new HandlerGuard((message) => connection.console.error(message));
    this.host = new NodeHost((file) => this.documentOf(file)?.getText());
    this.engine = new Engine(this.host);
  }

  /** The open document of a file, if it is open. */
  documentOf(file: string): TextDocument | undefined {
    return this.documents.get(pathToFileURL(file).toString());
  }

  settingsFor(uri: string): Promise<EditorSettings> {
    if (!this.clientHasConfiguration) return Promise.resolve(defaultEditorSettings);
    let settings = this.settings.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'prodready' }).then(readEditorSettings, () => defaultEditorSettings);
      this.settings.set(uri, settings);
    }
    return settings;
  }

  settingsChanged(): void {
    this.settings.clear();
  }

  /**
   * Loads the Python parser the first time a Python file is analysed, so that start-up and a TypeScript-only
   * workspace do not pay for its WebAssembly. A parser that cannot load is said once; Python files are then skipped.
   */
  pythonParser(): Promise<void> {
    this.pythonLoad ??= loadPythonParser().then((problem) => {
      if (problem) this.connection.console.warn(`prodready: Python files are skipped: ${problem}`);
    });
    return this.pythonLoad;
  }

  /**
   * Reads the data files the workspace points at (the `prodready.dataFile` setting, `data` in each folder's
   * `.prodready.json`, a `prodready-data` dependency) and gives them to the engine; problems go to the output.
   */
  async loadData(): Promise<void> {
    const roots = this.folders.flatMap((folder) => filePathOf(folder.uri) ?? []);
    const named: string[] = [];
    for (const [index, root] of roots.entries()) {
      const { dataFile } = await this.settingsFor(this.folders[index].uri);
      if (dataFile) named.push(path.resolve(root, dataFile));
      const loaded = this.engine.configAt(root, root);
      if (loaded.file && loaded.config.data) named.push(path.resolve(path.dirname(loaded.file), loaded.config.data.path));
    }
    const { files, problems } = loadDataFiles(this.host, { named, roots });
    for (const problem of problems) this.connection.console.warn(`prodready: ${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
    this.engine.setDataFiles(files);
  }

  /** The config in force for a document or file URI. */
  configOf(uri: string): LoadedConfig | undefined {
    const file = filePathOf(uri);
    return file === undefined ? undefined : this.engine.configFor(file, this.folderOf(file));
  }

  /** The innermost workspace folder holding `file`. */
  folderOf(file: string): string | undefined {
    const roots = this.folders.flatMap((folder) => filePathOf(folder.uri) ?? []);
    return roots.filter((root) => !path.relative(root, file).startsWith('..')).sort((a, b) => b.length - a.length)[0];
  }

  /** Something the user should know that is not a diagnostic, said once: the output channel and the status bar. */
  notifyOnce(key: string, message: string, uri: string): void {
    if (this.reportedOnce.has(key)) return;
    this.reportedOnce.add(key);
    this.connection.console.warn(message);
    void this.connection.sendNotification(StatusNotification, { state: 'warning', message: message.split('\n')[0], uri });
  }
}

/** `initializationOptions.commands`: the client-side commands the client offers, by name. */
export function readClientCommands(options: unknown): Set<string> {
  const commands = (options as { commands?: unknown } | null | undefined)?.commands;
  return new Set(Array.isArray(commands) ? commands.filter((command): command is string => typeof command === 'string') : []);
}
