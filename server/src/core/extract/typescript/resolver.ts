// Value flow: which SDK object (client, provider, factory, wrapper) an expression can hold.
import { catalogByModule } from '../../catalog';
import { isFunctionTracer } from '../../catalog/observability';
import { propertyOf, spanOf, unknownOptions, unwrap } from './options';
import { wrappedCallOf } from '../shared/wrapped';
import { calleeName } from './handling';
import { requiredModule, type Declaration } from './scope';
import { ts } from './ts';
import { memberType } from './typed';
import { receiverText, valuesPutInto } from './collections';
import { builtByExport, builtByMethod, type Resolution } from './holders';
import { ClientValue, LAZY_OPERATORS, MAX_ALIAS_DEPTH, TsFile, Value } from './context';
import { clientExport, instanceClient } from './catalogValues';
import { extendsExpression, instanceMethodOf } from './projectClasses';
import { importedValue, newCollectionOf, preferBuilt, typedValue } from './declaredValues';
import { invokedParameters, sentParameters } from './callbacks';
import { argumentEntry, objectLiteralOf, optionsOf, recordConstruction } from './constructions';
import { isSdkNamespace, namespaceReturnedBy } from './namespaces';

// Read once: each `ts.X` on the module's exports is a getter, too slow for a per-node switch.
const { SyntaxKind } = ts;

// ---- resolution ----

export function valueOfName(cx: TsFile, name: string, at: number, depth: number): Value | undefined {
  const declaration = cx.scopes.resolve(name, at);
  if (!declaration || cx.resolving.has(declaration) || depth > MAX_ALIAS_DEPTH) return undefined;
  if (declaration.import) return instanceClient(declaration.import) ?? importedValue(cx, declaration.import) ?? { kind: 'module', ...declaration.import };
  if (declaration.class) return { kind: 'localClass', declaration: declaration.class };
  if (declaration.function) {
    const value = functionValue(cx, declaration.function, name, depth);
    return declaration.getter && value?.kind === 'factory' ? value.client : value;
  }
  const initializer = declaration.initializer && unwrap(declaration.initializer);
  if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) return functionValue(cx, initializer, name, depth);
  const value = declaredValue(cx, declaration, at, depth);
  if (!name.startsWith('this.') || (value && (value.kind !== 'client' || value.known))) return value;
  // A field may be set anywhere in its class (in `init()`, after a dynamic import): a client built there
  // says more than the field's declared type.
  const assigned = cx.scopes.alternatives(declaration).map((other) => declaredValue(cx, other, at, depth));
  return preferBuilt([value, ...assigned]);
}


/** What one declaration gives a name: its initializer, a later assignment, or its declared type. */
function declaredValue(cx: TsFile, declaration: Declaration, at: number, depth: number): Value | undefined {
  if (cx.resolving.has(declaration)) return undefined;
  cx.resolving.add(declaration);
  try {
    if (declaration.initializer) {
      const value = valueOf(cx, declaration.initializer, depth + 1);
      // `members: Map<string, Agent> = new Map()`: the declared type says what the empty collection will hold.
      if (value?.kind === 'collection' && !value.element && declaration.type) return typedValue(cx, declaration.type, at, depth + 1) ?? value;
      // A `let` may be reassigned: trust it only for objects we can follow, not for literals.
      if (value && (declaration.constant || (value.kind !== 'string' && value.kind !== 'number'))) return value;
      if (value) return undefined;
    }
    if (declaration.takenFrom) {
      // `const { generateText } = await loadAi()`: a member of what the expression holds.
      const taken = memberOfValue(cx, valueOf(cx, declaration.takenFrom.from, depth + 1), declaration.takenFrom.property, depth);
      if (taken) return taken;
    }
    if (declaration.iterates) {
      // `for (const agent of agents)`: an element of what the loop reads.
      const collection = valueOf(cx, declaration.iterates, depth + 1);
      if (collection?.kind === 'collection') return elementOf(cx, collection, declaration.iterates, depth);
    }
    if (!declaration.constant && !declaration.parameter && !declaration.import) {
      const assigned = assignedClient(cx, declaration, depth);
      if (assigned) return assigned;
    }
    return typedValue(cx, declaration.type, at, depth + 1);
  } finally {
    cx.resolving.delete(declaration);
  }
}


