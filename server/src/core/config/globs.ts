import { Minimatch } from 'minimatch';

/** Globs compiled once: a scan matches every file against the same few (excludes, the tests profile, overrides). */
const compiled = new Map<string, Minimatch>();
const MAX_COMPILED = 1000;

/** Whether `relative` (`/`-separated) matches `glob`, dot files included. */
export function matchesGlob(relative: string, glob: string): boolean {
  let matcher = compiled.get(glob);
  if (!matcher) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(glob, (matcher = new Minimatch(glob, { dot: true })));
  }
  return matcher.match(relative);
}
