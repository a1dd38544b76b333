// Values that catalog exports build without `new`: a client factory's model (`await initChatModel(…)`), a runnable
// holding a model (`createReactAgent({ llm })`, `RunnableSequence.from([prompt, model])`), and transforms named
// by a path from the client (`ai.chats.create(…)`).
import { catalogByModule } from '../../catalog';
import { propertyOf, unwrap } from './options';
import { ts } from './ts';
import type { SdkFacts } from '../../catalog';
import type { ClientConstruction, OptionEntry } from '../../model';
import type { ClientValue, TsFile, Value } from './context';

/** The resolver's functions this module builds on, passed in so that the two modules do not import each other. */
export interface Resolution {
  valueOf(cx: TsFile, expression: ts.Expression, depth?: number): Value | undefined;
  applyTransform(cx: TsFile, node: ts.CallExpression, base: ClientValue, method: string): Value | undefined;
  argumentEntry(cx: TsFile, arg: ts.Expression, index: number): OptionEntry;
  objectLiteralOf(cx: TsFile, expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined;
  recordConstruction(
    cx: TsFile,
    node: ts.CallExpression,
    sdk: SdkFacts,
    constructorName: string,
    module: string,
    credentials: ClientConstruction['credentials'],
    args: ts.NodeArray<ts.Expression>,
    optionsArgument: number,
  ): ClientConstruction;
}

/** What calling a catalog export builds when it is a factory or a model holder rather than a constructor. */
export function builtByExport(r: Resolution, cx: TsFile, node: ts.CallExpression, exported: { module: string; exportName: string }, depth: number): Value | undefined {
  const found = catalogByModule.get(exported.module)?.clients.get(exported.exportName);
  const factory = found?.client.factory;
  if (found && factory) {
    const credentials = { options: found.client.keyOptions, env: found.client.keyEnv };
    const construction = r.recordConstruction(cx, node, found.sdk, exported.exportName, exported.module, credentials, node.arguments, factory.optionsArgument);
    // The model id given positionally reads as the `model` option, unless the options name one too.
    const at = factory.modelArgument;
    const model = at === undefined ? undefined : node.arguments[at];
    if (model && at !== undefined && !construction.options.entries.has('model')) construction.options.entries.set('model', { ...r.argumentEntry(cx, model, at), name: 'model' });
    return { kind: 'client', sdk: found.sdk, construction, known: true, module: exported.module, via: `${exported.exportName}() from '${exported.module}'` };
  }
  const held = catalogByModule.get(exported.module)?.modelHolders.get(exported.exportName);
  const model = held ? heldModel(r, cx, node.arguments[0], held.holder.modelOptions, depth) : undefined;
  return model && { ...model, via: `${model.via}, held by ${exported.exportName}()` };
}


/** `RunnableSequence.from([…])` (a static builder of an export) and `ai.chats.create({…})` (a transform by path). */
export function builtByMethod(r: Resolution, cx: TsFile, node: ts.CallExpression, callee: ts.PropertyAccessExpression, depth: number): Value | undefined {
  const owner = unwrap(callee.expression);
  if (!ts.isPropertyAccessExpression(owner)) {
    const value = r.valueOf(cx, owner, depth + 1);
    if (value?.kind !== 'module' || value.exportName === '*') return undefined;
    return builtByExport(r, cx, node, { module: value.module, exportName: `${value.exportName}.${callee.name.text}` }, depth);
  }
  const base = r.valueOf(cx, owner.expression, depth + 1);
  return base?.kind === 'client' ? r.applyTransform(cx, node, base, `${owner.name.text}.${callee.name.text}`) : undefined;
}


/** The model a holder is given: one of its options, or an element of the list it is built from. */
function heldModel(r: Resolution, cx: TsFile, arg: ts.Expression | undefined, options: readonly string[] | undefined, depth: number): ClientValue | undefined {
  if (!arg) return undefined;
  const list = unwrap(arg);
  const candidates = options
    ? options.map((name) => propertyOf(r.objectLiteralOf(cx, arg), name))
    : ts.isArrayLiteralExpression(list)
      ? list.elements
      : [];
  for (const candidate of candidates) {
    const value = candidate && !ts.isSpreadElement(candidate) ? r.valueOf(cx, candidate, depth + 1) : undefined;
    if (value?.kind === 'client') return value;
  }
  return undefined;
}
