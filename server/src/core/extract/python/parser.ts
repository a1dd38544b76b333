// `import … = require` so that bundlers pick the CommonJS build (the ESM one needs import.meta, absent in our bundles).
import TreeSitter = require('web-tree-sitter');
import type { Edit, Parser, Tree } from 'web-tree-sitter';

export type { Node as PyNode, Tree as PyTree, TreeCursor as PyTreeCursor } from 'web-tree-sitter';

/**
 * The Python parser: tree-sitter compiled to WebAssembly (web-tree-sitter with the tree-sitter-python grammar).
 * Loading the WebAssembly is asynchronous and happens once, when the server or CLI starts; parsing is synchronous.
 * Trees live in WebAssembly memory: whoever parses deletes the tree when done with it.
 */
let parser: Parser | undefined;
/** The load in progress: callers that arrive while it runs share it (two loads would make two runtimes). */
let loading: Promise<void> | undefined;
/** What the parser was loaded from, to load a fresh runtime after a WebAssembly trap. */
let loadedFrom: PythonWasm | undefined;
/** Bumped on every fresh runtime: a tree from an earlier one lives in memory that is gone. */
let generation = 0;

export interface PythonWasm {
  /** web-tree-sitter's runtime (`tree-sitter.wasm`). */
  runtime: string;
  /** The grammar (`tree-sitter-python.wasm`), as a path or its bytes. */
  grammar: string | Uint8Array;
}

export function initPythonParser(wasm: PythonWasm): Promise<void> {
  loading ??= load(wasm).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(wasm: PythonWasm): Promise<void> {
  // Each init instantiates a new WebAssembly runtime with its own memory.
  await TreeSitter.Parser.init({ locateFile: () => wasm.runtime });
  const language = await TreeSitter.Language.load(wasm.grammar);
  const created = new TreeSitter.Parser();
  created.setLanguage(language);
  loadedFrom = wasm;
  generation++;
  parser = created;
}

export function pythonParserReady(): boolean {
  return parser !== undefined;
}

/** A runtime broken by a trap is being replaced: Python files can be read again once `pythonParserSettled()`. */
export function pythonParserRestarting(): boolean {
  return parser === undefined && loadedFrom !== undefined && loading !== undefined;
}

/** Which runtime made the trees parsed now; a tree from another one must be dropped, not deleted or reused. */
export function pythonParserGeneration(): number {
  return generation;
}

/**
 * Settles when a runtime replaced after a trap is loaded again (at once when none is pending). A one-shot
 * reader such as the CLI awaits it and analyses again the files that came back with the restart notice.
 */
export function pythonParserSettled(): Promise<void> {
  return parser ? Promise.resolve() : (loading ?? Promise.resolve()).catch(() => undefined);
}

export const PARSER_RESTARTING = 'the Python parser is restarting after an internal error';

/** A fresh parse, or an incremental one from the previous text's tree (which it edits in place). */
export function parsePython(text: string, previous?: { text: string; tree: Tree }): Tree {
  const tooDeep = indentationTooDeep(text);
  if (tooDeep) throw new Error(`indentation is nested more than ${MAX_INDENT_LEVELS} levels deep at line ${tooDeep}`);
  return parseUnguarded(text, previous);
}

/**
 * How long one parse may take. tree-sitter's error recovery is quadratic in some broken input (an unterminated
 * string on a line of 100,000 words takes seconds, of a million words minutes); a real file parses at about
 * 0.3 ms per KB, so this leaves a wide margin before the file is given up as not analysed.
 */
export function parseBudgetMs(length: number): number {
  return 2000 + Math.ceil(length / 1024);
}

/**
 * The parse itself, without the indentation guard (exported for the tests that break the runtime on purpose or
 * give it a smaller budget). The previous tree is edited in place: after a failure it must not be reused.
 */
export function parseUnguarded(text: string, previous?: { text: string; tree: Tree }, budgetMs = parseBudgetMs(text.length)): Tree {
  const ready = parser;
  if (!ready) throw new Error(loadedFrom ? PARSER_RESTARTING : 'The Python parser is not loaded (initPythonParser was not awaited).');
  try {
    if (previous) previous.tree.edit(editBetween(previous.text, text));
    const deadline = Date.now() + budgetMs;
    // tree-sitter calls back every hundred or so parse steps; returning true cancels the parse.
    const tree = ready.parse(text, previous?.tree ?? null, { progressCallback: () => Date.now() > deadline });
    if (!tree) {
      // A cancelled parser keeps its state to resume the same text; the next parse starts afresh.
      ready.reset();
      throw new Error(`parsing took longer than ${budgetMs} ms`);
    }
    return tree;
  } catch (error) {
    // A trap leaves the runtime's memory in an unknown state: nothing parsed with it afterwards can be trusted.
    // WebAssembly.RuntimeError; the core's compiler settings have no WebAssembly types, its name is enough.
    if (error instanceof Error && error.name === 'RuntimeError') restart();
    throw error;
  }
}

function restart(): void {
  const from = loadedFrom;
  parser = undefined;
  if (!from) return;
  loading = load(from).catch(() => {
    // Leaves the parser unloaded; every Python file is then reported as not analysed.
    loading = undefined;
  });
}

/**
 * tree-sitter-python's scanner writes its indentation stack into a fixed 1 KB state buffer and, with an open
 * string delimiter, overruns it by a byte at about 510 levels: the WebAssembly heap is silently corrupted and
 * later parses trap or return wrong trees. No real file comes near this, so such a file is not parsed at all.
 */
export const MAX_INDENT_LEVELS = 400;

/** The 1-based line where indentation first nests more than MAX_INDENT_LEVELS deep, or 0. */
export function indentationTooDeep(text: string): number {
  // Each level indents at least one column more: without a line indented that far, nothing to count.
  if (!DEEP_INDENT.test(text)) return 0;
  const stack = [0];
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    line++;
    let width = start;
    while (width < stop && (text.charCodeAt(width) === 32 || text.charCodeAt(width) === 9)) width++;
    const indent = width - start;
    if (width < stop && text.charCodeAt(width) !== 35 && text.charCodeAt(width) !== 13) {
      while (indent < stack[stack.length - 1]) stack.pop();
      if (indent > stack[stack.length - 1]) stack.push(indent);
      if (stack.length - 1 > MAX_INDENT_LEVELS) return line;
    }
    start = stop + 1;
  }
  return 0;
}

const DEEP_INDENT = new RegExp(`(?:^|\\n)[ \\t]{${MAX_INDENT_LEVELS}}`);

/** The one edit that turns `before` into `after`: the changed middle between their common prefix and suffix. */
export function editBetween(before: string, after: string): Edit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  };
}

function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}
