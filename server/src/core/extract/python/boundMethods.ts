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
  const methods = (callee.type === 'identifier' ? [heldMethod(callee, call)] : leading).filter(
    (node): node is PyNode => node?.type === 'attribute' && PYTHON_CALL_LEAVES.has(node.childForFieldName('attribute')?.text ?? ''),
  );
  if (methods.length === 0) return undefined;
  const list = readArguments(args);
  for (const method of methods) {
    const found = apiOf(cx, method, call.scope, list);
    if (!found) continue;
    // No fix edits this call: what it passes on, and how, is the helper's business.
    return { ...buildSite(cx, call, found, list), targets: {} };
  }
  return undefined;
}

/** `create(…)` where `create = client.chat.completions.create` in this scope. */
function heldMethod(callee: PyNode, call: PendingCall): PyNode | undefined {
  const binding = call.scope.lookup(callee.text);
  return binding?.kind === 'value' && binding.node.type === 'attribute' ? binding.node : undefined;
}
