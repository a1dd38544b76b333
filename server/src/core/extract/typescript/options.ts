import type { OptionEntry, OptionMap, OptionTarget, OptionValue, Span } from '../../model';
import { indentAt, nextLineBreak } from '../../model';
import { ts } from './ts';

export const unknownOptions = (): OptionMap => ({ entries: new Map(), hasSpread: true });
export const noOptions = (): OptionMap => ({ entries: new Map(), hasSpread: false });

export function spanOf(node: ts.Node, sourceFile: ts.SourceFile): Span {
  return { start: node.getStart(sourceFile), end: node.end };
}

/** Strips wrappers that do not change a value: parentheses, `as`, `!`, `satisfies`, `await`. */
const TRANSPARENT = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.AwaitExpression,
  ts.SyntaxKind.TypeAssertionExpression,
]);

export function unwrap(expr: ts.Expression): ts.Expression {
  while (TRANSPARENT.has(expr.kind)) expr = (expr as ts.ParenthesizedExpression).expression;
  return expr;
}

export function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** Looks an identifier up to a same-file constant when the caller can; see bindings.ts. */
export type ConstantLookup = (expr: ts.Expression) => { value: OptionValue; span: Span } | undefined;

const MAX_SPREAD_DEPTH = 4;

export function readLiteral(expr: ts.Expression, sourceFile: ts.SourceFile, lookup?: ConstantLookup): OptionValue {
  const node = unwrap(expr);
  if (ts.isNumericLiteral(node)) return { kind: 'number', value: Number(node.text) };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return { kind: 'number', value: -Number(node.operand.text) };
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'boolean', value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null' };
  if (ts.isObjectLiteralExpression(node)) {
    const options = readOptions(node, sourceFile, lookup);
    return { kind: 'object', options, target: objectTarget(node, sourceFile, options) };
  }
  return lookup?.(node)?.value ?? { kind: 'expression', text: node.getText(sourceFile) };
}

/** The object literal a spread copies, when it is visible (`...defaults` with `const defaults = {…}`). */
export type SpreadLookup = (expr: ts.Expression) => ts.ObjectLiteralExpression | undefined;

/** The objects a conditional spread may copy: both arms of `c ? a : b`, the right of `c && a`; undefined for anything else. */
function conditionalBranches(expression: ts.Expression): ts.Expression[] | undefined {
  const node = unwrap(expression);
  if (ts.isConditionalExpression(node)) return [unwrap(node.whenTrue), unwrap(node.whenFalse)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [unwrap(node.right)];
  return undefined;
}

export function readOptions(object: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile, lookup?: ConstantLookup, spread?: SpreadLookup, depth = 0): OptionMap {
  const options = noOptions();
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property)) {
      // Entries of a visible object count, in order: what follows the spread overrides it. Of a conditional
      // spread (`...(cond ? { maxTokens } : {})`, `...(apiKey && { apiKey })`), the entries of every arm count.
      const arms = depth < MAX_SPREAD_DEPTH ? (conditionalBranches(property.expression) ?? [property.expression]) : [];
      if (arms.length === 0) options.hasSpread = true;
      for (const arm of arms) {
        const copied = ts.isObjectLiteralExpression(arm) ? arm : spread?.(arm);
        if (!copied || copied === object) {
          options.hasSpread = true;
          continue;
        }
        const inner = readOptions(copied, sourceFile, lookup, spread, depth + 1);
        for (const [name, entry] of inner.entries) options.entries.set(name, entry);
        options.hasSpread ||= inner.hasSpread;
      }
      continue;
    }
    if (ts.isPropertyAssignment(property)) {
      const name = propertyNameText(property.name);
      if (name === undefined) {
        options.hasSpread = true; // a computed key could be any option
        continue;
      }
      const constant = lookup?.(unwrap(property.initializer));
      const entry: OptionEntry = {
        name,
        span: spanOf(property, sourceFile),
        valueSpan: spanOf(property.initializer, sourceFile),
        value: constant?.value ?? readLiteral(property.initializer, sourceFile, lookup),
      };
      if (constant) entry.resolvedFrom = constant.span;
      options.entries.set(name, entry);
    } else if (ts.isShorthandPropertyAssignment(property)) {
      const constant = lookup?.(property.name);
      const entry: OptionEntry = {
        name: property.name.text,
        span: spanOf(property, sourceFile),
        valueSpan: spanOf(property.name, sourceFile),
        value: constant?.value ?? { kind: 'expression', text: property.name.text },
      };
      if (constant) entry.resolvedFrom = constant.span;
      options.entries.set(entry.name, entry);
    } else if (ts.isMethodDeclaration(property) || ts.isGetAccessorDeclaration(property)) {
      const name = propertyNameText(property.name);
      if (name !== undefined) {
        const span = spanOf(property, sourceFile);
        options.entries.set(name, { name, span, valueSpan: span, value: { kind: 'expression', text: name } });
      }
    }
  }
  return options;
}

export function objectTarget(object: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile, options: OptionMap): OptionTarget {
  const text = sourceFile.text;
  const span = spanOf(object, sourceFile);
  const properties = object.properties;
  const last = properties.length > 0 ? properties[properties.length - 1] : undefined;
  const firstLineBreak = nextLineBreak(text, span.start);
  const multiline = firstLineBreak !== -1 && firstLineBreak < span.end;
  const indent = properties.length > 0 ? indentAt(text, properties[0].getStart(sourceFile)) : indentAt(text, span.start) + '  ';
  return {
    kind: 'object',
    span,
    options,
    multiline,
    indent,
    lastEntryEnd: last?.end,
    trailingComma: properties.hasTrailingComma,
  };
}

/** A slot for an options argument the call does not pass yet. */
export function missingArgumentTarget(
  args: ts.NodeArray<ts.Expression> | undefined,
  openParenEnd: number,
  sourceFile: ts.SourceFile,
): OptionTarget {
  const last = args && args.length > 0 ? args[args.length - 1] : undefined;
  return {
    kind: 'missing-argument',
    insertAt: last ? last.end : openParenEnd,
    needsSeparator: last !== undefined,
    indent: indentAt(sourceFile.text, last ? last.getStart(sourceFile) : openParenEnd),
  };
}

/** A property written in an object literal, shorthand included. */
export function propertyOf(object: ts.ObjectLiteralExpression | undefined, name: string): ts.Expression | undefined {
  for (const property of object?.properties ?? []) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === name) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}
