import type { LineIndex } from './text';

// `@owner` tags in comments: who answers for the code below them. Read from the text of any language.

/** Owners as CODEOWNERS and tags write them: `@user`, `@org/team` or an e-mail address. */
export const OWNER = /^(@[\w.-]+(\/[\w.-]+)*|[^@\s]+@[^@\s.]+(\.[^@\s.]+)+)$/;

export interface OwnerTag {
  /** 0-based line of the tag. */
  line: number;
  owners: string[];
  /** The 0-based line of code the tag sits above (or on), when it is directly above code. */
  anchorLine?: number;
  fileWide: boolean;
}

const TAG = '@owner';
/** Where a comment starts on a line: `//`, `#`, `/*`, or a JSDoc continuation `*` at the start. */
const COMMENT_START = /\/\/|#|\/\*|^[ \t]*\*/;
const COMMENT_LINE = /^\s*(\/\/|#|\/\*|\*)/;

/**
 * `@owner` after a comment marker on the same line, possibly after other words (`// Chat routes. @owner @web`).
 * Found with `indexOf` and read per line, so a line full of `//` without a tag costs one pass, not one per marker.
 */
export function findOwnerTags(text: string, lines: LineIndex): OwnerTag[] {
  const tags: OwnerTag[] = [];
  // Found once: tags in the comment block that opens the file cover the whole file.
  const headerEnd = fileHeaderEnd(lines);
  let lineText = '';
  let lastLine = -1;
  for (let at = text.indexOf(TAG); at !== -1; at = text.indexOf(TAG, at + TAG.length)) {
    const line = lines.positionAt(at).line;
    if (line !== lastLine) [lineText, lastLine] = [lines.lineText(line), line];
    const column = at - lines.offsetAt({ line, character: 0 });
    const comment = COMMENT_START.exec(lineText);
    if (!comment || comment.index + comment[0].length > column || !/[\s*/#]/.test(lineText[column - 1] ?? '')) continue;
    const after = lineText.slice(column + TAG.length).replace(/^:/, '');
    if (!/^\s/.test(after)) continue;
    const owners = ownersIn(after);
    if (owners.length === 0) continue;
    const before = lineText.slice(0, comment.index);
    // A tag trailing code is about that line; otherwise about the first line below its comment.
    const anchorLine = before.trim() !== '' && !COMMENT_LINE.test(before) ? line : codeLineBelow(lines, line);
    tags.push({ line, owners, anchorLine, fileWide: line < headerEnd && COMMENT_LINE.test(lineText) });
  }
  return tags;
}

/** Owners are read up to the first word that is not one (`-- reason`, `*\/`). */
function ownersIn(text: string): string[] {
  const owners: string[] = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    if (!OWNER.test(word)) break;
    owners.push(word);
  }
  return owners;
}

function codeLineBelow(lines: LineIndex, line: number): number | undefined {
  for (let next = line + 1; next < lines.lineCount; next++) {
    const text = lines.lineText(next);
    if (text.trim() === '') return undefined;
    if (!COMMENT_LINE.test(text) || /^\s*\*\/\s*\S/.test(text)) return next;
  }
  return undefined;
}

/** The first line that is neither blank, a comment nor a shebang: where the file's opening comment ends. */
function fileHeaderEnd(lines: LineIndex): number {
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (text.trim() !== '' && !COMMENT_LINE.test(text) && !text.startsWith('#!')) return line;
  }
  return lines.lineCount;
}
