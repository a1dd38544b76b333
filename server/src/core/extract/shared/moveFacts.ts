// Facts read from one text, moved to where they sit in another: after an edit elsewhere, or from a skeleton of the
// file back to the file.

/** Offsets in the facts model: span ends, insertion points, statement bounds. */
const OFFSET_KEYS = new Set(['start', 'end', 'blockEnd', 'lastEntryEnd', 'insertAt']);

/** A fact points where it cannot be moved (into the edited text, into a body a skeleton left out): read it again. */
export class CannotMove extends Error {}

/**
 * Copies facts (plain objects, arrays, maps, sets, without cycles; shared parts stay shared) with every offset moved
 * by `move`, which throws `CannotMove` for an offset it cannot place. What no offset of moves is not copied: the
 * facts before an edit are the last analysis's own objects.
 */
export class FactMover {
  private readonly copies = new Map<object, unknown>();
  private readonly idPrefix: string;

  constructor(
    file: string,
    private readonly move: (offset: number) => number,
  ) {
    this.idPrefix = `${file}:`;
  }

  /** Offsets after an edit that replaced `start..oldEnd` move by `delta`; offsets strictly inside it cannot be placed. */
  static acrossEdit(file: string, start: number, oldEnd: number, delta: number): FactMover {
    return new FactMover(file, (offset) => {
      if (offset <= start) return offset;
      if (offset >= oldEnd) return offset + delta;
      throw new CannotMove();
    });
  }

  copy<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    const known = this.copies.get(value);
    if (known !== undefined) return known as T;
    let copied: unknown = value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = this.copy(value[i]);
        if (item === value[i]) continue;
        if (copied === value) copied = value.slice();
        (copied as unknown[])[i] = item;
      }
    } else if (value instanceof Map) {
      const entries: [unknown, unknown][] = [];
      let changed = false;
      for (const [key, item] of value) {
        const moved = this.copy(item);
        changed ||= moved !== item;
        entries.push([key, moved]);
      }
      if (changed) copied = new Map(entries);
    } else if (value instanceof Set) {
      const items: unknown[] = [];
      let changed = false;
      for (const item of value) {
        const moved = this.copy(item);
        changed ||= moved !== item;
        items.push(moved);
      }
      if (changed) copied = new Set(items);
    } else {
      const object = value as Record<string, unknown>;
      for (const key in object) {
        const item = object[key];
        const moved = this.field(key, item);
        if (moved === item) continue;
        if (copied === value) copied = { ...object };
        (copied as Record<string, unknown>)[key] = moved;
      }
    }
    this.copies.set(value, copied);
    return copied as T;
  }

  private field(key: string, value: unknown): unknown {
    if (typeof value === 'number') return OFFSET_KEYS.has(key) ? this.move(value) : value;
    if (typeof value === 'string') {
      if (key !== 'id' || !value.startsWith(this.idPrefix)) return value;
      const at = Number(value.slice(this.idPrefix.length));
      return Number.isInteger(at) && this.move(at) !== at ? `${this.idPrefix}${this.move(at)}` : value;
    }
    if (key === 'anchors' && Array.isArray(value)) {
      const anchors = value.map((anchor: number) => this.move(anchor));
      return anchors.every((anchor, i) => anchor === value[i]) ? value : anchors;
    }
    return this.copy(value);
  }
}

/** Whether two facts are equal as values: plain objects, arrays, maps and sets compared by what they hold. */
export function sameFacts(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameFacts(item, b[i]));
  if (a instanceof Map) return b instanceof Map && a.size === b.size && [...a].every(([key, item]) => b.has(key) && sameFacts(item, b.get(key)));
  if (a instanceof Set) return b instanceof Set && a.size === b.size && [...a].every((item) => b.has(item));
  if (Array.isArray(b) || b instanceof Map || b instanceof Set) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameFacts((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
