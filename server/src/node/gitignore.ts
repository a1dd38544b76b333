import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * What the repository's `.gitignore` files (and `.git/info/exclude`) leave out, as git reads them: each file's
 * patterns are relative to its folder, and the deepest file that says anything about a path decides. Files are
 * read once per folder, as the walk reaches it.
 */
export class GitignoreFilter {
  private readonly rules = new Map<string, Ignore | undefined>();
  private readonly repositoryRoot: string | undefined;
  /** `.git/info/exclude`: the repository's own patterns, below every .gitignore in precedence. */
  private readonly exclude: Ignore | undefined;
  /** The highest folder whose .gitignore counts: the repository root, or the walk's start outside a repository. */
  private readonly top: string;

  constructor(start: string) {
    this.repositoryRoot = repositoryRootOf(start);
    this.top = this.repositoryRoot ?? path.resolve(start);
    this.exclude = this.repositoryRoot === undefined ? undefined : readIgnoreFile(path.join(this.repositoryRoot, '.git', 'info', 'exclude'));
  }

  /** True when git would not track `file` (a folder when `isDir`). */
  ignores(file: string, isDir: boolean): boolean {
    const full = path.resolve(file);
    for (const dir of this.foldersAbove(full)) {
      const rules = this.rulesOf(dir);
      if (!rules) continue;
      const relative = path.relative(dir, full).split(path.sep).join('/');
      const verdict = rules.test(isDir ? `${relative}/` : relative);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    if (!this.exclude || this.repositoryRoot === undefined) return false;
    const relative = path.relative(this.repositoryRoot, full).split(path.sep).join('/');
    return this.exclude.ignores(isDir ? `${relative}/` : relative);
  }

  /** The folders whose .gitignore can speak about `file`, deepest first, not above `top`. */
  private foldersAbove(file: string): string[] {
    const folders: string[] = [];
    let dir = path.dirname(file);
    for (;;) {
      folders.push(dir);
      const parent = path.dirname(dir);
      if (dir === this.top || parent === dir || path.relative(this.top, dir).startsWith('..')) break;
      dir = parent;
    }
    return folders;
  }

  private rulesOf(dir: string): Ignore | undefined {
    if (!this.rules.has(dir)) this.rules.set(dir, readIgnoreFile(path.join(dir, '.gitignore')));
    return this.rules.get(dir);
  }
}

function readIgnoreFile(file: string): Ignore | undefined {
  try {
    return ignore().add(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The folder holding `.git` at or above `start`, if any. */
function repositoryRootOf(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
