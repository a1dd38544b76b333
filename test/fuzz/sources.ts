// The seed material: the project's own fixtures, read once, in a stable order so (seed, index) is reproducible.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  ext: string;
  language: 'ts' | 'py';
  text: string;
}

const ROOTS = ['test/corpus/ts', 'test/corpus/py', 'examples/demo-app'];
const EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.mjs', '.py']);

export function loadSources(repoRoot: string): SourceFile[] {
  const found: SourceFile[] = [];
  for (const root of ROOTS) {
    const dir = path.join(repoRoot, root);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir, { recursive: true })) {
      const relative = String(name);
      const ext = path.extname(relative).toLowerCase();
      if (!EXTENSIONS.has(ext)) continue;
      const full = path.join(dir, relative);
      if (!fs.statSync(full).isFile()) continue;
      found.push({
        path: `${root}/${relative.split(path.sep).join('/')}`,
        ext,
        language: ext === '.py' ? 'py' : 'ts',
        text: fs.readFileSync(full, 'utf8'),
      });
    }
  }
  // readdir order differs between file systems; sorting keeps input N the same everywhere.
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
