import { applyEdits, configRootForEdit, createScanner, JSONC_OPTIONS, modify, parseTree, propertiesOf, ScanError, SyntaxKind, tooDeepAt, valueOf, type Edit, type JSONPath, type Node, type ParseError, type WrittenConfig } from '../config/json';
import { codeOwnersPattern, parseCodeOwners } from './codeowners';

// Writing owners into the workspace: a CODEOWNERS line or a `.prodready.json` ownership rule. The pattern comes
// from a file or folder name and the owners from an input box, so both are checked before anything is written:
// a name that CODEOWNERS cannot hold as one pattern is refused with a message, never written approximately.

/** The outcome of preparing an edit: what to write, or why nothing is written (shown to the user). */
export type Written<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Owners as they may be written: `@user`, `@org/team` (GitLab subgroups: `@group/sub/team`), or a plain email.
 * Narrower than what the CODEOWNERS reader accepts: nothing a CODEOWNERS or JSON reader could read differently.
 */
export const WRITABLE_OWNER = /^(@[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)*|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$/;

/** Line breaks and other control characters, and the invisible marks that reorder how a line is displayed. */
const UNWRITABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Wildcards and ranges: CODEOWNERS reads them as patterns and has no escape that makes them literal. */
const WILDCARD = /[*?[\]\\]/;

/**
 * Why `pattern` (a root-anchored path pattern such as `/src/ai/` or `/chat.ts`, as the readiness map suggests)
 * cannot be written, or undefined when it can.
 */
export function patternProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string' || pattern === '' || !pattern.startsWith('/')) return 'The path to own is not a path in the workspace.';
  const shown = JSON.stringify(pattern);
  if (UNWRITABLE.test(pattern)) return `The path ${shown} holds a line break or another control character: CODEOWNERS cannot hold it, so nothing was written. Rename it, or name its owner with an @owner tag in the file.`;
  if (WILDCARD.test(pattern)) return `The path ${shown} holds "*", "?", "[", "]" or "\\", which CODEOWNERS reads as pattern syntax, so nothing was written. Rename it, or name its owner with an @owner tag in the file.`;
  const segments = pattern.slice(1).replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return `The path ${shown} is not a relative path in the workspace.`;
  if (!codeOwnersPattern(pattern)) return `The path ${shown} is not a pattern CODEOWNERS supports.`;
  return undefined;
}

/** The owners typed in the input box (separated by whitespace), or why they cannot be written. */
export function parseOwners(input: string): Written<string[]> {
  const owners = input.trim().split(/\s+/).filter(Boolean);
  if (owners.length === 0) return { ok: false, error: 'Name at least one owner: @user, @org/team or an email.' };
  const invalid = owners.filter((owner) => !WRITABLE_OWNER.test(owner));
  if (invalid.length > 0) return { ok: false, error: `Owners are @user, @org/team or an email; not: ${invalid.map((owner) => JSON.stringify(owner)).join(', ')}.` };
  return { ok: true, value: owners };
}

