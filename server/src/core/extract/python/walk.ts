// The walk: one pass with a tree cursor, binding names and recording calls with what surrounds them.
import { PROPERTY_DECORATORS, PYTHON_JSON_PARSERS } from '../../catalog/python';
import { MAX_WALK_DEPTH } from '../shared/limits';
import { isPythonValidator } from './handling';
import type { PyNode, PyTreeCursor as TreeCursor } from './parser';
import { Scope, type Binding, type ClassInfo, type FunctionInfo, type Member } from './scope';
import { dottedName, mentions } from './syntax';
import { BLOCKS, PyFile, WalkContext } from './context';
import { helperOf, retryDecorator } from './resilience';

// ---- the walk: bindings, calls and their context ----

/** What the walk does at a node kind it reads; `true` to walk the children as usual afterwards. */
type Handler = (cx: PyFile, node: PyNode, context: WalkContext) => boolean;

/** The node kinds the walk reads; everything else is passed through with the cursor. */
const HANDLERS = new Map<string, Handler>([
  ['import_statement', onImport],
  ['import_from_statement', onImport],
  ['future_import_statement', onImport],
  ['decorated_definition', onDecoratedDefinition],
  ['function_definition', onDefinition],
  ['class_definition', onDefinition],
  ['assignment', onAssignment],
  ['global_statement', onGlobal],
  ['return_statement', onReturn],
  ['with_statement', (cx, node, context) => (walkWith(cx, node, context), false)],
  ['for_statement', (cx, node, context) => (walkFor(cx, node, context), false)],
  ['try_statement', (cx, node, context) => (walkTry(cx, node, context), false)],
  ['call', (cx, node, context) => (recordCall(cx, node, context), false)],
]);

export function walk(cx: PyFile, node: PyNode, context: WalkContext): void {
  const handler = HANDLERS.get(node.type);
  if (!handler || handler(cx, node, context)) walkChildren(cx, node, context);
}

function onImport(cx: PyFile, node: PyNode, context: WalkContext): boolean {
  bindImports(cx, node, context.scope);
  return false;
}

function onDecoratedDefinition(cx: PyFile, node: PyNode, context: WalkContext): boolean {
  const definition = node.childForFieldName('definition');
  const decorators = node.namedChildren.filter((child): child is PyNode => child?.type === 'decorator');
  if (definition) walkDefinition(cx, definition, context, decorators, node);
  return false;
}

function onDefinition(cx: PyFile, node: PyNode, context: WalkContext): boolean {
  walkDefinition(cx, node, context, [], node);
  return false;
}

function onAssignment(cx: PyFile, node: PyNode, context: WalkContext): boolean {
  bindAssignment(cx, node, context);
  return true;
}

function onGlobal(_cx: PyFile, node: PyNode, context: WalkContext): boolean {
  if (context.fn) for (const name of node.namedChildren) if (name?.type === 'identifier') (context.fn.globals ??= new Set()).add(name.text);
  return false;
}

function onReturn(_cx: PyFile, node: PyNode, context: WalkContext): boolean {
  // A function's returned expressions make it a factory when they hold a client.
  const returned = node.namedChild(0);
  if (context.fn && returned) context.fn.returns.push(returned);
  return true;
}

/**
 * Children are visited with a tree cursor: only the node kinds the walk handles become Node objects (creating
 * one per node is most of the cost of walking a tree-sitter tree from JavaScript).
 */
export function walkChildren(cx: PyFile, node: PyNode, context: WalkContext): void {
  const cursor = node.walk();
  try {
    if (cursor.gotoFirstChild()) walkSiblings(cx, cursor, context, BLOCKS.has(node.type));
  } finally {
    cursor.delete();
  }
}

/** Every descent passes here; a depth bound keeps hostile nesting from overflowing the stack. */
export function walkSiblings(cx: PyFile, cursor: TreeCursor, context: WalkContext, isBlock: boolean): void {
  if (cx.depth >= MAX_WALK_DEPTH) {
    cx.tooDeepAt ??= cursor.startIndex;
    return;
  }
  cx.depth++;
  try {
    walkSiblingsAtDepth(cx, cursor, context, isBlock);
  } finally {
    cx.depth--;
  }
}

