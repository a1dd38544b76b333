import { findClientApi, matchEndpoint, pythonCatalogByModule, sdkFacts } from '../../catalog';
import { PYTHON_CLIENT_WRAPPERS, PYTHON_HTTP_METHODS, PYTHON_RETRY_HELPERS, PYTHON_TIMEOUT_HELPERS, pythonCatalog, pythonHttpClients } from '../../catalog/python';
import { resilienceOfName } from '../../catalog/resilience';
import type { ApiFacts, ClientFacts, SdkFacts } from '../../catalog';
import type {
  CallSite,
  ClientConstruction,
  ExportedValue,
  ExportSummary,
  ExtractedFacts,
  FileFacts,
  Guarded,
  ImportResolver,
  JsonParse,
  ModelRef,
  OptionMap,
  PromptSource,
  StatementTarget,
  WrappedCall,
} from '../../model';
import { effectiveRetries, effectiveTimeout } from '../shared/effective';
import { loggerMatcher, type LoggerMatcher } from '../shared/loggers';
import { brokenRegions } from '../shared/brokenRegions';
import { MAX_WALK_DEPTH } from '../shared/limits';
import { wrappedCallOf } from '../shared/wrapped';
import { classifyExcept, isPythonValidator } from './handling';
import type { PyNode, PyTree, PyTreeCursor as TreeCursor } from './parser';
import { isRequestRead, PythonPromptReader } from './prompt';
import { Scope, type Binding, type ClassInfo, type FunctionInfo } from './scope';
import { dottedName, mentions, noOptions, readArguments, spanOf, stringValue, templateText, type Arguments } from './syntax';

export interface PythonExtractOptions {
  loggers: readonly string[];
  redactors: readonly string[];
  resolveImport?: ImportResolver;
}

/** What an expression holds, as far as AI calls care. */
type Value =
  | {
      kind: 'client';
      facts: SdkFacts;
      client: ClientFacts;
      module: string;
      construction?: ClientConstruction;
      known: boolean;
      overrides?: OptionMap;
      retryWrapper?: string;
      fallback?: string;
      via: string;
    }
  | { kind: 'module'; module: string }
  | { kind: 'import'; module: string; name: string }
  | { kind: 'http'; facts: SdkFacts; options?: OptionMap }
  | { kind: 'boto3-session' };

type ClientValue = Extract<Value, { kind: 'client' }>;

interface PendingCall {
  node: PyNode;
  scope: Scope;
  fn?: FunctionInfo;
  /** The innermost `try` whose body holds the call, within its function. */
  tryNode?: PyNode;
  timeoutHelper?: string;
  retryHelper?: string;
  holders?: Holders;
}

const BLOCKS = new Set(['block', 'module']);

/** Starts of the statements and definitions around the walk's position, innermost first; shared, never copied. */
interface Holders {
  start: number;
  outer?: Holders;
}

function anchorsOf(holders: Holders | undefined): number[] {
  const starts: number[] = [];
  for (let holder = holders; holder; holder = holder.outer) starts.push(holder.start);
  return starts;
}

/** Leaves a retry or timeout helper can have, by import or by name: checked before anything is resolved. */
const HELPER_NAME = new RegExp(
  `^(${[...PYTHON_RETRY_HELPERS.values(), ...PYTHON_TIMEOUT_HELPERS.values()].flatMap((names) => [...names]).join('|')})$|retr|backoff|timeout|deadline`,
  'i',
);

/** Node kinds the walk reads; everything else is passed through with the cursor. */
const HANDLED = new Set([
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'decorated_definition',
  'function_definition',
  'class_definition',
  'assignment',
  'return_statement',
  'with_statement',
  'for_statement',
  'try_statement',
  'call',
]);
const JSON_PARSERS = new Set(['json.loads', 'orjson.loads', 'ujson.loads']);

/** Reads every AI call site and client construction in one Python file. One walk, then resolution. */
export function extractPython(file: string, tree: PyTree, options: PythonExtractOptions): ExtractedFacts {
  return new PythonExtractor(file, tree.rootNode, loggerMatcher(options.loggers), new Set(options.redactors), options.resolveImport).run();
}

class PythonExtractor {
  private readonly module = new Scope(undefined);
  private readonly calls: PendingCall[] = [];
  private readonly values = new Map<number, Value | undefined>();
  private readonly clients = new Map<number, ClientConstruction>();
  private readonly evaluating = new Set<number>();
  private readonly jsonParses: { node: PyNode; fn?: FunctionInfo; mentions: Set<string> }[] = [];
  private readonly validators: { fn?: FunctionInfo; node: PyNode; callee: string; mentions: Set<string> }[] = [];
  private readonly star: string[] = [];

  constructor(
    private readonly file: string,
    private readonly root: PyNode,
    private readonly isLogger: LoggerMatcher,
    private readonly redactors: ReadonlySet<string>,
    private readonly resolveImport: ImportResolver | undefined,
  ) {}

  run(): ExtractedFacts {
    this.walk(this.root, { scope: this.module });
    const direct: [PendingCall, CallSite][] = [];
    for (const call of this.calls) {
      const leaf = calleeLeaf(call.node);
      // Every construction is recorded, used or not (a key written into an unused client is still a leak).
      if (leaf && (/^[A-Z]/.test(leaf) || leaf === 'client')) this.evaluate(call.node, call.scope);
      // Only calls ending in a name some API ends in can be AI calls: the cheap test before any resolution.
      const site = leaf && PYTHON_CALL_LEAVES.has(leaf) ? this.siteOf(call) : undefined;
      if (site) direct.push([call, site]);
    }
    const sites = [...direct.map(([, site]) => site), ...this.wrapperSites(direct)];
    sites.sort((a, b) => a.span.start - b.span.start);
    return {
      file: this.file,
      language: 'python',
      callSites: sites,
      clients: [...this.clients.values()],
      ...parseProblemsOf(this.root),
      ...(this.tooDeepAt === undefined ? {} : { unreadFrom: this.tooDeepAt }),
      moduleNames: new Set(this.module.names.keys()),
      exports: this.exports(direct),
    };
  }

