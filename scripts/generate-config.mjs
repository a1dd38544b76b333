// Writes the files generated from the `.prodready.json` declaration (server/src/core/config/schema.ts):
// schemas/prodready.schema.json and the `prodready.rules` and `prodready.preset` settings in package.json. `--check` writes nothing and
// exits 1 when a file is stale. Offline: the declaration is bundled with the esbuild already installed.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// Bundled into out/ (beside the compiled tests) so that its packages resolve from the repository's node_modules.
const outfile = join(root, 'out', 'generate-config.cjs');
await esbuild.build({
  entryPoints: [join(root, 'server/src/core/config/generate.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const { GENERATED_FILES } = createRequire(import.meta.url)(outfile);

let stale = 0;
for (const { file, generate } of GENERATED_FILES) {
  const path = join(root, file);
  let current;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  const next = generate(current);
  if (next === current) continue;
  stale++;
  if (check) {
    console.error(`${file} is stale: run npm run generate`);
  } else {
    writeFileSync(path, next);
    console.log(`wrote ${file}`);
  }
}
if (check && stale > 0) process.exit(1);
if (!check && stale === 0) console.log('generated files are up to date');
