import * as z from 'zod/mini';
import { LineIndex, type Span } from '../model';
import { reading } from './declare';
import { propertiesOf, valueOf, type Node } from './json';

// Reads a parsed JSON tree against a zod declaration, keeping what is valid and saying where each problem is.
//
// zod checks a whole value and fails it whole; a config reader should not: one bad rule level must not turn off
// the other rules. So the tree is walked along the declaration's structure. Objects are read key by key (a key the
// object does not declare is a located warning and is ignored; a bad value is dropped), arrays of objects entry by
// entry (a bad entry is dropped, the others kept), records entry by entry. Everything else (strings, numbers,
// enums, unions, arrays of scalars) is one value that zod checks as a whole. After its parts, a container is
// checked as a whole too (required keys, refinements), and then its advice runs.
//
// Problems carry zod's messages, which the declaration writes, at the node each issue's path leads to (or the
// nearest node that exists: a missing key is reported on its object).

export interface ConfigProblem {
  message: string;
  span: Span;
  severity: 'error' | 'warning';
}

/** Where a read value was written, for evidence links (1-based lines). */
export interface Where {
  /** The line an object or array value starts on. */
  line(value: object): number;
  /** The line of `key`'s property in the object `owner` (where its name is). */
  keyLine(owner: object, key: string): number;
  /** The line of `key`'s value in the object `owner`. */
  valueLine(owner: object, key: string): number;
}

export interface Located<T> {
  /** The valid part of the value, or undefined when none of it is. */
  value: T | undefined;
  problems: ConfigProblem[];
  where: Where;
}

type Schema = z.core.$ZodType;
type Result = { ok: true; value: unknown } | { ok: false };

interface Def {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
}

const defOf = (schema: Schema) => schema._zod.def as unknown as Def;

/** Reads `node` (from jsonc-parser's `parseTree` of `text`) as `schema` says. `fileName` goes into messages. */
export function readLocated<S extends Schema>(schema: S, node: Node, text: string, fileName: string): Located<z.output<S>> {
  const reader = new Reader(fileName);
  const result = reader.read(schema, node);
  const lines = new LineIndex(text);
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lines.positionAt(offset).line + 1);
  const where: Where = {
    line: (value) => lineAt(reader.nodes.get(value)?.offset),
    keyLine: (owner, key) => lineAt(reader.properties.get(owner)?.get(key)?.offset),
    valueLine: (owner, key) => lineAt(reader.properties.get(owner)?.get(key)?.children?.[1]?.offset),
  };
  return { value: result.ok ? (result.value as z.output<S>) : undefined, problems: reader.problems, where };
}

class Reader {
  readonly problems: ConfigProblem[] = [];
  /** The node each object or array value was read from. */
  readonly nodes = new WeakMap<object, Node>();
  /** The property node of each key of each object value that was read. */
  readonly properties = new WeakMap<object, Map<string, Node>>();
  private readonly seen = new Set<string>();

  constructor(private readonly fileName: string) {}

  read(schema: Schema, node: Node): Result {
    const def = defOf(schema);
    switch (def.type) {
      case 'optional':
        // The key is there, so its value is read.
        return this.read(def.innerType!, node);
      case 'object':
        return node.type === 'object' ? this.readObject(schema, def, node) : this.readWhole(schema, node);
      case 'record':
        return node.type === 'object' ? this.readRecord(schema, def, node) : this.readWhole(schema, node);
      case 'array':
        return node.type === 'array' && isObject(def.element!) ? this.readArray(schema, def, node) : this.readWhole(schema, node);
      default:
        return this.readWhole(schema, node);
    }
  }

