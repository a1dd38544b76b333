// Retry and timeout helpers around a call, and the try/except that guards it.
import { mayBePythonResilienceHelper } from '../../catalog/python';
import { PYTHON_RETRY_HELPERS, PYTHON_TIMEOUT_HELPERS } from '../../catalog/python';
import { resilienceOfName } from '../../catalog/resilience';
import type { Guarded } from '../../model';
import type { PyNode } from './parser';
import { Scope } from './scope';
import { dottedName, type Arguments } from './syntax';
import { ClientValue, PendingCall, PyFile, handlerHeaderOf, tryHandling } from './context';
import { evaluate } from './resolver';

/** A retry or timeout helper by import (`tenacity.retry`, `asyncio.wait_for`) or by its name (`with_retries`). */
export function helperOf(cx: PyFile, call: PyNode, scope: Scope): { kind: 'retry' | 'timeout'; name: string } | undefined {
  const callee = call.childForFieldName('function');
  const name = dottedName(callee);
  if (!name || !callee || !mayBePythonResilienceHelper(name.slice(name.lastIndexOf('.') + 1))) return undefined;
  const value = evaluate(cx, callee, scope);
  if (value?.kind === 'import') {
    if (PYTHON_RETRY_HELPERS.get(value.module)?.has(value.name)) return { kind: 'retry', name };
    if (PYTHON_TIMEOUT_HELPERS.get(value.module)?.has(value.name)) return { kind: 'timeout', name };
  }
  const kind = resilienceOfName(name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()));
  return kind === 'retry' || kind === 'timeout' ? { kind, name } : undefined;
}


export function retryDecorator(cx: PyFile, decorator: PyNode, scope: Scope): string | undefined {
  const expression = decorator.namedChild(0);
  if (!expression) return undefined;
  if (expression.type === 'call') return helperOf(cx, expression, scope)?.kind === 'retry' ? dottedName(expression.childForFieldName('function')) : undefined;
  const name = dottedName(expression);
  const value = evaluate(cx, expression, scope);
  if (name && value?.kind === 'import' && PYTHON_RETRY_HELPERS.get(value.module)?.has(value.name)) return name;
  return undefined;
}


export function guardOf(cx: PyFile, call: PendingCall, client: ClientValue | undefined, list: Arguments): Guarded {
  const fallbackOption = list.options.entries.has('fallbacks') ? 'fallbacks=' : undefined;
  return {
    fallback: client?.fallback ?? fallbackOption,
    tryCatch: call.tryNode ? { span: handlerHeaderOf(call.tryNode), handling: tryHandling(call.tryNode, cx.isLogger) } : undefined,
    promiseCatch: false,
  };
}
