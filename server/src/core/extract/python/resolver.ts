// Value flow: which SDK object (client, module, factory, wrapper) a name, attribute or call can hold.
import { BOTO3_SESSION } from '../../catalog/bedrock/python';
import { isPythonCatalogImport, pythonCatalogByModule } from '../../catalog';
import { isKnownPythonModule, PYTHON_CLIENT_WRAPPERS, pythonModelHolders, PYTHON_DYNAMIC_IMPORTS, PYTHON_MODULE_TABLE, pythonHttpClients } from '../../catalog/python';
import type { PyNode } from './parser';
import { givenByCaller, Scope, type Binding, type ClassInfo, type FunctionInfo, type Member } from './scope';
import { dispatchedMethods, inheritedMember } from './inheritance';
import { withSpreadOptions } from './params';
import { dottedName, noOptions, readArguments, spanOf, stringValue, templateText, type Arguments } from './syntax';
import { ClientValue, PyFile, Value } from './context';
import { clientFromExport, importedValue } from './imports';
import { boundRunConfig } from './runConfig';

// ---- values ----

export function lookup(cx: PyFile, name: string, scope: Scope): Value | undefined {
  const found = scope.resolve(name);
  return found && valueOfBinding(cx, found.binding, found.scope);
}


export function valueOfBinding(cx: PyFile, binding: Binding, scope: Scope): Value | undefined {
  switch (binding.kind) {
    case 'import':
      return importedValue(cx, binding.module, binding.name);
    case 'value':
      return evaluate(cx, binding.node, scope);
    case 'param':
      return binding.annotation ? annotatedClient(cx, binding.annotation, scope) : undefined;
    case 'class':
      return sdkBase(cx, binding.cls, scope);
    default:
      return undefined;
  }
}


/**
 * A declared type that names an SDK client: `client: OpenAI`, `Optional[AsyncOpenAI]`, `OpenAI | AzureOpenAI`,
 * `"AsyncAnthropic"`, `Annotated[OpenAI, Depends(…)]`, `-> openai.AsyncClient`. The SDK is known, its construction is not.
 */
export function annotatedClient(cx: PyFile, annotation: PyNode, scope: Scope): Value | undefined {
  for (const name of annotationNames(annotation.text)) {
    const value = dottedValue(cx, name.split('.'), scope);
    if (value?.kind !== 'import') continue;
    // `session: aiohttp.ClientSession`: an HTTP client whose options are not visible here.
    const http = httpClientClass(value);
    if (http) return { kind: 'http', facts: http, known: false };
    if (value.module === BOTO3_SESSION.module && value.name === BOTO3_SESSION.name) return { kind: 'boto3-session' };
    const found = pythonCatalogByModule.get(value.module)?.clients.get(value.name);
    if (found && !found.client.instance) return { kind: 'client', facts: found.sdk, client: found.client, module: value.module, known: false, via: `a value typed ${value.name}` };
  }
  return undefined;
}

/** `httpx.AsyncClient`, `requests.Session`, `aiohttp.ClientSession`: the HTTP library's facts. */
function httpClientClass(target: { module: string; name: string }) {
  const http = pythonHttpClients.find((facts) => facts.modules.includes(target.module));
  return http && /^(Session|Client|AsyncClient|ClientSession)$/.test(target.name) ? http : undefined;
}

/** The names a type annotation may hold a value of: the members of unions and optionals, not of containers. */
function annotationNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/[A-Za-z_][\w.]*/g)) {
    const name = match[0];
    const generic = text[match.index + name.length] === '[';
    if (generic && !TYPE_WRAPPERS.has(name.slice(name.lastIndexOf('.') + 1))) return names;
    if (!generic && name !== 'None') names.push(name);
  }
  return names;
}

/** Generics whose value is one of their arguments (a `list[OpenAI]` is not a client). */
const TYPE_WRAPPERS: ReadonlySet<string> = new Set(['Optional', 'Union', 'Annotated']);

