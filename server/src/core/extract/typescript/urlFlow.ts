// The texts a request's URL can take, followed through the code: constants and assignments, members set
// anywhere in the module, getters and methods, function returns, the provider configs another module exports
// (`${baseURL}${this.apiConfig.getEndpoint(…)}` where each config's endpoint says `/chat/completions`), and,
// for a parameter, what its callers pass.
import { matchEndpoint, type HttpEndpoint } from '../../catalog';
import type { Operation } from '../../model';
import { matchConfiguredEndpoint } from '../../catalog/http/paths';
import { callsOf, exportedNames } from './injected';
import { unwrap } from './options';
import { MAX_ALIAS_DEPTH, TsFile } from './context';
import type { Declaration } from './scope';
import { enclosingClass } from './resolver';
import { boundParameters, callAccess, decided, isCall, reachedIn, reachedReturns, type Bound } from './urlCalls';
import { ts } from './ts';

/**
 * What is read from a value, outermost first: a member's name, `[]` any element, `new` an instance, or a call's
 * result: `(…)` with the literal arguments the call passes (`(#0=chat)`, `(#0.fn=retrieveBatch)`), so that a
 * function switching on a parameter gives only the branch the call takes.
 */
export type Access = string;
type Texts = readonly string[] | undefined;

/** Texts kept per value: a longer union keeps only the texts that name a model endpoint. */
const MAX_TEXTS = 64;
/** How far a URL is followed: each name, member and call read is a step. */
const MAX_STEPS = 3 * MAX_ALIAS_DEPTH;

/** Per extraction: texts by node and what is read from it; `null` while being worked out (a cycle reads as unknown). */
const memos = new WeakMap<TsFile, Map<string, Map<ts.Node, Texts | null>>>();

/** A URL that names a model endpoint, and the text it was matched on. */
export interface ModelUrl {
  endpoint: HttpEndpoint;
  url: string;
}

/** Which endpoint a URL that can take several is shown as: generation first, the operations rules say most about. */
const OPERATION_ORDER: readonly Operation[] = ['chat', 'completion', 'embedding', 'image', 'audio', 'moderation', 'other'];

/**
 * The text of `texts` that names a model endpoint (a known host and path, or a path behind a configured base);
 * of several, a generating one.
 */
export function modelUrlIn(texts: Texts, bodyKeys?: ReadonlySet<string>): ModelUrl | undefined {
  let best: ModelUrl | undefined;
  for (const url of texts ?? []) {
    const endpoint = matchEndpoint(url) ?? matchConfiguredEndpoint(url, bodyKeys);
    if (endpoint && (!best || OPERATION_ORDER.indexOf(endpoint.operation) < OPERATION_ORDER.indexOf(best.endpoint.operation))) best = { endpoint, url };
  }
  return best;
}

/**
 * The texts `node` can take once `path` is read from it; `*` stands for what is known only at run time. With
 * `callers`, a parameter takes what the function's callers pass (in this file, and, for an exported function,
 * what other modules give it).
 */
export function urlTexts(cx: TsFile, node: ts.Node, path: readonly Access[] = [], callers = false): Texts {
  return read(cx, node, path, { callers, steps: 0 });
}

/** How a read goes: whether parameters take their callers' arguments, how far it went, the literal arguments of the call being read. */
export interface Walk {
  callers: boolean;
  steps: number;
  bound?: Bound;
}

function read(cx: TsFile, node: ts.Node, path: readonly Access[], walk: Walk): Texts {
  const { callers, steps, bound } = walk;
  if (steps > MAX_STEPS) return undefined;
  const key = `${callers ? 'c' : ''}${bound ? `${bound.fn.pos}${[...bound.values].join()}` : ''}\u0001${path.join('\u0000')}`;
  let byPath = memos.get(cx);
  if (!byPath) memos.set(cx, (byPath = new Map()));
  let byNode = byPath.get(key);
  if (!byNode) byPath.set(key, (byNode = new Map()));
  if (byNode.has(node)) return byNode.get(node) ?? undefined;
  byNode.set(node, null);
  const texts = textsOf(cx, node, path, { callers, steps: steps + 1, bound });
  byNode.set(node, texts ?? null);
  return texts;
}

