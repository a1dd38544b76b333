import { ts } from './extract/typescript/ts';

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
