// The values a model set at run time can take, read from what the file declares. Asked only for a model
// argument that is not a literal, and only from that expression down: no walk of its own.
import type { ModelCandidate, ModelRef } from '../../model';
import { MAX_ALIAS_DEPTH, type TsFile } from './context';
import { propertyNameText, spanOf, unwrap } from './options';
import type { Declaration } from './scope';
import { ts } from './ts';

type Candidates = ModelCandidate[] | undefined;

/** Every value `expr` can take when all of them are visible; undefined when any branch is open. */
export function modelCandidatesOf(cx: TsFile, expr: ts.Expression): Candidates {
  const found = valuesOf(cx, expr, 0, new Set());
  return found && found.length > 0 ? distinct(found) : undefined;
}

function valuesOf(cx: TsFile, node: ts.Expression, depth: number, seen: Set<Declaration>): Candidates {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const expr = unwrap(node);
  if (ts.isStringLiteralLike(expr)) return [{ value: expr.text, span: spanOf(expr, cx.sourceFile) }];
  if (ts.isConditionalExpression(expr)) return both(valuesOf(cx, expr.whenTrue, depth + 1, seen), valuesOf(cx, expr.whenFalse, depth + 1, seen));
  if (ts.isBinaryExpression(expr) && (expr.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || expr.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    // `opts.model ?? 'a'`: the left side is open unless its declared type names its values.
    return both(valuesOf(cx, expr.left, depth + 1, seen), valuesOf(cx, expr.right, depth + 1, seen));
  }
  if (ts.isIdentifier(expr)) return declaredValues(cx, cx.scopes.resolve(expr.text, expr.getStart(cx.sourceFile)), depth, seen);
  if (ts.isPropertyAccessExpression(expr)) return memberValues(cx, expr.expression, expr.name.text, depth, seen);
  if (ts.isElementAccessExpression(expr)) {
    const key = unwrap(expr.argumentExpression);
    return memberValues(cx, expr.expression, ts.isStringLiteralLike(key) || ts.isNumericLiteral(key) ? key.text : undefined, depth, seen);
  }
  return undefined;
}

/** A name's values: its declared type when it has one (any assignment must fit it), else a `const`'s initializer. */
function declaredValues(cx: TsFile, declaration: Declaration | undefined, depth: number, seen: Set<Declaration>): Candidates {
  if (!declaration || seen.has(declaration)) return undefined;
  if (declaration.type) return typeValues(cx, declaration.type, depth + 1);
  if (!declaration.constant || !declaration.initializer || declaration.import) return undefined;
  seen.add(declaration);
  try {
    return valuesOf(cx, declaration.initializer, depth + 1, seen);
  } finally {
    seen.delete(declaration);
  }
}

/**
 * `MODELS[tier]`, `MODELS.fast` on a visible `as const` object or array (read-only, so what is written is what it
 * holds), and `opts.model` on a name whose declared type lists the member's values.
 */
function memberValues(cx: TsFile, objectExpr: ts.Expression, key: string | undefined, depth: number, seen: Set<Declaration>): Candidates {
  const object = unwrap(objectExpr);
  if (!ts.isIdentifier(object)) return undefined;
  const declaration = cx.scopes.resolve(object.text, object.getStart(cx.sourceFile));
  if (!declaration || seen.has(declaration)) return undefined;
  if (declaration.type) {
    const member = key === undefined ? undefined : memberType(cx, declaration.type, key, depth);
    return member && typeValues(cx, member, depth + 1);
  }
  const literal = declaration.constant ? constObject(declaration.initializer) : undefined;
  if (!literal) return undefined;
  const elements = ts.isArrayLiteralExpression(literal) ? [...literal.elements] : propertyValues(literal, key);
  if (!elements || elements.length === 0) return undefined;
  seen.add(declaration);
  try {
    let all: Candidates = [];
    for (const element of elements) all = both(all, ts.isSpreadElement(element) ? undefined : valuesOf(cx, element, depth + 1, seen));
    return all;
  } finally {
    seen.delete(declaration);
  }
}

/** The object or array literal under `as const`; anything else may be changed after it is written. */
function constObject(initializer: ts.Expression | undefined): ts.ObjectLiteralExpression | ts.ArrayLiteralExpression | undefined {
  let node = initializer;
  while (node && (ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node))) node = node.expression;
  if (!node || !ts.isAsExpression(node) || !ts.isTypeReferenceNode(node.type) || !ts.isIdentifier(node.type.typeName) || node.type.typeName.text !== 'const') return undefined;
  const literal = unwrap(node.expression);
  return ts.isObjectLiteralExpression(literal) || ts.isArrayLiteralExpression(literal) ? literal : undefined;
}