/** `openai.AsyncOpenAI` as written in a type: a name, then attributes of the module it holds. */
function dottedValue(cx: PyFile, parts: string[], scope: Scope): Value | undefined {
  let value = lookup(cx, parts[0], scope);
  for (const part of parts.slice(1)) {
    if (value?.kind !== 'module') return undefined;
    value = pythonCatalogByModule.has(`${value.module}.${part}`) ? { kind: 'module', module: `${value.module}.${part}` } : { kind: 'import', module: value.module, name: part };
  }
  return value;
}

export function evaluate(cx: PyFile, node: PyNode, scope: Scope): Value | undefined {
  if (cx.values.has(node.id)) return cx.values.get(node.id);
  if (cx.evaluating.has(node.id)) return undefined;
  cx.evaluating.add(node.id);
  try {
    const value = evaluateUncached(cx, node, scope);
    cx.values.set(node.id, value);
    return value;
  } finally {
    cx.evaluating.delete(node.id);
  }
}


export function evaluateUncached(cx: PyFile, node: PyNode, scope: Scope): Value | undefined {
  switch (node.type) {
    case 'identifier':
      return lookup(cx, node.text, scope);
    case 'await':
    case 'parenthesized_expression':
      return node.namedChild(0) ? evaluate(cx, node.namedChild(0)!, scope) : undefined;
    case 'attribute':
      return evaluateAttribute(cx, node, scope);
    case 'call':
      return evaluateCall(cx, node, scope);
    case 'binary_operator': {
      // LangChain pipes: `prompt | llm | parser` runs the model.
      if (node.childForFieldName('operator')?.type !== '|') return undefined;
      const left = evaluate(cx, node.childForFieldName('left')!, scope);
      const right = evaluate(cx, node.childForFieldName('right')!, scope);
      const model = [left, right].find((value): value is ClientValue => value?.kind === 'client' && value.facts.sdk === 'langchain');
      return model && { ...model, via: `${model.via}, piped` };
    }
    case 'subscript':
      return containerValue(cx, node.childForFieldName('value'));
    case 'boolean_operator': {
      // `client = existing or OpenAI()`
      const right = node.childForFieldName('right');
      const built = right ? evaluate(cx, right, scope) : undefined;
      // `client or OpenAI()` for a client the caller may give: the settings the call runs with are not visible.
      const left = node.childForFieldName('left');
      if (built?.kind === 'client' && built.known && left && givenByCaller(left, scope)) return { ...built, known: false, via: `${built.via}, unless ${left.text} gives another` };
      return built;
    }
    default:
      return undefined;
  }
}


export function evaluateAttribute(cx: PyFile, node: PyNode, scope: Scope): Value | undefined {
  const object = node.childForFieldName('object')!;
  const attribute = node.childForFieldName('attribute')!.text;
  if (object.type === 'identifier' && object.text === 'self' && scope.fn?.cls) {
    const member = inheritedMember(cx, scope.fn.cls, attribute);
    if (member) return memberValue(cx, scope.fn.cls, member);
    // `@property def client(self)`: reading the attribute runs the method.
    return fromMethods(cx, dispatchedMethods(cx, scope.fn.cls, attribute).filter((getter) => getter.property));
  }
  const base = evaluate(cx, object, scope);
  // `AgentExecutor.from_agent_and_tools`: a class method the catalog lists as a way to build the client.
  if (base?.kind === 'import' && pythonCatalogByModule.get(base.module)?.clients.has(`${base.name}.${attribute}`)) return { kind: 'import', module: base.module, name: `${base.name}.${attribute}` };
  if (base?.kind === 'module') {
    if (pythonCatalogByModule.has(`${base.module}.${attribute}`)) return { kind: 'module', module: `${base.module}.${attribute}` };
    return { kind: 'import', module: base.module, name: attribute };
  }
  if (base?.kind === 'import' && !isPythonCatalogImport(base.module, base.name) && !isKnownPythonModule(base.module)) {
    // `from app import ai` then `ai.client`: a name in a project submodule.
    const exported = cx.resolveImport?.(base.name === '*' ? base.module : `${base.module}.${base.name}`, attribute);
    if (exported?.kind === 'client' && !exported.factory) return clientFromExport(cx, exported);
    if (exported?.kind === 'module' && !exported.factory) return { kind: 'module', module: exported.module };
  }
  return undefined;
}

