import * as z from 'zod/mini';

// The vocabulary the `.prodready.json` declaration is written in. A zod schema says what is valid and, through its
// `error` option, what to say when it is not; the JSON schema comes from its metadata. What zod has no words for
// is kept beside it in `reading`: what to say about a key an object does not know, and advice (a warning) about a
// value that is valid but probably not meant.

/** Error texts: a fixed text, or one built from what was found. */
export type Message = string | ((found: Found) => string);

/** What a message is about: the value found (undefined when a key is missing), the issue, and where it is. */
export interface Found {
  input: unknown;
  code: string;
  /** Keys and indexes from the value being checked to the value found. */
  path: readonly PropertyKey[];
}

export interface Reading {
  /** The warning for a key the object does not declare; `fileName` is the config file being read. */
  unknownKey?: (key: string, known: readonly string[], fileName: string) => string;
  /** A warning about a valid value (the value is kept). */
  advice?: (value: never) => string | undefined;
}

/** The reader's part of the declaration: metadata that is not JSON schema. */
export const reading = z.registry<Reading>();

/** zod's `error` option from a Message. */
export function says(message: Message): { error: (issue: { input?: unknown; code: string; path?: PropertyKey[] }) => string } {
  return { error: (issue) => (typeof message === 'string' ? message : message({ input: issue.input, code: issue.code, path: issue.path ?? [] })) };
}

/** JSON schema documentation of a schema (`description`, `markdownDescription`, or any other keyword). */
export function documented<T extends z.ZodMiniType>(schema: T, meta: Record<string, unknown>): T {
  return schema.check(z.meta(meta)) as T;
}

/**
 * An object that admits only the keys it declares: others are warned about where they are written (and ignored),
 * with `unknownKey`'s text.
 */
export function strict<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  options: {
    error: Message;
    unknownKey: NonNullable<Reading['unknownKey']>;
    /** Checks of the whole object, once each of its values is valid. */
    checks?: z.core.$ZodCheck<z.output<z.ZodMiniObject<Shape, z.core.$strict>>>[];
    advice?: (value: z.output<z.ZodMiniObject<Shape, z.core.$strict>>) => string | undefined;
    meta?: Record<string, unknown>;
  },
): z.ZodMiniObject<Shape, z.core.$strict> {
  let schema = z.strictObject(shape, says(options.error));
  if (options.checks) schema = schema.check(...options.checks);
  if (options.meta) schema = documented(schema, options.meta);
  // Registered last: every check makes a new schema.
  reading.add(schema, { unknownKey: options.unknownKey, advice: options.advice as Reading['advice'] });
  return schema;
}

/** `known: a, b, c.` style warning for an unknown key. */
export function unknownKeyIn(what: string): NonNullable<Reading['unknownKey']> {
  return (key, known) => `Unknown ${what} "${key}"; known: ${known.join(', ')}.`;
}

/** A string with something in it besides white space (`trim() !== ''`, as a JSON schema pattern). */
export const SOMETHING = /\S/;

/** An array of strings: one message for the array and any element that is not a string. */
export function stringArray(message: Message): z.ZodMiniArray<z.ZodMiniString> {
  return z.array(z.string(says(message)), says(message));
}
