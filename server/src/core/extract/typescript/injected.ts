// Callbacks a function is given: a parameter its callers fill with a function that reaches a model makes each call
// of it a model request (`generate(prompt)` in `structured(generate, …)`, when callers pass `llm.generate`). Callers
// are read in this file, and other modules' are read from the project index (what they give an exported function).
import type { CallbackSlot, WrappedCall } from '../../model';
import { wrappedCallOf } from '../shared/wrapped';
import { sameSlot } from './callbacks';
import { relative } from './catalogValues';
import { unwrap } from './options';
import { MAX_ALIAS_DEPTH, PendingCall, TsFile, type Value, type ValueOf } from './context';
import type { Declaration, ParameterSlot } from './scope';
import { ts } from './ts';

type WrapperValue = Extract<Value, { kind: 'wrapper' }>;

/** Per extraction: calls of each function of the file, and what each parameter was found to hold. */
const callsByFunction = new WeakMap<TsFile, Map<ts.Node, PendingCall[]>>();
/** A value found, or `round` when nothing was: the wrapper pass's next round may find callbacks this one did not. */
const memos = new WeakMap<TsFile, Map<Declaration, WrapperValue | { round: number }>>();

/** What a parameter (or a member destructured from one) holds: the model callback the first caller giving one gives. */
export function injectedValue(cx: TsFile, declaration: Declaration, depth: number, valueOf: ValueOf): WrapperValue | undefined {
  let memo = memos.get(cx);
  if (!memo) memos.set(cx, (memo = new Map()));
  const known = memo.get(declaration);
  if (known && 'kind' in known) return known;
  if ((known && known.round === cx.wrapperRound) || depth > MAX_ALIAS_DEPTH) return undefined;
  const slot = slotOf(cx, declaration);
  if (!slot) return undefined;
  // A parameter passed back into its own function (recursion) holds nothing new while it is being worked out.
  memo.set(declaration, { round: cx.wrapperRound });
  const given = givenByCallers(cx, slot, depth, valueOf);
  const value: WrapperValue | undefined = given && { kind: 'wrapper', name: declaration.name, file: cx.file, wraps: given.wraps, injected: { from: given.from } };
  if (value) memo.set(declaration, value);
  return value;
}

/** The parameter slot a name stands for: the parameter itself, or a member taken out of one (`const { generate } = params`). */
export function slotOf(cx: TsFile, declaration: Declaration): ParameterSlot | undefined {
  if (declaration.slot) return declaration.slot;
  const taken = declaration.takenFrom ?? memberTaken(declaration.initializer);
  if (!taken || !ts.isIdentifier(taken.from)) return undefined;
  const source = cx.scopes.resolve(taken.from.text, declaration.start);
  return source?.slot && source.slot.property === undefined ? { ...source.slot, property: taken.property } : undefined;
}

/** `const generate = params.generate` */
function memberTaken(initializer: ts.Expression | undefined): { from: ts.Expression; property: string } | undefined {
  const from = initializer && unwrap(initializer);
  return from && ts.isPropertyAccessExpression(from) ? { from: unwrap(from.expression), property: from.name.text } : undefined;
}

/** The first model callback a caller gives this slot: callers in this file first, then other modules' (when the function is exported). */
function givenByCallers(cx: TsFile, slot: ParameterSlot, depth: number, valueOf: ValueOf): { wraps: WrappedCall; from: string } | undefined {
  const name = cx.functionNames.get(slot.fn);
  for (const call of callsOf(cx, slot.fn)) {
    const argument = argumentIn(call.node, slot);
    const wraps = argument && callbackReach(cx, argument, depth + 1, valueOf);
    if (wraps) return { wraps, from: `its caller ${call.enclosingFunction ?? 'at the top level'}()` };
  }
  if (name === undefined || !exportedNames(cx).has(name)) return undefined;
  const given = cx.resolveImport?.callbacksGiven?.(name).find((entry) => sameSlot(entry.slot, slot));
  return given && { wraps: given.wraps, from: `callers in ${relative(cx, given.from)}` };
}

/** What a function-valued argument reaches: an inline function with a model request in it, or a name holding a wrapper. */
export function callbackReach(cx: TsFile, argument: ts.Expression | ts.MethodDeclaration, depth: number, valueOf: ValueOf): WrappedCall | undefined {
  const node = ts.isMethodDeclaration(argument) ? argument : unwrap(argument);
  const inline = cx.wrappers.get(node) ?? cx.reachedCallbacks.get(node);
  if (inline) return wrappedCallOf(inline);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) return undefined;
  const value = functionHeld(cx, node as ts.Expression, depth, valueOf);
  return value?.kind === 'wrapper' ? value.wraps : undefined;
}

/**
 * The function a name or expression holds, as a callee: a parameter is read from what its callers pass. Asked only of
 * callees and callbacks, so that resolving an ordinary receiver never reads a function's callers.
 */
export function functionHeld(cx: TsFile, expression: ts.Expression, depth: number, valueOf: ValueOf): Value | undefined {
  const node = unwrap(expression);
  const declaration = ts.isIdentifier(node) ? cx.scopes.resolve(node.text, node.pos) : undefined;
  return (declaration && injectedValue(cx, declaration, depth, valueOf)) ?? valueOf(node, depth + 1);
}

/** The argument a call passes in a slot: a positional argument, or a member of the object literal there. */
export function argumentIn(call: ts.CallExpression, slot: CallbackSlot): ts.Expression | ts.MethodDeclaration | undefined {
  const argument = call.arguments[slot.index];
  if (!argument || slot.property === undefined) return argument;
  const object = unwrap(argument);
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  for (const member of object.properties) {
    const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
    if (name !== slot.property) continue;
    if (ts.isPropertyAssignment(member)) return member.initializer;
    if (ts.isShorthandPropertyAssignment(member)) return member.name;
    if (ts.isMethodDeclaration(member)) return member;
  }
  return undefined;
}

/** Calls of a function of this file by its name (`structured(…)`, `this.structured(…)`). */
export function callsOf(cx: TsFile, fn: ts.Node): PendingCall[] {
  let index = callsByFunction.get(cx);
  if (!index) {
    index = new Map();
    for (const call of cx.calls) {
      const callee = unwrap(call.node.expression);
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword ? `this.${callee.name.text}` : undefined;
      const declaration = name === undefined ? undefined : cx.scopes.resolve(name, call.node.pos);
      const target = declaration?.function ?? (declaration?.initializer && unwrap(declaration.initializer));
      if (!target) continue;
      const list = index.get(target);
      if (list) list.push(call);
      else index.set(target, [call]);
    }
    callsByFunction.set(cx, index);
  }
  return index.get(fn) ?? [];
}

/** Local names of the functions the module exports by declaration or `export { … }` (ES modules). */
export function exportedNames(cx: TsFile): Set<string> {
  if (cx.exportedLocals) return cx.exportedLocals;
  const names = new Set<string>();
  for (const statement of cx.sourceFile.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && ts.isFunctionDeclaration(statement) && statement.name) names.add(statement.name.text);
    else if (exported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add((element.propertyName ?? element.name).text);
    }
  }
  cx.exportedLocals = names;
  return names;
}