/**
 * What `self.x` holds in `cls`: any of its assignments, or its declared type. `self.client = client or
 * self.create_client()` written in a base runs the override of the class reading it (or any subclass's).
 */
function memberValue(cx: PyFile, cls: ClassInfo, member: Member): Value | undefined {
  for (const { node, scope } of [...(member.node ? [{ node: member.node, scope: member.scope }] : []), ...(member.others ?? [])]) {
    const factory = selfMethodCalled(node);
    const value = factory && scope.fn?.cls !== cls ? fromMethods(cx, dispatchedMethods(cx, cls, factory)) : evaluate(cx, node, scope);
    if (value) return value;
  }
  return member.annotation && annotatedClient(cx, member.annotation, member.scope);
}

/** `self.create_client()`, alone or as the fallback of `client or self.create_client()`: the method's name. */
function selfMethodCalled(node: PyNode): string | undefined {
  const call = node.type === 'boolean_operator' ? node.childForFieldName('right') : node;
  const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  return callee?.type === 'attribute' && callee.childForFieldName('object')?.text === 'self' ? callee.childForFieldName('attribute')!.text : undefined;
}

/** The first value one of the methods a call may run returns. */
function fromMethods(cx: PyFile, methods: FunctionInfo[]): Value | undefined {
  for (const method of methods) {
    const value = returnedClient(cx, method);
    if (value) return value;
  }
  return undefined;
}


export function evaluateCall(cx: PyFile, node: PyNode, scope: Scope): Value | undefined {
  const callee = node.childForFieldName('function')!;
  const args = node.childForFieldName('arguments');
  const list = args?.type === 'argument_list' ? readArguments(args) : undefined;
  const loaded = stringValue(list?.positional[0]);
  if (loaded && isDynamicImport(callee, scope)) return importedValue(cx, loaded, '*');
  // A client transform: `client.with_options(timeout=5)`, `llm.with_retry()`, `llm.with_fallbacks([b])`.
  if (callee.type === 'attribute') {
    const method = callee.childForFieldName('attribute')!.text;
    const receiver = evaluate(cx, callee.childForFieldName('object')!, scope);
    if (receiver?.kind === 'client') {
      const transform = receiver.facts.clientTransforms?.[method];
      if (transform === 'options') return { ...receiver, overrides: list?.options };
      if (transform === 'retry') return { ...receiver, retryWrapper: `.${method}()` };
      if (transform === 'fallback') return { ...receiver, fallback: `.${method}()` };
      if (transform === 'run-config') return { ...receiver, runConfig: boundRunConfig(list, receiver.runConfig) };
      if (transform === 'same') return receiver;
      return undefined;
    }
    // `cache.get(key)` on a container filled with clients.
    if (receiver === undefined && CONTAINER_READS.has(method)) {
      const held = containerValue(cx, callee.childForFieldName('object'));
      if (held) return held;
    }
    // `session.client("bedrock-runtime")`: the service name says what the session builds, whatever the session is.
    if (method === 'client' && (receiver?.kind === 'boto3-session' || receiver === undefined)) return construct(cx, node, BOTO3_SESSION.client, list, receiver !== undefined);
    // `self._client()`: a method of this class, a base or an override that builds the client or returns the one memoised on `self`.
    const owner = callee.childForFieldName('object')!;
    if (owner.type === 'identifier' && owner.text === 'self' && scope.fn?.cls) {
      return fromMethods(cx, dispatchedMethods(cx, scope.fn.cls, method).filter((factory) => !factory.property));
    }
  }
  const target = evaluate(cx, callee, scope);
  if (target?.kind === 'import') {
    if (PYTHON_CLIENT_WRAPPERS.has(target.module) && list?.positional[0]) {
      const inner = evaluate(cx, list.positional[0], scope);
      return inner?.kind === 'client' ? { ...inner, via: `${inner.via}, wrapped by ${target.module}.${target.name}()` } : undefined;
    }
    if (target.module === BOTO3_SESSION.module && target.name === BOTO3_SESSION.name) return { kind: 'boto3-session' };
    const held = pythonModelHolders.get(`${target.module}.${target.name}`);
    if (held) {
      const { holder, sdk } = held;
      const given = (holder.keyword ? list?.keywords.get(holder.keyword) : undefined) ?? list?.positional[holder.argument ?? 0];
      const model = given && evaluate(cx, given, scope);
      // Runs go by the facts of what the holder builds (an agent graph), with the model's client settings.
      return model?.kind === 'client' ? { ...model, facts: sdk, module: sdk.modules[0], via: `${model.via}, run by ${target.name}()` } : undefined;
    }
    const http = httpClientClass(target);
    if (http) return { kind: 'http', facts: http, options: list?.options };
    if (isPythonCatalogImport(target.module, target.name)) return construct(cx, node, target, list && withSpreadOptions(cx, list, args!, scope, scope.fn), true);
    // A project factory in another module: `get_client()`, `get_litellm()`, `require("litellm")`.
    const exported = cx.resolveImport?.(target.module, target.name);
    if (exported?.kind === 'client' && exported.factory) return clientFromExport(cx, exported);
    if (exported?.kind === 'module' && exported.factory) return { kind: 'module', module: exported.module };
    if (exported?.kind === 'module-loader' && loaded) return importedValue(cx, loaded, '*');
    return undefined;
  }
  // A factory in this file: `def get_client(): return OpenAI(...)`, or a loader given a module's name.
  const binding = callee.type === 'identifier' ? scope.lookup(callee.text) : undefined;
  if (binding?.kind !== 'function') return undefined;
  return loaded && loadsModuleByName(binding.fn) ? importedValue(cx, loaded, '*') : returnedClient(cx, binding.fn);
}