/** A member of an object whose shape is known: a literal's property, a declared type's member, an instance's method. */
export function propertyValue(cx: TsFile, owner: Value | undefined, name: string, depth: number): Value | undefined {
  switch (owner?.kind) {
    case 'instance':
      return methodValue(cx, owner.declaration, name, depth) ?? inheritedMethod(cx, owner.declaration, name, depth);
    case 'projectClass':
      return instanceMethodOf(owner, name);
    case 'object': {
      // `const models = { fast: new ChatGroq(…) }; models.fast.invoke(…)`
      const property = propertyOf(owner.node, name);
      return property ? valueOf(cx, property, depth + 1) : undefined;
    }
    case 'typed': {
      const type = memberType(owner.members, name);
      return type ? typedValue(cx, type, type.pos, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}


export function valueOf(cx: TsFile, expression: ts.Expression, depth = 0): Value | undefined {
  // `globalThis as unknown as { openai?: OpenAI }`: the asserted type says what it holds.
  const asserted = ts.isAsExpression(expression) ? typedValue(cx, expression.type, expression.pos, depth + 1) : undefined;
  if (asserted) return asserted;
  const expr = unwrap(expression);
  if (ts.isIdentifier(expr)) return valueOfName(cx, expr.text, expr.pos, depth);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
    return { kind: 'string', value: expr.text, span: spanOf(expr, cx.sourceFile) };
  }
  if (ts.isNumericLiteral(expr)) return { kind: 'number', value: Number(expr.text), span: spanOf(expr, cx.sourceFile) };
  if (ts.isObjectLiteralExpression(expr)) return { kind: 'object', node: expr };
  if (ts.isPropertyAccessExpression(expr)) return memberValue(cx, expr.expression, expr.name.text, expr.pos, depth);
  if (ts.isElementAccessExpression(expr)) {
    // `run["execute"]` reads a member as `run.execute` does.
    const key = unwrap(expr.argumentExpression);
    if (ts.isStringLiteralLike(key)) return memberValue(cx, expr.expression, key.text, expr.pos, depth);
    const owner = valueOf(cx, expr.expression, depth + 1);
    return owner?.kind === 'collection' ? elementOf(cx, owner, expr.expression, depth) : undefined;
  }
  if (ts.isNewExpression(expr)) return constructionOf(cx, expr, depth) ?? instanceOf(cx, expr) ?? newCollectionOf(cx, expr, depth);
  if (ts.isCallExpression(expr)) {
    // `await import('openai')`, `require('openai')`: the module's namespace, as `import * as sdk` gives it.
    const loaded = requiredModule(expr);
    return loaded ? { kind: 'module', module: loaded, exportName: '*' } : callValueOf(cx, expr, depth);
  }
  if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) return functionValue(cx, expr, expr.name?.text ?? 'anonymous', depth);
  // `client ?? new OpenAI()`, `cached ||= createClient()`: the value built when none exists yet; `name && agents.get(name)`:
  // the value once the guard holds.
  if (ts.isBinaryExpression(expr) && (LAZY_OPERATORS.has(expr.operatorToken.kind) || expr.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken)) {
    const built = valueOf(cx, expr.right, depth + 1);
    return isDefaultAfterGiven(expr) && built?.kind === 'client' && built.known ? defaultClient(cx, expr, built, depth) : built;
  }
  return undefined;
}

/** `options.client ?? new OpenAI()`: a default for a value that may be given (not a cache filling itself, `x ??= …`). */
function isDefaultAfterGiven(expr: ts.BinaryExpression): boolean {
  const operator = expr.operatorToken.kind;
  return operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.BarBarToken;
}

/**
 * The default client when what comes before it may be another one: unless the left side is known (a client built
 * here too), the settings the call runs with are not visible, so they are unknown rather than the default's.
 */
function defaultClient(cx: TsFile, expr: ts.BinaryExpression, built: ClientValue, depth: number): ClientValue {
  const given = valueOf(cx, expr.left, depth + 1);
  if (given?.kind === 'client' && given.known) return built;
  return { ...built, known: false, via: `${built.via}, unless ${expr.left.getText(cx.sourceFile)} gives another` };
}

/** `owner.name`: a field or method of `this`, a member of an imported module's namespace, or of an object whose shape is known. */
function memberValue(cx: TsFile, ownerExpression: ts.Expression, name: string, at: number, depth: number): Value | undefined {
  if (ownerExpression.kind === SyntaxKind.ThisKeyword) {
    const own = valueOfName(cx, `this.${name}`, at, depth);
    const enclosing = own ? undefined : enclosingClass(cx, at);
    return own ?? (enclosing && inheritedMethod(cx, enclosing, name, depth));
  }
  return memberOfValue(cx, valueOf(cx, ownerExpression, depth + 1), name, depth);
}

/** A member of a value: an export of a module's namespace, or a member of an object whose shape is known. */
function memberOfValue(cx: TsFile, owner: Value | undefined, name: string, depth: number): Value | undefined {
  if (owner?.kind === 'module' && owner.exportName === '*') {
    const member = { module: owner.module, exportName: name };
    return importedValue(cx, member) ?? { kind: 'module', ...member };
  }
  return propertyValue(cx, owner, name, depth);
}


// ---- project modules and functions ----


/** The client (or SDK module) a `let` without a value is given later: `instance = new OpenAI()`, `loaded ??= import('ai')`. */
export function assignedClient(cx: TsFile, declaration: Declaration, depth: number): Value | undefined {
  for (const { at, value } of cx.assignments.get(declaration.name) ?? []) {
    if (cx.scopes.resolve(declaration.name, at) !== declaration) continue;
    const assigned = valueOf(cx, value, depth + 1);
    if (assigned?.kind === 'client' || isSdkNamespace(assigned)) return assigned;
  }
  return undefined;
}

/** A value read out of a collection (`cache.get(key)`, `clients[key]`): its declared type, else what is put in it. */
function elementOf(cx: TsFile, collection: Extract<Value, { kind: 'collection' }>, receiver: ts.Expression, depth: number): Value | undefined {
  const put = valuesPutInto(cx, receiverText(cx, receiver)).map((expression) => valueOf(cx, expression, depth + 1));
  return preferBuilt([...put, collection.element]) ?? collection.element;
}


/** `new Service()` for a class declared in this file. */
export function instanceOf(cx: TsFile, node: ts.NewExpression): Value | undefined {
  if (!ts.isIdentifier(node.expression)) return undefined;
  const declaration = cx.scopes.resolve(node.expression.text, node.pos)?.class;
  if (declaration) return { kind: 'instance', declaration };
  // `new Agent(…)` for a project class another module exports.
  const imported = valueOf(cx, node.expression);
  return imported?.kind === 'projectClass' ? { ...imported, instance: true } : undefined;
}


/** A method (or a field of a base of this file) a class inherits: from a base of this file, or from a project class another module exports. */
function inheritedMethod(cx: TsFile, declaration: ts.ClassLikeDeclaration, name: string, depth: number): Value | undefined {
  const written = extendsExpression(declaration);
  if (!written || depth > MAX_ALIAS_DEPTH) return undefined;
  const base = valueOf(cx, written, depth + 1);
  // A field the base declares (`protected _agents: Map<string, Agent>`) is read from inside the base.
  const field = () => (base?.kind === 'localClass' ? valueOfName(cx, `this.${name}`, base.declaration.members.pos, depth + 1) : undefined);
  if (base?.kind === 'localClass') return methodValue(cx, base.declaration, name, depth + 1) ?? field() ?? inheritedMethod(cx, base.declaration, name, depth + 1);
  return base?.kind === 'projectClass' ? instanceMethodOf({ ...base, instance: true }, name) : undefined;
}


/** The innermost class holding a position. */
export function enclosingClass(cx: TsFile, at: number): ts.ClassLikeDeclaration | undefined {
  let found: ts.ClassLikeDeclaration | undefined;
  for (const declaration of cx.classes) if (declaration.pos <= at && at < declaration.end) found = declaration;
  return found;
}


export function methodValue(cx: TsFile, declaration: ts.ClassLikeDeclaration, name: string, depth: number): Value | undefined {
  const method = declaration.members.find(
    (member) =>
      ts.isMethodDeclaration(member) &&
      member.body !== undefined &&
      (member.name.kind === SyntaxKind.Identifier || member.name.kind === SyntaxKind.PrivateIdentifier) &&
      member.name.text === name,
  );
  return method ? functionValue(cx, method as ts.MethodDeclaration, name, depth) : undefined;
}


/** A function declared here: a wrapper when it makes an AI call, a factory when it returns a client. */
export function functionValue(cx: TsFile, node: ts.FunctionLikeDeclaration, name: string, depth: number): Value | undefined {
  const inner = cx.wrappers.get(node);
  if (inner) return { kind: 'wrapper', name, file: cx.file, wraps: wrappedCallOf(inner) };
  const client = returnedClient(cx, node, depth);
  if (client) return { kind: 'factory', client };
  const values = (expression: ts.Expression, at: number) => valueOf(cx, expression, at);
  const slots = invokedParameters(cx, node, values, depth);
  const urls = sentParameters(cx, node, values, depth);
  if (urls.length > 0) return { kind: 'invoker', name, file: cx.file, slots, urls };
  return slots.length > 0 ? { kind: 'invoker', name, file: cx.file, slots } : undefined;
}


/** The client a function returns (`return new OpenAI()`, `return cached ??= new OpenAI()`), if any. */
export function returnedClient(cx: TsFile, node: ts.FunctionLikeDeclaration, depth: number): ClientValue | undefined {
  const known = cx.returnedClients.get(node);
  if (known !== undefined) return known ?? undefined;
  cx.returnedClients.set(node, null);
  const body = node.body;
  const returned = body && !ts.isBlock(body) ? [body] : (cx.returns.get(node) ?? []);
  // A client built in one branch (`return created`) says more than a cached one known by its type; the
  // declared return type (`getClient(): OpenAI`) comes last.
  const built = preferBuilt([...returned.map((expression) => valueOf(cx, expression, depth + 1)), typedValue(cx, node.type, node.pos, depth + 1)]);
  // `if (options.client) return options.client; return new OpenAI()`: a branch handing back a client the caller
  // gave makes the settings the call runs with unknown.
  const given = built?.known && returned.some((expression) => handsBackParameter(cx, expression));
  const client = built && given ? { ...built, known: false, via: `${built.via}, unless a client is given` } : built;
  if (client) cx.returnedClients.set(node, client);
  return client;
}

/** `options.client`, `client as OpenAI`: an expression reading one of the function's parameters. */
function handsBackParameter(cx: TsFile, expression: ts.Expression): boolean {
  let node = unwrap(expression);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = unwrap(node.expression);
  return ts.isIdentifier(node) && cx.scopes.resolve(node.text, node.pos)?.parameter === true;
}


/** Another file's path as seen from this one, for messages. */
export function constructionOf(cx: TsFile, node: ts.NewExpression, depth = 0): Value | undefined {
  const callee = valueOf(cx, node.expression, depth + 1);
  if (callee?.kind !== 'module') return undefined;
  const found = clientExport(callee);
  if (!found) return undefined;
  const key = found.client.keyArgument;
  const keyArgument = key !== undefined && node.arguments?.[key] ? argumentEntry(cx, node.arguments[key], key) : undefined;
  const credentials = { options: found.client.keyOptions, env: found.client.keyEnv, argument: keyArgument };
  // A constructor whose first argument is the key has no options object to read.
  const optionArgs = key === 0 ? undefined : node.arguments;
  const construction = recordConstruction(cx, node, found.sdk, found.client.displayName, callee.module, credentials, optionArgs);
  return { kind: 'client', sdk: found.sdk, construction, known: true, module: callee.module, via: `new ${found.client.displayName}() from '${callee.module}'` };
}


/** Calls that produce clients or providers: `createOpenAI({...})`, `client.withOptions({...})`, `model.withRetry()`. */
export function callValueOf(cx: TsFile, node: ts.CallExpression, depth: number): Value | undefined {
  let known = cx.callValues.get(node);
  if (!known) cx.callValues.set(node, (known = new Map()));
  const key = cx.callValueKey(depth);
  if (known.has(key)) return known.get(key);
  const value = evaluateCall(cx, node, depth);
  known.set(key, value);
  return value;
}

function evaluateCall(cx: TsFile, node: ts.CallExpression, depth: number): Value | undefined {
  const callee = unwrap(node.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const transformed = transformOf(cx, node, callee, depth) ?? builtByMethod(resolution, cx, node, callee, depth);
    if (transformed) return transformed;
  }
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'get') {
    const owner = valueOf(cx, callee.expression, depth + 1);
    if (owner?.kind === 'collection') return elementOf(cx, owner, callee.expression, depth);
  }
  const namespace = namespaceReturnedBy(cx, callee, depth, (expression, at) => valueOf(cx, expression, at));
  if (namespace) return namespace;
  const value = valueOf(cx, callee, depth + 1);
  if (value?.kind === 'factory') return { ...value.client, via: `${calleeName(callee) ?? 'a function'}() returning ${value.client.via}` };
  if (value?.kind !== 'module') return undefined;
  // `traceable(ask, { name })`: the traced function is the function given.
  const [traced] = node.arguments;
  if (traced && isFunctionTracer(value.module, value.exportName)) return valueOf(cx, traced, depth + 1);
  const built = builtByExport(resolution, cx, node, value, depth);
  if (built) return built;
  const factory = catalogByModule.get(value.module)?.providerFactories.get(value.exportName);
  if (!factory) return undefined;
  const credentials = { options: factory.provider.keyOptions, env: factory.provider.keyEnv };
  const construction = recordConstruction(cx, node, factory.sdk, value.exportName, value.module, credentials, node.arguments);
  return { kind: 'provider', sdk: factory.sdk, provider: factory.provider, construction };
}


