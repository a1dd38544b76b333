// Bundles the extension client, the language server and the CLI; `--production` minifies, `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * One TypeScript, loaded when first used. TypeScript (3.6 MB minified) is bundled once, on its own, as
 * dist/typescript.js. In the server and CLI bundles `typescript`, which only
 * server/src/core/extract/typescript/ts.ts may import, is a stand-in: it holds TypeScript's enums, read from the package
 * at build time, so modules may read `ts.SyntaxKind.X` as they load, and requires dist/typescript.js the first time
 * anything else is used (a function called, `ts.sys` read); from then on it holds TypeScript's own exports (their values,
 * read once). Starting the server evaluates no TypeScript; analysing the first TypeScript or JavaScript file does.
 * ts-morph is refused in the bundles: it carries a second TypeScript (and 2.9 MB of lib .d.ts text); so are
 * TypeScript's other entry points, such as typescript/lib/tsserverlibrary.
 */
const TYPESCRIPT_CHUNK = './typescript.js';
const TYPESCRIPT_IMPORTER = join('server', 'src', 'core', 'extract', 'typescript', 'ts.ts');
const typescriptPackage = createRequire(import.meta.url).resolve('typescript');

/** An enum from its members by name, with the reverse mapping TypeScript gives numeric members. Runs in the stand-in too. */
function withReverse(members) {
  const result = {};
  for (const [name, value] of Object.entries(members)) {
    result[name] = value;
    if (typeof value === 'number') result[value] = name;
  }
  return result;
}

function typescriptStandIn() {
  const typescript = createRequire(import.meta.url)(typescriptPackage);
  const isEnum = (value) =>
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.values(value).every((member) => typeof member === 'number' || typeof member === 'string');
  // An enum's text is its members by name (an enum that withReverse would not give back the same is kept whole).
  const isIndex = (key) => String(Number(key)) === key;
  const enums = {};
  const functions = [];
  for (const key of Object.keys(typescript)) {
    const value = typescript[key];
    if (isEnum(value)) {
      const members = Object.fromEntries(Object.entries(value).filter(([name]) => !isIndex(name)));
      const same = JSON.stringify(Object.entries(withReverse(members))) === JSON.stringify(Object.entries(value));
      enums[key] = same ? JSON.stringify(members) : `=${JSON.stringify(value)}`;
    } else if (typeof value === 'function') functions.push(key);
  }
  // An export is looked up on the stand-in and, until found there, on a proxy behind it, which puts it there: an
  // enum parsed from its text, or a function that loads TypeScript when called. Anything else loads TypeScript.
  return `"use strict";
// TypeScript ${typescript.version}: see esbuild.mjs, one-typescript.
const enums = ${JSON.stringify(enums)};
const functions = new Set(${JSON.stringify(functions)});
${withReverse}
function enumOf(text) {
  return text.startsWith("=") ? JSON.parse(text.slice(1)) : withReverse(JSON.parse(text));
}
let loaded;
function load() {
  if (loaded === undefined) {
    const chunk = require(${JSON.stringify(TYPESCRIPT_CHUNK)});
    if (chunk.version !== ${JSON.stringify(typescript.version)}) throw new Error("dist/typescript.js is TypeScript " + chunk.version + ", not ${typescript.version}: rebuild");
    // TypeScript's exports are getters; their values, copied once, make each \`ts.X\` of the analysis a plain read.
    for (const key of Object.keys(chunk)) own(key, chunk[key]);
    loaded = chunk;
  }
  return loaded;
}
function own(key, value) {
  Object.defineProperty(standIn, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}
const lookup = new Proxy(Object.create(null), {
  get(_target, key) {
    if (loaded === undefined && typeof key === "string") {
      if (Object.hasOwn(enums, key)) return own(key, enumOf(enums[key]));
      // Whoever keeps this before the load keeps a function that calls (or constructs) TypeScript's own.
      if (functions.has(key)) {
        return own(key, function (...args) {
          const target = load()[key];
          return new.target ? Reflect.construct(target, args) : target.apply(this, args);
        });
      }
    }
    return load()[key];
  },
  has: (_target, key) => key in load(),
});
const standIn = Object.create(lookup);
module.exports = standIn;
`;
}

/** `typescript` is the stand-in, imported through ts.ts only; ts-morph and TypeScript's other entry points are refused. */
const oneTypeScript = {
  name: 'one-typescript',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, (args) =>
      args.importer.endsWith(TYPESCRIPT_IMPORTER)
        ? { path: 'typescript', namespace: 'typescript-stand-in' }
        : { errors: [{ text: `import TypeScript as \`ts\` from ${TYPESCRIPT_IMPORTER}, which loads it on first use (esbuild.mjs, one-typescript)` }] },
    );
    build.onLoad({ filter: /.*/, namespace: 'typescript-stand-in' }, () => ({ contents: typescriptStandIn(), loader: 'js' }));
    build.onResolve({ filter: /.*/, namespace: 'typescript-stand-in' }, (args) => ({ path: args.path, external: true }));
    build.onResolve({ filter: /^(ts-morph|@ts-morph\/common|typescript\/.*)$/ }, (args) => ({
      errors: [{ text: `${args.path} bundles a second TypeScript; use \`ts\` from ${TYPESCRIPT_IMPORTER} (esbuild.mjs, one-typescript)` }],
    }));
  },
};

const contexts = await Promise.all([
  esbuild.context({ ...shared, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.context({ ...shared, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', external: wasmFromPackages, plugins: [oneTypeScript] }),
  // TypeScript itself, required by the server and the CLI on first use.
  esbuild.context({ ...shared, entryPoints: [typescriptPackage], outfile: 'dist/typescript.js' }),
  // The sidebar webview's script runs in the browser sandbox of the webview.
  esbuild.context({ ...shared, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/src/webview/main.ts'], outfile: 'dist/webview/sidebar.js' }),
  esbuild.context({ ...shared, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: wasmFromPackages, plugins: [oneTypeScript] }),
  esbuild.context({ ...testBuild, entryPoints: testEntries('test'), outdir: 'out/suites', outbase: 'test' }),
  esbuild.context({ ...testBuild, entryPoints: ['test/bench/bench.ts'], outfile: 'out/bench.js' }),
  esbuild.context({ ...testBuild, entryPoints: ['test/eval/main.ts'], outfile: 'out/eval.js' }),
  esbuild.context({ ...testBuild, entryPoints: ['test/fuzz/main.ts'], outfile: 'out/fuzz.js' }),
]);

// The Python parser's WebAssembly ships next to the server and CLI bundles.
mkdirSync('dist', { recursive: true });
// A production build writes no source maps: any left in dist/ belong to an earlier build and would be packaged.
if (production) {
  for (const name of readdirSync('dist', { recursive: true })) if (String(name).endsWith('.map')) rmSync(join('dist', String(name)));
}
copyFileSync('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm');
copyFileSync('node_modules/tree-sitter-python/tree-sitter-python.wasm', 'dist/tree-sitter-python.wasm');
// The sidebar's icons: VS Code's codicon font, served from the extension (a webview cannot reach the workbench's).
mkdirSync('dist/webview', { recursive: true });
for (const name of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${name}`, `dist/webview/${name}`);

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
