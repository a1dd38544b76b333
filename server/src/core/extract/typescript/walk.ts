// The walk: one pass over the file recording declarations, calls, constructions and what surrounds each call.
import { mayBeResilienceHelper } from '../../catalog/resilience';
import { unwrap } from './options';
import { calleeName } from './handling';
import { mayBeRecorded, recordCall } from './records';
import { nextLineBreak } from '../../model';
import { MAX_WALK_DEPTH } from '../shared/limits';
import { declareClassMember, declareImport, declareParameter, declareVariable } from './scope';
import { ts } from './ts';
import { LAZY_OPERATORS, TsFile } from './context';
import { typeReferenceName } from './syntax';

// Read once: each `ts.X` on the module's exports is a getter, too slow for a per-node switch.
// Enums may be read once here; functions are read from `ts` at each call: in the bundles a function taken when the
// module loads is the stand-in's forwarder (esbuild.mjs, one-typescript), which costs every call a lookup.
const { SyntaxKind, NodeFlags } = ts;

/** The walk recurses; a depth bound keeps generated or hostile nesting from overflowing the stack. */
export function visit(cx: TsFile, node: ts.Node): void {
  if (cx.depth >= MAX_WALK_DEPTH) {
    cx.tooDeepAt ??= node.getStart(cx.sourceFile);
    return;
  }
  cx.depth++;
  try {
    visitNode(cx, node);
  } finally {
    cx.depth--;
  }
}


/**
 * What the walk does at each kind of node it reads; `true` when the handler walked the children itself (or they
 * hold nothing), `false` to walk them as usual.
 */
type Handler = (cx: TsFile, node: ts.Node) => boolean;

function onImportDeclaration(cx: TsFile, node: ts.Node): boolean {
  declareImport(node as ts.ImportDeclaration, cx.scope, cx.scopes);
  return true;
}

function onVariableDeclarationList(cx: TsFile, node: ts.Node): boolean {
  const list = node as ts.VariableDeclarationList;
  const constant = (list.flags & NodeFlags.Const) !== 0;
  for (const declaration of list.declarations) declareVariable(declaration, cx.scope, constant, cx.scopes);
  return false;
}

function onNamedValue(cx: TsFile, node: ts.Node): boolean {
  // `const handler = async () => …` names the function it holds.
  const named = node as ts.VariableDeclaration | ts.PropertyAssignment;
  const initializer = named.initializer;
  if (
    initializer &&
    named.name.kind === SyntaxKind.Identifier &&
    (initializer.kind === SyntaxKind.ArrowFunction || initializer.kind === SyntaxKind.FunctionExpression)
  ) {
    visitFunction(cx, initializer as ts.ArrowFunction, (named.name as ts.Identifier).text);
    return true;
  }
  if (initializer && node.kind === SyntaxKind.VariableDeclaration) {
    const value = unwrap(initializer);
    if (value.kind === SyntaxKind.CallExpression) cx.bindings.set(value, named.name as ts.BindingName);
    // A client held by a module-level const can be named by fixes anywhere in the file.
    if (value.kind === SyntaxKind.NewExpression && named.name.kind === SyntaxKind.Identifier && cx.scope.start === 0) {
      cx.moduleConstants.set(value, (named.name as ts.Identifier).text);
    }
    const type = typeReferenceName((node as ts.VariableDeclaration).type);
    if (type && value.kind === SyntaxKind.CallExpression) cx.parseTypes.set(value, type);
  }
  return false;
}

function onAsExpression(cx: TsFile, node: ts.Node): boolean {
  const assertion = node as ts.AsExpression;
  const type = typeReferenceName(assertion.type);
  const value = unwrap(assertion.expression);
  if (type && value.kind === SyntaxKind.CallExpression) cx.parseTypes.set(value, type);
  return false;
}

function onTypeAliasDeclaration(cx: TsFile, node: ts.Node): boolean {
  // type Ticket = z.infer<typeof TicketSchema>
  const alias = node as ts.TypeAliasDeclaration;
  declareType(cx, alias);
  const type = alias.type;
  if (ts.isTypeReferenceNode(type) && /(^|\.)(infer|output|Infer)$/.test(type.typeName.getText(cx.sourceFile))) {
    const [argument] = type.typeArguments ?? [];
    if (argument && ts.isTypeQueryNode(argument) && ts.isIdentifier(argument.exprName)) {
      cx.schemaOfType.set(alias.name.text, argument.exprName.text);
    }
  }
  return false;
}

