// Calls into the project's own classes: `self.model.generate(…)` where `self.model` holds a project class
// (built here, passed in with a type hint, or annotated) whose `generate` makes an AI call — in the class itself,
// a base it inherits from, or a subclass that overrides it (the caller may hold any of them).
import type { CallSite, ExportedValue, HeldMember, ImportRef, WrappedCall } from '../../model';
import { wrappedCallOf } from '../shared/wrapped';
import type { PyNode } from './parser';
import type { ClassInfo, FunctionInfo, Member, Scope } from './scope';
import type { PendingCall, PyFile } from './context';
import { baseName, inheritedMember, lineage, MAX_CLASS_DEPTH, moduleClasses } from './inheritance';

/** The AI call a method reaches, by function: filled in as wrappers are found, level by level. */
export type ReachedByFunction = ReadonlyMap<FunctionInfo, CallSite>;

/** A method of a project class that reaches an AI call, and where the class is declared. */
export interface ClassMethodTarget {
  className: string;
  method: string;
  wraps: WrappedCall;
  /** The module the class comes from, when it is imported. */
  file?: string;
}

/** What a call of `method` on an instance of `cls` can reach: its own or inherited method, or a subclass's override. */
export function classMethodWraps(cx: PyFile, cls: ClassInfo, method: string, reached: ReachedByFunction): WrappedCall | undefined {
  const { up, down } = dispatch(cx, method, reached);
  return up(cls, 0) ?? down(cls, 0);
}

/** What `method` runs when the class itself or one of its subclasses (here or in other modules) implements it. */
function implementedWraps(cx: PyFile, cls: ClassInfo, method: string, reached: ReachedByFunction): WrappedCall | undefined {
  const { own, down } = dispatch(cx, method, reached);
  return own(cls) ?? down(cls, 0);
}

function dispatch(cx: PyFile, method: string, reached: ReachedByFunction) {
  const classes = moduleClasses(cx);
  const byName = new Map(classes.map((candidate) => [candidate.name, candidate]));
  const own = (candidate: ClassInfo) => {
    const fn = candidate.methods.get(method);
    const site = fn && reached.get(fn);
    return site && wrappedCallOf(site);
  };
  const up = (candidate: ClassInfo, depth: number): WrappedCall | undefined => {
    if (depth > MAX_CLASS_DEPTH) return undefined;
    if (candidate.methods.has(method)) return own(candidate);
    for (const base of candidate.bases) {
      const parent = byName.get(baseName(base) ?? '');
      const found = parent ? up(parent, depth + 1) : importedBaseMethods(cx, base)?.get(method);
      if (found) return found;
    }
    return undefined;
  };
  const down = (candidate: ClassInfo, depth: number): WrappedCall | undefined => {
    if (depth > MAX_CLASS_DEPTH) return undefined;
    for (const sub of classes) {
      if (!sub.bases.some((base) => baseName(base) === candidate.name)) continue;
      const found = own(sub) ?? down(sub, depth + 1);
      if (found) return found;
    }
    // Subclasses in modules this one never imports (provider classes implementing an abstract method).
    return cx.resolveImport?.subclassMethods?.(candidate.name)?.get(method);
  };
  return { own, up, down };
}

/** What the module exports of a class: every method name that reaches an AI call, and those the class or its subclasses implement. */
export function classExports(cx: PyFile, cls: ClassInfo, reached: ReachedByFunction): { methods: Map<string, WrappedCall>; implemented: string[] } {
  const names = new Set<string>();
  for (const candidate of moduleClasses(cx)) {
    for (const name of candidate.methods.keys()) names.add(name);
    for (const base of candidate.bases) for (const name of importedBaseMethods(cx, base)?.keys() ?? []) names.add(name);
  }
  const methods = new Map<string, WrappedCall>();
  const implemented: string[] = [];
  for (const name of names) {
    const wraps = classMethodWraps(cx, cls, name, reached);
    if (!wraps) continue;
    methods.set(name, wraps);
    if (implementedWraps(cx, cls, name, reached)) implemented.push(name);
  }
  return { methods, implemented };
}