/** `def require(name): … return sys.modules[name]` or `return importlib.import_module(name)`: a lazy-import helper. */
export function loadsModuleByName(fn: FunctionInfo): boolean {
  const parameter = fn.node.childForFieldName('parameters')?.namedChildren.find((node) => node?.type === 'identifier' || node?.type === 'typed_parameter');
  const name = parameter?.type === 'identifier' ? parameter.text : parameter?.namedChildren.find((node) => node?.type === 'identifier')?.text;
  if (!name) return false;
  return fn.returns.some((returned) => {
    if (returned.type === 'subscript') return dottedName(returned.childForFieldName('value')) === PYTHON_MODULE_TABLE && returned.childForFieldName('subscript')?.text === name;
    const args = returned.type === 'call' ? returned.childForFieldName('arguments') : undefined;
    return args?.type === 'argument_list' && isDynamicImport(returned.childForFieldName('function')!, fn.scope) && args.namedChild(0)?.text === name;
  });
}

/** `class TracedModel(GenerativeModel)`: a project subclass of an SDK client is built like the client it extends. */
export function sdkBase(cx: PyFile, cls: ClassInfo, scope: Scope): Value | undefined {
  for (const base of cls.bases) {
    const name = dottedName(base);
    const value = name && name !== cls.name ? dottedValue(cx, name.split('.'), scope) : undefined;
    const client = value?.kind === 'import' ? pythonCatalogByModule.get(value.module)?.clients.get(value.name)?.client : undefined;
    if (client && !client.declaredOnly) return value;
  }
  return undefined;
}

/** Reads of a container's entries: `cache.get(key)`, `cache.setdefault(key, …)`. */
const CONTAINER_READS: ReadonlySet<string> = new Set(['get', 'setdefault']);

/** `cache[key]` where the code fills `cache[…]` with clients (a client per key, built once). */
function containerValue(cx: PyFile, container: PyNode | null): Value | undefined {
  for (const write of (container && cx.containerWrites.get(container.text)) ?? []) {
    const value = evaluate(cx, write.node, write.scope);
    if (value && value.kind !== 'import') return value;
  }
  return undefined;
}