function onInterfaceDeclaration(cx: TsFile, node: ts.Node): boolean {
  declareType(cx, node as ts.InterfaceDeclaration);
  return true;
}

/** `interface Deps { openai: OpenAI }`: a parameter typed `Deps` holds an OpenAI client at `.openai`. */
function declareType(cx: TsFile, node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): void {
  cx.scopes.add({ name: node.name.text, scope: cx.scope, start: node.pos, constant: true, typeDeclaration: node });
}

function onCallExpression(cx: TsFile, node: ts.Node): boolean {
  const call = node as ts.CallExpression;
  cx.calls.push({
    node: call,
    enclosingFunction: cx.functionName,
    statement: cx.statement,
    statements: cx.statements,
    tryStatement: cx.tryStatement,
    functionNode: cx.functionNode,
    helpers: cx.helpers,
    namedFunction: cx.namedFunction,
    holders: cx.holders,
  });
  const callee = call.expression;
  if (callee.kind === SyntaxKind.PropertyAccessExpression) {
    const method = (callee as ts.PropertyAccessExpression).name.text;
    if ((method === 'catch' && call.arguments.length > 0) || (method === 'then' && call.arguments.length > 1)) {
      cx.promiseHandled.add(unwrap((callee as ts.PropertyAccessExpression).expression));
    }
  }
  const name = mayBeRecorded(cx, callee) ? calleeName(callee) : undefined;
  if (name !== undefined && recordCall(cx, call, name)) {
    const outer = cx.validator;
    cx.validator = name;
    ts.forEachChild(node, cx.visitChild);
    cx.validator = outer;
    return true;
  }
  const leaf = callee.kind === SyntaxKind.Identifier ? (callee as ts.Identifier).text : callee.kind === SyntaxKind.PropertyAccessExpression ? (callee as ts.PropertyAccessExpression).name.text : undefined;
  if (leaf !== undefined && call.arguments.length > 0 && mayBeResilienceHelper(leaf)) {
    // Calls inside its arguments run under this helper (a retry, a timeout, a fallback).
    const outer = cx.helpers;
    cx.helpers = [...outer, call];
    ts.forEachChild(node, cx.visitChild);
    cx.helpers = outer;
    return true;
  }
  return false;
}

function onTemplate(cx: TsFile, node: ts.Node): boolean {
  const start = node.getStart(cx.sourceFile);
  const lineBreak = nextLineBreak(cx.sourceFile.text, start);
  if (lineBreak !== -1 && lineBreak < node.end) cx.multilineTemplates.push(start);
  return false;
}

function onTryStatement(cx: TsFile, node: ts.Node): boolean {
  const statement = node as ts.TryStatement;
  const outer = cx.tryStatement;
  cx.tryStatement = statement;
  visit(cx, statement.tryBlock);
  cx.tryStatement = outer;
  if (statement.catchClause) visit(cx, statement.catchClause);
  if (statement.finallyBlock) visit(cx, statement.finallyBlock);
  return true;
}

function onCaseClause(cx: TsFile, node: ts.Node): boolean {
  visitStatements(cx, (node as ts.CaseOrDefaultClause).statements);
  return true;
}

function onNewExpression(cx: TsFile, node: ts.Node): boolean {
  cx.constructions.push(node as ts.NewExpression);
  return false;
}

function onReturnStatement(cx: TsFile, node: ts.Node): boolean {
  const returned = (node as ts.ReturnStatement).expression;
  if (returned && cx.functionNode) {
    const list = cx.returns.get(cx.functionNode);
    if (list) list.push(returned);
    else cx.returns.set(cx.functionNode, [returned]);
  }
  return false;
}

function onClass(cx: TsFile, node: ts.Node): boolean {
  const declared = (node as ts.ClassDeclaration).name;
  if (declared && node.kind === SyntaxKind.ClassDeclaration) {
    cx.scopes.add({ name: declared.text, scope: cx.scope, start: node.pos, constant: true, class: node as ts.ClassDeclaration });
  }
  const outer = cx.classScope;
  cx.classes.push(node as ts.ClassLikeDeclaration);
  cx.classScope = { start: node.pos, end: node.end };
  ts.forEachChild(node, cx.visitChild);
  cx.classScope = outer;
  return true;
}

function onPropertyDeclaration(cx: TsFile, node: ts.Node): boolean {
  const property = node as ts.PropertyDeclaration;
  if (cx.classScope && property.name.kind === SyntaxKind.Identifier) {
    const readonly = property.modifiers?.some((m) => m.kind === SyntaxKind.ReadonlyKeyword) ?? false;
    declareClassMember(property.name.text, cx.classScope, property.pos, property.initializer, property.type, cx.scopes, readonly);
  }
  return false;
}

