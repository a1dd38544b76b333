/**
 * What files contribute under keys that name something in another file (a subclass to the class it extends, a
 * caller's model callback to the function it gives it to), and which files asked about each key: when what a key
 * holds changes, the files that asked are stale.
 */
export class ContributionRegistry<T> {
  /** key → contributing file → what it contributes. */
  private readonly byKey = new Map<string, Map<string, T>>();
  /** contributing file → its keys. */
  private readonly keysOf = new Map<string, Set<string>>();
  /** key → the files whose analysis asked about it. */
  private readonly askers = new Map<string, Set<string>>();

  constructor(private readonly signature: (value: T) => string) {}

  /** What each file contributes to `key`, in file order (so the answer does not depend on reading order); `reader` asked. */
  ask(reader: string, key: string): [string, T][] {
    let readers = this.askers.get(key);
    if (!readers) this.askers.set(key, (readers = new Set()));
    readers.add(reader);
    const byFile = this.byKey.get(key);
    return byFile ? [...byFile.keys()].sort().map((file) => [file, byFile.get(file)!]) : [];
  }

  /** The keys something is contributed to. */
  keys(): string[] {
    return [...this.byKey].filter(([, byFile]) => byFile.size > 0).map(([key]) => key);
  }

  /** Replaces what `file` contributes. Returns the files (other than `file`) that asked about a key whose contributions changed. */
  contribute(file: string, entries: ReadonlyMap<string, T>): string[] {
    const changed: string[] = [];
    for (const key of this.keysOf.get(file) ?? []) {
      if (entries.has(key)) continue;
      this.byKey.get(key)?.delete(file);
      changed.push(key);
    }
    for (const [key, value] of entries) {
      let byFile = this.byKey.get(key);
      if (!byFile) this.byKey.set(key, (byFile = new Map()));
      const before = byFile.get(file);
      byFile.set(file, value);
      if (before === undefined || this.signature(before) !== this.signature(value)) changed.push(key);
    }
    if (entries.size > 0) this.keysOf.set(file, new Set(entries.keys()));
    else this.keysOf.delete(file);
    return [...new Set(changed.flatMap((key) => [...(this.askers.get(key) ?? [])]))].filter((asker) => asker !== file);
  }

  /** Forgets every contribution (the config changed: they are read again); who asked is kept. */
  clear(): void {
    this.byKey.clear();
    this.keysOf.clear();
  }
}
