// Classes of one module and how they inherit: what `self.x` and `self.m()` can mean in a class whose bases or
// subclasses (in the same module) assign the attribute or define the method.
import type { PyNode } from './parser';
import type { ClassInfo, FunctionInfo, Member } from './scope';
import type { PyFile } from './context';

/** How far base classes and subclasses are followed (a guard against cycles written by mistake). */
export const MAX_CLASS_DEPTH = 6;

const classesOf = new WeakMap<PyFile, ClassInfo[]>();

/** The module-level classes of the file (read after the walk, so memoised once). */
export function moduleClasses(cx: PyFile): ClassInfo[] {
  let classes = classesOf.get(cx);
  if (!classes) {
    classes = [];
    for (const binding of cx.module.names.values()) if (binding.kind === 'class') classes.push(binding.cls);
    classesOf.set(cx, classes);
  }
  return classes;
}

/** The last name of a base as written: `Model`, `base.Model` → `Model`; `Generic[T]` → `Generic`. */
export function baseName(base: PyNode): string | undefined {
  const node = base.type === 'subscript' ? base.childForFieldName('value') : base;
  if (node?.type === 'identifier') return node.text;
  if (node?.type === 'attribute') return node.childForFieldName('attribute')?.text;
  return undefined;
}

/** The class and its bases defined in this module, nearest first. */
export function lineage(cx: PyFile, cls: ClassInfo): ClassInfo[] {
  const byName = new Map(moduleClasses(cx).map((candidate) => [candidate.name, candidate]));
  const order: ClassInfo[] = [];
  const visit = (candidate: ClassInfo, depth: number) => {
    if (depth > MAX_CLASS_DEPTH || order.includes(candidate)) return;
    order.push(candidate);
    for (const base of candidate.bases) {
      const parent = byName.get(baseName(base) ?? '');
      if (parent) visit(parent, depth + 1);
    }
  };
  visit(cls, 0);
  return order;
}

/** The module's subclasses of a class, at any depth. */
export function descendants(cx: PyFile, cls: ClassInfo): ClassInfo[] {
  const found: ClassInfo[] = [];
  const visit = (candidate: ClassInfo, depth: number) => {
    if (depth > MAX_CLASS_DEPTH) return;
    for (const sub of moduleClasses(cx)) {
      if (found.includes(sub) || !sub.bases.some((base) => baseName(base) === candidate.name)) continue;
      found.push(sub);
      visit(sub, depth + 1);
    }
  };
  visit(cls, 0);
  return found;
}

/** `self.client` in `cls`: assigned by the class itself or by a base (`ApiModel.__init__` for its subclasses). */
export function inheritedMember(cx: PyFile, cls: ClassInfo, name: string): Member | undefined {
  for (const candidate of lineage(cx, cls)) {
    const member = candidate.members.get(name);
    if (member) return member;
  }
  return undefined;
}

/**
 * The methods a `self.name()` call in `cls` may run: the nearest definition in the class or its bases, then the
 * subclasses' overrides (an abstract `create_client` that every provider class overrides).
 */
export function dispatchedMethods(cx: PyFile, cls: ClassInfo, name: string): FunctionInfo[] {
  const nearest = lineage(cx, cls).find((candidate) => candidate.methods.has(name))?.methods.get(name);
  const overrides = descendants(cx, cls).flatMap((sub) => sub.methods.get(name) ?? []);
  return [...(nearest ? [nearest] : []), ...overrides];
}
