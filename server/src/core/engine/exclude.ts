import * as path from 'node:path';
import { matchesGlob } from '../config/globs';

/** True when `file`, relative to `root` with `/` separators, matches one of the globs. */
export function isExcluded(file: string, root: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const relative = path.relative(root, file).split(path.sep).join('/');
  return globs.some((glob) => matchesGlob(relative, glob));
}
