// Project classes across modules: what a module exports of its classes whose methods reach a model, and what
// a call on an instance of an imported one runs.
import type { ExportedValue, ImportRef, WrappedCall } from '../../model';
import { wrappedCallOf } from '../shared/wrapped';
import { ts } from './ts';
import type { TsFile, Value } from './context';

export type ClassExport = Extract<ExportedValue, { kind: 'class' }>;

/** How far `extends` chains of the file's own classes are followed (a guard against cycles written by mistake). */
const MAX_CLASS_DEPTH = 8;

/** The instance methods a class declares with a body, by name. */
function ownMethods(declaration: ts.ClassLikeDeclaration): Map<string, ts.MethodDeclaration> {
  const methods = new Map<string, ts.MethodDeclaration>();
  for (const member of declaration.members) {
    if (!ts.isMethodDeclaration(member) || !member.body || !ts.isIdentifier(member.name)) continue;
    if (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword || modifier.kind === ts.SyntaxKind.PrivateKeyword)) continue;
    methods.set(member.name.text, member);
  }
  return methods;
}

/** The expression a class `extends` (`Agent` in `class RoutingAgent extends Agent`). */
export function extendsExpression(declaration: ts.ClassLikeDeclaration): ts.Expression | undefined {
  const clause = declaration.heritageClauses?.find((heritage) => heritage.token === ts.SyntaxKind.ExtendsKeyword);
  return clause?.types[0]?.expression;
}

/** The file's classes that extend `declaration`, at any depth. */
function localSubclasses(cx: TsFile, declaration: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
  const found: ts.ClassLikeDeclaration[] = [];
  const visit = (base: ts.ClassLikeDeclaration, depth: number) => {
    if (depth > MAX_CLASS_DEPTH) return;
    for (const statement of cx.sourceFile.statements) {
      if (!ts.isClassDeclaration(statement) || found.includes(statement) || statement === declaration) continue;
      const written = extendsExpression(statement);
      if (written && ts.isIdentifier(written) && cx.scopes.resolve(written.text, statement.pos)?.class === base) {
        found.push(statement);
        visit(statement, depth + 1);
      }
    }
  };
  visit(declaration, 0);
  return found;
}

/**
 * What the module exports of a class of its own: each public instance method that reaches a model, run by the
 * class itself (or a base of this file, or an imported project base), or by one of this file's subclasses
 * that overrides it (a caller holding the class may hold any of them).
 */
export function classExportOf(cx: TsFile, declaration: ts.ClassLikeDeclaration, name: string, baseOf: (expression: ts.Expression) => Value | undefined): ClassExport | undefined {
  const methods = new Map<string, WrappedCall>();
  const implemented = new Set<string>();
  const add = (method: string, node: ts.MethodDeclaration) => {
    const inner = cx.wrappers.get(node);
    if (!inner || methods.has(method)) return;
    methods.set(method, wrappedCallOf(inner));
    implemented.add(method);
  };
  // The class and its bases, nearest first: the method a call runs on an instance of exactly this class.
  let current: ts.ClassLikeDeclaration | undefined = declaration;
  for (let depth = 0; current && depth <= MAX_CLASS_DEPTH; depth++) {
    for (const [method, node] of ownMethods(current)) add(method, node);
    const written = extendsExpression(current);
    const base = written ? baseOf(written) : undefined;
    if (base?.kind === 'projectClass') for (const [method, wraps] of base.cls.methods) if (!methods.has(method)) methods.set(method, wraps);
    current = base?.kind === 'localClass' ? base.declaration : undefined;
  }
  for (const subclass of localSubclasses(cx, declaration)) for (const [method, node] of ownMethods(subclass)) add(method, node);
  if (methods.size === 0) return undefined;
  const bases = importedBases(cx, declaration);
  return { kind: 'class', name, file: cx.file, methods, ...(bases.length > 0 && implemented.size > 0 ? { bases, implemented: [...implemented] } : {}) };
}


/** The project classes and interfaces a class extends or implements, as the module imports them: where it is registered. */
function importedBases(cx: TsFile, declaration: ts.ClassLikeDeclaration): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const clause of declaration.heritageClauses ?? []) {
    for (const written of clause.types) {
      if (!ts.isIdentifier(written.expression)) continue;
      const imported = cx.scopes.resolve(written.expression.text, declaration.pos)?.import;
      // Catalog modules included: a monorepo of an SDK (the agents SDK's own packages) resolves them to its sources.
      if (imported && imported.exportName !== '*') refs.push({ module: imported.module, name: imported.exportName });
    }
  }
  return refs;
}

/** `agent.run` where `agent` holds an instance of an imported project class: the method, when it reaches a model. */
export function instanceMethodOf(owner: Extract<Value, { kind: 'projectClass' }>, method: string): Value | undefined {
  if (!owner.instance) return undefined;
  const wraps = owner.cls.methods.get(method);
  return wraps ? { kind: 'wrapper', name: `${owner.cls.name}.${method}`, file: owner.cls.file, wraps } : undefined;
}
