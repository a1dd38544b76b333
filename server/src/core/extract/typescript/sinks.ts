// Where a call's output goes within its function: `eval`, a shell, string-built SQL, HTML parsing. Read only for
// generating calls (and calls of project wrappers around them), over the statements after the call.
import { HTML_JSX_ATTRIBUTE, HTML_METHODS, HTML_PROPERTIES, LOOKUP_METHODS, isSanitizer, SQL_METHODS, SQL_RECEIVER, TS_GLOBAL_SINKS, TS_MODULE_SINKS, type SinkFunction } from '../../catalog/sinks';
import type { Operation, OutputSink } from '../../model';
import { TsFile, type PendingCall } from './context';
import { bindingNames } from './syntax';
import { ts } from './ts';

// Read once: each `ts.X` on the module's exports is a getter, too slow for a per-node switch.
const { SyntaxKind } = ts;

const GENERATING: ReadonlySet<Operation> = new Set(['chat', 'completion']);

/** Sinks reached by the call's output: its result's names, names later bound from them, or the call itself inline. */
export function outputSinksOf(cx: TsFile, call: PendingCall, operation: Operation): OutputSink[] {
  if (!GENERATING.has(operation)) return [];
  const scope: ts.Node = call.functionNode ?? cx.sourceFile;
  const binding = cx.bindings.get(call.node);
  const flow = new OutputFlow(call.node, binding ? bindingNames(binding) : []);
  const sinks: OutputSink[] = [];
  const visit = (node: ts.Node): void => {
    if (node.end <= call.node.pos) return;
    if (node.end >= call.node.end) flow.bindFrom(node);
    const found = sinkAt(cx, node);
    if (found && found.values.some((value) => flow.carries(value))) {
      sinks.push({ span: { start: node.getStart(cx.sourceFile), end: node.end }, kind: found.kind, name: found.name });
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return sinks;
}

/** The names that hold the output, growing as the function binds new names from them. */
class OutputFlow {
  private readonly names: Set<string>;

  constructor(
    private readonly call: ts.CallExpression,
    names: readonly string[],
  ) {
    this.names = new Set(names);
  }

  bindFrom(node: ts.Node): void {
    if (ts.isVariableDeclaration(node) && node.initializer && this.carries(node.initializer)) bindingNames(node.name).forEach((name) => this.names.add(name));
    else if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind) && ts.isIdentifier(node.left) && this.carries(node.right)) this.names.add(node.left.text);
    else if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && ts.isVariableDeclarationList(node.initializer) && this.carries(node.expression)) {
      node.initializer.declarations.forEach((declaration) => bindingNames(declaration.name).forEach((name) => this.names.add(name)));
    }
  }

  /** Whether the expression's value may hold the output as text: not once sanitised, compared, or used as a lookup key. */
  carries(node: ts.Node): boolean {
    if (node === this.call) return true;
    switch (node.kind) {
      case SyntaxKind.Identifier:
        return this.names.has((node as ts.Identifier).text);
      case SyntaxKind.TaggedTemplateExpression:
      case SyntaxKind.TypeOfExpression:
        return false;
      case SyntaxKind.ElementAccessExpression:
        return this.carries((node as ts.ElementAccessExpression).expression);
      case SyntaxKind.PropertyAccessExpression:
        return this.carries((node as ts.PropertyAccessExpression).expression);
      case SyntaxKind.PrefixUnaryExpression:
        return (node as ts.PrefixUnaryExpression).operator !== SyntaxKind.ExclamationToken && this.carries((node as ts.PrefixUnaryExpression).operand);
      case SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        if (!VALUE_OPERATORS.has(binary.operatorToken.kind)) return false;
        return this.carries(binary.left) || this.carries(binary.right);
      }
      case SyntaxKind.CallExpression: {
        const { expression, arguments: args } = node as ts.CallExpression;
        const leaf = ts.isPropertyAccessExpression(expression) ? expression.name.text : ts.isIdentifier(expression) ? expression.text : undefined;
        if (leaf !== undefined && isSanitizer(leaf)) return false;
        if (ts.isPropertyAccessExpression(expression) && LOOKUP_METHODS.has(expression.name.text)) return false;
        return this.carries(expression) || args.some((arg) => this.carries(arg));
      }
    }
    return ts.forEachChild(node, (child) => this.carries(child) || undefined) === true;
  }
}

