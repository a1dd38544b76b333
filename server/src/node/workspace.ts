import * as fs from 'node:fs';
import * as path from 'node:path';
import { SKIPPED_DIRS } from './files';

/** Dot-folders are skipped, except these that hold CI and ownership files. */
const LISTED_DOT_DIRS = new Set(['.github', '.gitlab', '.circleci']);
const MAX_LISTED_FILES = 50_000;

/** Every file under `dirs`, relative to `root` with `/` separators; stops at 50 000 files. */
export function listFiles(root: string, dirs: readonly string[] = [root]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= MAX_LISTED_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || (entry.name.startsWith('.') && !LISTED_DOT_DIRS.has(entry.name))) continue;
        walk(full);
      } else if (entry.isFile()) {
        found.push(toRelative(root, full));
      }
    }
  };
  for (const dir of dirs) {
    const stat = statOrUndefined(dir);
    if (stat?.isDirectory()) walk(dir);
    else if (stat?.isFile()) found.push(toRelative(root, dir));
  }
  return [...new Set(found)].sort();
}

function toRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** A file or folder that cannot be looked at (permissions, a symlink loop) counts as absent, never as a crash. */
export function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
