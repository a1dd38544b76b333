// The values a model set at run time can take, read from what the module declares. Asked only for a model
// argument that is not a literal, from that expression down and through the names it reads.
import type { ModelCandidate, ModelRef } from '../../model';
import type { PyFile } from './context';
import type { PyNode } from './parser';
import type { Scope } from './scope';
import { spanOf, stringValue } from './syntax';

type Candidates = ModelCandidate[] | undefined;

const MAX_DEPTH = 8;
const LITERAL = /^(typing(_extensions)?\.)?Literal$/;
const OPTIONAL = /^(typing\.)?Optional$/;
/** Where a name is bound other than by `name = value`: each makes the name's values open. */
const OTHER_BINDINGS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'for_statement', 'for_in_clause', 'as_pattern_target', 'named_expression', 'augmented_assignment', 'global_statement', 'nonlocal_statement']);
const OWN_SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);

/**
 * The model with the values it can take, when it is set at run time and all of them are visible. `scope` is
 * where the model is written; `'module'` when it is written in this file outside the call (a client's
 * `model=`), read only where that is at module level.
 */
export function withModelCandidates(cx: PyFile, where: Scope | 'module' | undefined, model: ModelRef | undefined): ModelRef | undefined {
  if (!model?.dynamic || !model.span || !where) return model;
  const node = cx.root.descendantForIndex(model.span.start, model.span.end);
  if (!node || node.startIndex !== model.span.start || node.endIndex !== model.span.end) return model;
  if (where === 'module' && insideFunction(node)) return model;
  const scope = where === 'module' ? cx.module : where;
  const candidates = valuesOf(cx, node, scope, 0, new Set());
  if (candidates && candidates.length > 0) return { ...model, candidates };
  return { ...model, ...visibleDefault(node) };
}

/** `model or "gpt-4o"` with an open left side: the default is still one value the call can send, judged where written. */
function visibleDefault(node: PyNode): Pick<ModelRef, 'value' | 'span'> {
  const right = node.type === 'boolean_operator' && node.childForFieldName('operator')?.type === 'or' ? node.childForFieldName('right') : undefined;
  const value = right ? stringValue(right) : undefined;
  return right && value !== undefined ? { value, span: spanOf(right) } : {};
}

function valuesOf(cx: PyFile, node: PyNode, scope: Scope, depth: number, seen: Set<number>): Candidates {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case 'string':
    case 'concatenated_string': {
      const value = stringValue(node);
      return value === undefined ? undefined : [{ value, span: spanOf(node) }];
    }
    case 'parenthesized_expression':
      return node.namedChild(0) ? valuesOf(cx, node.namedChild(0)!, scope, depth + 1, seen) : undefined;
    case 'conditional_expression': {
      // `"a" if big else "b"`: the condition is the middle child.
      const [whenTrue, , whenFalse] = node.namedChildren;
      return whenTrue && whenFalse ? both(valuesOf(cx, whenTrue, scope, depth + 1, seen), valuesOf(cx, whenFalse, scope, depth + 1, seen)) : undefined;
    }
    case 'boolean_operator': {
      // `model or "b"`: the left side is open unless its annotation lists its values.
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (node.childForFieldName('operator')?.type !== 'or' || !left || !right) return undefined;
      return both(valuesOf(cx, left, scope, depth + 1, seen), valuesOf(cx, right, scope, depth + 1, seen));
    }
    case 'identifier':
      return nameValues(cx, node.text, scope, depth, seen);
    default:
      return undefined;
  }
}

