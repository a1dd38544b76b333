import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine, type LoadedConfig } from '../core';
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
