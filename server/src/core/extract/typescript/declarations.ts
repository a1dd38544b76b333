// What a top-level statement can make other statements' extraction depend on, read from its syntax alone.
import type { ExportedValue } from '../../model';
import type { StatementSummary } from '../shared/declarationCache';
import { readExports } from './exports';
import { bindingNames } from './syntax';
import { ts } from './ts';

const { SyntaxKind } = ts;

/** Method names that put their argument into the receiver (a cache's `.set`, a list's `.push`). */
const STORING_METHODS = new Set(['set', 'add', 'push', 'unshift', 'splice', 'append', 'insert', 'put', 'assign', 'register', 'setdefault', 'update', 'fill']);
/** `Object.assign(target, …)` and the like store into their first argument. */
const STORING_FUNCTIONS = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties', 'Object.setPrototypeOf', 'Reflect.set', 'Reflect.defineProperty']);

const NAMED_DECLARATIONS = new Set([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
  SyntaxKind.ClassDeclaration,
  SyntaxKind.ClassExpression,
  SyntaxKind.InterfaceDeclaration,
  SyntaxKind.TypeAliasDeclaration,
  SyntaxKind.EnumDeclaration,
  SyntaxKind.ModuleDeclaration,
  SyntaxKind.PropertyDeclaration,
]);

const FUNCTION_LIKE = new Set([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
  SyntaxKind.Constructor,
  SyntaxKind.ClassStaticBlockDeclaration,
]);

/** Code that runs when the module loads, outside any function: what the walk records under the file itself. */
const LOAD_TIME_CODE = new Set([SyntaxKind.CallExpression, SyntaxKind.TaggedTemplateExpression, SyntaxKind.Decorator, SyntaxKind.AwaitExpression, SyntaxKind.YieldExpression]);

const EXPORT_NAME_ONLY: { ofName(): ExportedValue; ofExpression(): ExportedValue } = {
  ofName: () => ({ kind: 'module-loader' }),
  ofExpression: () => ({ kind: 'module-loader' }),
};

export function summarize(statement: ts.Statement): StatementSummary {
  const declares = new Set<string>();
  const mentions = new Set<string>();
  const writes = new Set<string>();
  /** Local names holding a class's instance (`new C(…)`, a parameter typed `C`), by name. */
  const instances = new Set<string>();
  let loadTimeCode = false;
  const identifiersIn = (node: ts.Node, into: Set<string>): void => {
    if (node.kind === SyntaxKind.Identifier || node.kind === SyntaxKind.PrivateIdentifier) into.add((node as ts.Identifier).text);
    else if (node.kind === SyntaxKind.ThisKeyword) into.add('this');
    else if (node.kind === SyntaxKind.SuperKeyword) into.add('super');
    ts.forEachChild(node, (child) => identifiersIn(child, into));
  };
  const nameOf = (name: ts.Node | undefined): void => {
    if (name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name))) declares.add(name.text);
    else if (name && (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name))) identifiersIn(name, declares);
  };
  /** Stored into, unless it is a name bound inside the enclosing function (no other statement can name that). */
  const written = (target: ts.Expression, locals: LocalScope | undefined): void => {
    const root = rootOf(target);
    if (!(root && isLocal(root.text, locals))) identifiersIn(target, writes);
    // `context.requestURL = …` on a local instance of a class: code elsewhere reads that member of its own instances.
    else if (ts.isPropertyAccessExpression(target) && instances.has(root.text)) writes.add(target.name.text);
  };
  const visit = (node: ts.Node, inFunction: boolean, outerLocals: LocalScope | undefined): void => {
    const kind = node.kind;
    const locals = inFunction || FUNCTION_LIKE.has(kind) ? localScopeOf(node, outerLocals) : outerLocals;
    if (kind === SyntaxKind.Identifier || kind === SyntaxKind.PrivateIdentifier) mentions.add((node as ts.Identifier).text);
    else if (kind === SyntaxKind.ThisKeyword) mentions.add('this');
    else if (kind === SyntaxKind.SuperKeyword) mentions.add('super');
    if (!inFunction && LOAD_TIME_CODE.has(kind)) loadTimeCode = true;
    if (kind === SyntaxKind.VariableDeclaration || kind === SyntaxKind.Parameter) {
      const { name, initializer, type } = node as ts.VariableDeclaration | ts.ParameterDeclaration;
      const built = initializer && ts.isNewExpression(initializer);
      if (ts.isIdentifier(name) && (built || (type && ts.isTypeReferenceNode(type)))) instances.add(name.text);
    }
    if (NAMED_DECLARATIONS.has(kind)) nameOf((node as ts.NamedDeclaration).name);
    else if (kind === SyntaxKind.VariableDeclaration || kind === SyntaxKind.PropertyAssignment) {
      // A top-level binding, or a function held by a name or property (a wrapper is found by that name).
      const { name, initializer } = node as ts.VariableDeclaration | ts.PropertyAssignment;
      const topLevelBinding = kind === SyntaxKind.VariableDeclaration && !inFunction;
      if (topLevelBinding || (initializer && (ts.isFunctionLike(initializer) || ts.isClassExpression(initializer)))) nameOf(name);
    } else if (kind === SyntaxKind.Parameter && ts.getModifiers(node as ts.ParameterDeclaration)?.length) {
      // `constructor(private client: OpenAI)` declares a member.
      nameOf((node as ts.ParameterDeclaration).name);
    } else if (kind === SyntaxKind.ImportDeclaration || kind === SyntaxKind.ImportEqualsDeclaration) {
      identifiersIn(node, declares);
    } else if (kind === SyntaxKind.BinaryExpression) {
      const { left, operatorToken } = node as ts.BinaryExpression;
      if (operatorToken.kind >= SyntaxKind.FirstAssignment && operatorToken.kind <= SyntaxKind.LastAssignment) written(left, locals);
    } else if (kind === SyntaxKind.PrefixUnaryExpression || kind === SyntaxKind.PostfixUnaryExpression) {
      const { operator, operand } = node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
      if (operator === SyntaxKind.PlusPlusToken || operator === SyntaxKind.MinusMinusToken) written(operand, locals);
    } else if (kind === SyntaxKind.DeleteExpression) {
      written((node as ts.DeleteExpression).expression, locals);
    } else if (kind === SyntaxKind.ForOfStatement || kind === SyntaxKind.ForInStatement) {
      const initializer = (node as ts.ForOfStatement).initializer;
      if (!ts.isVariableDeclarationList(initializer)) written(initializer, locals);
    } else if (kind === SyntaxKind.HeritageClause && (node as ts.HeritageClause).token === SyntaxKind.ExtendsKeyword) {
      // A base class exports what its subclasses implement: a subclass changes it.
      for (const type of (node as ts.HeritageClause).types) identifiersIn(type.expression, writes);
    } else if (kind === SyntaxKind.CallExpression) {
      const { expression: callee, arguments: args } = node as ts.CallExpression;
      if (ts.isPropertyAccessExpression(callee)) {
        if (STORING_METHODS.has(callee.name.text)) identifiersIn(callee.expression, writes);
        if (args.length > 0 && ts.isIdentifier(callee.expression) && STORING_FUNCTIONS.has(`${callee.expression.text}.${callee.name.text}`)) identifiersIn(args[0], writes);
      }
    }
    const inner = inFunction || FUNCTION_LIKE.has(kind);
    ts.forEachChild(node, (child) => visit(child, inner, locals));
  };
  visit(statement, false, undefined);
  const exported = readExports({ statements: [statement] } as unknown as ts.SourceFile, EXPORT_NAME_ONLY);
  return {
    declares,
    mentions,
    writes,
    definition: !loadTimeCode && isDefinitionKind(statement),
    exportNames: [...exported.names.keys()],
    star: exported.star,
    readsCallers: callsWhatItIsGiven(statement),
  };
}

