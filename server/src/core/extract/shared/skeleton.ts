// The skeleton a re-extraction reads (see declarationCache): the statements an edit affects and what they read,
// the others left out, and the way back from its offsets to the file's.
import { CannotMove } from './moveFacts';

/** A statement's place in a text. */
export interface Placed {
  pos: number;
  end: number;
}

/** A skeleton of the file: its text, its statements, and the way back to the file's statements and offsets. */
export interface Skeleton {
  text: string;
  statements: Placed[];
  /** Items of the skeleton by the file's statement holding them; undefined when one sits in a placeholder. */
  byStatement<T extends { span: { start: number } }>(items: readonly T[]): Map<number, T[]> | undefined;
  /** The file's offset of a skeleton's offset; throws `CannotMove` for one in what was left out. */
  toText(offset: number): number;
  /** The skeleton's index of a file's statement it keeps. */
  indexOf(statement: number): number | undefined;
}

/**
 * The kept statements as they are, each run of the others as one placeholder statement after what follows the
 * statement before it up to the line break (a kept statement's reading of its line end stays true, and its end and
 * the next one's start stay distinct offsets). Undefined when a kept statement would not start its own line after a
 * placeholder (its columns would move), or a left-out statement's line holds code.
 */
export function skeletonOf(
  text: string,
  statements: readonly Placed[],
  kept: ReadonlySet<number>,
  language: { placeholder: string; lineComment: string },
): Skeleton | undefined {
  const lineEnd = new RegExp(`[ \\t]*(?:${language.lineComment}[^\\r\\n]*)?(?:\\r\\n|\\r|\\n)`, 'y');
  const parts: string[] = [];
  /** Per skeleton statement: its place, the file's statement it is (undefined: a placeholder), where it starts in the file, how much of it is the file's text. */
  const placed: Placed[] = [];
  const origins: (number | undefined)[] = [];
  const sources: { pos: number; length: number }[] = [];
  // What comes before the first statement (a parse may skip code there) stays, so that columns stay where they were.
  const head = text.slice(0, statements[0]?.pos ?? 0);
  parts.push(head);
  let at = head.length;
  let leftOut = false;
  for (let i = 0; i < statements.length; i++) {
    const { pos, end } = statements[i];
    let part: string;
    /** How much of the part is the statement (a kept one's part may go on with what a parse skipped after it). */
    let extent: number;
    if (kept.has(i)) {
      // Up to the next statement: what a parse skipped between them (a stray bracket) stays, and so does its error.
      part = text.slice(pos, i + 1 < statements.length ? statements[i + 1].pos : end);
      // After a placeholder, a kept statement starts its own line (what comes before is a comment of the line before).
      lineEnd.lastIndex = pos;
      if (leftOut && !lineEnd.test(text)) return undefined;
      leftOut = false;
      extent = end - pos;
      origins.push(i);
      sources.push({ pos, length: part.length });
    } else {
      if (leftOut) continue;
      leftOut = true;
      lineEnd.lastIndex = pos;
      const ownLine = i === 0 ? '' : lineEnd.exec(text)?.[0];
      if (ownLine === undefined) return undefined;
      part = ownLine + language.placeholder;
      extent = part.length;
      origins.push(undefined);
      sources.push({ pos, length: ownLine.length });
    }
    parts.push(part);
    placed.push({ pos: at, end: at + extent });
    at += part.length;
  }
  const textEnd = statements.at(-1)?.end ?? 0;
  parts.push(text.slice(textEnd));
  return {
    text: parts.join(''),
    statements: placed,
    byStatement<T extends { span: { start: number } }>(items: readonly T[]) {
      const grouped = byStatement(items, placed);
      if (!grouped) return undefined;
      const byOrigin = new Map<number, T[]>();
      for (const [index, group] of grouped) {
        const origin = origins[index];
        if (origin === undefined) return undefined;
        byOrigin.set(origin, group);
      }
      return byOrigin;
    },
    indexOf(statement) {
      const index = origins.indexOf(statement);
      return index < 0 ? undefined : index;
    },
    toText(offset) {
      if (offset >= at) return textEnd + (offset - at);
      const index = lastStartingBy(placed, offset);
      const inside = offset - placed[index].pos;
      if (inside === 0 || inside < sources[index].length) return sources[index].pos + inside;
      throw new CannotMove();
    },
  };
}

/** Items by the statement holding them (their start), by index; undefined when one lies outside every statement. */
export function byStatement<T extends { span: { start: number } }>(items: readonly T[], statements: readonly Placed[]): Map<number, T[]> | undefined {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const at = item.span.start;
    const index = lastStartingBy(statements, at);
    const statement = statements[index];
    if (!statement || at < statement.pos || at >= statement.end) return undefined;
    const group = groups.get(index);
    if (group) group.push(item);
    else groups.set(index, [item]);
  }
  return groups;
}

/** The index of the last statement starting at or before `offset` (0 when none does). */
export function lastStartingBy(statements: readonly Placed[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (statements[middle].pos <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
