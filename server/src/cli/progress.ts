import * as path from 'node:path';

/**
 * A one-line progress report on a terminal (`[12/340] src/ai/chat.ts`), rewritten in place and erased at the end;
 * nothing at all when the stream is a pipe or a file, so CI logs and redirected output stay clean.
 */
export function progressLine(stream: NodeJS.WriteStream, cwd: string): { onFile?: (file: string, index: number, total: number) => void; done(): void } {
  if (!stream.isTTY) return { done: () => undefined };
  const width = Math.max(20, (stream.columns || 80) - 1);
  let shown = false;
  return {
    onFile(file, index, total) {
      const line = `[${index + 1}/${total}] ${path.relative(cwd, file)}`;
      stream.write(`\r${line.length > width ? `${line.slice(0, width - 1)}…` : line}\u001b[K`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
