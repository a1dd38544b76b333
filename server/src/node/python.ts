import * as fs from 'node:fs';
import * as path from 'node:path';
import { initPythonParser } from '../core';

/**
 * Loads the Python parser: the WebAssembly files ship next to the bundle (dist/), or come from node_modules when
 * running from source (tests). Never downloads anything. Resolves to an error message when it cannot load.
 */
export async function loadPythonParser(): Promise<string | undefined> {
  const runtime = locate('tree-sitter.wasm', () => require.resolve('web-tree-sitter/tree-sitter.wasm'));
  const grammar = locate('tree-sitter-python.wasm', () => require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
  if (!runtime || !grammar) return 'the tree-sitter WebAssembly files are missing';
  try {
    await initPythonParser({ runtime, grammar: new Uint8Array(fs.readFileSync(grammar)) });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function locate(name: string, fromPackages: () => string): string | undefined {
  const bundled = path.join(__dirname, name);
  if (fs.existsSync(bundled)) return bundled;
  try {
    return fromPackages();
  } catch {
    return undefined;
  }
}
