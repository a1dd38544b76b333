import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, isExcluded, languageOf } from '../core';
import { GitignoreFilter } from './gitignore';

/** Folders that never hold the project's own source. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'coverage', '.next', '.cache', '__pycache__', '.venv', 'venv']);

export interface FileWalkOptions {
  /** Globs relative to `root`. */
  exclude: string[];
  root: string;
  /** Leave out what the repository's .gitignore files leave out. */
  gitignore?: boolean;
}

/**
 * Source files under the given paths, sorted; a path named explicitly is read even if excluded by folder rules
 * or .gitignore.
 * A folder that cannot be listed (permissions, a volume that went away) is reported in `unreadable`, not fatal.
 */
export function collectSourceFiles(paths: string[], options: FileWalkOptions): { files: string[]; missing: string[]; unreadable: { path: string; reason: string }[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  let gitignore: GitignoreFilter | undefined;
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: dir, reason: ioReason(error) });
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.') && !gitignore?.ignores(full, true)) walk(full);
      } else if (entry.isFile() && languageOf(entry.name) && !isExcluded(full, options.root, options.exclude) && !gitignore?.ignores(full, false)) {
        files.push(full);
      }
    }
  };
  for (const given of paths) {
    const full = path.resolve(given);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(full, { throwIfNoEntry: false });
    } catch (error) {
      unreadable.push({ path: full, reason: ioReason(error) });
      continue;
    }
    if (!stat) missing.push(given);
    else if (stat.isDirectory()) {
      gitignore = options.gitignore ? new GitignoreFilter(full) : undefined;
      walk(full);
    }
    else if (stat.isFile()) files.push(full);
    // A FIFO or device named on the command line would block the read forever.
    else unreadable.push({ path: full, reason: 'not a regular file' });
  }
  return { files: [...new Set(files)].sort(), missing, unreadable };
}

/** An I/O error in a few words: "permission denied", not a stack. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it no longer exists';
    case 'EISDIR':
      return 'it is a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return code ? `cannot be read (${code})` : `cannot be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

/**
 * The one config discovery of the server and the CLI: the nearest config file in `dir` or a folder above it, not
 * above `stopAt` when given. A config open in an editor counts before it is first saved (`isOpen`).
 */
export function findConfigFile(dir: string, options: { stopAt?: string; isOpen?: (file: string) => boolean; names?: readonly string[] } = {}): string | undefined {
  const { stopAt, isOpen = () => false, names = CONFIG_FILE_NAMES } = options;
  let current = path.resolve(dir);
  for (;;) {
    for (const name of names) {
      const candidate = path.join(current, name);
      if (isOpen(candidate) || exists(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current || (stopAt !== undefined && !isInside(parent, stopAt))) return undefined;
    current = parent;
  }
}

function isInside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** A path that cannot be looked at (permissions) counts as absent. */
export function exists(file: string): boolean {
  try {
    return fs.existsSync(file);
  } catch {
    return false;
  }
}
