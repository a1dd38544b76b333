import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { languageOf } from '../core/analyze';

/** Folders that never hold the project's own source. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'coverage', '.next', '.cache', '__pycache__', '.venv', 'venv']);

export interface FileWalkOptions {
  /** Globs relative to `root`. */
  exclude: string[];
  root: string;
}

export function isExcluded(file: string, options: FileWalkOptions): boolean {
  if (options.exclude.length === 0) return false;
  const relative = path.relative(options.root, file).split(path.sep).join('/');
  return options.exclude.some((glob) => minimatch(relative, glob, { dot: true }));
}

/** Source files under the given paths, sorted; a path named explicitly is read even if excluded by folder rules. */
export function collectSourceFiles(paths: string[], options: FileWalkOptions): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && languageOf(entry.name) && !isExcluded(full, options)) {
        files.push(full);
      }
    }
  };
  for (const given of paths) {
    const full = path.resolve(given);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) missing.push(given);
    else if (stat.isDirectory()) walk(full);
    else files.push(full);
  }
  return { files: [...new Set(files)].sort(), missing };
}

/** The nearest `.prodready.json` at or above `dir`. */
export function findConfigFile(dir: string, names: string[]): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of names) {
      const candidate = path.join(current, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
