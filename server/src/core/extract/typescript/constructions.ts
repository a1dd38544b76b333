// What a client construction or factory call is given: its options object (written inline or held in a constant),
// a key passed as an argument, and the record every rule reads of where and how the client was built.
import type { SdkFacts } from '../../catalog';
import type { ClientConstruction, OptionEntry, OptionMap, OptionTarget, OptionValue, Span } from '../../model';
import { missingArgumentTarget, noOptions, objectTarget, readLiteral, readOptions, spanOf, unknownOptions, unwrap } from './options';
import { TsFile } from './context';
import { ts } from './ts';

/** A positional argument as an option entry (a key given to a constructor). */
export function argumentEntry(cx: TsFile, arg: ts.Expression, index: number): OptionEntry {
  const constant = cx.lookupConstant(unwrap(arg));
  const span = spanOf(arg, cx.sourceFile);
  return {
    name: `argument ${index + 1}`,
    span,
    valueSpan: span,
    value: constant?.value ?? readLiteral(arg, cx.sourceFile, cx.lookupConstant),
    resolvedFrom: constant?.span,
  };
}


export function recordConstruction(cx: TsFile, 
  node: ts.NewExpression | ts.CallExpression,
  sdk: SdkFacts,
  constructorName: string,
  module: string,
  credentials: ClientConstruction['credentials'],
  args: ts.NodeArray<ts.Expression> | undefined,
  optionsArgument = 0,
): ClientConstruction {
  const known = cx.clientsByNode.get(node);
  if (known) return known;
  const first = args?.[optionsArgument];
  let options: OptionMap;
  let optionsTarget: OptionTarget | undefined;
  const objectArg = first ? objectLiteralOf(cx, first) : undefined;
  if (objectArg) {
    options = optionsOf(cx, objectArg);
    optionsTarget = objectTarget(objectArg, cx.sourceFile, options);
  } else if (first) {
    options = unknownOptions();
  } else {
    options = noOptions();
    // An options object can be appended only where it would be the next argument.
    optionsTarget = args?.length === optionsArgument ? missingArgumentTarget(args, args.pos, cx.sourceFile) : undefined;
  }
  const span = spanOf(node, cx.sourceFile);
  const construction: ClientConstruction = {
    id: `${cx.file}:${span.start}`,
    sdk: sdk.sdk,
    constructorName,
    module,
    file: cx.file,
    span,
    credentials,
    options,
    optionsTarget,
    boundTo: cx.moduleConstants.get(node),
  };
  cx.clientsByNode.set(node, construction);
  return construction;
}


/** An object literal written inline or held in a same-file constant. */
export function objectLiteralOf(cx: TsFile, expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!expr) return undefined;
  const node = unwrap(expr);
  if (ts.isObjectLiteralExpression(node)) return node;
  const value = ts.isIdentifier(node) ? cx.valueOfExpression(node) : undefined;
  return value?.kind === 'object' ? value.node : undefined;
}


export function optionsOf(cx: TsFile, object: ts.ObjectLiteralExpression): OptionMap {
  return readOptions(object, cx.sourceFile, cx.lookupConstant, (expr) => objectLiteralOf(cx, expr));
}


/** Same-file constants behind identifiers, so `apiKey: KEY` sees the literal and where it is written. */
export function constantOf(cx: TsFile, expr: ts.Expression): { value: OptionValue; span: Span } | undefined {
  if (!ts.isIdentifier(expr)) return undefined;
  const value = cx.valueOfExpression(expr);
  if (value?.kind === 'string') return { value: { kind: 'string', value: value.value }, span: value.span };
  if (value?.kind === 'number') return { value: { kind: 'number', value: value.value }, span: value.span };
  return undefined;
}