/** The bases a class imports from other project modules, as the module imports them (`base.BaseLLM` included). */
export function importedBases(cx: PyFile, cls: ClassInfo): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const written of cls.bases) {
    const base = written.type === 'subscript' ? written.childForFieldName('value') : written;
    if (base?.type === 'identifier') {
      const binding = cx.module.lookup(base.text);
      if (binding?.kind === 'import' && binding.name !== '*') refs.push({ module: binding.module, name: binding.name });
    } else if (base?.type === 'attribute') {
      const object = base.childForFieldName('object');
      const name = base.childForFieldName('attribute')?.text;
      const binding = object ? cx.module.lookup(object.text) : undefined;
      if (name && binding?.kind === 'import') refs.push({ module: binding.name === '*' ? binding.module : `${binding.module}.${binding.name}`, name });
    }
  }
  return refs;
}

/** `recv.method(…)` where `recv` holds a project class with that method reaching an AI call. */
export function classMethodTarget(cx: PyFile, call: PendingCall, reached: ReachedByFunction): ClassMethodTarget | undefined {
  const callee = call.node.childForFieldName('function');
  if (callee?.type !== 'attribute') return undefined;
  const receiver = callee.childForFieldName('object');
  const method = callee.childForFieldName('attribute')?.text;
  if (!receiver || !method) return undefined;
  if (receiver.type === 'call' && receiver.childForFieldName('function')?.text === 'super') {
    // `super().generate()`: what the bases run, here or in the module they are imported from.
    const cls = call.fn?.cls;
    for (const base of cls?.bases ?? []) {
      const parent = moduleClasses(cx).find((candidate) => candidate.name === baseName(base));
      const wraps = parent ? classMethodWraps(cx, parent, method, reached) : importedBaseMethods(cx, base)?.get(method);
      if (wraps) return { className: baseName(base) ?? cls!.name, method, wraps };
    }
    return undefined;
  }
  if (receiver.text === 'self') {
    // `self.generate()` on an abstract or inherited method: what the class, its bases or subclasses run.
    const cls = call.fn?.cls;
    if (!cls || call.fn?.name === method) return undefined;
    const wraps = classMethodWraps(cx, cls, method, reached);
    return wraps && { className: cls.name, method, wraps };
  }
  for (const className of classNamesHeldBy(cx, receiver, call)) {
    const target = methodOfClassNamed(cx, call.scope, className, method, reached);
    if (target) return target;
  }
  return heldByImportedBase(cx, receiver, call, method);
}

/** `self.model.generate()` where a base imported from another module stores `self.model` (`super().__init__(model=model)`). */
function heldByImportedBase(cx: PyFile, receiver: PyNode, call: PendingCall, method: string): ClassMethodTarget | undefined {
  const node = unparenthesised(receiver);
  const cls = call.fn?.cls;
  if (!cls || node.type !== 'attribute' || node.childForFieldName('object')?.text !== 'self') return undefined;
  const name = node.childForFieldName('attribute')!.text;
  for (const candidate of lineage(cx, cls)) {
    for (const base of candidate.bases) {
      const exported = importedClass(cx, base);
      const held = exported?.members?.get(name);
      const wraps = held?.methods.get(method);
      if (exported && held && wraps) return { className: held.className, method, wraps, file: held.file ?? exported.file };
    }
  }
  return undefined;
}

/**
 * What each `self.x` of a class (or of its bases in this module) holds that reaches a model: the project class
 * and its methods, exported for subclasses in other modules.
 */
export function heldMembers(cx: PyFile, cls: ClassInfo, reached: ReachedByFunction): Map<string, HeldMember> {
  const held = new Map<string, HeldMember>();
  for (const candidate of lineage(cx, cls)) {
    for (const [name, member] of candidate.members) {
      if (held.has(name)) continue;
      for (const className of memberClassNames(member)) {
        const found = methodsOfClassNamed(cx, member.scope, className, reached);
        if (found && found.methods.size > 0) {
          held.set(name, { className, ...found });
          break;
        }
      }
    }
  }
  return held;
}

/** Every method of the project class a name gives that reaches a model. */
function methodsOfClassNamed(cx: PyFile, scope: Scope, className: string, reached: ReachedByFunction): { methods: Map<string, WrappedCall>; file?: string } | undefined {
  const binding = scope.lookup(className);
  if (binding?.kind === 'class') return { methods: classExports(cx, binding.cls, reached).methods };
  if (binding?.kind !== 'import' || !cx.resolveImport) return undefined;
  const exported = cx.resolveImport(binding.module, binding.name);
  return exported?.kind === 'class' ? { methods: exported.methods, file: exported.file } : undefined;
}

