import { catalogModuleOf } from '../../catalog';
import type { Span } from '../../model';
import { unwrap } from './options';
import { isRequestRead } from './syntax';
import { memberType } from './typed';
import { ts } from './ts';

/** A name bound somewhere in the file, enough to follow it to an import, a constructor or a literal. */
export interface Declaration {
  name: string;
  /** The span within which the name is visible (block, function, class or file). */
  scope: Span;
  start: number;
  import?: { module: string; exportName: string };
  initializer?: ts.Expression;
  /** A function declaration bound to the name (a method, for `this.<name>`). */
  function?: ts.FunctionLikeDeclaration;
  /** A class declaration bound to the name. */
  class?: ts.ClassLikeDeclaration;
  /** A declared type such as `client: OpenAI`, `session: Promise<OpenAI>`, `deps: { openai: OpenAI }`. */
  type?: ts.TypeNode;
  /** An interface or type alias bound to the name, for types that name it. */
  typeDeclaration?: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  /** A getter (`get client()`): reading the name runs the function. */
  getter?: boolean;
  /** Names declared with `const`: literal values behind them are trusted. */
  constant: boolean;
  parameter?: boolean;
  /** A parameter (or a member destructured from one) of `fn`: what callers pass there is what it holds. */
  slot?: ParameterSlot;
  /** `agent` in `for (const agent of agents)`: each element of that expression. */
  iterates?: ts.Expression;
  /** `const { generate } = params`, `const { generateText } = await loadAi()`: a member taken out of what an expression holds. */
  takenFrom?: { from: ts.Expression; property: string };
  /** Bound to data read from the incoming request (`await req.json()`, `req.body`). */
  fromRequest?: boolean;
}

/** Where a parameter sits: the function, its position, and the member of it when destructured (`{ generate }`). */
export interface ParameterSlot {
  fn: ts.FunctionLikeDeclaration;
  index: number;
  property?: string;
}

/**
 * Lexical name lookup without a type checker: for each name, the declaration whose scope is the innermost
 * one containing the use. Class members are recorded as `this.<name>` scoped to their class.
 */
export class ScopeIndex {
  private readonly byName = new Map<string, Declaration[]>();

  add(declaration: Declaration): void {
    const list = this.byName.get(declaration.name);
    if (list) list.push(declaration);
    else this.byName.set(declaration.name, [declaration]);
  }

  /** Names declared directly in `scope` (the file's top level, for instance). */
  namesIn(scope: Span): Set<string> {
    const names = new Set<string>();
    for (const [name, list] of this.byName) {
      if (list.some((d) => d.scope.start === scope.start && d.scope.end === scope.end)) names.add(name);
    }
    return names;
  }

  /** Names bound by imports from modules `accept` picks (the project's own modules, for instance). */
  namesImportedFrom(accept: (module: string) => boolean): Set<string> {
    const names = new Set<string>();
    for (const [name, list] of this.byName) if (list.some((d) => d.import && accept(d.import.module))) names.add(name);
    return names;
  }

  /** The other declarations of a name in the same scope: a class field is also set in its methods. */
  alternatives(declaration: Declaration): Declaration[] {
    const { scope } = declaration;
    return (this.byName.get(declaration.name) ?? []).filter((d) => d !== declaration && d.scope.start === scope.start && d.scope.end === scope.end);
  }

  resolve(name: string, at: number): Declaration | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    let best: Declaration | undefined;
    for (const candidate of list) {
      if (candidate.scope.start > at || candidate.scope.end < at) continue;
      if (!best) {
        best = candidate;
        continue;
      }
      const bestSize = best.scope.end - best.scope.start;
      const size = candidate.scope.end - candidate.scope.start;
      // Innermost scope wins; within one scope, the last declaration before the use.
      if (size < bestSize || (size === bestSize && candidate.start <= at && candidate.start > best.start)) {
        best = candidate;
      }
    }
    return best;
  }
}

/** Records the names an import or `require` binds. */
export function declareImport(node: ts.ImportDeclaration, scope: Span, index: ScopeIndex): void {
  if (!ts.isStringLiteral(node.moduleSpecifier) || !node.importClause) return;
  const module = catalogModuleOf(node.moduleSpecifier.text);
  const clause = node.importClause;
  if (clause.name) {
    index.add({ name: clause.name.text, scope, start: clause.name.pos, import: { module, exportName: 'default' }, constant: true });
  }
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) {
    index.add({ name: bindings.name.text, scope, start: bindings.pos, import: { module, exportName: '*' }, constant: true });
    return;
  }
  for (const element of bindings.elements) {
    const exportName = (element.propertyName ?? element.name).text;
    index.add({ name: element.name.text, scope, start: element.pos, import: { module, exportName }, constant: true });
  }
}

