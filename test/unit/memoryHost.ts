import * as path from 'node:path';
import type { EngineHost, FileRead } from '../../server/src/core';

/**
 * A workspace in memory: files by absolute POSIX path; folders exist when a file lies under them (or are listed in
 * `dirs`). Records reads and writes.
 */
export class MemoryHost implements EngineHost {
  readonly writes = new Map<string, string>();
  readonly reads: string[] = [];
  refuseWrites = false;

  constructor(
    readonly files: Map<string, string>,
    private readonly dirs: string[] = [],
  ) {}

  readFile(file: string, maxBytes?: number): FileRead {
    this.reads.push(file);
    const text = this.files.get(file);
    if (text === undefined) return { error: 'it no longer exists' };
    if (maxBytes !== undefined && text.length > maxBytes) return { error: 'too large' };
    return { text };
  }

  exists(file: string): boolean {
    return this.files.has(file) || this.dirs.includes(file) || [...this.files.keys()].some((known) => known.startsWith(`${file}/`));
  }

  listFiles(root: string, dirs: readonly string[] = [root]): string[] {
    return [...this.files.keys()].filter((file) => dirs.some((dir) => file === dir || file.startsWith(`${dir}/`))).map((file) => path.posix.relative(root, file)).sort();
  }

  findConfig(dir: string, stopAt?: string): string | undefined {
    for (let current = dir; ; current = path.posix.dirname(current)) {
      const candidate = path.posix.join(current, '.prodready.json');
      if (this.files.has(candidate)) return candidate;
      const parent = path.posix.dirname(current);
      if (parent === current || (stopAt !== undefined && path.posix.relative(stopAt, parent).startsWith('..'))) return undefined;
    }
  }

  resolveModule(specifier: string, fromFile: string): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.posix.join(path.posix.dirname(fromFile), specifier);
    return [`${base}.ts`, `${base}/index.ts`].find((file) => this.files.has(file));
  }

  writeFile(file: string, text: string): string | undefined {
    if (this.refuseWrites) return 'permission denied';
    this.writes.set(file, text);
    this.files.set(file, text);
    return undefined;
  }
}
