// A real JSON-RPC client speaking LSP to `node dist/server.js --stdio`, for protocol tests.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { WorkDoneProgress, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_NODE_ARGUMENTS } from '../../server/src/launch';
import { REPO_ROOT } from '../repoRoot';

export const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

export class LspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** What the server asked the client to register (`client/registerCapability`), in order. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];

  /** What the client answers `workspace/configuration` with; `changeSettings` replaces it. */
  private settings: Record<string, unknown> | undefined;

  constructor(settings: Record<string, unknown> | undefined) {
    this.settings = settings;
    this.process = spawn(process.execPath, [...SERVER_NODE_ARGUMENTS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification((method, params) => this.notifications.push({ method, params }));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings ?? {}));
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    // $/progress is routed by token, not to the catch-all handler: each created token is listened to.
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.connection.onProgress(WorkDoneProgress.type, params.token, (value) => this.notifications.push({ method: '$/progress', params: { token: params.token, value } }));
      return null;
    });
    this.connection.listen();
  }

  /**
   * `editor`: what VS Code declares beyond configuration: server-initiated progress, its client commands, and
   * (`watchFiles`) file watchers the server registers, with patterns relative to a folder.
   */
  async initialize(rootDir: string, withConfiguration: boolean, editor?: { progress: boolean; commands: string[]; watchFiles?: boolean }): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).toString(),
      workspaceFolders: [{ uri: pathToFileURL(rootDir).toString(), name: 'ws' }],
      capabilities: {
        workspace: {
          configuration: withConfiguration,
          didChangeConfiguration: { dynamicRegistration: true },
          ...(editor?.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } : {}),
        },
        window: { workDoneProgress: editor?.progress ?? false },
      },
      initializationOptions: editor ? { commands: editor.commands } : undefined,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next publishDiagnostics that passes `test` (or one already received after `since`). */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<PublishDiagnosticsParams> {
    const seen = this.published.slice(since).find((p) => p.uri === uri && test(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in 20 s`)), 20_000);
      this.waiters.push({
        test: (p) => p.uri === uri && test(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Resolves with the first notification of `method` (after `since`) that passes `test`. */
  async notification<T>(method: string, test: (params: T) => boolean = () => true, since = 0): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = this.notifications.slice(since).find((entry) => entry.method === method && test(entry.params as T));
      if (found) return found.params as T;
      if (Date.now() > deadline) throw new Error(`no ${method} notification in 20 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  publishedCount(uri?: string): number {
    return uri ? this.published.filter((p) => p.uri === uri).length : this.published.length;
  }

  open(uri: string, text: string, languageId = 'typescript', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental change, as editors send a keystroke: `text` replaces the range. */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** The user changes the settings: the server is told, as VS Code tells it, and pulls them again. */
  changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Files changed on disk, as a client's file watcher reports them (1 created, 2 changed, 3 deleted). */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /** The server's process id (its memory and CPU are read from /proc). */
  get pid(): number | undefined {
    return this.process.pid;
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    await new Promise((resolve) => (this.process.exitCode !== null ? resolve(undefined) : this.process.once('exit', resolve)));
  }
}

export const byRule = (diagnostics: Diagnostic[], id: string) => diagnostics.filter((d) => d.code === id);

/** A new folder holding `files` (relative path → text), for a server to open as its workspace. */
export function workspaceWith(prefix: string, files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}