/** `importlib.import_module`, `import_module` imported from importlib, or the `__import__` builtin. */
function isDynamicImport(callee: PyNode, scope: Scope): boolean {
  const name = dottedName(callee);
  if (!name) return false;
  const [root, ...rest] = name.split('.');
  const binding = scope.lookup(root);
  if (binding && binding.kind !== 'import') return false;
  const qualified = binding ? [binding.module, ...(binding.name === '*' ? [] : [binding.name]), ...rest].join('.') : name;
  return PYTHON_DYNAMIC_IMPORTS.has(qualified);
}

/** The client or SDK module a function or method returns, when one of its `return`s holds one, else its declared return type. */
export function returnedClient(cx: PyFile, fn: FunctionInfo): Value | undefined {
  for (const returned of fn.returns) {
    const value = evaluate(cx, returned, fn.scope);
    if (value && value.kind !== 'import') return value;
  }
  return fn.returnType && annotatedClient(cx, fn.returnType, fn.scope);
}


/** `knownFactory`: the callee is surely the SDK's (`boto3.client`, a `boto3.Session`'s `.client`), not any `.client(…)`. */
export function construct(cx: PyFile, node: PyNode, target: { module: string; name: string }, list: Arguments | undefined, knownFactory: boolean): Value | undefined {
  const found = pythonCatalogByModule.get(target.module)?.clients.get(target.name);
  if (!found || found.client.instance || found.client.declaredOnly) return undefined;
  if (found.client.service && !mayBuildService(list, found.client.service, knownFactory)) return undefined;
  let construction = cx.clients.get(node.id);
  if (!construction) {
    const options = list?.options ?? noOptions();
    const assigned = node.parent?.type === 'assignment' && node.parent.childForFieldName('left')?.type === 'identifier' ? node.parent.childForFieldName('left')!.text : undefined;
    construction = {
      id: `${cx.file}:${node.startIndex}`,
      sdk: found.sdk.sdk,
      constructorName: found.client.service ? `${target.module}.${target.name}` : target.name,
      module: target.module,
      file: cx.file,
      span: spanOf(node),
      credentials: { options: found.client.keyOptions, env: found.client.keyEnv },
      options,
      optionsTarget: list?.target,
      boundTo: assigned,
    };
    cx.clients.set(node.id, construction);
  }
  return { kind: 'client', facts: found.sdk, client: found.client, module: target.module, construction, known: true, via: `${target.name}() from ${target.module}` };
}


/**
 * Whether a multi-service factory builds `service`: named as a string, or — from the SDK's own factory — held in a
 * variable (`session.client(service_name)` in a helper given the name), where only that service's method names
 * will match on the client it gives.
 */
function mayBuildService(list: Arguments | undefined, service: string, knownFactory: boolean): boolean {
  const keyword = list?.options.entries.get('service_name');
  const named = stringValue(list?.positional[0]) ?? (keyword?.value.kind === 'string' ? keyword.value.value : undefined);
  if (named !== undefined) return named === service;
  return knownFactory && (list?.positional[0]?.type === 'identifier' || (keyword?.value.kind === 'expression' && /^[A-Za-z_]\w*$/.test(keyword.value.text)));
}

/** A string's text, through a module constant or an f-string (`*` for what is only known at run time). */
export function constantText(cx: PyFile, node: PyNode, scope: Scope): string | undefined {
  if (node.type === 'identifier') {
    const found = scope.resolve(node.text);
    return found?.binding.kind === 'value' && found.binding.node.type !== 'identifier' ? constantText(cx, found.binding.node, found.scope) : undefined;
  }
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '+') {
    const left = constantText(cx, node.childForFieldName('left')!, scope);
    const right = constantText(cx, node.childForFieldName('right')!, scope) ?? '*';
    return left === undefined ? undefined : left + right;
  }
  if (node.type === 'string') {
    // `f"{BASE_URL}/v1/chat/completions"`: a leading interpolation of a known constant is read through.
    const first = node.namedChildren.find((child) => child?.type === 'interpolation' || child?.type === 'string_content');
    if (first?.type === 'interpolation' && first.namedChild(0)) {
      const base = constantText(cx, first.namedChild(0)!, scope);
      const rest = templateText(node)?.replace(/^\*/, '');
      if (base !== undefined && rest !== undefined) return base + rest;
    }
  }
  return templateText(node);
}