  private readObject(schema: Schema, def: Def, node: Node): Result {
    const shape = def.shape!;
    const value: Record<string, unknown> = {};
    const properties = new Map<string, Node>();
    const failed = new Set<string>();
    for (const [keyNode, valueNode] of propertiesOf(node)) {
      const key = keyNode.value as string;
      // Own keys only: `constructor` or `__proto__` are keys nobody declared.
      if (!Object.hasOwn(shape, key)) {
        const unknownKey = reading.get(schema)?.unknownKey;
        this.report(keyNode, unknownKey ? unknownKey(key, Object.keys(shape), this.fileName) : `Unknown key "${key}"; it is ignored.`, 'warning');
        continue;
      }
      const result = this.read(shape[key], valueNode);
      if (!result.ok) {
        failed.add(key);
        continue;
      }
      define(value, key, result.value);
      properties.set(key, keyNode.parent!);
    }
    this.properties.set(value, properties);
    return this.whole(schema, node, value, failed);
  }

  private readRecord(schema: Schema, def: Def, node: Node): Result {
    const value: Record<string, unknown> = {};
    const properties = new Map<string, Node>();
    // Entries are checked through a record of their own so that messages can name their key.
    const entries = z.record(def.keyType! as z.core.$ZodRecordKey, def.valueType!);
    for (const [keyNode, valueNode] of propertiesOf(node)) {
      const key = keyNode.value as string;
      const result = isObject(def.valueType!) ? this.read(def.valueType!, valueNode) : this.readWhole(entries, node, define({}, key, valueOf(valueNode)));
      if (!result.ok) continue;
      define(value, key, isObject(def.valueType!) ? result.value : (result.value as Record<string, unknown>)[key]);
      properties.set(key, keyNode.parent!);
    }
    this.properties.set(value, properties);
    return this.whole(schema, node, value, new Set());
  }

  private readArray(schema: Schema, def: Def, node: Node): Result {
    const value: unknown[] = [];
    for (const child of node.children ?? []) {
      const result = this.read(def.element!, child);
      if (result.ok) value.push(result.value);
    }
    return this.whole(schema, node, value, new Set());
  }

  /** A container whose parts were read: checked as a whole, then advised on. */
  private whole(schema: Schema, node: Node, value: object, failed: Set<string>): Result {
    const parsed = z.safeParse(schema, value);
    if (!parsed.success) {
      // A key whose value was already reported is not reported again as missing, and a whole with a bad part is
      // not judged as a whole (`"owners": []` is one problem, not also a rule without owners).
      const issues = parsed.error.issues.filter((issue) => (issue.path.length > 0 ? !failed.has(String(issue.path[0])) : failed.size === 0));
      for (const issue of issues) this.report(locate(node, issue.path), issue.message, 'error');
      return { ok: false };
    }
    const advice = reading.get(schema)?.advice?.(value as never);
    if (advice) this.report(node, advice, 'warning');
    this.nodes.set(value, node);
    return { ok: true, value };
  }

  /** One value checked as a whole; `input` when it is not the node's own value (a record entry). */
  private readWhole(schema: Schema, node: Node, input: unknown = valueOf(node)): Result {
    const parsed = z.safeParse(schema, input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.report(locate(node, issue.path), issue.message, 'error');
      return { ok: false };
    }
    if (typeof input === 'object' && input !== null) this.nodes.set(input, node);
    return { ok: true, value: input };
  }

  private report(node: Node, message: string, severity: ConfigProblem['severity']): void {
    const span = { start: node.offset, end: node.offset + node.length };
    const key = `${span.start}:${span.end}:${severity}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ message, span, severity });
  }
}

function isObject(schema: Schema): boolean {
  const def = defOf(schema);
  return def.type === 'object' || (def.type === 'optional' && isObject(def.innerType!));
}

/** Sets a key as data: `__proto__` is a key like any other. */
function define<T extends object>(object: T, key: string, value: unknown): T {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** The node an issue path leads to from `node`, or the last one on the way that exists. The last of equal keys wins. */
function locate(node: Node, path: readonly PropertyKey[]): Node {
  let at = node;
  for (const segment of path) {
    let next: Node | undefined;
    if (at.type === 'object') {
      for (const [key, value] of propertiesOf(at)) if (key.value === String(segment)) next = value;
    } else if (at.type === 'array' && typeof segment === 'number') next = at.children?.[segment];
    if (!next) break;
    at = next;
  }
  return at;
}
