import type { OptionEntry, OptionTarget, Span, StatementTarget } from './callSite';
import { insertionPoint } from './options';

export interface TextEdit {
  span: Span;
  newText: string;
}

/** A value a fix writes, named by meaning; each language's fixer spells it. */
export type FixValue =
  | { kind: 'duration'; ms: number; unit: 'ms' | 's' }
  | { kind: 'abort-timeout'; ms: number }
  | { kind: 'integer'; value: number }
  | { kind: 'env'; name: string }
  /** `object.property`, e.g. the request's `signal`. */
  | { kind: 'property'; object: string; property: string }
  /** A signal that fires when either does: `AbortSignal.any([req.signal, existing])`. */
  | { kind: 'any-signal'; first: { object: string; property: string }; existing: string }
  /** A callback that logs a failure: `({ error }) => console.error('event', error)`. */
  | { kind: 'error-callback'; call: string; event: string }
  /** `{ name: value }`, for options whose parent object does not exist yet. */
  | { kind: 'object'; name: string; value: FixValue }
  /** A bearer token read from the environment: `` `Bearer ${process.env.NAME}` ``. */
  | { kind: 'env-template'; prefix: string; name: string }
  /** Leaves the enclosing loop once the client is gone: `if await request.is_disconnected(): break`. */
  | { kind: 'break-if-disconnected'; request: string }
  /** An audit record of a result: `call('event', { requestId: r.id, … })`. */
  | { kind: 'audit-log'; call: string; style: 'message-first' | 'object-first'; event: string; result: string; fields: Record<string, string> };

/** Builds edits for one file; rules describe the change, the language's fixer writes it. */
export interface LanguageFixer {
  addOption(target: OptionTarget, name: string, value: FixValue): TextEdit[];
  setOption(entry: OptionEntry, value: FixValue): TextEdit[];
  replaceWith(span: Span, value: FixValue): TextEdit[];
  /** Replaces a string literal's content, keeping its quotes. */
  replaceString(span: Span, value: string): TextEdit[];
  /** Adds a statement (a call) on its own line after `target`'s statement. */
  insertAfter(target: StatementTarget, statement: FixValue): TextEdit[];
  /** Wraps `target`'s statement and the rest of its block in try/catch; the catch rethrows until a fallback is written. */
  wrapInTryCatch(target: StatementTarget): TextEdit[];
  /** `model.invoke(x)` → `model<text>.invoke(x)`: inserts before the callee's last `.member`. */
  insertBeforeMember(callee: Span, member: string, text: string): TextEdit[];
  /** `value` → `callee(value)`. */
  wrapInCall(span: Span, callee: string): TextEdit[];
  /** Appends a small PII redaction function named `name` to the file. */
  addRedactor(name: string): TextEdit[];
  /**
   * A `prodready-ignore-next-line` comment for `ruleId` on its own line, at `indent`, above the line holding
   * `offset`: the quick fix that waives one finding. Written in the language's comment syntax.
   */
  suppressionComment(offset: number, ruleId: string, indent: string): TextEdit[];
}

/** Applies edits that do not overlap; later edits first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/** Two insertions at one offset count as overlapping: their order would be arbitrary. */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  const overlap = (x: TextEdit, y: TextEdit) =>
    (x.span.start < y.span.end && y.span.start < x.span.end) || x.span.start === y.span.start;
  return a.some((x) => b.some((y) => overlap(x, y)));
}

/** Adds an option at a dotted path, creating the parent objects that are missing (`config: { abortSignal: … }`). */
export function addOptionAt(fixer: LanguageFixer, target: OptionTarget, path: string, value: FixValue): TextEdit[] {
  const point = insertionPoint(target, path);
  if (!point) return [];
  const [first, ...rest] = point.path;
  const nested = rest.reduceRight<FixValue>((inner, name) => ({ kind: 'object', name, value: inner }), value);
  return fixer.addOption(point.target, first, nested);
}