  // ---- the walk: bindings, calls and their context ----

  private walk(node: PyNode, context: WalkContext): void {
    switch (node.type) {
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        this.bindImports(node, context.scope);
        return;
      case 'decorated_definition': {
        const definition = node.childForFieldName('definition');
        const decorators = node.namedChildren.filter((child): child is PyNode => child?.type === 'decorator');
        if (definition) this.walkDefinition(definition, context, decorators, node);
        return;
      }
      case 'function_definition':
      case 'class_definition':
        this.walkDefinition(node, context, [], node);
        return;
      case 'assignment':
        this.bindAssignment(node, context);
        break;
      case 'return_statement': {
        // A function's returned expressions make it a factory when they hold a client.
        const returned = node.namedChild(0);
        if (context.fn && returned) context.fn.returns.push(returned);
        break;
      }
      case 'with_statement':
        this.walkWith(node, context);
        return;
      case 'for_statement':
        this.walkFor(node, context);
        return;
      case 'try_statement':
        this.walkTry(node, context);
        return;
      case 'call':
        this.recordCall(node, context);
        return;
    }
    this.walkChildren(node, context);
  }

  /**
   * Children are visited with a tree cursor: only the node kinds the walk handles become Node objects (creating
   * one per node is most of the cost of walking a tree-sitter tree from JavaScript).
   */
  private walkChildren(node: PyNode, context: WalkContext): void {
    const cursor = node.walk();
    try {
      if (cursor.gotoFirstChild()) this.walkSiblings(cursor, context, BLOCKS.has(node.type));
    } finally {
      cursor.delete();
    }
  }

  private depth = 0;
  /** Where the walk first met code nested deeper than it reads; that subtree is left out. */
  private tooDeepAt: number | undefined;

  /** Every descent passes here; a depth bound keeps hostile nesting from overflowing the stack. */
  private walkSiblings(cursor: TreeCursor, context: WalkContext, isBlock: boolean): void {
    if (this.depth >= MAX_WALK_DEPTH) {
      this.tooDeepAt ??= cursor.startIndex;
      return;
    }
    this.depth++;
    try {
      this.walkSiblingsAtDepth(cursor, context, isBlock);
    } finally {
      this.depth--;
    }
  }

  private walkSiblingsAtDepth(cursor: TreeCursor, context: WalkContext, isBlock: boolean): void {
    do {
      if (!cursor.nodeIsNamed) continue;
      const type = cursor.nodeType;
      const inner = isBlock ? { ...context, holders: { start: cursor.startIndex, outer: context.holders } } : context;
      if (HANDLED.has(type)) {
        this.walk(cursor.currentNode, inner);
      } else if (cursor.gotoFirstChild()) {
        this.walkSiblings(cursor, inner, BLOCKS.has(type));
        cursor.gotoParent();
      }
    } while (cursor.gotoNextSibling());
  }

