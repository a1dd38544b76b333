// SDK modules handed out as values: `loaded ??= import('ai')`, a function returning the namespace it loaded (a cached
// promise, an async IIFE), destructured where it is called (`const { generateText } = await loadSdk()`).
import { catalogByModule } from '../../catalog';
import { unwrap } from './options';
import { TsFile, type Value, type ValueOf } from './context';
import { ts } from './ts';


export function isSdkNamespace(value: Value | undefined): value is Extract<Value, { kind: 'module' }> {
  return value?.kind === 'module' && value.exportName === '*' && catalogByModule.has(value.module);
}

/** The SDK namespace a call of a function of this file (or of an inline one, `(async () => …)()`) returns, if any. */
export function namespaceReturnedBy(cx: TsFile, callee: ts.Expression, depth: number, valueOf: ValueOf): Value | undefined {
  const called = calledFunction(cx, callee);
  return called && returnedNamespace(cx, called, depth, valueOf);
}

/** The function of this file a callee names, or an inline one called where it is written. */
function calledFunction(cx: TsFile, callee: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) return callee;
  if (!ts.isIdentifier(callee)) return undefined;
  const declaration = cx.scopes.resolve(callee.text, callee.pos);
  const initializer = declaration?.initializer && unwrap(declaration.initializer);
  return declaration?.function ?? (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) ? initializer : undefined);
}

/** What the function returns, when that is an SDK namespace (`return ai`, `return await import('ai')`). */
function returnedNamespace(cx: TsFile, node: ts.FunctionLikeDeclaration, depth: number, valueOf: ValueOf): Value | undefined {
  // A function returning its own result reads as returning nothing while it is worked out.
  if (cx.returnedNamespaces.has(node)) return undefined;
  cx.returnedNamespaces.add(node);
  try {
    const body = node.body;
    const returned = body && !ts.isBlock(body) ? [body] : (cx.returns.get(node) ?? []);
    return returned.map((expression) => valueOf(expression, depth + 1)).find(isSdkNamespace);
  } finally {
    cx.returnedNamespaces.delete(node);
  }
}
