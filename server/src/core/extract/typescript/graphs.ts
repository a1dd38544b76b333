// Runs of graphs built by hand (`new StateGraph(State)…compile()`): no model request of their own, so no call site,
// but their run config caps the loop a graph with a cycle runs.
import { graphBuilderOf, graphCatalog, type GraphFacts } from '../../catalog';
import type { GraphRun } from '../../model';
import { bodyOf } from './calls';
import { MAX_ALIAS_DEPTH, type TsFile } from './context';
import { spanOf, unwrap } from './options';
import { ts } from './ts';

const GRAPH_METHODS: ReadonlySet<string> = new Set(graphCatalog.ts.flatMap((facts) => [facts.bindConfig, ...facts.runs.map((run) => run.method)]));

interface Graph {
  facts: GraphFacts;
  module: string;
}

/** Every run of a compiled graph, and every run config bound to one, in the order of the calls. */
export function graphRunsOf(cx: TsFile): GraphRun[] {
  const runs: GraphRun[] = [];
  for (const { node } of cx.calls) {
    const callee = unwrap(node.expression);
    if (!ts.isPropertyAccessExpression(callee) || !GRAPH_METHODS.has(callee.name.text)) continue;
    const method = callee.name.text;
    const graph = compiledGraph(cx, callee.expression, 0);
    if (!graph) continue;
    const argument = method === graph.facts.bindConfig ? 0 : graph.facts.runs.find((run) => run.method === method)?.configArgument;
    if (argument === undefined) continue;
    const { sdk } = graph.facts;
    runs.push({ span: spanOf(node, cx.sourceFile), sdk, module: graph.module, language: cx.language, method, config: bodyOf(cx, node.arguments[argument]).options });
  }
  return runs.sort((a, b) => a.span.start - b.span.start);
}

/** What a compiled graph is: `builder.compile()`, a graph with a config bound, or a name holding either. */
function compiledGraph(cx: TsFile, expression: ts.Expression, depth: number): Graph | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const node = unwrap(expression);
  const held = heldBy(cx, node);
  if (held) return compiledGraph(cx, held, depth + 1);
  if (!ts.isCallExpression(node)) return undefined;
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const graph = graphCatalog.ts.some((facts) => facts.compile === method) ? builderOf(cx, callee.expression, depth + 1) : undefined;
  if (graph?.facts.compile === method) return graph;
  const bound = compiledGraph(cx, callee.expression, depth + 1);
  return bound?.facts.bindConfig === method ? bound : undefined;
}

/** A graph builder: `new StateGraph(…)` of the SDK's class, its chained `addNode(…)`/`addEdge(…)`, or a name holding one. */
function builderOf(cx: TsFile, expression: ts.Expression, depth: number): Graph | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const node = unwrap(expression);
  if (ts.isNewExpression(node)) return builderClass(cx, unwrap(node.expression));
  if (ts.isCallExpression(node)) {
    // Builder methods return the builder, so a chain of them is one.
    const callee = unwrap(node.expression);
    return ts.isPropertyAccessExpression(callee) ? builderOf(cx, callee.expression, depth + 1) : undefined;
  }
  const held = heldBy(cx, node);
  return held && builderOf(cx, held, depth + 1);
}

/** What a name or a member set in the class (`this.graph = builder.compile()`) was given. */
function heldBy(cx: TsFile, node: ts.Expression): ts.Expression | undefined {
  if (ts.isIdentifier(node)) return cx.scopes.resolve(node.text, node.pos)?.initializer;
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) return cx.scopes.resolve(`this.${node.name.text}`, node.pos)?.initializer;
  return undefined;
}

/** `StateGraph` imported from the SDK (under any local name), or `langgraph.StateGraph` of a namespace import. */
function builderClass(cx: TsFile, constructor: ts.Expression): Graph | undefined {
  const [name, exportName] = ts.isIdentifier(constructor)
    ? [constructor, undefined]
    : ts.isPropertyAccessExpression(constructor) && ts.isIdentifier(constructor.expression)
      ? [constructor.expression, constructor.name.text]
      : [undefined, undefined];
  const imported = name && cx.scopes.resolve(name.text, name.pos)?.import;
  if (!imported || (exportName !== undefined && imported.exportName !== '*')) return undefined;
  const facts = graphBuilderOf(imported.module, exportName ?? imported.exportName, 'ts');
  return facts && { facts, module: imported.module };
}