  private walkDefinition(node: PyNode, context: WalkContext, decorators: PyNode[], holder: PyNode): void {
    const name = node.childForFieldName('name')?.text ?? '';
    const body = node.childForFieldName('body');
    if (node.type === 'class_definition') {
      const cls: ClassInfo = { name, members: new Map(), methods: new Map() };
      context.scope.bind(name, { kind: 'class', cls });
      if (body) this.walkChildren(body, { ...context, cls, holders: { start: holder.startIndex, outer: context.holders } });
      return;
    }
    const scope = new Scope(context.scope);
    const fn: FunctionInfo = { name, node, scope, cls: context.cls, returns: [], logs: [] };
    scope.fn = fn;
    if (context.cls) context.cls.methods.set(name, fn);
    else context.scope.bind(name, { kind: 'function', fn });
    for (const parameter of node.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!parameter) continue;
      const identifier = parameter.type === 'identifier' ? parameter : parameter.namedChildren.find((child) => child?.type === 'identifier');
      if (identifier) scope.bind(identifier.text, { kind: 'param', node: parameter, annotation: parameter.childForFieldName('type') ?? undefined });
    }
    for (const decorator of decorators) this.walkChildren(decorator, context);
    const retryHelper = decorators.map((decorator) => this.retryDecorator(decorator, context.scope)).find(Boolean);
    if (body) {
      this.walkChildren(body, {
        scope,
        fn,
        cls: context.cls,
        retryHelper,
        holders: { start: holder.startIndex, outer: context.holders },
      });
    }
  }

  private walkWith(node: PyNode, context: WalkContext): void {
    let timeoutHelper = context.timeoutHelper;
    let retryHelper = context.retryHelper;
    // This statement's own items only: a nested `with` in the body is walked on its own.
    const items = node.namedChildren.find((child) => child?.type === 'with_clause')?.namedChildren ?? [];
    for (const item of items) {
      if (item?.type !== 'with_item') continue;
      const value = item.childForFieldName('value');
      const [expression, alias] = value?.type === 'as_pattern' ? [value.namedChild(0), value.childForFieldName('alias')?.namedChild(0) ?? value.namedChild(1)] : [value, undefined];
      if (expression?.type === 'call') {
        const helper = this.helperOf(expression, context.scope);
        if (helper?.kind === 'timeout') timeoutHelper = helper.name;
        if (helper?.kind === 'retry') retryHelper = helper.name;
        this.recordCall(expression, context);
      }
      if (alias?.type === 'identifier' && expression) context.scope.bind(alias.text, { kind: 'value', node: expression });
    }
    const body = node.childForFieldName('body');
    if (body) this.walkChildren(body, { ...context, timeoutHelper, retryHelper });
  }

  /** `for attempt in Retrying(...)`: the loop body runs under tenacity's policy. */
  private walkFor(node: PyNode, context: WalkContext): void {
    const right = node.childForFieldName('right');
    const helper = right?.type === 'call' ? this.helperOf(right, context.scope) : undefined;
    if (right) this.walk(right, context);
    const body = node.childForFieldName('body');
    if (body) this.walkChildren(body, helper?.kind === 'retry' ? { ...context, retryHelper: helper.name } : context);
    // tree-sitter hands out a new object per access: nodes are compared by id.
    for (const child of node.namedChildren) if (child && child.id !== right?.id && child.id !== body?.id && child.type !== 'identifier') this.walk(child, context);
  }

  private walkTry(node: PyNode, context: WalkContext): void {
    for (const child of node.namedChildren) {
      if (!child) continue;
      const guarded = child.id === node.childForFieldName('body')?.id;
      this.walk(child, guarded ? { ...context, tryNode: node, holders: context.holders } : context);
    }
  }

  private recordCall(node: PyNode, context: WalkContext): void {
    this.calls.push({ node, scope: context.scope, fn: context.fn, tryNode: context.tryNode, timeoutHelper: context.timeoutHelper, retryHelper: context.retryHelper, holders: context.holders });
    const callee = dottedName(node.childForFieldName('function'));
    const args = node.childForFieldName('arguments');
    if (callee && this.isLogger(callee) && context.fn) {
      context.fn.logs.push({ start: node.startIndex, end: node.endIndex, callee, mentions: args ? mentions(args) : new Set() });
    }
    if (callee && JSON_PARSERS.has(callee) && args) this.jsonParses.push({ node, fn: context.fn, mentions: mentions(args) });
    // `Model.model_validate(data)`, or `Model(**data)`: what checks a parsed value.
    const constructsModel = callee !== undefined && /(^|\.)[A-Z]\w*$/.test(callee) && args?.text.includes('**');
    if (callee && args && (isPythonValidator(callee) || constructsModel)) {
      this.validators.push({ fn: context.fn, node, callee, mentions: mentions(args) });
    }
    // `asyncio.wait_for(call(), timeout=…)`: what runs inside is bounded.
    const helper = this.helperOf(node, context.scope);
    const inner = helper?.kind === 'timeout' ? { ...context, timeoutHelper: helper.name } : helper?.kind === 'retry' ? { ...context, retryHelper: helper.name } : context;
    this.walkChildren(node, inner);
  }

  private bindImports(node: PyNode, scope: Scope): void {
    if (node.type === 'import_statement') {
      for (const name of node.namedChildren) {
        if (!name) continue;
        if (name.type === 'aliased_import') {
          const module = name.childForFieldName('name')?.text ?? '';
          scope.bind(name.childForFieldName('alias')?.text ?? module, { kind: 'import', module, name: '*' });
        } else {
          // `import google.genai` binds `google`; attribute access reaches the submodule.
          const module = name.text;
          scope.bind(module.split('.')[0], { kind: 'import', module: module.split('.')[0], name: '*' });
          if (module.includes('.')) scope.bind(module, { kind: 'import', module, name: '*' });
        }
      }
      return;
    }
    const moduleNode = node.childForFieldName('module_name');
    const module = moduleNode?.text ?? '';
    for (const child of node.namedChildren) {
      if (!child || child.id === moduleNode?.id) continue;
      if (child.type === 'wildcard_import') {
        this.star.push(module);
      } else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name')?.text ?? '';
        scope.bind(child.childForFieldName('alias')?.text ?? name, { kind: 'import', module, name });
      } else if (child.type === 'dotted_name') {
        scope.bind(child.text, { kind: 'import', module, name: child.text });
      }
    }
  }

  private bindAssignment(node: PyNode, context: WalkContext): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right) return;
    if (left.type === 'identifier') context.scope.bind(left.text, { kind: 'value', node: right });
    else if (left.type === 'attribute' && context.cls && left.childForFieldName('object')?.text === 'self') {
      const member = left.childForFieldName('attribute')!.text;
      if (!context.cls.members.has(member) || right.type === 'call') context.cls.members.set(member, right);
    }
  }

  // ---- values ----

  private lookup(name: string, scope: Scope): Value | undefined {
    const binding = scope.lookup(name);
    return binding && this.valueOfBinding(binding, scope);
  }

  private valueOfBinding(binding: Binding, scope: Scope): Value | undefined {
    switch (binding.kind) {
      case 'import':
        return this.importedValue(binding.module, binding.name);
      case 'value':
        return this.evaluate(binding.node, scope);
      case 'param':
        return binding.annotation ? this.annotatedClient(binding.annotation, scope) : undefined;
      default:
        return undefined;
    }
  }

  private importedValue(module: string, name: string): Value | undefined {
    const catalog = pythonCatalogByModule.get(module);
    if (name === '*') return catalog || isKnownModule(module) ? { kind: 'module', module } : { kind: 'import', module, name };
    if (catalog || isKnownModule(module) || pythonCatalogByModule.has(`${module}.${name}`)) {
      // `from google import genai`: a catalog module reached through its parent package.
      if (pythonCatalogByModule.has(`${module}.${name}`)) return { kind: 'module', module: `${module}.${name}` };
      return { kind: 'import', module, name };
    }
    const exported = this.resolveImport?.(module, name);
    if (exported?.kind === 'client' && !exported.factory) return this.clientFromExport(exported);
    return { kind: 'import', module, name };
  }

  private clientFromExport(exported: Extract<ExportedValue, { kind: 'client' }> & { file: string }): Value | undefined {
    const facts = sdkFacts(exported.sdk, exported.module, 'python');
    const client = facts?.clients.find((candidate) => exported.construction?.constructorName.endsWith(candidate.exportName)) ?? facts?.clients[0];
    if (!facts || !client) return undefined;
    return {
      kind: 'client',
      facts,
      client,
      module: exported.module ?? facts.modules[0],
      construction: exported.construction,
      known: exported.known,
      retryWrapper: exported.retryWrapper,
      fallback: exported.fallback,
      via: `${exported.via}, from ${this.relative(exported.file)}`,
    };
  }

  /** `client: OpenAI` as a parameter: the SDK is known, its construction is not. */
  private annotatedClient(annotation: PyNode, scope: Scope): Value | undefined {
    const type = annotation.type === 'type' ? annotation.namedChild(0) : annotation;
    const value = type ? this.evaluate(type, scope) : undefined;
    if (value?.kind !== 'import') return undefined;
    const found = pythonCatalogByModule.get(value.module)?.clients.get(value.name);
    if (!found || found.client.instance) return undefined;
    return { kind: 'client', facts: found.sdk, client: found.client, module: value.module, known: false, via: `a parameter typed ${value.name}` };
  }

  private evaluate(node: PyNode, scope: Scope): Value | undefined {
    if (this.values.has(node.id)) return this.values.get(node.id);
    if (this.evaluating.has(node.id)) return undefined;
    this.evaluating.add(node.id);
    try {
      const value = this.evaluateUncached(node, scope);
      this.values.set(node.id, value);
      return value;
    } finally {
      this.evaluating.delete(node.id);
    }
  }

  private evaluateUncached(node: PyNode, scope: Scope): Value | undefined {
    switch (node.type) {
      case 'identifier':
        return this.lookup(node.text, scope);
      case 'await':
      case 'parenthesized_expression':
        return node.namedChild(0) ? this.evaluate(node.namedChild(0)!, scope) : undefined;
      case 'attribute':
        return this.evaluateAttribute(node, scope);
      case 'call':
        return this.evaluateCall(node, scope);
      case 'binary_operator': {
        // LangChain pipes: `prompt | llm | parser` runs the model.
        if (node.childForFieldName('operator')?.type !== '|') return undefined;
        const left = this.evaluate(node.childForFieldName('left')!, scope);
        const right = this.evaluate(node.childForFieldName('right')!, scope);
        const model = [left, right].find((value): value is ClientValue => value?.kind === 'client' && value.facts.sdk === 'langchain');
        return model && { ...model, via: `${model.via}, piped` };
      }
      case 'boolean_operator': {
        // `client = existing or OpenAI()`
        const right = node.childForFieldName('right');
        return right ? this.evaluate(right, scope) : undefined;
      }
      default:
        return undefined;
    }
  }

  private evaluateAttribute(node: PyNode, scope: Scope): Value | undefined {
    const object = node.childForFieldName('object')!;
    const attribute = node.childForFieldName('attribute')!.text;
    if (object.type === 'identifier' && object.text === 'self' && scope.fn?.cls) {
      const member = scope.fn.cls.members.get(attribute);
      return member ? this.evaluate(member, this.classScope(scope)) : undefined;
    }
    const base = this.evaluate(object, scope);
    if (base?.kind === 'module') {
      if (pythonCatalogByModule.has(`${base.module}.${attribute}`)) return { kind: 'module', module: `${base.module}.${attribute}` };
      return { kind: 'import', module: base.module, name: attribute };
    }
    if (base?.kind === 'import' && !pythonCatalogByModule.has(base.module) && !isKnownModule(base.module)) {
      // `from app import ai` then `ai.client`: a name in a project submodule.
      const exported = this.resolveImport?.(base.name === '*' ? base.module : `${base.module}.${base.name}`, attribute);
      if (exported?.kind === 'client' && !exported.factory) return this.clientFromExport(exported);
    }
    return undefined;
  }

  /** Methods' `self.x` members are evaluated in the module's scope (what the method bodies can see). */
  private classScope(scope: Scope): Scope {
    let current = scope;
    while (current.parent) current = current.parent;
    return current;
  }

  private evaluateCall(node: PyNode, scope: Scope): Value | undefined {
    const callee = node.childForFieldName('function')!;
    const args = node.childForFieldName('arguments');
    const list = args?.type === 'argument_list' ? readArguments(args) : undefined;
    // A client transform: `client.with_options(timeout=5)`, `llm.with_retry()`, `llm.with_fallbacks([b])`.
    if (callee.type === 'attribute') {
      const method = callee.childForFieldName('attribute')!.text;
      const receiver = this.evaluate(callee.childForFieldName('object')!, scope);
      if (receiver?.kind === 'client') {
        const transform = receiver.facts.clientTransforms?.[method];
        if (transform === 'options') return { ...receiver, overrides: list?.options };
        if (transform === 'retry') return { ...receiver, retryWrapper: `.${method}()` };
        if (transform === 'fallback') return { ...receiver, fallback: `.${method}()` };
        if (transform === 'same') return receiver;
        return undefined;
      }
      if (receiver?.kind === 'boto3-session' && method === 'client') return this.construct(node, { module: 'boto3', name: 'client' }, list);
    }
    const target = this.evaluate(callee, scope);
    if (target?.kind === 'import') {
      if (PYTHON_CLIENT_WRAPPERS.has(target.module) && list?.positional[0]) {
        const inner = this.evaluate(list.positional[0], scope);
        return inner?.kind === 'client' ? { ...inner, via: `${inner.via}, wrapped by ${target.module}.${target.name}()` } : undefined;
      }
      if (target.module === 'boto3' && target.name === 'Session') return { kind: 'boto3-session' };
      const http = pythonHttpClients.find((facts) => facts.modules.includes(target.module));
      if (http && /^(Session|Client|AsyncClient|ClientSession)$/.test(target.name)) return { kind: 'http', facts: http, options: list?.options };
      if (pythonCatalogByModule.has(target.module)) return this.construct(node, target, list);
      // A project factory in another module: `get_client()`.
      const exported = this.resolveImport?.(target.module, target.name);
      if (exported?.kind === 'client' && exported.factory) return this.clientFromExport(exported);
      return undefined;
    }
    // A factory in this file: `def get_client(): return OpenAI(...)`.
    const binding = callee.type === 'identifier' ? scope.lookup(callee.text) : undefined;
    if (binding?.kind === 'function') {
      for (const returned of binding.fn.returns) {
        const value = this.evaluate(returned, binding.fn.scope);
        if (value?.kind === 'client') return value;
      }
    }
    return undefined;
  }

  private construct(node: PyNode, target: { module: string; name: string }, list: Arguments | undefined): Value | undefined {
    const found = pythonCatalogByModule.get(target.module)?.clients.get(target.name);
    if (!found || found.client.instance) return undefined;
    if (found.client.service && stringValue(list?.positional[0]) !== found.client.service) return undefined;
    let construction = this.clients.get(node.id);
    if (!construction) {
      const options = list?.options ?? noOptions();
      const assigned = node.parent?.type === 'assignment' && node.parent.childForFieldName('left')?.type === 'identifier' ? node.parent.childForFieldName('left')!.text : undefined;
      construction = {
        id: `${this.file}:${node.startIndex}`,
        sdk: found.sdk.sdk,
        constructorName: found.client.service ? `${target.module}.${target.name}` : target.name,
        module: target.module,
        file: this.file,
        span: spanOf(node),
        credentials: { options: found.client.keyOptions, env: found.client.keyEnv },
        options,
        optionsTarget: list?.target,
        boundTo: assigned,
      };
      this.clients.set(node.id, construction);
    }
    return { kind: 'client', facts: found.sdk, client: found.client, module: target.module, construction, known: true, via: `${target.name}() from ${target.module}` };
  }

  /** A retry or timeout helper by import (`tenacity.retry`, `asyncio.wait_for`) or by its name (`with_retries`). */
  private helperOf(call: PyNode, scope: Scope): { kind: 'retry' | 'timeout'; name: string } | undefined {
    const callee = call.childForFieldName('function');
    const name = dottedName(callee);
    if (!name || !callee || !HELPER_NAME.test(name.slice(name.lastIndexOf('.') + 1))) return undefined;
    const value = this.evaluate(callee, scope);
    if (value?.kind === 'import') {
      if (PYTHON_RETRY_HELPERS.get(value.module)?.has(value.name)) return { kind: 'retry', name };
      if (PYTHON_TIMEOUT_HELPERS.get(value.module)?.has(value.name)) return { kind: 'timeout', name };
    }
    const kind = resilienceOfName(name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()));
    return kind === 'retry' || kind === 'timeout' ? { kind, name } : undefined;
  }

  private retryDecorator(decorator: PyNode, scope: Scope): string | undefined {
    const expression = decorator.namedChild(0);
    if (!expression) return undefined;
    if (expression.type === 'call') return this.helperOf(expression, scope)?.kind === 'retry' ? dottedName(expression.childForFieldName('function')) : undefined;
    const name = dottedName(expression);
    const value = this.evaluate(expression, scope);
    if (name && value?.kind === 'import' && PYTHON_RETRY_HELPERS.get(value.module)?.has(value.name)) return name;
    return undefined;
  }

  // ---- call sites ----

  private siteOf(call: PendingCall): CallSite | undefined {
    const callee = call.node.childForFieldName('function');
    const args = call.node.childForFieldName('arguments');
    if (!callee || args?.type !== 'argument_list') return undefined;
    const list = readArguments(args);
    const found = this.apiOf(callee, call.scope, list);
    if (!found) return undefined;
    return this.buildSite(call, found, list);
  }

  /** The API a callee reaches: a client method, a module function, or an HTTP post to a model endpoint. */
  private apiOf(callee: PyNode, scope: Scope, list: Arguments): Found | undefined {
    if (callee.type === 'identifier') {
      const value = this.lookup(callee.text, scope);
      if (value?.kind !== 'import') return undefined;
      const exported = pythonCatalogByModule.get(value.module)?.functions.get(value.name);
      if (exported) return { facts: exported.sdk, api: exported.api, module: value.module, known: false, via: `${value.name} from ${value.module}` };
      const http = pythonHttpClients.find((facts) => facts.modules.includes(value.module));
      return http && PYTHON_HTTP_METHODS.has(value.name) ? this.httpApi(http, list, undefined, `${value.module}.${value.name}`, scope) : undefined;
    }
    if (callee.type !== 'attribute') return undefined;
    const path: string[] = [];
    let current: PyNode = callee;
    while (current.type === 'attribute') {
      path.unshift(current.childForFieldName('attribute')!.text);
      const object: PyNode = current.childForFieldName('object')!;
      const value = this.evaluate(object, scope);
      if (value && value.kind !== 'import') return this.apiOn(value, path, list, scope);
      current = object;
    }
    return undefined;
  }

  private apiOn(value: Value, path: string[], list: Arguments, scope: Scope): Found | undefined {
    const joined = path.join('.');
    if (value.kind === 'client') {
      const api = findClientApi(value.facts, joined.replace(/^aio\./, ''));
      return api && { facts: value.facts, api, module: value.module, client: value, known: value.known, via: value.via };
    }
    if (value.kind === 'module') {
      const catalog = pythonCatalogByModule.get(value.module);
      const fn = catalog?.functions.get(joined);
      if (fn) return { facts: fn.sdk, api: fn.api, module: value.module, known: false, via: `${value.module}.${joined}` };
      const instance = [...(catalog?.clients.values() ?? [])].find((entry) => entry.client.instance);
      const api = instance && findClientApi(instance.sdk, joined);
      if (instance && api) return { facts: instance.sdk, api, module: value.module, known: true, via: `the ${value.module} module's default client` };
      const http = pythonHttpClients.find((facts) => facts.modules.includes(value.module));
      return http && path.length === 1 && PYTHON_HTTP_METHODS.has(joined) ? this.httpApi(http, list, undefined, `${value.module}.${joined}`, scope) : undefined;
    }
    if (value.kind === 'http' && path.length === 1 && PYTHON_HTTP_METHODS.has(joined)) return this.httpApi(value.facts, list, value.options, `${value.facts.displayName} client .${joined}()`, scope);
    return undefined;
  }

  private httpApi(facts: SdkFacts, list: Arguments, clientOptions: OptionMap | undefined, via: string, scope: Scope): Found | undefined {
    // `requests.post(url, …)`, `client.request("POST", url, …)`, or `url=…`.
    const methodFirst = list.positional.length > 1 && /^[A-Za-z]+$/.test(stringValue(list.positional[0]) ?? '');
    const urlNode = list.keywords.get('url') ?? list.positional[methodFirst ? 1 : 0];
    const url = urlNode ? this.constantText(urlNode, scope) : undefined;
    const endpoint = url ? matchEndpoint(url) : undefined;
    if (!endpoint) return undefined;
    return { facts, api: endpoint, module: facts.modules[0], known: true, via, httpClientOptions: clientOptions, http: true };
  }

  /** A string's text, through a module constant or an f-string (`*` for what is only known at run time). */
  private constantText(node: PyNode, scope: Scope): string | undefined {
    if (node.type === 'identifier') {
      const binding = scope.lookup(node.text);
      return binding?.kind === 'value' && binding.node.type !== 'identifier' ? this.constantText(binding.node, scope) : undefined;
    }
    if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '+') {
      const left = this.constantText(node.childForFieldName('left')!, scope);
      const right = this.constantText(node.childForFieldName('right')!, scope) ?? '*';
      return left === undefined ? undefined : left + right;
    }
    if (node.type === 'string') {
      // `f"{BASE_URL}/v1/chat/completions"`: a leading interpolation of a known constant is read through.
      const first = node.namedChildren.find((child) => child?.type === 'interpolation' || child?.type === 'string_content');
      if (first?.type === 'interpolation' && first.namedChild(0)) {
        const base = this.constantText(first.namedChild(0)!, scope);
        const rest = templateText(node)?.replace(/^\*/, '');
        if (base !== undefined && rest !== undefined) return base + rest;
      }
    }
    return templateText(node);
  }

  private buildSite(call: PendingCall, found: Found, list: Arguments): CallSite {
    const { facts, api } = found;
    // HTTP calls carry the request payload in `json=`; options such as `timeout=` sit beside it.
    const payload = found.http ? list.options.entries.get('json')?.value : undefined;
    const body = payload?.kind === 'object' ? payload.options : found.http ? noOptions() : list.options;
    const client = found.client;
    const clientKnown = found.known && (client?.known ?? true);
    const sources = {
      body,
      requestOptions: found.http ? list.options : undefined,
      client: client?.construction,
      clientOverrides: client?.overrides ?? found.httpClientOptions,
      clientKnown,
      retryWrapper: client?.retryWrapper ?? call.retryHelper,
      timeoutWrapper: call.timeoutHelper,
    };
    const streaming = api.streaming === true || (api.streaming === 'body.stream' && body.entries.get('stream')?.value.kind === 'boolean' && (body.entries.get('stream')!.value as { value: boolean }).value);
    const guarded = this.guardOf(call, client, list);
    const resultBinding = resultBindingOf(call.node);
    return {
      id: `${this.file}:${call.node.startIndex}`,
      file: this.file,
      span: spanOf(call.node),
      calleeSpan: spanOf(call.node.childForFieldName('function')!),
      language: 'python',
      anchors: anchorsOf(call.holders),
      sdk: facts.sdk,
      operation: api.operation,
      api: api.path,
      module: found.http ? facts.modules[0] : found.module,
      streaming,
      model: this.modelOf(api, found, body, list),
      client: client?.construction,
      clientKnown,
      options: body,
      targets: found.http ? { body: payload?.kind === 'object' ? payload.target : undefined, requestOptions: list.target } : { body: list.target },
      effective: { timeout: effectiveTimeout(facts, sources), retries: effectiveRetries(facts, sources) },
      recognizedBy: found.via,
      enclosingFunction: call.fn?.name,
      guarded,
      logged: this.loggingOf(call, resultBinding?.name, facts, list),
      resultBinding,
      statement: statementTargetOf(call.node),
      stream: undefined,
      promptInputs: this.promptOf(call, api, list, payload?.kind === 'object' ? payload.options : undefined),
      outputUse: { jsonParses: this.jsonParsesOf(call, resultBinding?.name) },
    };
  }

  private modelOf(api: ApiFacts, found: Found, body: OptionMap, list: Arguments): ModelRef | undefined {
    if (!api.model) return undefined;
    const options = found.client?.construction?.options;
    const entry = api.model.place === 'body' ? body.entries.get(api.model.path) : options?.entries.get(api.model.path) ?? options?.entries.get('model_name');
    if (entry?.value.kind === 'string') return { value: entry.value.value, span: entry.valueSpan };
    if (entry) return { dynamic: true, span: entry.valueSpan, expression: entry.value.kind === 'expression' ? entry.value.text : undefined };
    // litellm.completion("gpt-4o", messages): the model as the first argument.
    const positional = found.facts.sdk === 'litellm' ? list.positional[0] : undefined;
    const text = stringValue(positional);
    return text !== undefined && positional ? { value: text, span: spanOf(positional) } : undefined;
  }

  private guardOf(call: PendingCall, client: ClientValue | undefined, list: Arguments): Guarded {
    const fallbackOption = list.options.entries.has('fallbacks') ? 'fallbacks=' : undefined;
    return {
      fallback: client?.fallback ?? fallbackOption,
      tryCatch: call.tryNode ? { span: spanOf(call.tryNode), handling: tryHandling(call.tryNode, this.isLogger) } : undefined,
      promiseCatch: false,
    };
  }

  private loggingOf(call: PendingCall, result: string | undefined, facts: SdkFacts, list: Arguments): CallSite['logged'] {
    const logs = (call.fn?.logs ?? []).filter((log) => log.start > call.node.startIndex);
    const byOption = facts.auditOptions.find((option) => list.options.entries.has(option) || call.node.text.includes(`${option}=`));
    const recorder = result ? logs.find((log) => log.mentions.has(result)) : logs[0];
    return {
      audit: recorder !== undefined || byOption !== undefined,
      by: recorder?.callee ?? byOption,
      calls: logs.map((log) => ({ span: { start: log.start, end: log.end }, callee: log.callee, mentions: [...log.mentions] })),
    };
  }

  private promptOf(call: PendingCall, api: ApiFacts, list: Arguments, payload: OptionMap | undefined) {
    if (!api.prompt) return [];
    const reader = new PythonPromptReader((name) => this.sourceOf(name, call), this.redactors);
    if (api.prompt.argument) return list.positional[0] ? reader.readArgument(list.positional[0]) : [];
    const keywords = new Map<string, PyNode>();
    const args = call.node.childForFieldName('arguments')!;
    for (const child of args.namedChildren) {
      if (child?.type !== 'keyword_argument') continue;
      const value = child.childForFieldName('value');
      if (!value) continue;
      // HTTP payloads: `json={"messages": [...]}`.
      if (payload && child.childForFieldName('name')?.text === 'json' && value.type === 'dictionary') {
        for (const pair of value.namedChildren) {
          const key = stringValue(pair?.childForFieldName('key'));
          const inner = pair?.childForFieldName('value');
          if (key !== undefined && inner) keywords.set(key, inner);
        }
      } else {
        keywords.set(child.childForFieldName('name')!.text, value);
      }
    }
    return reader.read(keywords, api.prompt);
  }

  /** A parameter of a web handler, a value read from the request, or something else. */
  private sourceOf(name: string, call: PendingCall): PromptSource {
    const binding = call.scope.lookup(name);
    if (binding?.kind === 'param') return 'param';
    if (binding?.kind === 'value' && isRequestRead(binding.node)) return 'request';
    return 'unknown';
  }

  private jsonParsesOf(call: PendingCall, result: string | undefined): JsonParse[] {
    if (!result) return [];
    return this.jsonParses
      .filter((parse) => parse.fn === call.fn && parse.node.startIndex > call.node.startIndex && parse.mentions.has(result))
      .map((parse) => ({ span: spanOf(parse.node), validatedBy: this.validatorOf(parse.node, call.fn) }));
  }

  /** `Model.model_validate(json.loads(…))`, or the parsed value later passed to a validator or `Model(**data)`. */
  private validatorOf(parse: PyNode, fn: FunctionInfo | undefined): string | undefined {
    for (let node = parse.parent; node && node.type !== 'function_definition'; node = node.parent) {
      if (node.type === 'call') {
        const callee = dottedName(node.childForFieldName('function'));
        if (callee && isPythonValidator(callee)) return callee;
      }
      if (node.type === 'expression_statement') break;
    }
    const assigned = parse.parent?.type === 'assignment' ? parse.parent.childForFieldName('left') : undefined;
    if (assigned?.type !== 'identifier') return undefined;
    return this.validators.find((validator) => validator.fn === fn && validator.node.startIndex > parse.startIndex && validator.mentions.has(assigned.text))?.callee;
  }

  // ---- wrappers and exports ----

  /** Calls to a function of this file that makes an AI call: the caller's view of that call. */
  private wrapperSites(direct: readonly [PendingCall, CallSite][]): CallSite[] {
    const byFunction = new Map<FunctionInfo, CallSite>();
    for (const [call, site] of direct) if (call.fn && !byFunction.has(call.fn)) byFunction.set(call.fn, site);
    const sited = new Set(direct.map(([call]) => call));
    const sites: CallSite[] = [];
    for (const call of this.calls) {
      if (sited.has(call)) continue;
      const fn = this.calledFunction(call);
      const local = fn && fn !== call.fn ? byFunction.get(fn) : undefined;
      const imported = local ? undefined : this.importedWrapper(call);
      if (!local && !imported) continue;
      const wraps = local ? wrappedCallOf(local) : imported!.wraps;
      const name = local ? fn!.name : imported!.name;
      const where = imported ? ` from ${this.relative(imported.file)}` : '';
      const own = call.tryNode ? { span: spanOf(call.tryNode), handling: tryHandling(call.tryNode, this.isLogger) } : undefined;
      sites.push({
        ...wrappedSiteBase(wraps),
        file: this.file,
        language: 'python',
        id: `${this.file}:${call.node.startIndex}`,
        span: spanOf(call.node),
        calleeSpan: spanOf(call.node.childForFieldName('function')!),
        anchors: anchorsOf(call.holders),
        sdk: 'wrapper',
        api: name,
        module: undefined,
        client: undefined,
        options: noOptions(),
        targets: {},
        recognizedBy: `${name}()${where}, a project function that calls ${wraps.sdk} ${wraps.api}`,
        enclosingFunction: call.fn?.name,
        guarded: own ? { tryCatch: own, promiseCatch: false } : wraps.guarded,
        logged: { audit: wraps.audited, calls: [] },
        resultBinding: resultBindingOf(call.node),
        statement: statementTargetOf(call.node),
        promptInputs: [],
        outputUse: { jsonParses: [] },
        wraps,
      });
    }
    return sites;
  }

  /** `from app.ai import summarize` then `summarize(…)`: a wrapper another module exports. */
  private importedWrapper(call: PendingCall): Extract<ExportedValue, { kind: 'wrapper' }> | undefined {
    const callee = call.node.childForFieldName('function');
    if (callee?.type !== 'identifier' || !this.resolveImport) return undefined;
    const binding = call.scope.lookup(callee.text);
    if (binding?.kind !== 'import' || pythonCatalogByModule.has(binding.module) || isKnownModule(binding.module)) return undefined;
    const exported = this.resolveImport(binding.module, binding.name);
    return exported?.kind === 'wrapper' ? exported : undefined;
  }

  private calledFunction(call: PendingCall): FunctionInfo | undefined {
    const callee = call.node.childForFieldName('function');
    if (callee?.type === 'identifier') {
      const binding = call.scope.lookup(callee.text);
      return binding?.kind === 'function' ? binding.fn : undefined;
    }
    if (callee?.type === 'attribute' && callee.childForFieldName('object')?.text === 'self') {
      return call.fn?.cls?.methods.get(callee.childForFieldName('attribute')!.text);
    }
    return undefined;
  }

  private exports(direct: readonly [PendingCall, CallSite][]): ExportSummary {
    const names = new Map<string, ExportedValue>();
    for (const [name, binding] of this.module.names) {
      if (binding.kind === 'value') {
        const value = this.evaluate(binding.node, this.module);
        if (value?.kind === 'client') names.set(name, this.exportedClient(value, false));
      } else if (binding.kind === 'function') {
        const factory = binding.fn.returns.map((node) => this.evaluate(node, binding.fn.scope)).find((value): value is ClientValue => value?.kind === 'client');
        if (factory) {
          names.set(name, this.exportedClient(factory, true));
          continue;
        }
        const inner = direct.find(([call]) => call.fn === binding.fn)?.[1];
        if (inner) names.set(name, { kind: 'wrapper', name, file: this.file, wraps: wrappedCallOf(inner) });
      } else if (binding.kind === 'import' && !pythonCatalogByModule.has(binding.module) && !isKnownModule(binding.module) && binding.name !== '*') {
        names.set(name, { kind: 'reexport', module: binding.module, exportName: binding.name });
      }
    }
    return { names, star: this.star };
  }

  private exportedClient(value: ClientValue, factory: boolean): ExportedValue {
    return {
      kind: 'client',
      sdk: value.facts.sdk,
      module: value.module,
      construction: value.construction,
      known: value.known,
      retryWrapper: value.retryWrapper,
      fallback: value.fallback,
      via: value.via,
      factory,
    };
  }

  private relative(file: string): string {
    const from = this.file.replace(/\\/g, '/').split('/').slice(0, -1);
    const to = file.replace(/\\/g, '/').split('/');
    let common = 0;
    while (common < from.length && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/') || file;
  }
}

