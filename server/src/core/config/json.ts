import { ts } from '../extract/typescript/ts';

/** Reports a problem at a node of `.prodready.json`; `error` unless told otherwise. */
export type ProblemSink = (node: ts.Node, message: string, severity?: 'error' | 'warning') => void;

/** The `"key": value` entries of a JSON object, with the property for pointing at its name. */
export function* entries(object: ts.ObjectLiteralExpression): Generator<[string, ts.Expression, ts.PropertyAssignment]> {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && ts.isStringLiteral(property.name)) {
      yield [property.name.text, property.initializer, property];
    }
  }
}

/** A string, or an array of strings, as a list; undefined when it is neither. */
export function stringList(value: ts.Expression): string[] | undefined {
  if (ts.isStringLiteral(value)) return [value.text];
  if (ts.isArrayLiteralExpression(value) && value.elements.every(ts.isStringLiteral)) {
    return value.elements.map((element) => (element as ts.StringLiteral).text);
  }
  return undefined;
}

/** 1-based line of a node, for evidence links into the config file. */
export function lineOf(node: ts.Node): number {
  const file = node.getSourceFile();
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
}

/** An object's fields by name, for entries read as a record (`{ "path": …, "owners": … }`). */
export function fieldsOf(value: ts.Expression): Map<string, ts.Expression> | undefined {
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  return new Map([...entries(value)].map(([key, field]) => [key, field]));
}

/** How deep `{`, `[` (and `(`, which JSON does not have) may nest in `.prodready.json`; real configs use four. */
export const MAX_JSON_DEPTH = 64;

/**
 * Where the first bracket deeper than `limit` opens, or undefined when the text nests no deeper. A flat scan that
 * skips strings and comments: it runs before the recursive parser, so a hostile file cannot exhaust the stack.
 */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      // Skip the string; a backslash takes the next character with it.
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (char === '{' || char === '[' || char === '(') {
      if (++depth > limit) return i;
    } else if (char === '}' || char === ']' || char === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
