// Call-shape recognition: the fallback for a call whose receiver the resolver cannot trace to anything.
import { commandShapes, shapeOf, SHAPE_LOOKALIKE_MODULES } from '../../catalog/shapes';
import { findCommandApi, usesRequestOptions } from '../../catalog';
import type { ApiFacts, SdkFacts } from '../../catalog';
import { RECOGNIZED_BY_SHAPE, type CallSite } from '../../model';
import { effectiveRetries, effectiveTimeout } from '../shared/effective';
import { unwrap } from './options';
import { ts } from './ts';
import { MAX_ALIAS_DEPTH, OptionsArgument, PendingCall, TsFile } from './context';
import { argumentOptions, baseCallSite, bodyOf } from './calls';
import { streamFactsOf } from './output';
import { resilienceOf } from './resilience';
import { valueOf } from './resolver';
import { typeNameOf } from './typed';

/** `<unresolved>.chat.completions.create({...})` and the like; `path` is the callee chain after `root`. */
export function shapeCallSite(cx: TsFile, call: PendingCall, root: ts.Expression, path: readonly string[]): CallSite | undefined {
  if (fromLookalike(cx, root)) return undefined;
  const args = call.node.arguments;
  const command = path[path.length - 1] === 'send' ? commandShapeOf(cx, args[0]) : undefined;
  if (command) return site(cx, call, commandShapes.sdk, command.api, command.body, undefined);
  const shape = shapeOf(path);
  if (!shape) return undefined;
  const body = bodyOf(cx, args[shape.api.optionsArgument ?? 0]);
  const written = body.options.entries;
  if (!shape.requires.every((name) => written.has(name))) return undefined;
  if (shape.requiresOneOf && !shape.requiresOneOf.some((name) => written.has(name))) return undefined;
  const requestOptions = usesRequestOptions(shape.sdk) ? argumentOptions(cx, args[1], args, call.node) : undefined;
  return site(cx, call, shape.sdk, shape.api, body, requestOptions);
}

function site(cx: TsFile, call: PendingCall, sdk: SdkFacts, api: ApiFacts, body: OptionsArgument, requestOptions: OptionsArgument | undefined): CallSite {
  const result = baseCallSite(cx, call, sdk, api, body, requestOptions, RECOGNIZED_BY_SHAPE);
  // The client is not traced: its settings are unknown unless the call itself sets them.
  result.clientKnown = false;
  const sources = { body: body.options, requestOptions: requestOptions?.options, clientKnown: false, ...resilienceOf(cx, call) };
  result.effective = { timeout: effectiveTimeout(sdk, sources), retries: effectiveRetries(sdk, sources) };
  if (result.streaming) result.stream = streamFactsOf(cx, call, sdk, { body: body.options, requestOptions: requestOptions?.options });
  return result;
}

/** `new ConverseCommand({...})`, inline or in a constant, by the command's name wherever it was imported from. */
function commandShapeOf(cx: TsFile, arg: ts.Expression | undefined): { api: ApiFacts; body: OptionsArgument } | undefined {
  let node = arg && unwrap(arg);
  if (node && ts.isIdentifier(node)) {
    const initializer = cx.scopes.resolve(node.text, node.pos)?.initializer;
    node = initializer && unwrap(initializer);
  }
  if (!node || !ts.isNewExpression(node)) return undefined;
  const callee = node.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const api = name !== undefined ? findCommandApi(commandShapes.sdk, name) : undefined;
  if (!api) return undefined;
  // A same-named class from another package is not Bedrock's.
  const imported = valueOf(cx, callee);
  if (imported?.kind === 'module' && !commandShapes.sdk.modules.includes(imported.module)) return undefined;
  return { api, body: bodyOf(cx, node.arguments?.[0]) };
}

/** The receiver comes from a package known to carry the same chains (Stripe, an ORM, a vector store). */
function fromLookalike(cx: TsFile, root: ts.Expression): boolean {
  let node: ts.Expression | undefined = unwrap(root);
  for (let depth = 0; node && depth < MAX_ALIAS_DEPTH; depth++) {
    const member = ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword;
    if (ts.isIdentifier(node) || member) {
      const name = member ? `this.${(node as ts.PropertyAccessExpression).name.text}` : (node as ts.Identifier).text;
      const declaration = cx.scopes.resolve(name, node.pos);
      const typeName = typeNameOf(declaration?.type);
      const type = typeName ? cx.scopes.resolve(typeName, node.pos) : undefined;
      const module = declaration?.import?.module ?? type?.import?.module;
      if (module !== undefined) return SHAPE_LOOKALIKE_MODULES.has(module);
      node = declaration?.initializer && unwrap(declaration.initializer);
    } else if (ts.isNewExpression(node) || ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) {
      node = unwrap(node.expression);
    } else {
      return false;
    }
  }
  return false;
}
