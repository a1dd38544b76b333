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
  await TreeSitter.Parser.init({ locateFile: () => wasm.runtime });
  const language = await TreeSitter.Language.load(wasm.grammar);
  const created = new TreeSitter.Parser();
  created.setLanguage(language);
  parser = created;
}

export function pythonParserReady(): boolean {
  return parser !== undefined;
}

/** A fresh parse, or an incremental one from the previous text's tree (which it edits in place). */
export function parsePython(text: string, previous?: { text: string; tree: Tree }): Tree {
  if (!parser) throw new Error('The Python parser is not loaded (initPythonParser was not awaited).');
  if (previous) previous.tree.edit(editBetween(previous.text, text));
  const tree = parser.parse(text, previous?.tree ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

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
