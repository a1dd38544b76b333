// Positions are UTF-16 offsets into the file text; surfaces convert them to lines and columns.

export interface Span {
  start: number;
  end: number;
}

export type Language = 'ts' | 'js' | 'python';

/** How a file breaks lines. */
export type LineEnding = '\n' | '\r\n' | '\r';