interface WalkContext {
  scope: Scope;
  fn?: FunctionInfo;
  cls?: ClassInfo;
  tryNode?: PyNode;
  timeoutHelper?: string;
  retryHelper?: string;
  holders?: Holders;
}

interface Found {
  facts: SdkFacts;
  api: ApiFacts;
  module: string;
  client?: ClientValue;
  known: boolean;
  via: string;
  http?: boolean;
  httpClientOptions?: OptionMap;
}

/** Every name a Python AI call can end in: API leaves, module functions, and HTTP `post`/`request`. */
const PYTHON_CALL_LEAVES: ReadonlySet<string> = new Set([
  ...pythonCatalog.flatMap((sdk) => [...sdk.clientApis, ...sdk.functionApis].map((api) => api.path.slice(api.path.lastIndexOf('.') + 1))),
  ...PYTHON_HTTP_METHODS,
]);

function calleeLeaf(call: PyNode): string | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'attribute') return callee.childForFieldName('attribute')?.text;
  return undefined;
}

/** Packages the catalog knows (SDKs, HTTP clients, retry and timeout helpers, client wrappers): never project modules. */
const CATALOG_PACKAGES: ReadonlySet<string> = new Set(
  [
    ...pythonCatalog.flatMap((sdk) => sdk.modules),
    ...pythonHttpClients.flatMap((sdk) => sdk.modules),
    ...PYTHON_RETRY_HELPERS.keys(),
    ...PYTHON_TIMEOUT_HELPERS.keys(),
    ...PYTHON_CLIENT_WRAPPERS.keys(),
  ].map((module) => module.split('.')[0]),
);