function textsOf(cx: TsFile, raw: ts.Node, path: readonly Access[], walk: Walk): Texts {
  const node = ts.isAwaitExpression(raw) ? unwrap(raw.expression) : ts.isExpression(raw) ? unwrap(raw) : raw;
  if (node !== raw) return read(cx, node, path, walk);
  const [first, ...rest] = path;
  const follow = (next: ts.Node, nextPath: readonly Access[] = path) => read(cx, next, nextPath, walk);
  if (ts.isStringLiteralLike(node)) return path.length === 0 ? [node.text] : undefined;
  if (ts.isTemplateExpression(node)) {
    if (path.length > 0) return undefined;
    return concat([[node.head.text], ...node.templateSpans.flatMap((span) => [follow(span.expression, []), [span.literal.text]])]);
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.PlusToken) return path.length === 0 ? concat([follow(node.left), follow(node.right)]) : undefined;
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) return union([follow(node.left), follow(node.right)]);
    return operator === ts.SyntaxKind.EqualsToken ? follow(node.right) : undefined;
  }
  if (ts.isConditionalExpression(node)) {
    const taken = decided(node.condition, walk.bound);
    return taken === undefined ? union([follow(node.whenTrue), follow(node.whenFalse)]) : follow(taken ? node.whenTrue : node.whenFalse);
  }
  if (ts.isIdentifier(node)) return nameTexts(cx, node, path, walk);
  if (node.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(cx, node.pos);
    return cls && first !== undefined ? memberTexts(cx, cls, path, walk) : undefined;
  }
  if (ts.isPropertyAccessExpression(node)) {
    // `url.toString()`, `url.trim()`: the same text.
    if (isCall(first) && TEXT_PRESERVING.has(node.name.text)) return follow(node.expression, rest);
    const owner = unwrap(node.expression);
    return union([follow(owner, [node.name.text, ...path]), assignedMember(cx, owner, node.name.text, path, walk)]);
  }
  if (ts.isElementAccessExpression(node)) {
    // `MAPPING[fn]` with `fn` known (a literal, a parameter the call gives one): those members only; else any.
    const keys = read(cx, node.argumentExpression, [], walk);
    const known = keys && keys.length <= MAX_KEYS && keys.every((key) => !key.includes('*')) ? keys : undefined;
    return known ? union(known.map((key) => follow(node.expression, [key, ...path]))) : follow(node.expression, ['[]', ...path]);
  }
  if (ts.isCallExpression(node)) {
    const call = callAccess(node, (argument) => read(cx, argument, [], { callers: false, steps: walk.steps, bound: walk.bound }));
    return follow(node.expression, [call, ...path]);
  }
  if (ts.isNewExpression(node)) {
    if (ts.isIdentifier(node.expression) && node.expression.text === 'URL') return path.length === 0 ? newUrlTexts(cx, node, walk) : undefined;
    return follow(node.expression, ['new', ...path]);
  }
  if (ts.isObjectLiteralExpression(node)) return first === undefined ? undefined : objectMemberTexts(cx, node, first, rest, walk);
  if (ts.isArrayLiteralExpression(node)) return first === '[]' ? union(node.elements.map((element) => follow(element, rest))) : undefined;
  if (ts.isFunctionLike(node)) return isCall(first) ? returnedTexts(cx, node, rest, walk, first) : undefined;
  if (ts.isClassLike(node)) return first === 'new' && rest.length > 0 ? memberTexts(cx, node, rest, walk) : undefined;
  return undefined;
}

const TEXT_PRESERVING = new Set(['toString', 'trim', 'valueOf']);
/** Keys an element read is followed by one by one; more read any element. */
const MAX_KEYS = 8;

/** A name: an import read from the module that exports it, a declaration's value and later assignments, a parameter's callers. */
function nameTexts(cx: TsFile, name: ts.Identifier, path: readonly Access[], walk: Walk): Texts {
  const declaration = cx.scopes.resolve(name.text, name.pos);
  return declaration && declarationTexts(cx, declaration, path, walk);
}

