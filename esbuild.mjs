// Bundles the extension client, the language server and the CLI; `--production` minifies, `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const shared = {
  define: { PRODREADY_VERSION: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

/** Test files compile one to one; packages stay external so tests load the real SDKs and tools. */
function testEntries(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => String(name).endsWith('.test.ts'))
    .map((name) => join(dir, String(name)));
}

/** Looked up with require.resolve only when running from source; bundles use the copies in dist/. */
const wasmFromPackages = ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter-python/tree-sitter-python.wasm'];

const testBuild = { ...shared, minify: false, sourcemap: true, packages: 'external' };

const contexts = await Promise.all([
  esbuild.context({ ...shared, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.context({ ...shared, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', external: wasmFromPackages }),
  // The sidebar webview's script runs in the browser sandbox of the webview.
  esbuild.context({ ...shared, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/src/webview/main.ts'], outfile: 'dist/webview/sidebar.js' }),
  esbuild.context({ ...shared, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: wasmFromPackages }),
  esbuild.context({ ...testBuild, entryPoints: testEntries('test'), outdir: 'out/suites', outbase: 'test' }),
  esbuild.context({ ...testBuild, entryPoints: ['test/bench/bench.ts'], outfile: 'out/bench.js' }),
  esbuild.context({ ...testBuild, entryPoints: ['test/eval/main.ts'], outfile: 'out/eval.js' }),
]);

// The Python parser's WebAssembly ships next to the server and CLI bundles.
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm');
copyFileSync('node_modules/tree-sitter-python/tree-sitter-python.wasm', 'dist/tree-sitter-python.wasm');

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