/** The standard library and common frameworks: their attributes are never a project's clients. */
const OTHER_PACKAGES = /^(os|sys|json|re|time|typing|dataclasses|functools|itertools|pathlib|datetime|logging|collections|contextlib|enum|uuid|math|random|abc|pydantic|fastapi|flask|django|starlette|jsonschema|orjson|ujson|structlog|opentelemetry|langfuse|langsmith|botocore)(\.|$)/;

/** A module whose names are not looked up in the project index. */
function isKnownModule(module: string): boolean {
  return CATALOG_PACKAGES.has(module.split('.')[0]) || OTHER_PACKAGES.test(module);
}

function tryHandling(tryNode: PyNode, isLogger: LoggerMatcher) {
  const clauses = tryNode.namedChildren.filter((child): child is PyNode => child?.type === 'except_clause' || child?.type === 'except_group_clause');
  if (clauses.length === 0) return 'rethrow' as const;
  const handlings = clauses.map((clause) => classifyExcept(clause, isLogger));
  // The best handling among the clauses decides: one clause that answers with a fallback handles the failure.
  for (const handling of ['fallback', 'log-only', 'empty', 'rethrow'] as const) if (handlings.includes(handling)) return handling;
  return 'rethrow' as const;
}

/** `r = client…create(…)`, `r = await …`: the name the result is bound to. */
function resultBindingOf(call: PyNode): CallSite['resultBinding'] {
  let node = call;
  while (node.parent && (node.parent.type === 'await' || node.parent.type === 'parenthesized_expression')) node = node.parent;
  const assignment = node.parent?.type === 'assignment' && node.parent.childForFieldName('right')?.id === node.id ? node.parent : undefined;
  const left = assignment?.childForFieldName('left');
  if (left?.type === 'identifier') return { name: left.text, destructured: [] };
  return undefined;
}