/** What a declared name holds, read as a URL (see urlTexts). */
export function declarationTexts(cx: TsFile, declaration: Declaration, path: readonly Access[], walk: Walk = { callers: false, steps: 0 }): Texts {
  const follow = (next: ts.Node, nextPath: readonly Access[] = path) => read(cx, next, nextPath, walk);
  // A parameter of the function a call is being read into, given a literal by that call.
  const given = walk.bound && declaration.slot?.fn === walk.bound.fn ? walk.bound.values.get(declaration.name) : undefined;
  if (given !== undefined) return path.length === 0 ? [given] : undefined;
  if (declaration.import) return cx.resolveImport?.urlTexts?.(declaration.import.module, declaration.import.exportName, path);
  if (declaration.function) return follow(declaration.function);
  if (declaration.class) return follow(declaration.class);
  if (declaration.takenFrom) return follow(declaration.takenFrom.from, [declaration.takenFrom.property, ...path]);
  const values: Texts[] = [];
  if (declaration.initializer) values.push(follow(declaration.initializer));
  if (!declaration.constant) {
    for (const { at, value } of cx.assignments.get(declaration.name) ?? []) {
      if (declaration.scope.start <= at && at < declaration.scope.end && (walk.bound?.reached(at) ?? true)) values.push(follow(value));
    }
  }
  if (declaration.slot && declaration.slot.property === undefined) values.push(givenTexts(cx, declaration, path, walk));
  if (declaration.type && path.length > 0) values.push(typedTexts(cx, declaration.type, declaration.start, path, walk));
  return union(values);
}

/** What the callers of a parameter's function pass in its place: this file's calls, and other modules' for an exported function. */
function givenTexts(cx: TsFile, declaration: Declaration, path: readonly Access[], walk: Walk): Texts {
  const slot = declaration.slot;
  if (!walk.callers || !slot) return undefined;
  const values: Texts[] = callsOf(cx, slot.fn).map((call) => {
    const argument = call.node.arguments[slot.index];
    return argument && !ts.isSpreadElement(argument) ? read(cx, argument, path, { callers: true, steps: walk.steps }) : undefined;
  });
  const name = cx.functionNames.get(slot.fn);
  if (path.length === 0 && name !== undefined && exportedNames(cx).has(name)) {
    for (const given of cx.resolveImport?.urlsGiven?.(name, slot.index) ?? []) values.push([given.url]);
  }
  return union(values);
}

/** A value declared with a class's type: an instance of a class of this file, or of one another module exports. */
function typedTexts(cx: TsFile, type: ts.TypeNode, at: number, path: readonly Access[], walk: Walk): Texts {
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  const declaration = cx.scopes.resolve(type.typeName.text, at);
  if (declaration?.class) return memberTexts(cx, declaration.class, path, walk);
  return declaration?.import ? cx.resolveImport?.urlTexts?.(declaration.import.module, declaration.import.exportName, ['new', ...path]) : undefined;
}

/**
 * `context.requestURL` where this module sets `requestContext.requestURL = …` on a value of the same class (both
 * built with `new RequestContext(…)` or declared with that type).
 */
function assignedMember(cx: TsFile, owner: ts.Expression, member: string, path: readonly Access[], walk: Walk): Texts {
  const assignments = cx.memberAssignments.get(member);
  if (!assignments || !ts.isIdentifier(owner)) return undefined;
  const cls = classNameOf(cx, owner);
  if (cls === undefined) return undefined;
  return union(assignments.filter(({ receiver }) => classNameOf(cx, receiver) === cls).map(({ value }) => read(cx, value, path, walk)));
}

/** The class a name's value is an instance of, by its name: `new C(…)` or a declared type `C`. */
function classNameOf(cx: TsFile, name: ts.Identifier): string | undefined {
  const declaration = cx.scopes.resolve(name.text, name.pos);
  const initializer = declaration?.initializer && unwrap(declaration.initializer);
  if (initializer && ts.isNewExpression(initializer) && ts.isIdentifier(initializer.expression)) return initializer.expression.text;
  const type = declaration?.type;
  return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
}

