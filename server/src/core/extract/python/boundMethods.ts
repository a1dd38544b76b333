// SDK methods handed around as values: `self.retryer(self.client.chat.completions.create, **kwargs)`,
// `functools.partial(client.invoke_model, body=…)`, `create = client.chat.completions.create` then `create(…)`.
// The call that runs the method is the call site; the arguments it passes on are the request's options.
import type { CallSite } from '../../model';
import type { PyNode } from './parser';
import type { Scope } from './scope';
import { readArguments } from './syntax';
import { PendingCall, PyFile, PYTHON_CALL_LEAVES } from './context';
import { apiOf, buildSite } from './calls';

/** How many leading positional arguments may be the method (`run_in_executor(None, fn)` has it second). */
const METHOD_ARGUMENT_POSITIONS = 2;

export function boundMethodSite(cx: PyFile, call: PendingCall): CallSite | undefined {
  const callee = call.node.childForFieldName('function');
  const args = call.node.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list') return undefined;
  // The cheap test first: most calls pass no attribute ending in an API's name.
  const leading = args.namedChildren.slice(0, METHOD_ARGUMENT_POSITIONS);
  // A builtin (`callable(m)`, `getattr(…)`) only inspects what it is given; a bound name (`partial`, a project helper) runs it.
  const runner = callee.type !== 'identifier' || call.scope.lookup(callee.text) !== undefined;
  const given = runner ? leading.map((node) => ({ node, scope: call.scope })) : [];
  const methods = [...(callee.type === 'identifier' ? heldMethods(callee, call) : []), ...given].filter(
    (method): method is HeldMethod => method.node?.type === 'attribute' && PYTHON_CALL_LEAVES.has(method.node.childForFieldName('attribute')?.text ?? ''),
  );
  if (methods.length === 0) return undefined;
  const read = readArguments(args);
  for (const method of methods) {
    // `_call_bedrock(client, client.converse, params)`: what the other positional arguments carry into the request is not visible.
    const opaque = read.positional.some((argument) => argument.id !== method.node.id);
    const list = opaque ? { ...read, options: { ...read.options, hasSpread: true } } : read;
    const found = apiOf(cx, method.node, method.scope, list);
    if (!found) continue;
    // No fix edits this call: what it passes on, and how, is the helper's business.
    return { ...buildSite(cx, call, found, list), targets: {} };
  }
  return undefined;
}

/** A method handed around, and the scope its expression is read in. */
interface HeldMethod {
  node: PyNode;
  scope: Scope;
}

/**
 * `create(…)` where `create = client.chat.completions.create`, or `… .stream if streaming else … .create`: read where
 * `create` was assigned (a module-level one names the module's client, whatever the calling function binds).
 */
function heldMethods(callee: PyNode, call: PendingCall): { node: PyNode | null; scope: Scope }[] {
  const found = call.scope.resolve(callee.text);
  if (found?.binding.kind !== 'value') return [];
  const { node } = found.binding;
  // `a if flag else b`: the named children are a, flag, b; the condition is not a method.
  const held = node.type === 'conditional_expression' ? node.namedChildren.filter((_, index) => index !== 1) : [node];
  return held.map((method) => ({ node: method, scope: found.scope }));
}
