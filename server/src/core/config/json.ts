// JSON text as `.prodready.json` is read and written: jsonc-parser (comments and trailing commas allowed, every
// node with its offset), and the depth guard that runs before it.
//
// jsonc-parser's `main` is a UMD build whose `require` calls a bundler cannot follow, and its ESM build imports
// without file extensions, which Node cannot load. The ESM build is imported by path so that esbuild bundles it
// into the server, the CLI, the extension and the tests alike.
import { applyEdits, createScanner, modify, parseTree, printParseErrorCode, ScanError, SyntaxKind, type Edit, type JSONPath, type Node, type ParseError } from '../../../../node_modules/jsonc-parser/lib/esm/main.js';

export { applyEdits, createScanner, modify, parseTree, ScanError, SyntaxKind, type Edit, type JSONPath, type Node, type ParseError };

/** How `.prodready.json` is parsed: as VS Code reads it (JSON with comments), trailing commas allowed. */
export const JSONC_OPTIONS = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true } as const;

const PARSE_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected characters (strings take double quotes; keys are quoted)',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name (a string in double quotes) expected',
  ValueExpected: 'a value expected',
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'nothing may follow the top-level value',
  InvalidCommentToken: 'a malformed comment',
  UnexpectedEndOfComment: 'a comment that is never closed',
  UnexpectedEndOfString: 'a string that is never closed',
  UnexpectedEndOfNumber: 'a number that ends too early',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'an unknown escape in a string',
  InvalidCharacter: 'a control character in a string',
};

/** A parse error in words. */
export function describeParseError(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  return Object.hasOwn(PARSE_ERRORS, name) ? PARSE_ERRORS[name] : 'not JSON';
}

/** The JSON value of a node. Objects are built with defined properties: a key named `__proto__` stays a key. */
export function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) Object.defineProperty(object, key.value as string, { value: valueOf(value), enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}

/** The `[name, value]` nodes of an object node's properties, in order (duplicates included). */
export function propertiesOf(node: Node): [Node, Node][] {
  if (node.type !== 'object') return [];
  return (node.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    return key && value && key.type === 'string' ? [[key, value] as [Node, Node]] : [];
  });
}

/** How deep `{`, `[` (and `(`, which JSON does not have) may nest in `.prodready.json`; real configs use four. */
export const MAX_JSON_DEPTH = 64;

/**
 * Where the first bracket deeper than `limit` opens, or undefined when the text nests no deeper. A flat scan that
 * skips strings and comments as jsonc-parser does: it runs before the recursive parser, so a hostile file cannot
 * exhaust the stack. A closing bracket counts only when it matches the innermost open one: the parser skips one
 * that does not (`[},[},…` nests arrays), so counting it would let nesting through unseen.
 */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  const open: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      // Skip the string: it ends at a quote or a line break; a backslash takes the next character with it.
      for (i++; i < text.length && text[i] !== '"' && !isLineBreak(text[i]); i++) if (text[i] === '\\') i++;
    } else if (char === '/' && text[i + 1] === '/') {
      for (i += 2; i < text.length && !isLineBreak(text[i]); i++);
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (char === '{' || char === '[' || char === '(') {
      open.push(CLOSER[char]);
      if (open.length > limit) return i;
    } else if (char === open[open.length - 1]) {
      open.pop();
    }
  }
  return undefined;
}

const CLOSER: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

/** A line break as jsonc-parser's scanner reads one: it ends strings and line comments. */
function isLineBreak(char: string): boolean {
  return char === '\n' || char === '\r';
}

/** A `.prodready.json` edit: the whole new text, and the edits that turn the current text into it (one undo step). */
export type WrittenConfig = { ok: true; value: string; edits: Edit[] } | { ok: false; error: string };

/**
 * The start of every edit of `.prodready.json`: no file (or an empty one) becomes `fresh`, written whole; a file
 * too deep, not valid JSON or not one object is refused, its problems being the reader's to report; otherwise the
 * parsed root to edit in place.
 */
export function configRootForEdit(text: string | undefined, fresh: object): { root: Node; text: string } | WrittenConfig {
  if (text === undefined || text.trim() === '') {
    const value = `${JSON.stringify(fresh, null, 2)}\n`;
    return { ok: true, value, edits: [{ offset: 0, length: text?.length ?? 0, content: value }] };
  }
  // The parser recurses once per level: hostile nesting is refused before it runs, as when the file is read.
  if (tooDeepAt(text) !== undefined) return { ok: false, error: `.prodready.json nests deeper than ${MAX_JSON_DEPTH} levels: fix it first.` };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, JSONC_OPTIONS);
  if (errors.length > 0 || !root) return { ok: false, error: '.prodready.json is not valid JSON: fix it first (its problems are listed in the editor).' };
  if (root.type !== 'object') return { ok: false, error: '.prodready.json must hold one JSON object: fix it first.' };
  return { root, text };
}