function methodOfClassNamed(cx: PyFile, scope: Scope, className: string, method: string, reached: ReachedByFunction): ClassMethodTarget | undefined {
  const binding = scope.lookup(className);
  if (binding?.kind === 'class') {
    const wraps = classMethodWraps(cx, binding.cls, method, reached);
    return wraps && { className, method, wraps };
  }
  if (binding?.kind !== 'import' || !cx.resolveImport) return undefined;
  const exported = cx.resolveImport(binding.module, binding.name);
  if (exported?.kind !== 'class') return undefined;
  const wraps = exported.methods.get(method);
  return wraps && { className, method, wraps, file: exported.file };
}

/**
 * The class names an expression may hold, from what the code says: a construction `Model(…)`, a parameter's or
 * attribute's type hint (`Model`, `Optional[Model]`, `Model | None`, `"Model"`), and for `self.x` the value or
 * hint its class gives `x`. Names only: whether one is a project class is the caller's question.
 */
function classNamesHeldBy(cx: PyFile, receiver: PyNode, call: PendingCall): string[] {
  const node = unparenthesised(receiver);
  const cls = call.fn?.cls;
  if (node.type !== 'attribute' || node.childForFieldName('object')?.text !== 'self') return valueClasses(node, call.scope, 0);
  if (!cls) return [];
  // `self.model` set by a base's `__init__` (`super().__init__(model=model)`) holds what the base gave it.
  const member = inheritedMember(cx, cls, node.childForFieldName('attribute')!.text);
  return member ? memberClassNames(member) : [];
}

function memberClassNames(member: Member): string[] {
  return [...(member.annotation ? hinted(member.annotation) : []), ...(member.node ? valueClasses(member.node, member.scope, 0) : [])];
}

/** A value's classes: a construction, a hinted parameter passed through (`self.model = model`), `a or B()`. */
function valueClasses(expression: PyNode, scope: Scope, depth: number): string[] {
  const value = unparenthesised(expression);
  if (depth > 3) return [];
  if (value.type === 'call') return constructed(value);
  if (value.type === 'boolean_operator') return [value.childForFieldName('left'), value.childForFieldName('right')].flatMap((side) => (side ? valueClasses(side, scope, depth + 1) : []));
  if (value.type !== 'identifier') return [];
  const found = scope.resolve(value.text);
  if (!found) return [];
  const { binding } = found;
  if (binding.kind === 'param') return binding.annotation ? hinted(binding.annotation) : [];
  return binding.kind === 'value' ? valueClasses(binding.node, found.scope, depth + 1) : [];
}

function unparenthesised(node: PyNode): PyNode {
  let inner = node;
  while (inner.type === 'parenthesized_expression' && inner.namedChild(0)) inner = inner.namedChild(0)!;
  return inner;
}

function constructed(call: PyNode): string[] {
  const callee = call.childForFieldName('function');
  return callee?.type === 'identifier' && /^[A-Z]/.test(callee.text) ? [callee.text] : [];
}

/** The identifiers a type hint names, string hints included: `Optional["Model"]` → Model. */
function hinted(annotation: PyNode): string[] {
  const names: string[] = [];
  const visit = (node: PyNode) => {
    if (node.type === 'identifier') names.push(node.text);
    else if (node.type === 'string') names.push(...(/^[rbuRBU]*["']{1,3}([A-Za-z_][\w.]*)["']{1,3}$/.exec(node.text)?.[1].split('.').slice(-1) ?? []));
    else for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(annotation);
  return names.filter((name) => /^[A-Z]/.test(name));
}

/** A base class imported from another project module: the methods it exports as reaching a model. */
function importedBaseMethods(cx: PyFile, base: PyNode): ReadonlyMap<string, WrappedCall> | undefined {
  return importedClass(cx, base)?.methods;
}

/** A base class imported from another project module (`BaseSearch` or `BaseSearch[T]`), as that module exports it. */
function importedClass(cx: PyFile, base: PyNode): Extract<ExportedValue, { kind: 'class' }> | undefined {
  const written = base.type === 'subscript' ? base.childForFieldName('value') : base;
  if (written?.type !== 'identifier' || !cx.resolveImport) return undefined;
  const binding = cx.module.lookup(written.text);
  if (binding?.kind !== 'import') return undefined;
  const exported = cx.resolveImport(binding.module, binding.name);
  return exported?.kind === 'class' ? exported : undefined;
}
