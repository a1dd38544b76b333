// Facts read from one text, moved to where they sit in another: after an edit elsewhere, or from a skeleton of the
// file back to the file.

/** Offsets in the facts model: span ends, insertion points, statement bounds. */
const OFFSET_KEYS = new Set(['start', 'end', 'blockEnd', 'lastEntryEnd', 'insertAt']);

/** A fact points where it cannot be moved (into the edited text, into a body a skeleton left out): read it again. */
export class CannotMove extends Error {}

/**
 * The highest offset each fact moved as a whole holds (−1: none): a call site, a client, an export value. Facts are
 * not changed once made: one whose offsets all lie before an edit is the same object after it, without a walk through
 * it. Kept for what `copy` is given, not for every object inside: a new key costs more than walking a small object.
 */
const highestOffsets = new WeakMap<object, number>();

/**
 * Copies facts (plain objects, arrays, maps, sets, without cycles; shared parts stay shared) with every offset moved
 * by `move`, which throws `CannotMove` for an offset it cannot place. What no offset of moves is not copied: the
 * facts before an edit are the last analysis's own objects.
 */
export class FactMover {
  /** Each object copied, with the highest offset it held before the move. */
  private readonly copies = new Map<object, { copied: unknown; highest: number }>();
  private readonly idPrefix: string;
  /** The highest offset found so far in the object being copied, where it was before the move. */
  private highest = -1;

  /** `unmovedUpTo`: offsets up to it stay where they are, so facts holding no higher one are kept without a walk. */
  constructor(
    file: string,
    private readonly move: (offset: number) => number,
    private readonly unmovedUpTo = -1,
  ) {
    this.idPrefix = `${file}:`;
  }

  /** Offsets after an edit that replaced `start..oldEnd` move by `delta`; offsets strictly inside it cannot be placed. */
  static acrossEdit(file: string, start: number, oldEnd: number, delta: number): FactMover {
    const move = (offset: number) => {
      if (offset <= start) return offset;
      if (offset >= oldEnd) return offset + delta;
      throw new CannotMove();
    };
    return new FactMover(file, move, start);
  }

  /** Where an offset of the facts this mover moves lands; throws `CannotMove` for one it cannot place. */
  place(offset: number): number {
    return this.move(offset);
  }

  /**
   * Whether `mine`, moved by this mover, equals `theirs` moved by `theirMover`: what comparing both copies would
   * answer, read in place without copying either. `ignored`: a key of the outer object left out (a call's owner).
   */
  sameMovedAs(mine: unknown, theirMover: FactMover, theirs: unknown, ignored?: string): boolean {
    try {
      return this.sameMoved(mine, theirMover, theirs, ignored);
    } catch (error) {
      if (error instanceof CannotMove) return false;
      throw error;
    }
  }

  private sameMoved(mine: unknown, theirMover: FactMover, theirs: unknown, ignored?: string): boolean {
    if (mine === null || theirs === null || typeof mine !== 'object' || typeof theirs !== 'object') return mine === theirs;
    if (Array.isArray(mine)) return Array.isArray(theirs) && mine.length === theirs.length && mine.every((item, i) => this.sameMoved(item, theirMover, theirs[i]));
    if (mine instanceof Map) {
      if (!(theirs instanceof Map) || mine.size !== theirs.size) return false;
      for (const [key, item] of mine) if (!theirs.has(key) || !this.sameMoved(item, theirMover, theirs.get(key))) return false;
      return true;
    }
    // Sets hold names: compared as `sameFacts` compares them.
    if (mine instanceof Set) return theirs instanceof Set && mine.size === theirs.size && [...mine].every((item) => theirs.has(item));
    if (Array.isArray(theirs) || theirs instanceof Map || theirs instanceof Set) return false;
    const a = mine as Record<string, unknown>;
    const b = theirs as Record<string, unknown>;
    let count = 0;
    for (const key in a) {
      if (key === ignored) continue;
      count++;
      if (!(key in b) || !this.sameField(key, a[key], theirMover, b[key])) return false;
    }
    for (const key in b) if (key !== ignored) count--;
    return count === 0;
  }

  /** `field`'s reading of a key's value on both sides, compared. */
  private sameField(key: string, mine: unknown, theirMover: FactMover, theirs: unknown): boolean {
    if (typeof mine === 'number' && OFFSET_KEYS.has(key)) return typeof theirs === 'number' && this.move(mine) === theirMover.move(theirs);
    if (typeof mine === 'string' && key === 'id') return typeof theirs === 'string' && this.movedId(mine) === theirMover.movedId(theirs);
    if (key === 'anchors' && Array.isArray(mine)) {
      return Array.isArray(theirs) && mine.length === theirs.length && mine.every((anchor: number, i) => this.move(anchor) === theirMover.move(theirs[i] as number));
    }
    return this.sameMoved(mine, theirMover, theirs);
  }

  /** An id as `field` moves it: one naming an offset in this file moves with it. */
  private movedId(id: string): string {
    if (!id.startsWith(this.idPrefix)) return id;
    const at = Number(id.slice(this.idPrefix.length));
    return Number.isInteger(at) ? `${this.idPrefix}${this.move(at)}` : id;
  }

  copy<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    const known = highestOffsets.get(value);
    if (known !== undefined && known <= this.unmovedUpTo) return value;
    this.highest = -1;
    const copied = this.copyObject(value);
    highestOffsets.set(value, this.highest);
    // Moves keep offsets in order, so the copy's highest is where the original's moved.
    if (copied !== value) highestOffsets.set(copied, this.highest < 0 ? -1 : this.move(this.highest));
    return copied;
  }

  /** A value inside what is being copied; the highest offset found so far takes in its own. */
  private copyPart<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    const outer = this.highest;
    this.highest = -1;
    const copied = this.copyObject(value);
    this.highest = Math.max(outer, this.highest);
    return copied;
  }

  private copyObject<T extends object>(value: T): T {
    const done = this.copies.get(value);
    if (done !== undefined) {
      this.highest = done.highest;
      return done.copied as T;
    }
    let copied: unknown = value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = this.copyPart(value[i]);
        if (item === value[i]) continue;
        if (copied === value) copied = value.slice();
        (copied as unknown[])[i] = item;
      }
    } else if (value instanceof Map) {
      const entries: [unknown, unknown][] = [];
      let changed = false;
      for (const [key, item] of value) {
        const moved = this.copyPart(item);
        changed ||= moved !== item;
        entries.push([key, moved]);
      }
      if (changed) copied = new Map(entries);
    } else if (value instanceof Set) {
      const items: unknown[] = [];
      let changed = false;
      for (const item of value) {
        const moved = this.copyPart(item);
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
    this.copies.set(value, { copied, highest: this.highest });
    return copied as T;
  }

  private field(key: string, value: unknown): unknown {
    if (typeof value === 'number') {
      if (!OFFSET_KEYS.has(key)) return value;
      this.highest = Math.max(this.highest, value);
      return this.move(value);
    }
    if (typeof value === 'string') {
      if (key !== 'id' || !value.startsWith(this.idPrefix)) return value;
      const at = Number(value.slice(this.idPrefix.length));
      if (!Number.isInteger(at)) return value;
      this.highest = Math.max(this.highest, at);
      return this.move(at) !== at ? `${this.idPrefix}${this.move(at)}` : value;
    }
    if (key === 'anchors' && Array.isArray(value)) {
      for (const anchor of value) this.highest = Math.max(this.highest, anchor as number);
      const anchors = value.map((anchor: number) => this.move(anchor));
      return anchors.every((anchor, i) => anchor === value[i]) ? value : anchors;
    }
    return this.copyPart(value);
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