const ASSIGNMENTS = new Set([SyntaxKind.EqualsToken, SyntaxKind.PlusEqualsToken, SyntaxKind.QuestionQuestionEqualsToken, SyntaxKind.BarBarEqualsToken]);
/** Operators whose result may be the operand's text; comparisons and `instanceof` give booleans. */
const VALUE_OPERATORS = new Set([SyntaxKind.PlusToken, SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken, SyntaxKind.AmpersandAmpersandToken, SyntaxKind.CommaToken]);

interface FoundSink {
  kind: OutputSink['kind'];
  name: string;
  /** The expressions that reach the sink. */
  values: readonly ts.Node[];
}

function sinkAt(cx: TsFile, node: ts.Node): FoundSink | undefined {
  switch (node.kind) {
    case SyntaxKind.CallExpression:
    case SyntaxKind.NewExpression:
      return callSink(cx, node as ts.CallExpression | ts.NewExpression);
    case SyntaxKind.BinaryExpression: {
      const { left, operatorToken, right } = node as ts.BinaryExpression;
      const assigns = operatorToken.kind === SyntaxKind.EqualsToken || operatorToken.kind === SyntaxKind.PlusEqualsToken;
      return assigns && ts.isPropertyAccessExpression(left) && HTML_PROPERTIES.has(left.name.text) ? { kind: 'html', name: left.name.text, values: [right] } : undefined;
    }
    case SyntaxKind.JsxAttribute: {
      const attribute = node as ts.JsxAttribute;
      return ts.isIdentifier(attribute.name) && attribute.name.text === HTML_JSX_ATTRIBUTE && attribute.initializer ? { kind: 'html', name: HTML_JSX_ATTRIBUTE, values: [attribute.initializer] } : undefined;
    }
  }
  return undefined;
}

function callSink(cx: TsFile, node: ts.CallExpression | ts.NewExpression): FoundSink | undefined {
  const callee = node.expression;
  const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
  const named = (name: string, sink: SinkFunction | undefined): FoundSink | undefined => {
    if (!sink || (sink.needsShell && !withShell(args))) return undefined;
    const values = sink.arguments === 'all' ? args.filter((arg) => !ts.isObjectLiteralExpression(arg)) : sink.arguments.map((index) => args[index]).filter((arg) => arg !== undefined);
    return { kind: sink.kind, name, values };
  };
  if (ts.isIdentifier(callee)) {
    const declared = cx.scopes.resolve(callee.text, callee.getStart(cx.sourceFile));
    if (!declared) return named(callee.text, TS_GLOBAL_SINKS.get(callee.text));
    const imported = declared.import;
    return imported ? named(`${imported.module.replace(/^node:/, '')}.${imported.exportName}`, TS_MODULE_SINKS.get(imported.module)?.get(imported.exportName)) : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = callee.expression;
  const receiverName = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : undefined;
  if (ts.isIdentifier(receiver)) {
    const imported = importOf(cx, receiver);
    if (imported && TS_MODULE_SINKS.has(imported.module) && (imported.exportName === '*' || imported.exportName === 'default')) return named(`${receiver.text}.${method}`, TS_MODULE_SINKS.get(imported.module)?.get(method));
  }
  const dotted = receiverName === 'document' ? `document.${method}` : undefined;
  if (dotted) return named(dotted, TS_GLOBAL_SINKS.get(dotted));
  if (HTML_METHODS.has(method)) return named(method, HTML_METHODS.get(method));
  if (SQL_METHODS.has(method) && receiverName !== undefined && (SQL_RECEIVER.test(receiverName) || method.startsWith('$'))) {
    // SQL text, not a query object (`client.query({ query, variables })`) or a tag that parameterises it (`sql\`…\``).
    const sql = args[0];
    const text = sql && !ts.isTaggedTemplateExpression(sql) && !ts.isObjectLiteralExpression(sql) && !ts.isArrayLiteralExpression(sql);
    return text ? { kind: 'sql', name: `${receiverName}.${method}`, values: [sql] } : undefined;
  }
  return undefined;
}

/** `spawn(cmd, args, { shell: true })`: an options object whose `shell` is set and not `false`. */
function withShell(args: readonly ts.Expression[]): boolean {
  return args.some(
    (arg) =>
      ts.isObjectLiteralExpression(arg) &&
      arg.properties.some((property) => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'shell' && property.initializer.kind !== SyntaxKind.FalseKeyword),
  );
}

/** The import a name resolves to at a use (`import { exec } from 'child_process'`, `const cp = require('node:child_process')`). */
function importOf(cx: TsFile, name: ts.Identifier): { module: string; exportName: string } | undefined {
  return cx.scopes.resolve(name.text, name.getStart(cx.sourceFile))?.import;
}
