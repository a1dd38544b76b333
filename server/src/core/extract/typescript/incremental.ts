// An open document's last TypeScript parse, so that the next keystroke re-parses only what changed.
import { parseOptions, parseTypeScript } from './syntax';
import { ts } from './ts';

/**
 * Owned by an editor session per document; each analysis re-parses from the tree it left. The edit is found by
 * comparing the texts (a common prefix and suffix): it covers every change since the last analysis, however many
 * keystrokes the debounce merged, and costs one pass over the text against the parse's many.
 */
export class TypeScriptParse {
  private text?: string;
  private sourceFile?: ts.SourceFile;

  parse(file: string, text: string): ts.SourceFile {
    const previous = this.sourceFile;
    // The incremental parser reuses the old tree's nodes: it is not read again after this.
    this.sourceFile = undefined;
    const sourceFile =
      previous && this.text !== undefined && previous.fileName === file && previous.languageVersion === parseOptions().languageVersion
        ? ts.updateSourceFile(previous, text, changeBetween(this.text, text))
        : parseTypeScript(file, text);
    this.text = text;
    this.sourceFile = sourceFile;
    return sourceFile;
  }

  release(): void {
    this.text = undefined;
    this.sourceFile = undefined;
  }
}

/** The one span of `before` replaced to make `after`. */
export function changeBetween(before: string, after: string): ts.TextChangeRange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return ts.createTextChangeRange(ts.createTextSpan(start, before.length - start - end), after.length - start - end);
}
