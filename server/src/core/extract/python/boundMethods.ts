// SDK methods handed around as values: `self.retryer(self.client.chat.completions.create, **kwargs)`,
// `functools.partial(client.invoke_model, body=…)`, `create = client.chat.completions.create` then `create(…)`.
// The call that runs the method is the call site; the arguments it passes on are the request's options.
import type { CallSite } from '../../model';
import type { PyNode } from './parser';
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
  const methods = [...(callee.type === 'identifier' ? heldMethods(callee, call) : []), ...(runner ? leading : [])].filter(
    (node): node is PyNode => node?.type === 'attribute' && PYTHON_CALL_LEAVES.has(node.childForFieldName('attribute')?.text ?? ''),
  );
  if (methods.length === 0) return undefined;
  const read = readArguments(args);
  for (const method of methods) {
    // `_call_bedrock(client, client.converse, params)`: what the other positional arguments carry into the request is not visible.
    const opaque = read.positional.some((argument) => argument.id !== method.id);
    const list = opaque ? { ...read, options: { ...read.options, hasSpread: true } } : read;
    const found = apiOf(cx, method, call.scope, list);
    if (!found) continue;
    // No fix edits this call: what it passes on, and how, is the helper's business.
    return { ...buildSite(cx, call, found, list), targets: {} };
  }
  return undefined;
}

/** `create(…)` where `create = client.chat.completions.create`, or `… .stream if streaming else … .create`, in this scope. */
function heldMethods(callee: PyNode, call: PendingCall): (PyNode | null)[] {
  const binding = call.scope.lookup(callee.text);
  if (binding?.kind !== 'value') return [];
  // `a if flag else b`: the named children are a, flag, b; the condition is not a method.
  return binding.node.type === 'conditional_expression' ? binding.node.namedChildren.filter((_, index) => index !== 1) : [binding.node];
}
