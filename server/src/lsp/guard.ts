import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

/**
 * The file a `file:` URI names, or undefined for any URI this server does not read from disk: other schemes
 * (`untitled:`, `git:`), a remote host (`file://host/…`), an encoded slash (`%2F`) or broken percent-encoding.
 */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * Keeps the server alive whatever a handler meets: each handler's failure is logged once (by its message) and the
 * request still gets an answer, its empty result. Requests before `initialize` get `ServerNotInitialized`, as the
 * protocol asks.
 */
export class HandlerGuard {
  private ready = false;
  private readonly logged = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  /** Called once `initialize` has been answered. */
  markInitialized(): void {
    this.ready = true;
  }

  get initialized(): boolean {
    return this.ready;
  }

  /** A request handler that answers `fallback` when it fails. */
  request<A extends unknown[], R, F>(name: string, fallback: F, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R | F> {
    return async (...args) => {
      if (!this.ready) throw new ResponseError(ErrorCodes.ServerNotInitialized, `prodready: ${name} before initialize.`);
      try {
        return await handler(...args);
      } catch (error) {
        this.failed(name, error);
        return fallback;
      }
    };
  }

  /** A notification or event handler: dropped before `initialize`, failures logged once. */
  event<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      if (!this.ready) return;
      this.run(name, () => handler(params));
    };
  }

  /** Runs work started outside a handler (a debounced validation), logging its failure once. */
  run(name: string, work: () => void | Promise<void>): void {
    try {
      const result = work();
      if (result instanceof Promise) result.catch((error: unknown) => this.failed(name, error));
    } catch (error) {
      this.failed(name, error);
    }
  }

  private failed(name: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${name}\u0000${message}`;
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.log(`prodready: ${name} failed and was skipped: ${error instanceof Error ? error.stack ?? message : message}`);
  }
}