/**
 * Whether a function in the statement calls a name bound from its parameters, or passes one to a call: such a call
 * is a model request when a caller gives it a model callback (`generate(prompt)` in `structured(generate, …)`).
 */
function callsWhatItIsGiven(statement: ts.Statement): boolean {
  const given = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (FUNCTION_LIKE.has(node.kind) || node.kind === SyntaxKind.ArrowFunction) {
      for (const parameter of (node as ts.SignatureDeclaration).parameters ?? []) for (const name of bindingNames(parameter.name)) given.add(name);
    }
    ts.forEachChild(node, collect);
  };
  collect(statement);
  if (given.size === 0) return false;
  const uses = (node: ts.Node): boolean => {
    const from = ts.isVariableDeclaration(node) && node.initializer ? rootOf(node.initializer) : undefined;
    if (ts.isVariableDeclaration(node) && from && given.has(from.text)) {
      // `const { generate } = params`, `const generate = params.generate`: what is taken out is given too.
      for (const name of bindingNames(node.name)) given.add(name);
    }
    if (ts.isCallExpression(node)) {
      if (ts.isIdentifier(node.expression) && given.has(node.expression.text)) return true;
      if (node.arguments.some((argument) => ts.isIdentifier(argument) && given.has(argument.text))) return true;
    }
    return ts.forEachChild(node, (child) => uses(child) || undefined) === true;
  };
  return uses(statement);
}

/** Names bound in a function's parameters or a block inside a function, innermost first. */
interface LocalScope {
  names: Set<string>;
  outer?: LocalScope;
}

function isLocal(name: string, scope: LocalScope | undefined): boolean {
  for (let at = scope; at; at = at.outer) if (at.names.has(name)) return true;
  return false;
}

/** The scope a node opens: a function's parameters, a block's own declarations. Other nodes open none. */
function localScopeOf(node: ts.Node, outer: LocalScope | undefined): LocalScope | undefined {
  const names = new Set<string>();
  if (FUNCTION_LIKE.has(node.kind)) {
    for (const parameter of (node as ts.SignatureDeclaration).parameters ?? []) for (const name of bindingNames(parameter.name)) names.add(name);
  } else if (node.kind === SyntaxKind.Block) {
    for (const statement of (node as ts.Block).statements) {
      if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) for (const name of bindingNames(declaration.name)) names.add(name);
      else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) names.add(statement.name.text);
    }
  } else {
    return outer;
  }
  return { names, outer };
}

/** The name an assignment target starts from: `cache` in `cache.entries[key].value`. */
function rootOf(target: ts.Expression): ts.Identifier | undefined {
  let node: ts.Node = target;
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  return ts.isIdentifier(node) ? node : undefined;
}

function isDefinitionKind(statement: ts.Statement): boolean {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return true;
  return ts.isVariableStatement(statement) && statement.declarationList.declarations.every((declaration) => declaration.initializer !== undefined && isFunctionValue(declaration.initializer));
}

function isFunctionValue(expression: ts.Expression): boolean {
  return ts.isArrowFunction(expression) || ts.isFunctionExpression(expression) || ts.isClassExpression(expression);
}