export function walkSiblingsAtDepth(cx: PyFile, cursor: TreeCursor, context: WalkContext, isBlock: boolean): void {
  do {
    if (!cursor.nodeIsNamed) continue;
    const type = cursor.nodeType;
    const inner = isBlock ? { ...context, holders: { start: cursor.startIndex, outer: context.holders } } : context;
    if (HANDLERS.has(type)) {
      walk(cx, cursor.currentNode, inner);
    } else if (cursor.gotoFirstChild()) {
      walkSiblings(cx, cursor, inner, BLOCKS.has(type));
      cursor.gotoParent();
    }
  } while (cursor.gotoNextSibling());
}

export function walkDefinition(cx: PyFile, node: PyNode, context: WalkContext, decorators: PyNode[], holder: PyNode): void {
  const name = node.childForFieldName('name')?.text ?? '';
  const body = node.childForFieldName('body');
  if (node.type === 'class_definition') {
    // Read on first use: most classes are never asked for their bases, and each read crosses into WebAssembly.
    let bases: PyNode[] | undefined;
    const cls: ClassInfo = {
      name,
      get bases() {
        return (bases ??= node.childForFieldName('superclasses')?.namedChildren.filter((base): base is PyNode => base !== null && base.type !== 'keyword_argument') ?? []);
      },
      members: new Map(),
      methods: new Map(),
    };
    context.scope.bind(name, { kind: 'class', cls });
    if (body) walkChildren(cx, body, { ...context, cls, holders: { start: holder.startIndex, outer: context.holders } });
    return;
  }
  const scope = new Scope(context.scope);
  let returnType: PyNode | null | undefined;
  const fn: FunctionInfo = {
    name,
    node,
    scope,
    cls: context.cls,
    returns: [],
    // Read on first use, like a class's bases.
    get returnType() {
      if (returnType === undefined) returnType = node.childForFieldName('return_type');
      return returnType ?? undefined;
    },
    logs: [],
    property: decorators.some(isPropertyDecorator),
  };
  scope.fn = fn;
  // `@client.setter` shares the property's name: reading `self.client` still runs the getter.
  if (context.cls && !decorators.some((decorator) => isAccessorOf(decorator, name))) context.cls.methods.set(name, fn);
  else if (!context.cls) context.scope.bind(name, { kind: 'function', fn });
  for (const parameter of node.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter) continue;
    const identifier = parameter.type === 'identifier' ? parameter : parameter.namedChildren.find((child) => child?.type === 'identifier');
    if (identifier) scope.bind(identifier.text, { kind: 'param', node: parameter, annotation: parameter.childForFieldName('type') ?? undefined });
  }
  for (const decorator of decorators) walkChildren(cx, decorator, context);
  const retryHelper = decorators.map((decorator) => retryDecorator(cx, decorator, context.scope)).find(Boolean);
  if (body) {
    walkChildren(cx, body, {
      scope,
      fn,
      cls: context.cls,
      retryHelper,
      holders: { start: holder.startIndex, outer: context.holders },
    });
  }
}

export function walkWith(cx: PyFile, node: PyNode, context: WalkContext): void {
  let timeoutHelper = context.timeoutHelper;
  let retryHelper = context.retryHelper;
  // This statement's own items only: a nested `with` in the body is walked on its own.
  const items = node.namedChildren.find((child) => child?.type === 'with_clause')?.namedChildren ?? [];
  for (const item of items) {
    if (item?.type !== 'with_item') continue;
    const value = item.childForFieldName('value');
    const [expression, alias] = value?.type === 'as_pattern' ? [value.namedChild(0), value.childForFieldName('alias')?.namedChild(0) ?? value.namedChild(1)] : [value, undefined];
    if (expression?.type === 'call') {
      const helper = helperOf(cx, expression, context.scope);
      if (helper?.kind === 'timeout') timeoutHelper = helper.name;
      if (helper?.kind === 'retry') retryHelper = helper.name;
      recordCall(cx, expression, context);
    }
    if (alias?.type === 'identifier' && expression) context.scope.bind(alias.text, { kind: 'value', node: expression, scope: context.scope });
  }
  const body = node.childForFieldName('body');
  if (body) walkChildren(cx, body, { ...context, timeoutHelper, retryHelper });
}

