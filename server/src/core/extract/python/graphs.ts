// Runs of graphs built by hand (`StateGraph(State)`, nodes and edges added, `compile()`): no model request of their
// own, so no call site, but their run config caps the loop a graph with a cycle runs.
import { graphBuilderOf, graphCatalog, type GraphFacts } from '../../catalog';
import type { GraphRun, OptionMap } from '../../model';
import type { PyFile } from './context';
import type { PyNode } from './parser';
import { boundRunConfig } from './runConfig';
import type { Scope } from './scope';
import { noOptions, readArguments, readValue, spanOf } from './syntax';

const GRAPH_METHODS: ReadonlySet<string> = new Set(graphCatalog.python.flatMap((facts) => [facts.bindConfig, ...facts.runs.map((run) => run.method)]));
const MAX_DEPTH = 8;
const TRANSPARENT = new Set(['await', 'parenthesized_expression']);

interface Graph {
  facts: GraphFacts;
  module: string;
}

/** Every run of a compiled graph, and every run config bound to one (`with_config`), in the order of the calls. */
export function graphRunsOf(cx: PyFile): GraphRun[] {
  const runs: GraphRun[] = [];
  for (const { node, scope } of cx.calls) {
    const callee = node.childForFieldName('function');
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    const receiver = callee?.childForFieldName('object');
    const args = node.childForFieldName('arguments');
    if (!method || !GRAPH_METHODS.has(method) || !receiver || args?.type !== 'argument_list') continue;
    const graph = compiledGraph(receiver, scope, 0);
    if (!graph) continue;
    const list = readArguments(args);
    let config: OptionMap | undefined;
    if (method === graph.facts.bindConfig) config = boundRunConfig(list, undefined);
    else {
      const run = graph.facts.runs.find((candidate) => candidate.method === method);
      const given = run && ((run.configKeyword !== undefined ? list.keywords.get(run.configKeyword) : undefined) ?? list.positional[run.configArgument]);
      config = run && configOf(given, list.options.hasSpread);
    }
    if (config) runs.push({ span: spanOf(node), sdk: graph.facts.sdk, module: graph.module, language: 'python', method, config });
  }
  return runs.sort((a, b) => a.span.start - b.span.start);
}

/** A run config given as a dict literal; anything else (a variable, `**kwargs` that may hold one) is not visible. */
function configOf(given: PyNode | undefined, spread: boolean): OptionMap {
  if (!given) return spread ? { entries: new Map(), hasSpread: true } : noOptions();
  const value = readValue(given);
  if (value.kind === 'null') return noOptions();
  return value.kind === 'object' ? value.options : { entries: new Map(), hasSpread: true };
}

/** What a compiled graph is: `builder.compile()`, a graph with a config bound, or a name holding either. */
function compiledGraph(expression: PyNode, scope: Scope, depth: number): Graph | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = inner(expression);
  const held = heldBy(node, scope);
  if (held) return compiledGraph(held.node, held.scope, depth + 1);
  const method = calledMethod(node);
  if (!method) return undefined;
  const graph = graphCatalog.python.some((facts) => facts.compile === method.name) ? builderOf(method.receiver, scope, depth + 1) : undefined;
  if (graph?.facts.compile === method.name) return graph;
  const bound = compiledGraph(method.receiver, scope, depth + 1);
  return bound?.facts.bindConfig === method.name ? bound : undefined;
}

/** A graph builder: `StateGraph(…)` of the SDK's class, its chained `add_node(…)`/`add_edge(…)`, or a name holding one. */
function builderOf(expression: PyNode, scope: Scope, depth: number): Graph | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = inner(expression);
  const held = heldBy(node, scope);
  if (held) return builderOf(held.node, held.scope, depth + 1);
  if (node.type !== 'call') return undefined;
  const callee = node.childForFieldName('function');
  if (callee?.type === 'identifier') {
    const binding = scope.lookup(callee.text);
    const facts = binding?.kind === 'import' && binding.name !== '*' ? graphBuilderOf(binding.module, binding.name, 'python') : undefined;
    return facts && binding?.kind === 'import' ? { facts, module: binding.module } : undefined;
  }
  const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
  const name = callee?.childForFieldName('attribute')?.text;
  if (!object || !name) return undefined;
  // `graph.StateGraph(…)` of `from langgraph import graph` or `import langgraph.graph as graph`.
  const module = object.type === 'identifier' ? scope.lookup(object.text) : undefined;
  if (module?.kind === 'import') {
    const path = module.name === '*' ? module.module : `${module.module}.${module.name}`;
    const facts = graphBuilderOf(path, name, 'python');
    return facts && { facts, module: path };
  }
  // Builder methods return the builder, so a chain of them is one.
  return builderOf(object, scope, depth + 1);
}

function inner(node: PyNode): PyNode {
  let current = node;
  while (TRANSPARENT.has(current.type)) {
    const child = current.namedChildren.find((candidate): candidate is PyNode => candidate !== null && candidate.type !== 'comment');
    if (!child) break;
    current = child;
  }
  return current;
}

function calledMethod(node: PyNode): { name: string; receiver: PyNode } | undefined {
  const callee = node.type === 'call' ? node.childForFieldName('function') : undefined;
  const receiver = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
  const name = callee?.childForFieldName('attribute')?.text;
  return receiver && name ? { name, receiver } : undefined;
}

/** The value a name or a `self.` member (`self.graph = builder.compile()`) was assigned, with the scope that assignment reads names in. */
function heldBy(node: PyNode, scope: Scope): { node: PyNode; scope: Scope } | undefined {
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('attribute')?.text;
    const member = object?.type === 'identifier' && object.text === 'self' && name ? scope.fn?.cls?.members.get(name) : undefined;
    return member?.node && { node: member.node, scope: member.scope };
  }
  if (node.type !== 'identifier') return undefined;
  for (let at: Scope | undefined = scope; at; at = at.parent) {
    const binding = at.names.get(node.text);
    if (!binding) continue;
    return binding.kind === 'value' ? { node: binding.node, scope: at } : undefined;
  }
  return undefined;
}