/** `this.x = …`, and the memoising `this.x ??= …` / `this.x ||= …`. */
const MEMBER_ASSIGNMENTS = new Set([SyntaxKind.EqualsToken, SyntaxKind.QuestionQuestionEqualsToken, SyntaxKind.BarBarEqualsToken]);

function onBinaryExpression(cx: TsFile, node: ts.Node): boolean {
  const assignment = node as ts.BinaryExpression;
  const left = assignment.left;
  if (
    cx.classScope &&
    MEMBER_ASSIGNMENTS.has(assignment.operatorToken.kind) &&
    left.kind === SyntaxKind.PropertyAccessExpression &&
    (left as ts.PropertyAccessExpression).expression.kind === SyntaxKind.ThisKeyword
  ) {
    const name = (left as ts.PropertyAccessExpression).name.text;
    declareClassMember(name, cx.classScope, assignment.pos, assignment.right, undefined, cx.scopes, false);
  } else if (
    assignment.operatorToken.kind === SyntaxKind.EqualsToken &&
    left.kind === SyntaxKind.PropertyAccessExpression &&
    (left as ts.PropertyAccessExpression).expression.kind === SyntaxKind.Identifier
  ) {
    // `context.requestURL = …`: what a member of an object is set to, for URLs read from it elsewhere.
    const member = left as ts.PropertyAccessExpression;
    const list = cx.memberAssignments.get(member.name.text);
    const entry = { receiver: member.expression as ts.Identifier, value: assignment.right };
    if (list) list.push(entry);
    else cx.memberAssignments.set(member.name.text, [entry]);
  } else if (left.kind === SyntaxKind.Identifier && LAZY_OPERATORS.has(assignment.operatorToken.kind)) {
    // `client = new OpenAI()` giving a `let client;` declared without a value its value.
    const name = (left as ts.Identifier).text;
    const list = cx.assignments.get(name);
    const entry = { at: assignment.pos, value: assignment.right };
    if (list) list.push(entry);
    else cx.assignments.set(name, [entry]);
  }
  return false;
}

function onBlock(cx: TsFile, node: ts.Node): boolean {
  inScope(cx, node, () => visitStatements(cx, (node as ts.Block).statements));
  return true;
}

function onScopedStatement(cx: TsFile, node: ts.Node): boolean {
  inScope(cx, node, () => ts.forEachChild(node, cx.visitChild));
  return true;
}

/** `for (const agent of agents)`: the loop variable holds an element of what the loop reads. */
function onForOfStatement(cx: TsFile, node: ts.Node): boolean {
  const loop = node as ts.ForOfStatement;
  const list = loop.initializer;
  const single = ts.isVariableDeclarationList(list) && list.declarations.length === 1 ? list.declarations[0] : undefined;
  if (!single || !ts.isIdentifier(single.name)) return onScopedStatement(cx, node);
  const name = single.name;
  inScope(cx, node, () => {
    cx.scopes.add({ name: name.text, scope: cx.scope, start: name.pos, constant: false, iterates: loop.expression });
    cx.visitChild(loop.expression);
    cx.visitChild(loop.statement);
  });
  return true;
}

function onFunction(cx: TsFile, node: ts.Node): boolean {
  visitFunction(cx, node as ts.FunctionLikeDeclaration, undefined);
  return true;
}

/** Indexed by syntax kind: an array read is the cheapest dispatch on the per-node path. */
const HANDLERS: (Handler | undefined)[] = [];
for (const [kind, handler] of [
  [SyntaxKind.ImportDeclaration, onImportDeclaration],
  [SyntaxKind.VariableDeclarationList, onVariableDeclarationList],
  [SyntaxKind.VariableDeclaration, onNamedValue],
  [SyntaxKind.PropertyAssignment, onNamedValue],
  [SyntaxKind.AsExpression, onAsExpression],
  [SyntaxKind.TypeAliasDeclaration, onTypeAliasDeclaration],
  [SyntaxKind.InterfaceDeclaration, onInterfaceDeclaration],
  [SyntaxKind.CallExpression, onCallExpression],
  [SyntaxKind.NoSubstitutionTemplateLiteral, onTemplate],
  [SyntaxKind.TemplateExpression, onTemplate],
  [SyntaxKind.TryStatement, onTryStatement],
  [SyntaxKind.CaseClause, onCaseClause],
  [SyntaxKind.DefaultClause, onCaseClause],
  [SyntaxKind.NewExpression, onNewExpression],
  [SyntaxKind.ReturnStatement, onReturnStatement],
  [SyntaxKind.ClassDeclaration, onClass],
  [SyntaxKind.ClassExpression, onClass],
  [SyntaxKind.PropertyDeclaration, onPropertyDeclaration],
  [SyntaxKind.BinaryExpression, onBinaryExpression],
  [SyntaxKind.Block, onBlock],
  [SyntaxKind.ForStatement, onScopedStatement],
  [SyntaxKind.ForOfStatement, onForOfStatement],
  [SyntaxKind.ForInStatement, onScopedStatement],
  [SyntaxKind.CatchClause, onScopedStatement],
  [SyntaxKind.FunctionDeclaration, onFunction],
  [SyntaxKind.FunctionExpression, onFunction],
  [SyntaxKind.ArrowFunction, onFunction],
  [SyntaxKind.MethodDeclaration, onFunction],
  [SyntaxKind.Constructor, onFunction],
  [SyntaxKind.GetAccessor, onFunction],
  [SyntaxKind.SetAccessor, onFunction],
] as const) HANDLERS[kind] = handler;

