// One TypeScript for the whole server: the `typescript` package, imported here and nowhere else in server/src. In
// the server and CLI bundles this import is a stand-in that loads TypeScript (dist/typescript.js) on first use, so
// starting the server does not evaluate it (esbuild.mjs, one-typescript); tests load the package itself.
import typescript = require('typescript');

export import ts = typescript;