/** A parameter's annotated values, or every value the name is assigned in its scope when each is visible. */
function nameValues(cx: PyFile, name: string, scope: Scope, depth: number, seen: Set<number>): Candidates {
  let owner: Scope | undefined = scope;
  while (owner && !owner.names.has(name)) owner = owner.parent;
  const binding = owner?.names.get(name);
  if (!owner || !binding) return undefined;
  if (binding.kind === 'param') return binding.annotation ? typeValues(cx, binding.annotation, owner, depth + 1) : undefined;
  if (binding.kind !== 'value' || seen.has(binding.node.startIndex)) return undefined;
  const writes = assignmentsOf(owner.fn?.node.childForFieldName('body') ?? cx.root, name);
  if (!writes) return undefined;
  seen.add(binding.node.startIndex);
  try {
    let all: Candidates = [];
    for (const write of writes) {
      const annotation = write.childForFieldName('type');
      const right = write.childForFieldName('right');
      const values = annotation && !/^(typing\.)?Final$/.test(annotation.text) ? typeValues(cx, annotation, owner, depth + 1) : right ? valuesOf(cx, right, owner, depth + 1, seen) : undefined;
      all = both(all, values);
    }
    return all;
  } finally {
    seen.delete(binding.node.startIndex);
  }
}

/**
 * The `name = value` assignments of a scope's own code (nested functions and classes have their own names);
 * undefined when the name is also bound another way (a loop, unpacking, `global`, `+=`).
 */
function assignmentsOf(region: PyNode, name: string): PyNode[] | undefined {
  const writes: PyNode[] = [];
  const stack: PyNode[] = [region];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'identifier') {
        if (child.text !== name) continue;
        if (node.type === 'assignment' && node.childForFieldName('left')?.id === child.id) writes.push(node);
        else if (OTHER_BINDINGS.has(node.type) && node.childForFieldName('right')?.id !== child.id && node.childForFieldName('value')?.id !== child.id) return undefined;
        continue;
      }
      if (!OWN_SCOPES.has(child.type)) stack.push(child);
    }
  }
  return writes.length > 0 ? writes : undefined;
}

/** The values an annotation allows: `Literal["a", "b"]`, `Optional[…]`, `… | None`, an alias of those. */
function typeValues(cx: PyFile, node: PyNode, scope: Scope, depth: number): Candidates {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case 'type':
    case 'parenthesized_expression':
      return node.namedChild(0) ? typeValues(cx, node.namedChild(0)!, scope, depth + 1) : undefined;
    case 'none':
      return [];
    case 'union_type':
    case 'binary_operator': {
      if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type !== '|') return undefined;
      let all: Candidates = [];
      for (const part of node.namedChildren) all = both(all, part ? typeValues(cx, part, scope, depth + 1) : undefined);
      return all;
    }
    case 'generic_type':
    case 'subscript': {
      const head = node.type === 'subscript' ? node.childForFieldName('value') : node.namedChild(0);
      const args = node.type === 'subscript' ? node.childrenForFieldName('subscript') : node.namedChild(1)?.namedChildren ?? [];
      if (!head) return undefined;
      if (LITERAL.test(head.text)) return literalArguments(args);
      if (OPTIONAL.test(head.text) && args.length === 1 && args[0]) return typeValues(cx, args[0], scope, depth + 1);
      return undefined;
    }
    case 'identifier': {
      // `ModelName = Literal["a", "b"]` at module level.
      const binding = cx.module.names.get(node.text);
      return binding?.kind === 'value' && scope.lookup(node.text) === binding ? typeValues(cx, binding.node, binding.scope, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

function literalArguments(args: readonly (PyNode | null)[]): Candidates {
  const values: ModelCandidate[] = [];
  for (const arg of args) {
    const literal = arg?.type === 'type' ? arg.namedChild(0) : arg;
    const value = literal ? stringValue(literal) : undefined;
    if (!literal || value === undefined) return undefined;
    values.push({ value, span: spanOf(literal), declared: true });
  }
  return values;
}

function insideFunction(node: PyNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (OWN_SCOPES.has(parent.type)) return true;
  return false;
}

/** Both sides' values, or undefined when either is open. */
function both(a: Candidates, b: Candidates): Candidates {
  return a && b ? [...a, ...b] : undefined;
}