/** The statement that holds the call, to the end of its block, for fixes that add or wrap statements. */
function statementTargetOf(call: PyNode): StatementTarget | undefined {
  let statement: PyNode | null = call;
  while (statement && statement.parent && !BLOCKS.has(statement.parent.type)) statement = statement.parent;
  const block = statement?.parent;
  if (!statement || !block) return undefined;
  const siblings = block.namedChildren.filter((child): child is PyNode => child !== null);
  const last = siblings[siblings.length - 1];
  const range = block.text.slice(statement.startIndex - block.startIndex, last.endIndex - block.startIndex);
  return {
    start: statement.startIndex,
    end: statement.endIndex,
    blockEnd: last.endIndex,
    indent: ' '.repeat(statement.startPosition.column),
    reindentable: !/"""|'''/.test(range) && !/\t/.test(range),
  };
}

/** Syntax errors (ERROR and MISSING nodes), found without recursion: only subtrees that hold one are entered. */
function parseProblemsOf(root: PyNode): Pick<FileFacts, 'parseErrors' | 'brokenRegions'> {
  if (!root.hasError) return { parseErrors: 0, brokenRegions: [] };
  const errors: number[] = [];
  const pending: PyNode[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'ERROR' || node.isMissing) errors.push(node.startIndex);
    if (node.hasError) for (const child of node.children) if (child) pending.push(child);
  }
  const statements = root.namedChildren.flatMap((child) => (child ? [{ start: child.startIndex, end: child.endIndex }] : []));
  return { parseErrors: errors.length, brokenRegions: brokenRegions(statements, errors) };
}

/** The parts of a call site a wrapper's callers inherit, for a wrapper defined in another module. */
function wrappedSiteBase(wraps: WrappedCall): Pick<CallSite, 'operation' | 'streaming' | 'model' | 'effective' | 'clientKnown' | 'stream'> {
  return { operation: wraps.operation, streaming: wraps.streaming, model: wraps.model !== undefined ? { value: wraps.model } : undefined, effective: wraps.effective, clientKnown: true, stream: undefined };
}