/** `require('x')` as an initializer, else undefined. */
/** The module a `require('m')`, `import('m')` or `await import('m')` loads: its bindings are the module's exports. */
export function requiredModule(expr: ts.Expression | undefined): string | undefined {
  const call = expr && unwrap(expr);
  if (!call || !ts.isCallExpression(call)) return undefined;
  const loads = call.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(call.expression) && call.expression.text === 'require');
  const [arg] = call.arguments;
  return loads && arg && ts.isStringLiteralLike(arg) ? catalogModuleOf(arg.text) : undefined;
}

export function declareVariable(node: ts.VariableDeclaration, scope: Span, constant: boolean, index: ScopeIndex): void {
  const module = requiredModule(node.initializer);
  const fromRequest = isRequestRead(node.initializer);
  if (ts.isIdentifier(node.name)) {
    index.add({
      name: node.name.text,
      scope,
      start: node.name.pos,
      initializer: module ? undefined : node.initializer,
      import: module ? { module, exportName: '*' } : undefined,
      type: node.type,
      constant,
      fromRequest,
    });
    return;
  }
  const from = !module && node.initializer ? unwrap(node.initializer) : undefined;
  if (from && ts.isObjectBindingPattern(node.name)) {
    const members = new Map(bindingMembers(node.name));
    for (const element of node.name.elements) {
      const property = ts.isIdentifier(element.name) ? members.get(element.name) : undefined;
      if (property !== undefined) index.add({ name: (element.name as ts.Identifier).text, scope, start: element.name.pos, constant: false, fromRequest, takenFrom: { from, property } });
      else declareBindingPattern(element.name, scope, undefined, index, fromRequest);
    }
    return;
  }
  declareBindingPattern(node.name, scope, module, index, fromRequest);
}

/** `{ generate, run: execute }`: each local name with the member it holds (rest elements and nested patterns left out). */
export function bindingMembers(pattern: ts.ObjectBindingPattern): [ts.Identifier, string][] {
  const members: [ts.Identifier, string][] = [];
  for (const element of pattern.elements) {
    if (element.dotDotDotToken || !ts.isIdentifier(element.name)) continue;
    // `{ [key]: g }` names no member a slot can follow.
    const named = element.propertyName;
    if (named && !ts.isIdentifier(named) && !ts.isStringLiteral(named)) continue;
    members.push([element.name, named ? named.text : element.name.text]);
  }
  return members;
}

function declareBindingPattern(pattern: ts.BindingName, scope: Span, module: string | undefined, index: ScopeIndex, fromRequest = false, parameter = false): void {
  if (ts.isIdentifier(pattern)) {
    index.add({ name: pattern.text, scope, start: pattern.pos, constant: false, fromRequest, parameter });
    return;
  }
  for (const element of pattern.elements) {
    if (ts.isOmittedExpression(element)) continue;
    if (module && ts.isObjectBindingPattern(pattern) && ts.isIdentifier(element.name)) {
      const exportName = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      index.add({ name: element.name.text, scope, start: element.name.pos, import: { module, exportName }, constant: true });
    } else {
      declareBindingPattern(element.name, scope, undefined, index, fromRequest, parameter);
    }
  }
}

export function declareParameter(node: ts.ParameterDeclaration, fn: ts.FunctionLikeDeclaration, position: number, scope: Span, index: ScopeIndex): void {
  if (ts.isIdentifier(node.name)) {
    index.add({ name: node.name.text, scope, start: node.name.pos, type: node.type, constant: false, parameter: true, slot: { fn, index: position } });
  } else if (ts.isObjectBindingPattern(node.name)) {
    const members = new Map(bindingMembers(node.name));
    for (const element of node.name.elements) {
      const property = ts.isIdentifier(element.name) ? members.get(element.name) : undefined;
      // `({ agents }: { agents?: Agent[] })`: the member's declared type is the name's.
      const type = property !== undefined && node.type && ts.isTypeLiteralNode(node.type) ? memberType(node.type.members, property) : undefined;
      if (property !== undefined) index.add({ name: (element.name as ts.Identifier).text, scope, start: element.name.pos, type, constant: false, parameter: true, slot: { fn, index: position, property } });
      else declareBindingPattern(element.name, scope, undefined, index, false, true);
    }
  } else {
    declareBindingPattern(node.name, scope, undefined, index, false, true);
  }
}

export function declareClassMember(
  name: string,
  classScope: Span,
  start: number,
  initializer: ts.Expression | undefined,
  type: ts.TypeNode | undefined,
  index: ScopeIndex,
  constant: boolean,
): void {
  index.add({ name: `this.${name}`, scope: classScope, start, initializer, type, constant });
}