/** `for attempt in Retrying(...)`: the loop body runs under tenacity's policy. */
export function walkFor(cx: PyFile, node: PyNode, context: WalkContext): void {
  const right = node.childForFieldName('right');
  const helper = right?.type === 'call' ? helperOf(cx, right, context.scope) : undefined;
  if (right) walk(cx, right, context);
  const body = node.childForFieldName('body');
  if (body) walkChildren(cx, body, helper?.kind === 'retry' ? { ...context, retryHelper: helper.name } : context);
  // tree-sitter hands out a new object per access: nodes are compared by id.
  for (const child of node.namedChildren) if (child && child.id !== right?.id && child.id !== body?.id && child.type !== 'identifier') walk(cx, child, context);
}

export function walkTry(cx: PyFile, node: PyNode, context: WalkContext): void {
  for (const child of node.namedChildren) {
    if (!child) continue;
    const guarded = child.id === node.childForFieldName('body')?.id;
    walk(cx, child, guarded ? { ...context, tryNode: node, holders: context.holders } : context);
  }
}

export function recordCall(cx: PyFile, node: PyNode, context: WalkContext): void {
  cx.calls.push({ node, scope: context.scope, fn: context.fn, tryNode: context.tryNode, timeoutHelper: context.timeoutHelper, retryHelper: context.retryHelper, holders: context.holders });
  const callee = dottedName(node.childForFieldName('function'));
  const args = node.childForFieldName('arguments');
  if (callee && cx.isLogger(callee) && context.fn) {
    context.fn.logs.push({ start: node.startIndex, end: node.endIndex, callee, mentions: args ? mentions(args) : new Set() });
  }
  if (callee?.endsWith('.update') && context.fn) (context.fn.dictWrites ??= []).push({ name: callee.slice(0, -'.update'.length), node });
  if (callee && PYTHON_JSON_PARSERS.has(callee) && args) cx.jsonParses.push({ node, fn: context.fn, mentions: mentions(args) });
  // `Model.model_validate(data)`, or `Model(**data)`: what checks a parsed value.
  const constructsModel = callee !== undefined && /(^|\.)[A-Z]\w*$/.test(callee) && args?.text.includes('**');
  if (callee && args && (isPythonValidator(callee) || constructsModel)) {
    cx.validators.push({ fn: context.fn, node, callee, mentions: mentions(args) });
  }
  // `asyncio.wait_for(call(), timeout=…)`: what runs inside is bounded.
  const helper = helperOf(cx, node, context.scope);
  const inner = helper?.kind === 'timeout' ? { ...context, timeoutHelper: helper.name } : helper?.kind === 'retry' ? { ...context, retryHelper: helper.name } : context;
  walkChildren(cx, node, inner);
}

export function bindImports(cx: PyFile, node: PyNode, scope: Scope): void {
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
      cx.star.push(module);
    } else if (child.type === 'aliased_import') {
      const name = child.childForFieldName('name')?.text ?? '';
      scope.bind(child.childForFieldName('alias')?.text ?? name, { kind: 'import', module, name });
    } else if (child.type === 'dotted_name') {
      scope.bind(child.text, { kind: 'import', module, name: child.text });
    }
  }
}