/** The named property's value, or every property's when the key is not known. */
function propertyValues(literal: ts.ObjectLiteralExpression, key: string | undefined): ts.Expression[] | undefined {
  const values: ts.Expression[] = [];
  for (const property of literal.properties) {
    if (!ts.isPropertyAssignment(property)) return undefined;
    const name = propertyNameText(property.name);
    if (name === undefined) return undefined;
    if (key === undefined || name === key) values.push(property.initializer);
  }
  return values;
}

/** The values a type allows when it is a union of string literals (`undefined` and `null` add none). */
function typeValues(cx: TsFile, type: ts.TypeNode, depth: number): Candidates {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  if (ts.isParenthesizedTypeNode(type)) return typeValues(cx, type.type, depth + 1);
  if (ts.isUnionTypeNode(type)) {
    let all: Candidates = [];
    for (const alternative of type.types) all = both(all, typeValues(cx, alternative, depth + 1));
    return all;
  }
  if (type.kind === ts.SyntaxKind.UndefinedKeyword) return [];
  if (ts.isLiteralTypeNode(type)) {
    if (type.literal.kind === ts.SyntaxKind.NullKeyword) return [];
    return ts.isStringLiteral(type.literal) ? [{ value: type.literal.text, span: spanOf(type.literal, cx.sourceFile), declared: true }] : undefined;
  }
  const alias = aliasOf(cx, type);
  return alias && ts.isTypeAliasDeclaration(alias) ? typeValues(cx, alias.type, depth + 1) : undefined;
}

/** The declared type of `key` in an object type: a type literal, or an interface or alias of this file. */
function memberType(cx: TsFile, type: ts.TypeNode, key: string, depth: number): ts.TypeNode | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  if (ts.isParenthesizedTypeNode(type)) return memberType(cx, type.type, key, depth + 1);
  if (ts.isTypeLiteralNode(type)) return memberOf(type.members, key);
  const alias = aliasOf(cx, type);
  if (!alias) return undefined;
  return ts.isInterfaceDeclaration(alias) ? (alias.heritageClauses ? undefined : memberOf(alias.members, key)) : memberType(cx, alias.type, key, depth + 1);
}

function memberOf(members: ts.NodeArray<ts.TypeElement>, key: string): ts.TypeNode | undefined {
  for (const member of members) {
    if (ts.isPropertySignature(member) && member.name && propertyNameText(member.name) === key) return member.type;
  }
  return undefined;
}

function aliasOf(cx: TsFile, type: ts.TypeNode): ts.InterfaceDeclaration | ts.TypeAliasDeclaration | undefined {
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || type.typeArguments) return undefined;
  return cx.scopes.resolve(type.typeName.text, type.getStart(cx.sourceFile))?.typeDeclaration;
}

/** Both sides' values, or undefined when either is open. */
function both(a: Candidates, b: Candidates): Candidates {
  return a && b ? [...a, ...b] : undefined;
}

function distinct(candidates: ModelCandidate[]): ModelCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const key = `${candidate.value}@${candidate.span?.start ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The same for an option value known by its span (a client's `model`), when it is written in this file. */
export function modelCandidatesAt(cx: TsFile, file: string, span: { start: number; end: number }): Candidates {
  if (file !== cx.file) return undefined;
  let node: ts.Node = cx.sourceFile;
  for (;;) {
    const inner: ts.Node | undefined = ts.forEachChild(node, (child) => (child.getStart(cx.sourceFile) <= span.start && child.end >= span.end ? child : undefined));
    if (!inner) break;
    node = inner;
    if (node.getStart(cx.sourceFile) === span.start && node.end === span.end) break;
  }
  return ts.isExpression(node) && node.getStart(cx.sourceFile) === span.start && node.end === span.end ? modelCandidatesOf(cx, node) : undefined;
}

/**
 * What a model read as a string through a default (`opts.model ?? 'a'`, or a `const` holding one) adds: the
 * values when the other side is visible too, else that the default is only one of them.
 */
export function defaultedModel(cx: TsFile, expr: ts.Expression): Pick<ModelRef, 'dynamic' | 'expression' | 'candidates'> {
  let node = unwrap(expr);
  for (let depth = 0; ts.isIdentifier(node) && depth < MAX_ALIAS_DEPTH; depth++) {
    const declaration = cx.scopes.resolve(node.text, node.getStart(cx.sourceFile));
    if (!declaration?.constant || declaration.type || !declaration.initializer) return {};
    node = unwrap(declaration.initializer);
  }
  if (!ts.isBinaryExpression(node) || (node.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken && node.operatorToken.kind !== ts.SyntaxKind.BarBarToken)) return {};
  const candidates = modelCandidatesOf(cx, node);
  return { dynamic: true, expression: expr.getText(cx.sourceFile), ...(candidates && { candidates }) };
}