/** A client method that returns a client, as the catalog describes it; `x.pipe(model)` carries the model. */
export function transformOf(cx: TsFile, node: ts.CallExpression, callee: ts.PropertyAccessExpression, depth: number): Value | undefined {
  const method = callee.name.text;
  const base = valueOf(cx, callee.expression, depth + 1);
  if (base?.kind === 'client') return applyTransform(cx, node, base, method);
  const [arg] = node.arguments;
  const piped = method === 'pipe' && arg ? valueOf(cx, arg, depth + 1) : undefined;
  return piped?.kind === 'client' ? { ...piped, via: `${piped.via}, piped` } : undefined;
}


/** What the catalog's transform `method` (a name, or a path such as `chats.create`) makes of a client. */
export function applyTransform(cx: TsFile, node: ts.CallExpression, base: ClientValue, method: string): Value | undefined {
  const via = `${base.via}, .${method}()`;
  switch (base.sdk.clientTransforms?.[method]) {
    case 'options': {
      const [arg] = node.arguments;
      const overrides = arg && ts.isObjectLiteralExpression(unwrap(arg)) ? optionsOf(cx, unwrap(arg) as ts.ObjectLiteralExpression) : unknownOptions();
      return { ...base, overrides, via };
    }
    case 'retry':
      return { ...base, retryWrapper: `.${method}()`, via };
    case 'fallback':
      return { ...base, fallback: `.${method}()`, via };
    case 'same':
      return { ...base, via };
    case 'model-object': {
      const module = base.construction?.module ?? base.module ?? '';
      const construction = recordConstruction(cx, node, base.sdk, method, module, { options: [], env: '' }, node.arguments);
      // The client's own settings (`httpOptions.timeout`) still govern what the model object sends.
      return { kind: 'client', sdk: base.sdk, construction, known: true, module, overrides: base.construction?.options ?? base.overrides, via };
    }
    default:
      return undefined;
  }
}


const resolution: Resolution = { valueOf, applyTransform, argumentEntry, objectLiteralOf, recordConstruction };
