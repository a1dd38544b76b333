// A bounded LSP client for `node dist/server.js --stdio`: every request has a deadline, and the server's death is
// noticed (with its stderr) instead of hanging the harness. The project's test client (test/lsp/lspClient.ts)
// inherits stderr and waits without bounds, which suits protocol tests but not a fuzzer.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_NODE_ARGUMENTS } from '../../server/src/launch';

export type RequestOutcome =
  | { ok: true; result: unknown }
  /** The server answered with a JSON-RPC error: a normal protocol outcome. */
  | { ok: false; kind: 'error-response'; message: string }
  | { ok: false; kind: 'dead' | 'timeout' | 'connection'; message: string };

/** Settings the server asks for: no debounce, so a run does not wait 200 ms per edit. */
const SETTINGS = { debounceMs: 0 };

/** Servers in flight, so an interrupted run can end them. */
const sessions = new Set<LspSession>();

export function killRunningServers(): void {
  for (const session of sessions) session.kill();
}

export class LspSession {
  private readonly child: ChildProcess;
  private readonly connection: MessageConnection;
  private stderr = '';
  private exit: string | undefined;
  private readonly exitListeners: (() => void)[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  /** `window/logMessage` errors: the server's guard logs a failed handler there and carries on. */
  readonly loggedErrors: string[] = [];

  constructor(server: string) {
    this.child = spawn(process.execPath, [...SERVER_NODE_ARGUMENTS, server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    sessions.add(this);
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-8000);
    });
    // Writes to a dead server fail with EPIPE; the exit handler reports it, so these are expected and ignored.
    this.child.stdin!.on('error', () => undefined);
    this.child.on('exit', (code, signal) => {
      sessions.delete(this);
      this.exit = signal ? `killed by ${signal}` : `exited with code ${code}`;
      for (const listener of this.exitListeners.splice(0)) listener();
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onError(() => undefined);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) this.loggedErrors.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => SETTINGS));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  /** Why the process is gone (`exited with code 7`), or undefined while it runs. */
  get exited(): string | undefined {
    return this.exit;
  }

  get stderrTail(): string {
    return this.stderr;
  }

  async initialize(workspace: string, timeoutMs: number): Promise<RequestOutcome> {
    const uri = pathToFileURL(workspace).toString();
    const outcome = await this.request(
      'initialize',
      {
        processId: process.pid,
        rootUri: uri,
        workspaceFolders: [{ uri, name: 'fuzz' }],
        capabilities: { workspace: { configuration: true }, textDocument: { synchronization: { dynamicRegistration: false } } },
      },
      timeoutMs,
    );
    if (outcome.ok) this.notify('initialized', {});
    return outcome;
  }

  /** Sends a request and waits at most `timeoutMs`; the answer, a JSON-RPC error, or why there was none. */
  request(method: string, params: unknown, timeoutMs: number): Promise<RequestOutcome> {
    if (this.exit) return Promise.resolve({ ok: false, kind: 'dead', message: `server ${this.exit} before ${method}` });
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: RequestOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.forgetExitListener(onExit);
        resolve(outcome);
      };
      const timer = setTimeout(() => settle({ ok: false, kind: 'timeout', message: `no answer to ${method} within ${Math.round(timeoutMs)} ms` }), timeoutMs);
      const onExit = () => settle({ ok: false, kind: 'dead', message: `server ${this.exit} during ${method}` });
      this.exitListeners.push(onExit);
      this.connection.sendRequest(method, params).then(
        (result) => settle({ ok: true, result }),
        (error: unknown) =>
          settle(
            error instanceof ResponseError
              ? { ok: false, kind: 'error-response', message: `${method}: ${error.code} ${error.message}` }
              : { ok: false, kind: 'connection', message: `${method}: ${error instanceof Error ? error.message : String(error)}` },
          ),
      );
    });
  }

  private forgetExitListener(listener: () => void): void {
    const at = this.exitListeners.indexOf(listener);
    if (at !== -1) this.exitListeners.splice(at, 1);
  }

  notify(method: string, params: unknown): void {
    if (this.exit) return;
    void this.connection.sendNotification(method, params).catch(() => undefined);
  }

  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.latest.get(uri);
  }

  /** The latest (or next) publishDiagnostics for `uri` that passes `test`; `dead` or `timeout` when none comes. */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<PublishDiagnosticsParams | 'dead' | 'timeout'> {
    const seen = this.latest.get(uri);
    if (seen && test(seen)) return Promise.resolve(seen);
    if (this.exit) return Promise.resolve('dead');
    return new Promise((resolve) => {
      const onExit = () => waiter.resolve('dead');
      const waiter = {
        test: (p: PublishDiagnosticsParams) => p.uri === uri && test(p),
        resolve: (p: PublishDiagnosticsParams | 'dead' | 'timeout') => {
          clearTimeout(timer);
          const at = this.waiters.indexOf(waiter);
          if (at !== -1) this.waiters.splice(at, 1);
          this.forgetExitListener(onExit);
          resolve(p);
        },
      };
      const timer = setTimeout(() => waiter.resolve('timeout'), timeoutMs);
      this.waiters.push(waiter);
      this.exitListeners.push(onExit);
    });
  }

  /** Ends the process we started: politely when it is healthy, otherwise with SIGKILL. */
  async stop(): Promise<void> {
    if (!this.exit) {
      const answered = await this.request('shutdown', null, 5000);
      if (answered.ok) this.notify('exit', null);
      const gone = new Promise<void>((resolve) => (this.exit ? resolve() : this.exitListeners.push(resolve)));
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await gone;
      clearTimeout(timer);
    }
    this.connection.dispose();
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}
