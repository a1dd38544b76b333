import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/**
 * Writes LSP's `Content-Length` framing to stdio as one write per message. The stock writer writes the header and
 * the body apart: the first write wakes the client (often onto this core) for a header it cannot use yet, and the
 * body waits behind it, a fraction of a millisecond on every message a keystroke sends.
 */
export class FramedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly writable: NodeJS.WritableStream) {
    super();
    writable.on('error', (error: Error) => this.fireError(error));
    writable.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = JSON.stringify(message);
    const bodyBytes = Buffer.byteLength(body, 'utf8');
    const header = `Content-Length: ${bodyBytes}\r\n\r\n`;
    const frame = Buffer.allocUnsafe(header.length + bodyBytes);
    frame.write(header, 0, 'ascii');
    frame.write(body, header.length, 'utf8');
    return new Promise((resolve, reject) => {
      this.writable.write(frame, (error?: Error | null) => {
        if (!error) return resolve();
        this.errorCount++;
        this.fireError(error, message, this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.writable.end();
  }
}
