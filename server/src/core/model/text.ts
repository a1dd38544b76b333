import type { LineEnding, Span } from './span';

export interface LineColumn {
  /** 0-based. */
  line: number;
  /** 0-based UTF-16 offset within the line. */
  character: number;
}

const LF = 10;
const CR = 13;

/** Offsets ↔ line/column for one text; built once per text, O(log n) per lookup. Lines end at LF, CRLF or CR, as in LSP. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    // Built on every keystroke: without CRs the engine's own search finds the line breaks, several times faster.
    if (!text.includes('\r')) {
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) this.lineStarts.push(i + 1);
    }
  }

  /** An index sent to another thread: a structured clone keeps its fields, not its class. */
  static revive(cloned: LineIndex): LineIndex {
    return Object.setPrototypeOf(cloned, LineIndex.prototype) as LineIndex;
  }

  /**
   * The same line starts without the text, for an analysis kept only for where things are (a closed file with
   * nothing to show): positions work, and the text reads as empty.
   */
  withoutText(): LineIndex {
    return Object.assign(Object.create(LineIndex.prototype) as LineIndex, { text: '', lineStarts: this.lineStarts });
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): LineColumn {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low] };
  }

  offsetAt(position: LineColumn): number {
    const start = this.lineStarts[Math.min(position.line, this.lineStarts.length - 1)] ?? 0;
    return Math.min(start + position.character, this.text.length);
  }

  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    const end = this.lineStarts[line + 1] ?? this.text.length;
    return this.text.slice(start, end).replace(/(?:\r\n|\r|\n)$/, '');
  }

  rangeOf(span: Span): { start: LineColumn; end: LineColumn } {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** The leading whitespace of the line that holds `offset`. */
export function indentAt(text: string, offset: number): string {
  // Walk back to the line break (either kind): `lastIndexOf('\r')` would scan the whole prefix of an LF file.
  let lineStart = offset;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== LF && text.charCodeAt(lineStart - 1) !== CR) lineStart--;
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

/** The file's line ending, judged by its first line break; fixes write new lines the same way. */
export function lineEndingOf(text: string): LineEnding {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  if (cr === -1 || (lf !== -1 && lf < cr)) return '\n';
  return text.charCodeAt(cr + 1) === LF ? '\r\n' : '\r';
}

/**
 * The text with every lone CR turned into LF: the same length and offsets, so code that scans for `\n` (the fixers)
 * sees the lines of a CR-only file.
 */
export function withLfLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The first line break at or after `from`, or -1. */
export function nextLineBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  return cr === -1 ? lf : lf === -1 ? cr : Math.min(lf, cr);
}

/** `text` without trailing `char`s; a loop, since `/x+$/` retries from every run of `x` and is quadratic in it. */
export function trimTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}
