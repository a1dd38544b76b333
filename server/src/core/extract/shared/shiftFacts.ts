// Facts read from a text, moved to where they sit after an edit elsewhere in the file.

/** Offsets in the facts model: span ends, insertion points, statement bounds. */
const OFFSET_KEYS = new Set(['start', 'end', 'blockEnd', 'lastEntryEnd', 'insertAt']);

/** A fact that points into the edited text: it cannot be moved, it must be read again. */
export class PointsIntoEdit extends Error {}

/**
 * Copies facts (plain objects, arrays, maps, sets; shared parts stay shared) with every offset at or after
 * `oldEnd` moved by `delta`. The edit replaced `start..oldEnd`; an offset strictly inside it throws.
 */
export class FactShifter {
  private readonly copies = new Map<object, unknown>();
  private readonly idPrefix: string;

  constructor(
    file: string,
    private readonly start: number,
    private readonly oldEnd: number,
    private readonly delta: number,
  ) {
    this.idPrefix = `${file}:`;
  }

  offset(value: number): number {
    if (value <= this.start) return value;
    if (value >= this.oldEnd) return value + this.delta;
    throw new PointsIntoEdit();
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
    if (typeof value === 'number' && OFFSET_KEYS.has(key)) return this.offset(value);
    if (key === 'anchors' && Array.isArray(value)) return value.map((anchor: number) => this.offset(anchor));
    if (key === 'id' && typeof value === 'string' && value.startsWith(this.idPrefix)) {
      const at = Number(value.slice(this.idPrefix.length));
      if (Number.isInteger(at)) return `${this.idPrefix}${this.offset(at)}`;
    }
    return this.copy(value);
  }
}