export function bindAssignment(cx: PyFile, node: PyNode, context: WalkContext): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right') ?? undefined;
  const annotation = node.childForFieldName('type') ?? undefined;
  if (!left || (!right && !annotation)) return;
  if ((left.type === 'pattern_list' || left.type === 'tuple_pattern') && right) return bindDestructuring(cx, left, right, context);
  if (left.type === 'identifier') {
    const scope = context.fn?.globals?.has(left.text) ? cx.module : context.scope;
    if (right) scope.bind(left.text, { kind: 'value', node: right, scope: context.scope });
    // A class body's `client: AsyncAnthropic` (dataclass fields, declared attributes) is what `self.client` holds.
    if (context.cls && !context.fn) addMember(context.cls, left.text, { node: right, scope: context.scope, annotation });
  } else if (left.type === 'subscript') {
    const container = left.childForFieldName('value');
    if (right && container && (container.type === 'identifier' || container.type === 'attribute')) {
      const writes = cx.containerWrites.get(container.text) ?? [];
      cx.containerWrites.set(container.text, [...writes, { node: right, scope: context.scope }]);
    }
    if (context.fn && container?.type === 'identifier') (context.fn.dictWrites ??= []).push({ name: container.text, node });
  } else if (left.type === 'attribute' && context.cls && left.childForFieldName('object')?.text === 'self') {
    addMember(context.cls, left.childForFieldName('attribute')!.text, { node: right, scope: context.scope, annotation });
  }
}

/**
 * `self.client, self.model = client, model` binds each target to its own value; `complete, acomplete = make()`
 * binds each to an element of what the call returns (a factory handing back a pair of closures).
 */
function bindDestructuring(cx: PyFile, left: PyNode, right: PyNode, context: WalkContext): void {
  const targets = left.namedChildren.filter((target): target is PyNode => target !== null);
  const values = right.type === 'expression_list' || right.type === 'tuple' ? right.namedChildren.filter((value): value is PyNode => value !== null) : undefined;
  if (values) {
    if (values.length !== targets.length) return;
    targets.forEach((target, index) => bindTarget(cx, target, { kind: 'value', node: values[index], scope: context.scope }, context));
    return;
  }
  const call = right.type === 'await' ? right.namedChild(0) : right;
  if (call?.type !== 'call') return;
  targets.forEach((target, index) => bindTarget(cx, target, { kind: 'element', node: call, index, scope: context.scope }, context));
}

function bindTarget(cx: PyFile, target: PyNode, binding: Extract<Binding, { kind: 'value' | 'element' }>, context: WalkContext): void {
  if (target.type === 'identifier') {
    const scope = context.fn?.globals?.has(target.text) ? cx.module : context.scope;
    scope.bind(target.text, binding);
    return;
  }
  if (target.type !== 'attribute' || !context.cls || target.childForFieldName('object')?.text !== 'self') return;
  const name = target.childForFieldName('attribute')!.text;
  if (binding.kind === 'value') return addMember(context.cls, name, { node: binding.node, scope: context.scope });
  const member = context.cls.members.get(name) ?? { scope: context.scope };
  context.cls.members.set(name, { ...member, destructured: [...(member.destructured ?? []), { node: binding.node, scope: context.scope, index: binding.index }] });
}

/** The first assignment is kept unless a later one constructs something; a declared type is kept from any of them. */
function addMember(cls: ClassInfo, name: string, member: Member): void {
  const existing = cls.members.get(name);
  const node = !existing?.node || member.node?.type === 'call' ? member.node ?? existing?.node : existing.node;
  const scope = node === existing?.node && existing ? existing.scope : member.scope;
  const dropped = node === member.node ? existing : member;
  const others = [...(existing?.others ?? []), ...(dropped?.node ? [{ node: dropped.node, scope: dropped.scope }] : [])];
  cls.members.set(name, { node, scope, annotation: existing?.annotation ?? member.annotation, others, destructured: existing?.destructured });
}

/** `@client.setter` or `@client.deleter` on a method named `client`. */
function isAccessorOf(decorator: PyNode, name: string): boolean {
  const written = dottedName(decorator.namedChild(0));
  return written === `${name}.setter` || written === `${name}.deleter`;
}

/** `@property`, `@cached_property`, `@functools.cached_property`: the method is read as an attribute. */
function isPropertyDecorator(decorator: PyNode): boolean {
  const name = dottedName(decorator.namedChild(0));
  return name !== undefined && PROPERTY_DECORATORS.has(name.slice(name.lastIndexOf('.') + 1));
}