export function visitNode(cx: TsFile, node: ts.Node): void {
  const handled = HANDLERS[node.kind]?.(cx, node) ?? false;
  if (!handled) ts.forEachChild(node, cx.visitChild);
}


export function visitStatements(cx: TsFile, statements: ts.NodeArray<ts.Statement>): void {
  const outerStatement = cx.statement;
  const outerStatements = cx.statements;
  cx.statements = statements;
  const outerHolders = cx.holders;
  for (const statement of statements) {
    cx.statement = statement;
    cx.holders = { node: statement, outer: outerHolders };
    visit(cx, statement);
  }
  cx.holders = outerHolders;
  cx.statement = outerStatement;
  cx.statements = outerStatements;
}


export function inScope(cx: TsFile, node: ts.Node, walk: () => void): void {
  const outer = cx.scope;
  cx.scope = { start: node.pos, end: node.end };
  walk();
  cx.scope = outer;
}


export function visitFunction(cx: TsFile, node: ts.FunctionLikeDeclaration, nameHint: string | undefined): void {
  // `#fetch()` methods count too: their name keeps the `#`, as `this.#fetch` reads it.
  const name = node.name && (node.name.kind === SyntaxKind.Identifier || node.name.kind === SyntaxKind.PrivateIdentifier) ? node.name.text : undefined;
  // An overload signature has no body: the name is the implementation's.
  const declares = name !== undefined && node.body !== undefined;
  if (declares && node.kind === SyntaxKind.FunctionDeclaration) {
    cx.scopes.add({ name, scope: cx.scope, start: node.pos, constant: false, function: node });
  }
  if (declares && (node.kind === SyntaxKind.MethodDeclaration || node.kind === SyntaxKind.GetAccessor) && cx.classScope) {
    const getter = node.kind === SyntaxKind.GetAccessor;
    cx.scopes.add({ name: `this.${name}`, scope: cx.classScope, start: node.pos, constant: false, function: node, getter });
  }
  const outer = { name: cx.functionName, statement: cx.statement, tryStatement: cx.tryStatement, functionNode: cx.functionNode, named: cx.namedFunction };
  cx.functionName = name ?? nameHint ?? outer.name;
  if (name !== undefined || nameHint !== undefined) {
    cx.namedFunction = node;
    cx.functionNames.set(node, (name ?? nameHint)!);
  }
  // A try or statement outside the function does not hold what runs inside it.
  cx.statement = undefined;
  cx.tryStatement = undefined;
  cx.functionNode = node;
  const outerHolders = cx.holders;
  cx.holders = { node, outer: outerHolders };
  inScope(cx, node, () => {
    for (const [position, parameter] of node.parameters.entries()) {
      declareParameter(parameter, node, position, cx.scope, cx.scopes);
      // `constructor(private readonly client: OpenAI)` declares `this.client` too.
      if (node.kind === SyntaxKind.Constructor && cx.classScope && ts.isIdentifier(parameter.name) && ts.getModifiers(parameter)?.length) {
        declareClassMember(parameter.name.text, cx.classScope, parameter.pos, undefined, parameter.type, cx.scopes, true);
      }
    }
    ts.forEachChild(node, cx.visitChild);
  });
  cx.holders = outerHolders;
  cx.functionName = outer.name;
  cx.statement = outer.statement;
  cx.tryStatement = outer.tryStatement;
  cx.functionNode = outer.functionNode;
  cx.namedFunction = outer.named;
}
