// Call shape: the fallback for a receiver the resolver cannot follow.
import { findClientApi } from '../../catalog';
import { isKnownPythonModule, pythonCatalog } from '../../catalog/python';
import { PYTHON_CALL_SHAPES, PYTHON_SHAPE_LOOKALIKES } from '../../catalog/pythonShapes';
import type { PyNode } from './parser';
import type { Scope } from './scope';
import type { Arguments } from './syntax';
import type { Found, PyFile } from './context';

/** How far an opaque receiver is followed back through names and members before it counts as seen. */
const MAX_FOLLOW = 8;

/** A call whose chain only a model SDK has, on a receiver whose origin is not visible: `recognizedBy: 'shape'`. */
export function shapeApi(cx: PyFile, callee: PyNode, scope: Scope, list: Arguments): Found | undefined {
  for (const shape of PYTHON_CALL_SHAPES) {
    const receiver = receiverOf(callee, shape.path.split('.'));
    if (!receiver || !shape.requires.every((name) => list.options.entries.has(name))) continue;
    if (!opaque(cx, receiver, scope, 0)) return undefined;
    const facts = pythonCatalog.find((sdk) => sdk.sdk === shape.sdk);
    const api = facts && findClientApi(facts, shape.path);
    return facts && api ? { facts, api, module: facts.modules[0], known: false, via: 'shape' } : undefined;
  }
  return undefined;
}

/** `x.chat.completions.create` with path `chat.completions.create`: the node `x`. */
function receiverOf(callee: PyNode, path: string[]): PyNode | undefined {
  let node = callee;
  for (let index = path.length - 1; index >= 0; index--) {
    if (node.type !== 'attribute' || node.childForFieldName('attribute')?.text !== path[index]) return undefined;
    node = node.childForFieldName('object')!;
  }
  return node;
}

/**
 * Whether nothing visible says what the receiver is: an untyped parameter, a name from a project module, a
 * factory we cannot read, a `self` member set from one of those. A class constructed here, a declared type
 * that is not a client, a literal or a look-alike name means the object is something else.
 */
function opaque(cx: PyFile, node: PyNode, scope: Scope, depth: number): boolean {
  if (depth > MAX_FOLLOW) return false;
  switch (node.type) {
    case 'identifier': {
      if (PYTHON_SHAPE_LOOKALIKES.has(node.text)) return false;
      const found = scope.resolve(node.text);
      if (!found) return true;
      const { binding } = found;
      if (binding.kind === 'param') return !binding.annotation;
      if (binding.kind === 'value') return opaque(cx, binding.node, found.scope, depth + 1);
      if (binding.kind === 'import') return !isKnownPythonModule(binding.module);
      return false;
    }
    case 'attribute': {
      const name = node.childForFieldName('attribute')!.text;
      const object = node.childForFieldName('object')!;
      if (PYTHON_SHAPE_LOOKALIKES.has(name)) return false;
      const member = object.type === 'identifier' && object.text === 'self' ? scope.fn?.cls?.members.get(name) : undefined;
      if (member) return !member.annotation && (!member.node || opaque(cx, member.node, member.scope, depth + 1));
      return opaque(cx, object, scope, depth + 1);
    }
    case 'call': {
      const callee = node.childForFieldName('function')!;
      const leaf = callee.type === 'attribute' ? callee.childForFieldName('attribute')!.text : callee.text;
      // `Gateway()` builds an object of a class we can name: not a client the catalog knows.
      if (/^[A-Z]/.test(leaf)) return false;
      if (callee.type === 'identifier') return scope.lookup(callee.text)?.kind !== 'class';
      return callee.type === 'attribute' && opaque(cx, callee.childForFieldName('object')!, scope, depth + 1);
    }
    case 'await':
    case 'parenthesized_expression':
    case 'subscript': {
      const inner = node.namedChild(0);
      return inner !== null && opaque(cx, inner, scope, depth + 1);
    }
    case 'none':
      // `self.client = None`, set later by code we cannot see.
      return true;
    default:
      return false;
  }
}