/** A member of a class's instances, `path[0]`: a getter's or method's returns, a field's value and what the class sets it to. */
function memberTexts(cx: TsFile, cls: ts.ClassLikeDeclaration, path: readonly Access[], walk: Walk): Texts {
  const [member, ...rest] = path;
  const values: Texts[] = [];
  const fields = new Set<number>();
  for (const element of cls.members) {
    const name = element.name && (ts.isIdentifier(element.name) || ts.isPrivateIdentifier(element.name) || ts.isStringLiteral(element.name)) ? element.name.text : undefined;
    if (name !== member) continue;
    if (ts.isGetAccessorDeclaration(element)) values.push(returnedTexts(cx, element, rest, walk));
    else if (ts.isMethodDeclaration(element) && isCall(rest[0])) values.push(returnedTexts(cx, element, rest.slice(1), walk, rest[0]));
    else if (ts.isPropertyDeclaration(element)) {
      fields.add(element.pos);
      if (element.initializer) values.push(read(cx, element.initializer, rest, walk));
    }
  }
  // `this.member = …` in the class's methods.
  const declared = cx.scopes.resolve(`this.${member}`, cls.members.pos);
  for (const declaration of declared ? [declared, ...cx.scopes.alternatives(declared)] : []) {
    if (!declaration.function && declaration.initializer && !fields.has(declaration.start)) values.push(read(cx, declaration.initializer, rest, walk));
  }
  return union(values);
}

/** `{ getEndpoint: () => '/chat/completions' }`: one member, or every member for `[]`. */
function objectMemberTexts(cx: TsFile, object: ts.ObjectLiteralExpression, member: Access, rest: readonly Access[], walk: Walk): Texts {
  const values: Texts[] = [];
  for (const property of object.properties) {
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if (member !== '[]' && name !== member) continue;
    if (ts.isPropertyAssignment(property)) values.push(read(cx, property.initializer, rest, walk));
    else if (ts.isShorthandPropertyAssignment(property)) values.push(read(cx, property.name, rest, walk));
    else if (ts.isMethodDeclaration(property) || ts.isGetAccessorDeclaration(property)) {
      values.push(ts.isGetAccessorDeclaration(property) ? returnedTexts(cx, property, rest, walk) : read(cx, property, rest, walk));
    }
  }
  return union(values);
}

/** What a function returns when `call` (an access) calls it: its expression body, or each `return` the call can reach. */
function returnedTexts(cx: TsFile, fn: ts.SignatureDeclaration, path: readonly Access[], walk: Walk, call?: Access): Texts {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  const values = call ? boundParameters(fn, call) : undefined;
  const bound: Bound | undefined = body && values?.size ? { fn, values, reached: reachedIn(body, values) } : undefined;
  const inner: Walk = { callers: walk.callers, steps: walk.steps, bound };
  if (body && !ts.isBlock(body)) return read(cx, body, path, inner);
  const returned = bound && body ? reachedReturns(cx, body, bound) : (cx.returns.get(fn) ?? []);
  return union(returned.map((expression) => read(cx, expression, path, inner)));
}

/** `new URL(path, base)`: the path behind the base when the path is absolute on it. */
function newUrlTexts(cx: TsFile, node: ts.NewExpression, walk: Walk): Texts {
  const [pathArgument, baseArgument] = node.arguments ?? [];
  const paths = pathArgument ? read(cx, pathArgument, [], walk) : undefined;
  if (!baseArgument) return paths;
  const bases = read(cx, baseArgument, [], walk);
  return concat([bases, paths?.map((text) => (text.startsWith('/') ? text : `/${text}`))]);
}


/** The texts any of `values` can take; `*` for a part not known, unknown when none is. */
function union(values: readonly Texts[]): Texts {
  if (values.every((value) => value === undefined)) return undefined;
  const texts = new Set<string>();
  for (const value of values) for (const text of value ?? ['*']) texts.add(text);
  return bounded([...texts]);
}

/** Each way of putting the parts together, a part not known standing as `*`; too many ways know only `*` before the last part. */
function concat(parts: readonly Texts[]): Texts {
  let texts: string[] = [''];
  for (const part of parts) {
    const next = part ?? ['*'];
    if (texts.length * next.length > MAX_TEXTS) texts = ['*'];
    texts = [...new Set(texts.flatMap((prefix) => next.map((text) => (prefix + text).replace(/\*+/g, '*'))))];
  }
  return bounded(texts);
}

/** Too many texts keep those naming a model endpoint, and `*` for the rest. */
function bounded(texts: string[]): Texts {
  if (texts.length <= MAX_TEXTS) return texts;
  const endpoints = texts.filter((text) => modelUrlIn([text]) || modelUrlIn([`*${text}`]));
  return [...endpoints.slice(0, MAX_TEXTS - 1), '*'];
}