/** Spaces and `#` in a path, escaped as the CODEOWNERS reader unescapes them (`\ `, `\#`). */
function escapeForCodeowners(pattern: string): string {
  return pattern.replace(/[\s#]/g, (char) => `\\${char}`);
}

/**
 * The CODEOWNERS line `pattern owners…`, without its line break. It is read back before it is returned: the line
 * must parse to exactly this pattern and these owners, or nothing is written.
 */
export function codeownersLine(pattern: unknown, owners: readonly string[]): Written<string> {
  const problem = patternProblem(pattern) ?? ownersProblem(owners);
  if (problem) return { ok: false, error: problem };
  const line = `${escapeForCodeowners(pattern as string)} ${owners.join(' ')}`;
  const parsed = parseCodeOwners(line);
  const [entry] = parsed.entries;
  const readsBack = parsed.problems.length === 0 && parsed.entries.length === 1 && entry.pattern === pattern && entry.owners.join(' ') === owners.join(' ');
  if (!readsBack) return { ok: false, error: `The path ${JSON.stringify(pattern)} cannot be written as one CODEOWNERS line, so nothing was written.` };
  return { ok: true, value: line };
}

export type { WrittenConfig } from '../config/json';

interface Rule {
  path: string;
  owners: string[];
}

/**
 * `.prodready.json` with `{ "path": pattern, "owners": owners }` appended to its ownership rules: `text` is the
 * current file (undefined when there is none). The file is edited, not rewritten: jsonc-parser's `modify` finds
 * where the rule goes (and whether a comma must come first); the rule is written on a line of its own, indented as
 * its neighbours, so comments, formatting and every other line stay as they are. Names are JSON serialised, so
 * they are data, never syntax; the result is read back and must end with exactly this rule, or nothing is written.
 */
export function withOwnershipRule(text: string | undefined, pattern: unknown, owners: readonly string[]): WrittenConfig {
  const problem = patternProblem(pattern) ?? ownersProblem(owners);
  if (problem) return { ok: false, error: problem };
  const rule: Rule = { path: pattern as string, owners: [...owners] };
  const opened = configRootForEdit(text, { ownership: [rule] });
  if (!('root' in opened)) return opened;
  const { root } = opened;
  text = opened.text;
  const declared = propertiesOf(root).filter(([key]) => key.value === 'ownership');
  if (declared.length > 1) return { ok: false, error: '"ownership" appears more than once in .prodready.json: fix it first.' };
  const list = declared[0]?.[1];
  if (list && list.type !== 'array') return { ok: false, error: '"ownership" in .prodready.json is not an array: fix it first.' };

  const style = styleOf(text);
  const edits = list
    ? insertItem(text, list, ['ownership', -1], rule, () => ruleText(rule), style)
    : insertItem(text, root, ['ownership'], [rule], (indent) => (indent === undefined ? `"ownership": [${ruleText(rule)}]` : `"ownership": [${style.eol}${indent}${style.unit}${ruleText(rule)}${style.eol}${indent}]`), style);
  const value = applyEdits(text, edits);
  if (!readsBack(value, rule)) return { ok: false, error: `The rule for ${JSON.stringify(pattern)} cannot be added to .prodready.json as it is written, so nothing was written.` };
  return { ok: true, value, edits };
}

/** `{ "path": …, "owners": […] }` on one line, as ownership rules are usually written. */
function ruleText(rule: Rule): string {
  return `{ "path": ${JSON.stringify(rule.path)}, "owners": [${rule.owners.map((owner) => JSON.stringify(owner)).join(', ')}] }`;
}

interface Style {
  /** One level of indentation. */
  unit: string;
  eol: string;
}

/** The indentation and line breaks the file already uses. */
function styleOf(text: string): Style {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { unit: indent.startsWith('\t') ? '\t' : indent, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/**
 * The edits that add an item last in `container` (the array, or the object for a new key), where and with the comma
 * jsonc-parser's `modify` puts it. In a container written over several lines the item goes on a line of its own
 * after the last one's line (past its comma and comment, if any); on one line, it follows it. `render` writes the
 * item for a line indented by `indent`, or for the middle of a line when `indent` is undefined.
 */
function insertItem(text: string, container: Node, path: JSONPath, value: unknown, render: (indent?: string) => string, style: Style): Edit[] {
  const edits = modify(text, path, value, {});
  const [edit] = edits;
  // jsonc-parser inserts (one edit, nothing removed); anything else is left to its own formatting.
  if (edits.length !== 1 || edit.length !== 0) return modify(text, path, value, { formattingOptions: { insertSpaces: style.unit !== '\t', tabSize: style.unit === '\t' ? 1 : style.unit.length, eol: style.eol } });
  const comma = edit.content.startsWith(',');
  const open = container.offset;
  const outer = indentOfLine(text, open);
  const inner = outer + style.unit;
  const children = container.children ?? [];
  const last = children[children.length - 1];
  if (!last) {
    const between = text.slice(open + 1, container.offset + container.length - 1);
    const item = `${style.eol}${inner}${render(inner)}`;
    // `[]` (or `[ ]`) opens onto lines of its own; around comments the item goes first.
    return between.trim() === '' ? [{ offset: open + 1, length: between.length, content: `${item}${style.eol}${outer}` }] : [{ offset: edit.offset, length: 0, content: item }];
  }
  const end = last.offset + last.length;
  const lineEnd = endOfLine(text, end);
  const rest = triviaAndComma(text.slice(end, lineEnd));
  if (isMultiLine(text.slice(open, end)) && rest) {
    const indent = text.slice(lineStart(text, last.offset), last.offset).trim() === '' ? indentOfLine(text, last.offset) : inner;
    const item: Edit = { offset: lineEnd, length: 0, content: `${style.eol}${indent}${render(indent)}` };
    // A trailing comma already separates the new item; otherwise the comma goes right after the old last one.
    return rest.comma || !comma ? [item] : [{ offset: end, length: 0, content: ',' }, item];
  }
  return [{ offset: edit.offset, length: 0, content: `${comma ? ', ' : ''}${render()}` }];
}

/** Whether `text` holds only white space, comments and at most one comma (and whether it does), or undefined. */
function triviaAndComma(text: string): { comma: boolean } | undefined {
  const scanner = createScanner(text, false);
  let comma = false;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (scanner.getTokenError() !== ScanError.None) return undefined;
    if (token === SyntaxKind.CommaToken && !comma) comma = true;
    else if (token !== SyntaxKind.Trivia && token !== SyntaxKind.LineCommentTrivia && token !== SyntaxKind.BlockCommentTrivia) return undefined;
  }
  return { comma };
}

function lineStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

function endOfLine(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

function isMultiLine(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

/** The spaces and tabs that start the line holding `offset`. */
function indentOfLine(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

/** The edited text is JSON whose ownership rules end with exactly `rule`. */
function readsBack(text: string, rule: Rule): boolean {
  const errors: ParseError[] = [];
  const root = tooDeepAt(text) === undefined ? parseTree(text, errors, JSONC_OPTIONS) : undefined;
  if (!root || errors.length > 0) return false;
  const declared = propertiesOf(root).filter(([key]) => key.value === 'ownership');
  const last = declared.length === 1 ? declared[0][1].children?.at(-1) : undefined;
  return last !== undefined && JSON.stringify(valueOf(last)) === JSON.stringify(rule);
}

function ownersProblem(owners: readonly string[]): string | undefined {
  const parsed = parseOwners(owners.join(' '));
  if (!parsed.ok) return parsed.error;
  return parsed.value.length === owners.length ? undefined : 'Each owner is one word: @user, @org/team or an email.';
}
