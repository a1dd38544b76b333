// Where a call's output goes within its function: `eval`/`exec`, the shell, string-built SQL, templates marked safe.
// Read only for generating calls (and calls of project wrappers around them), over the code after the call.
import { LOOKUP_METHODS, PYTHON_BUILTIN_SINKS, PYTHON_SINKS, isSanitizer, SQL_METHODS, SQL_RECEIVER, type SinkFunction } from '../../catalog/sinks';
import type { Operation, OutputSink } from '../../model';
import { awaitedCall, type PendingCall } from './context';
import type { PyNode } from './parser';
import type { Scope } from './scope';
import { dottedName, spanOf } from './syntax';
import { FLOWS } from './output';

const GENERATING: ReadonlySet<Operation> = new Set(['chat', 'completion']);

/** Sinks reached by the call's output: its result's name, names later bound from it, or the call itself inline. */
export function outputSinksOf(call: PendingCall, operation: Operation): OutputSink[] {
  if (!GENERATING.has(operation)) return [];
  const scope = call.fn?.node ?? rootOf(call.node);
  const flow = new OutputFlow(awaitedCall(call.node));
  const sinks: OutputSink[] = [];
  const visit = (node: PyNode): void => {
    if (node.endIndex <= call.node.startIndex) return;
    if (node.endIndex >= call.node.endIndex) flow.bindFrom(node);
    const found = node.type === 'call' ? sinkOf(node, call.scope) : undefined;
    if (found && found.values.some((value) => flow.carries(value))) sinks.push({ span: spanOf(node), kind: found.kind, name: found.name });
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(scope);
  return sinks;
}

function rootOf(node: PyNode): PyNode {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

/** The names that hold the output, growing as the function binds new names from them. */
class OutputFlow {
  private readonly names = new Set<string>();

  constructor(private readonly call: PyNode) {}

  bindFrom(node: PyNode): void {
    const flow = FLOWS[node.type];
    const source = flow ? node.childForFieldName(flow.source) : null;
    if (flow && source && this.carries(source)) this.bind(node.childForFieldName(flow.target));
  }

  private bind(target: PyNode | null): void {
    if (target?.type === 'identifier') this.names.add(target.text);
    else if (target && TUPLES.has(target.type)) for (const part of target.namedChildren) this.bind(part);
  }

  /** Whether the expression's value may hold the output as text: not once sanitised, compared, or used as a lookup key. */
  carries(node: PyNode): boolean {
    if (node.id === this.call.id) return true;
    switch (node.type) {
      case 'identifier':
        return this.names.has(node.text);
      case 'comparison_operator':
      case 'not_operator':
      case 'lambda':
        return false;
      case 'attribute':
        return this.carries(node.childForFieldName('object')!);
      case 'subscript':
        return this.carries(node.childForFieldName('value')!);
      case 'keyword_argument':
        return this.carries(node.childForFieldName('value')!);
      case 'call': {
        const callee = node.childForFieldName('function');
        const leaf = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.type === 'identifier' ? callee.text : undefined;
        if (leaf !== undefined && (isSanitizer(leaf) || (callee?.type === 'attribute' && LOOKUP_METHODS.has(leaf)))) return false;
        break;
      }
    }
    return node.namedChildren.some((child) => child !== null && this.carries(child));
  }
}

const TUPLES = new Set(['pattern_list', 'tuple_pattern', 'list_pattern']);

interface FoundSink {
  kind: OutputSink['kind'];
  name: string;
  values: readonly PyNode[];
}

function sinkOf(node: PyNode, scope: Scope): FoundSink | undefined {
  const callee = node.childForFieldName('function');
  const list = node.childForFieldName('arguments');
  if (!callee || list?.type !== 'argument_list') return undefined;
  const positional = list.namedChildren.filter((child): child is PyNode => child !== null && child.type !== 'keyword_argument' && child.type !== 'comment');
  const named = (name: string, sink: SinkFunction | undefined): FoundSink | undefined => {
    if (!sink || (sink.needsShell && !withShell(list))) return undefined;
    const values = sink.arguments === 'all' ? positional : sink.arguments.map((index) => positional[index]).filter((arg) => arg !== undefined);
    return { kind: sink.kind, name, values };
  };
  if (callee.type === 'identifier' && !scope.lookup(callee.text)) return named(callee.text, PYTHON_BUILTIN_SINKS.get(callee.text));
  const qualified = qualifiedName(callee, scope);
  if (qualified) return named(callee.text, PYTHON_SINKS.get(qualified));
  if (callee.type !== 'attribute') return undefined;
  const method = callee.childForFieldName('attribute')?.text;
  const receiver = callee.childForFieldName('object');
  const receiverName = receiver?.type === 'identifier' ? receiver.text : receiver?.type === 'attribute' ? receiver.childForFieldName('attribute')?.text : undefined;
  if (method && SQL_METHODS.has(method) && receiverName && SQL_RECEIVER.test(receiverName) && positional[0] && isSqlText(positional[0])) {
    return { kind: 'sql', name: `${receiverName}.${method}`, values: [positional[0]] };
  }
  return undefined;
}

/**
 * SQL written as text: a string, an f-string, `+`/`%` formatting, `.format(…)`, SQLAlchemy `text(…)`, or a name
 * holding one — not a query built with SQLAlchemy's expression language (`insert(T).values(…)`), which binds values.
 */
function isSqlText(node: PyNode): boolean {
  if (node.type === 'string' || node.type === 'concatenated_string' || node.type === 'binary_operator' || node.type === 'identifier') return true;
  if (node.type !== 'call') return false;
  const callee = node.childForFieldName('function');
  const leaf = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
  return leaf === 'text' || leaf === 'format';
}

/** `os.system`, `subprocess.run`, `mark_safe` as imported: the dotted name through the file's imports. */
function qualifiedName(callee: PyNode, scope: Scope): string | undefined {
  const name = dottedName(callee);
  const [root, ...rest] = name?.split('.') ?? [];
  const binding = root ? scope.lookup(root) : undefined;
  if (binding?.kind !== 'import') return undefined;
  return [binding.module, ...(binding.name === '*' ? [] : [binding.name]), ...rest].join('.');
}

/** `shell=True` (or any value but a literal `False`) among the keyword arguments. */
function withShell(list: PyNode): boolean {
  return list.namedChildren.some((child) => child?.type === 'keyword_argument' && child.childForFieldName('name')?.text === 'shell' && child.childForFieldName('value')?.type !== 'false');
}
