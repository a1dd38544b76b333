import type { CallSite, OwnerAssignment } from '../model';
import type { OwnershipRule } from '../governance';
import { trimTrailing, type LineIndex } from '../text';
import { OWNER, ownersOf, type CodeOwners } from './codeowners';

/**
 * Who answers for a call site: an inline `@owner` tag > a `.prodready.json` ownership rule > CODEOWNERS > nobody.
 *
 * A tag is about the code directly below its comment: the call's statement, or the function, method, class or
 * property that holds the call. A tag in the comment block that opens the file covers the whole file.
 */

export interface OwnerTag {
  /** 0-based line of the tag. */
  line: number;
  owners: string[];
  /** The 0-based line of code the tag sits above (or on), when it is directly above code. */
  anchorLine?: number;
  fileWide: boolean;
}

/** Where the project declares owners; paths in each are relative to its `root` (absolute, `/` separated). */
export interface OwnershipSources {
  codeowners?: { file: string; root: string; rules: CodeOwners };
  config?: { file: string; root: string; rules: OwnershipRule[] };
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
    tags.push({ line, owners, anchorLine, fileWide: isFileHeader(lines, line) });
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

function isFileHeader(lines: LineIndex, line: number): boolean {
  for (let previous = 0; previous < line; previous++) {
    const text = lines.lineText(previous);
    if (text.trim() !== '' && !COMMENT_LINE.test(text) && !text.startsWith('#!')) return false;
  }
  return COMMENT_LINE.test(lines.lineText(line));
}

/** True when the project names owners anywhere this analysis can see. */
export function ownershipDeclared(sources: OwnershipSources | undefined, tags: readonly OwnerTag[]): boolean {
  return tags.length > 0 || (sources?.config?.rules.length ?? 0) > 0 || (sources?.codeowners?.rules.entries.length ?? 0) > 0;
}

export function ownerOf(site: CallSite, tags: readonly OwnerTag[], lines: LineIndex, sources: OwnershipSources | undefined): OwnerAssignment | undefined {
  for (const anchor of site.anchors) {
    const anchorLine = lines.positionAt(anchor).line;
    const tag = tags.find((candidate) => candidate.anchorLine === anchorLine && !candidate.fileWide);
    if (tag) return inline(site, tag);
  }
  const header = tags.find((tag) => tag.fileWide);
  if (header) return inline(site, header);

  const config = sources?.config;
  const configPath = config && relativeTo(config.root, site.file);
  if (config && configPath !== undefined) {
    // The last matching rule wins, as in CODEOWNERS.
    const rule = [...config.rules].reverse().find((candidate) => candidate.matches(configPath));
    if (rule) return { owners: rule.owners, source: 'config', declaredAt: { file: config.file, line: rule.line } };
  }

  const codeowners = sources?.codeowners;
  const repoPath = codeowners && relativeTo(codeowners.root, site.file);
  if (codeowners && repoPath !== undefined) {
    const { owners, decidedBy } = ownersOf(codeowners.rules, repoPath);
    if (owners.length > 0) return { owners, source: 'codeowners', declaredAt: { file: codeowners.file, line: decidedBy[decidedBy.length - 1].line } };
  }
  return undefined;
}

function inline(site: CallSite, tag: OwnerTag): OwnerAssignment {
  return { owners: tag.owners, source: 'inline', declaredAt: { file: site.file, line: tag.line + 1 } };
}

/** `file` relative to `root` with `/` separators, or undefined when it lies outside. */
export function relativeTo(root: string, file: string): string | undefined {
  const normalise = (path: string) => trimTrailing(path.replace(/\\/g, '/'), '/');
  const base = normalise(root);
  const target = normalise(file);
  if (base === '') return target.replace(/^\//, '');
  return target.startsWith(`${base}/`) ? target.slice(base.length + 1) : undefined;
}
