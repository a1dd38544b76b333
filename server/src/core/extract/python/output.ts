// What happens to a call's result: JSON parsing and validation, audit logging.
import type { SdkFacts } from '../../catalog';
import { isFunctionTracer } from '../../catalog/observability';
import { optionAt, type CallSite, type JsonParse, type OptionMap } from '../../model';
import { isPythonValidator } from './handling';
import type { PyNode } from './parser';
import { type FunctionInfo } from './scope';
import { dottedName, mentions, spanOf, type Arguments } from './syntax';
import { awaitedCall, PendingCall, PyFile } from './context';

export function loggingOf(call: PendingCall, result: string | undefined, facts: SdkFacts, list: Arguments): CallSite['logged'] {
  const logs = (call.fn?.logs ?? []).filter((log) => log.start > call.node.startIndex);
  const byOption = facts.auditOptions.find((option) => list.options.entries.has(option) || call.node.text.includes(`${option}=`));
  const iterated = result ? undefined : loopTargetOf(call.node);
  const names = call.fn && logs.length > 0 && (result ?? iterated) ? derivedNames(call.fn.node, iterated ?? [result!], call.node.endIndex) : undefined;
  // With no name for the result, a log after the call records it — unless it runs only when the call failed.
  const failures = names ? [] : exceptClausesAround(call.node);
  const recorder = names
    ? logs.find((log) => [...log.mentions].some((name) => names.has(name)))
    : result
      ? undefined
      : logs.find((log) => !failures.some((clause) => log.start >= clause.startIndex && log.end <= clause.endIndex));
  const tracer = recorder || byOption ? undefined : (tracingDecorator(call) ?? builtInTracing(facts, list.options));
  return {
    audit: recorder !== undefined || byOption !== undefined || tracer !== undefined,
    by: recorder?.callee ?? byOption ?? tracer,
    calls: logs.map((log) => ({ span: { start: log.start, end: log.end }, callee: log.callee, mentions: [...log.mentions] })),
  };
}


/**
 * The result's name and the names later bound from it in the function, in source order: `text = r.choices[0]…`,
 * `for chunk in r:`, `usage = r.usage` — a log of any of them records the request. Only plain names are followed
 * (`self.last = r` would make every later mention of `self` look like one).
 */
function derivedNames(fn: PyNode, results: readonly string[], after: number): Set<string> {
  const names = new Set(results);
  const bind = (target: PyNode | null) => {
    if (target?.type === 'identifier') names.add(target.text);
    else if (target && (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern')) for (const part of target.namedChildren) bind(part);
  };
  const visit = (node: PyNode) => {
    if (node.endIndex <= after || (node.id !== fn.id && (node.type === 'function_definition' || node.type === 'class_definition'))) return;
    const flow = FLOWS[node.type];
    const source = flow && node.startIndex >= after ? node.childForFieldName(flow.source) : null;
    if (source && [...mentions(source)].some((name) => names.has(name))) bind(node.childForFieldName(flow!.target));
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(fn);
  return names;
}

/** The SDK's own traces record the request unless the option that turns them off is written (with anything but False). */
function builtInTracing(facts: SdkFacts, options: OptionMap): string | undefined {
  if (!facts.builtInTracing) return undefined;
  const off = facts.builtInTracing.disabledBy;
  const lookup = off === undefined ? undefined : optionAt(options, off);
  const written = lookup && 'found' in lookup ? lookup.found.value : undefined;
  return written && !(written.kind === 'boolean' && !written.value) ? undefined : `${facts.displayName}'s built-in tracing`;
}

/** `@traceable` / `@observe()` on the function that makes the call: the tracer records each run, the request included. */
function tracingDecorator(call: PendingCall): string | undefined {
  const decorated = call.fn?.node.parent;
  if (decorated?.type !== 'decorated_definition') return undefined;
  for (const decorator of decorated.namedChildren) {
    if (decorator?.type !== 'decorator') continue;
    const expression = decorator.namedChild(0);
    const name = dottedName(expression?.type === 'call' ? expression.childForFieldName('function') : expression);
    const [root, ...rest] = name?.split('.') ?? [];
    const binding = root ? call.scope.lookup(root) : undefined;
    if (binding?.kind !== 'import') continue;
    const path = [binding.module, ...(binding.name === '*' ? [] : [binding.name]), ...rest];
    if (path.length > 1 && isFunctionTracer(path.slice(0, -1).join('.'), path[path.length - 1])) return `@${name}`;
  }
  return undefined;
}

/** `for chunk in client…create(stream=True):` — the loop's names are what the call gives. */
function loopTargetOf(call: PyNode): string[] | undefined {
  const node = awaitedCall(call);
  const loop = node.parent;
  if (loop?.type !== 'for_statement' || loop.childForFieldName('right')?.id !== node.id) return undefined;
  const target = loop.childForFieldName('left');
  return target ? [...mentions(target)] : undefined;
}

/** The `except` blocks of the `try` statements around a call, up to its function. */
function exceptClausesAround(call: PyNode): PyNode[] {
  const clauses: PyNode[] = [];
  for (let node = call.parent; node && node.type !== 'function_definition'; node = node.parent) {
    if (node.type === 'try_statement') for (const child of node.namedChildren) if (child?.type === 'except_clause' || child?.type === 'except_group_clause') clauses.push(child);
  }
  return clauses;
}

/** Where a name takes a value from another: assignments and loops (`for chunk in stream`, comprehensions too). */
export const FLOWS: Record<string, { source: string; target: string }> = {
  assignment: { source: 'right', target: 'left' },
  augmented_assignment: { source: 'right', target: 'left' },
  named_expression: { source: 'value', target: 'name' },
  for_statement: { source: 'right', target: 'left' },
  for_in_clause: { source: 'right', target: 'left' },
};


export function jsonParsesOf(cx: PyFile, call: PendingCall, result: string | undefined): JsonParse[] {
  if (!result) return [];
  return cx.jsonParses
    .filter((parse) => parse.fn === call.fn && parse.node.startIndex > call.node.startIndex && parse.mentions.has(result))
    .map((parse) => ({ span: spanOf(parse.node), validatedBy: validatorOf(cx, parse.node, call.fn) }));
}


/** `Model.model_validate(json.loads(…))`, or the parsed value later passed to a validator or `Model(**data)`. */
export function validatorOf(cx: PyFile, parse: PyNode, fn: FunctionInfo | undefined): string | undefined {
  for (let node = parse.parent; node && node.type !== 'function_definition'; node = node.parent) {
    if (node.type === 'call') {
      const callee = dottedName(node.childForFieldName('function'));
      if (callee && isPythonValidator(callee)) return callee;
    }
    if (node.type === 'expression_statement') break;
  }
  const assigned = parse.parent?.type === 'assignment' ? parse.parent.childForFieldName('left') : undefined;
  if (assigned?.type !== 'identifier') return undefined;
  return cx.validators.find((validator) => validator.fn === fn && validator.node.startIndex > parse.startIndex && validator.mentions.has(assigned.text))?.callee;
}
