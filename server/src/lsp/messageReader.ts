import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = Buffer.from('Content-Length:', 'ascii');
/** A message body larger than this is a broken header, not a message worth waiting for. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Bytes kept while looking for a header's end; past this the input is not LSP framing. */
const MAX_HEADER_BYTES = 8 * 1024;

/**
 * Reads LSP's `Content-Length` framing from stdio and survives bad input: a header without a usable length, a
 * body that is not JSON or not an object is reported (`onError`) and skipped, and reading resumes at the next
 * `Content-Length:`. The stock reader keeps its state after such a message, so every later message is misread.
 */
export class ResilientMessageReader extends AbstractMessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  private callback: DataCallback | undefined;

  constructor(private readonly readable: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    this.readable.on('end', onClose);
    return Disposable.create(() => {
      this.callback = undefined;
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('close', onClose);
      this.readable.off('end', onClose);
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd === -1) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skipToNextHeader('a header line without an end');
        return;
      }
      const length = contentLengthOf(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (length === undefined) {
        this.skipToNextHeader('a message without a valid Content-Length header');
        continue;
      }
      const bodyStart = headerEnd + HEADER_END.length;
      if (this.buffer.length < bodyStart + length) return;
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.buffer = this.buffer.subarray(bodyStart + length);
      this.deliver(body);
    }
  }

  private deliver(body: string): void {
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      this.fireError(new Error(`Skipped a message that is not JSON (${body.length} characters).`));
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.fireError(new Error('Skipped a message that is not a JSON-RPC object.'));
      return;
    }
    this.callback?.(message as Message);
  }

  /** Drops the bad bytes up to the next `Content-Length:` (or all of them), so the next good message is read. */
  private skipToNextHeader(what: string): void {
    this.fireError(new Error(`Skipped ${what}.`));
    const next = this.buffer.indexOf(CONTENT_LENGTH, 1);
    this.buffer = next === -1 ? Buffer.alloc(0) : this.buffer.subarray(next);
  }
}

function contentLengthOf(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return undefined;
    const length = Number(value);
    return length <= MAX_BODY_BYTES ? length : undefined;
  }
  return undefined;
}
