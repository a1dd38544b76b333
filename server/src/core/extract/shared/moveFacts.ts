// Facts read from one text, moved to where they sit in another: after an edit elsewhere, or from a skeleton of the
// file back to the file.

/** Offsets in the facts model: span ends, insertion points, statement bounds. */
const OFFSET_KEYS = new Set(['start', 'end', 'blockEnd', 'lastEntryEnd', 'insertAt']);

/** A fact points where it cannot be moved (into the edited text, into a body a skeleton left out): read it again. */
export class CannotMove extends Error {}

/**
 * Copies facts (plain objects, arrays, maps, sets; shared parts stay shared) with every offset moved by `move`,
 * which throws `CannotMove` for an offset it cannot place.
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
    let copied: unknown;
    if (Array.isArray(value)) {
      const array: unknown[] = [];
      this.copies.set(value, array);
      for (const item of value) array.push(this.copy(item));
      copied = array;
    } else if (value instanceof Map) {
      const map = new Map();
      this.copies.set(value, map);
      for (const [key, item] of value) map.set(key, this.copy(item));
      copied = map;
    } else if (value instanceof Set) {
      const set = new Set();
      this.copies.set(value, set);
      for (const item of value) set.add(this.copy(item));
      copied = set;
    } else {
      const object: Record<string, unknown> = {};
      this.copies.set(value, object);
      for (const [key, item] of Object.entries(value)) object[key] = this.field(key, item);
      copied = object;
    }
    return copied as T;
  }

  private field(key: string, value: unknown): unknown {
    if (typeof value === 'number' && OFFSET_KEYS.has(key)) return this.move(value);
    if (key === 'anchors' && Array.isArray(value)) return value.map((anchor: number) => this.move(anchor));
    if (key === 'id' && typeof value === 'string' && value.startsWith(this.idPrefix)) {
      const at = Number(value.slice(this.idPrefix.length));
      if (Number.isInteger(at)) return `${this.idPrefix}${this.move(at)}`;
    }
    return this.copy(value);
  }
}
