// "Parses cleanly", judged independently of prodready: TypeScript's own parser, and tree-sitter-python.
import * as fs from 'node:fs';
import ts from 'typescript';
// `import … = require` as in the project's parser module: the CommonJS build of web-tree-sitter.
import TreeSitter = require('web-tree-sitter');
import type { Parser } from 'web-tree-sitter';
import { indentationTooDeep, parseBudgetMs } from '../../server/src/core/extract/python/parser';

export type ParseResult = 'clean' | 'errors' | 'unknown';

let pythonParser: Parser | undefined;
/** Set by a trap until `initParsers` loads a fresh runtime: Python inputs are judged `unknown` meanwhile. */
let trapped = false;

/** Loads tree-sitter-python from node_modules: once, and again after a WebAssembly trap broke it. */
export async function initParsers(): Promise<void> {
  if (pythonParser) return;
  await TreeSitter.Parser.init({ locateFile: () => require.resolve('web-tree-sitter/tree-sitter.wasm') });
  const language = await TreeSitter.Language.load(new Uint8Array(fs.readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'))));
  pythonParser = new TreeSitter.Parser();
  pythonParser.setLanguage(language);
  trapped = false;
}

function scriptKind(ext: string): ts.ScriptKind {
  if (ext === '.tsx') return ts.ScriptKind.TSX;
  if (ext === '.jsx') return ts.ScriptKind.JSX;
  if (/^\.[cm]?js$/.test(ext)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** `unknown` when the reference parser itself cannot cope (a stack overflow on deep nesting, say). */
export function parseResult(text: string, ext: string): ParseResult {
  try {
    if (ext === '.py') {
      if (!pythonParser) {
        if (trapped) return 'unknown';
        throw new Error('initParsers() was not awaited');
      }
      // Indentation this deep overruns tree-sitter-python's scanner state and corrupts its memory (prodready skips it too).
      if (indentationTooDeep(text)) return 'unknown';
      // Error recovery on some broken input takes minutes: given up after prodready's own budget, as prodready does.
      const deadline = Date.now() + parseBudgetMs(text.length);
      const tree = pythonParser.parse(text, null, { progressCallback: () => Date.now() > deadline });
      if (!tree) {
        pythonParser.reset();
        return 'unknown';
      }
      try {
        return tree.rootNode.hasError ? 'errors' : 'clean';
      } finally {
        tree.delete();
      }
    }
    const file = ts.createSourceFile(`input${ext}`, text, ts.ScriptTarget.Latest, false, scriptKind(ext));
    // parseDiagnostics is internal but stable: syntax errors only, no type checking.
    return (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0 ? 'clean' : 'errors';
  } catch (error) {
    if (error instanceof RangeError) return 'unknown';
    if (error instanceof Error && error.name === 'RuntimeError' && ext === '.py') {
      // A trap: this runtime can no longer be trusted; the harness loads a fresh one before the next batch.
      pythonParser = undefined;
      trapped = true;
      return 'unknown';
    }
    throw error;
  }
}

/** The first syntax error, for the report. */
export function firstParseError(text: string, ext: string): string {
  if (ext === '.py') return 'tree-sitter-python reports an ERROR or MISSING node';
  try {
    const file = ts.createSourceFile(`input${ext}`, text, ts.ScriptTarget.Latest, false, scriptKind(ext));
    const [d] = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    if (!d) return 'no syntax error';
    const at = d.start === undefined ? undefined : file.getLineAndCharacterOfPosition(d.start);
    return `${at ? `${at.line + 1}:${at.character + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  } catch (error) {
    return String(error);
  }
}
