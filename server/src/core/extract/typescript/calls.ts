// SDK call sites: the call-site record for a client method, a command or an SDK function.
import { LANGCHAIN_MODEL_NAME_OPTION } from '../../catalog/langchain/typescript';
import { catalogByModule, findClientApi, findCommandApi, usesRequestOptions } from '../../catalog';
import type { ApiFacts, SdkFacts } from '../../catalog';
import type { CallSite, ModelRef, StatementTarget } from '../../model';
import { effectiveRetries, effectiveTimeout } from '../shared/effective';
import { missingArgumentTarget, noOptions, objectTarget, propertyNameText, readLiteral, spanOf, unknownOptions, unwrap } from './options';
import { indentAt } from '../../model';
import { ts } from './ts';
import { MAX_ALIAS_DEPTH, OptionsArgument, PendingCall, TsFile, Value, type Holders } from './context';
import { jsonParsesOf, loggingOf, resultBindingOf, streamFactsOf } from './output';
import { outputSinksOf } from './sinks';
import { agentLoopOf } from './loops';
import { promptInputsOf } from './prompt';
import { guardOf, resilienceOf } from './resilience';
import { objectLiteralOf, optionsOf } from './constructions';
import { valueOf } from './resolver';
import { mergeOptions } from './syntax';
import { tracerAround } from './callbacks';
import { withAccessPath } from '../shared/accessPath';
import { readsEnvironment } from '../../catalog/credentials';
import { defaultedModel, modelCandidatesAt, modelCandidatesOf } from './modelCandidates';

/** Names imported from SDK modules, aliases included (`import { generateText as gen } from 'ai'`). */
export function catalogImports(cx: TsFile): Set<string> {
  return (cx.catalogImportNames ??= cx.scopes.namesImportedFrom((module) => catalogByModule.has(module)));
}


export function clientCallSite(cx: TsFile, call: PendingCall, owner: Value | undefined, path: string[], ownerText: string): CallSite | undefined {
  if (owner?.kind !== 'client') return undefined;
  const args = call.node.arguments;
  const command = path.length === 1 && path[0] === 'send' && owner.sdk.commandApis ? commandOf(cx, owner.sdk, args[0]) : undefined;
  const api = command?.api ?? findClientApi(owner.sdk, path.join('.'));
  if (!api || api.passThroughIn?.includes(call.enclosingFunction ?? '')) return undefined;
  // LangChain's invoke(input, options): the first argument is the prompt, not an options object.
  const body = command ? command.body : api.prompt?.argument ? { options: noOptions() } : bodyOf(cx, args[api.optionsArgument ?? 0]);
  const requestOptions = usesRequestOptions(owner.sdk) ? argumentOptions(cx, args[1], args, call.node) : undefined;
  const recognizedBy = `${ownerText}: ${owner.via}${command ? `, sending ${api.path}` : ''}`;
  const site = baseCallSite(cx, call, owner.sdk, api, body, requestOptions, recognizedBy, owner);
  site.client = owner.construction;
  site.clientKnown = owner.known;
  site.module = owner.module;
  if (owner.fallback) site.guarded.fallback = owner.fallback;
  const resilience = resilienceOf(cx, call);
  const sources = {
    body: body.options,
    requestOptions: requestOptions?.options,
    client: owner.construction,
    clientOverrides: owner.overrides,
    clientKnown: owner.known,
    ...resilience,
    retryWrapper: owner.retryWrapper ?? resilience.retryWrapper,
  };
  site.effective = { timeout: effectiveTimeout(owner.sdk, sources), retries: effectiveRetries(owner.sdk, sources) };
  if (site.streaming) site.stream = streamFactsOf(cx, call, owner.sdk, { body: body.options, requestOptions: requestOptions?.options });
  return site;
}


/** `new ConverseCommand({...})`, inline or in a same-file constant, sent through an AWS-style client. */
export function commandOf(cx: TsFile, sdk: SdkFacts, arg: ts.Expression | undefined): { api: ApiFacts; body: OptionsArgument } | undefined {
  if (!arg) return undefined;
  let node = unwrap(arg);
  if (ts.isIdentifier(node)) {
    const declaration = cx.scopes.resolve(node.text, node.pos);
    if (!declaration?.initializer) return undefined;
    node = unwrap(declaration.initializer);
  }
  if (!ts.isNewExpression(node)) return undefined;
  const callee = valueOf(cx, node.expression);
  const api = callee?.kind === 'module' && sdk.modules.includes(callee.module) ? findCommandApi(sdk, callee.exportName) : undefined;
  return api ? { api, body: bodyOf(cx, node.arguments?.[0]) } : undefined;
}


export function functionCallSite(cx: TsFile, call: PendingCall, sdk: SdkFacts, api: ApiFacts, recognizedBy: string): CallSite {
  const body = bodyOf(cx, call.node.arguments[api.optionsArgument ?? 0]);
  const site = baseCallSite(cx, call, sdk, api, body, undefined, recognizedBy);
  const sources = { body: body.options, clientKnown: true, ...resilienceOf(cx, call) };
  site.effective = { timeout: effectiveTimeout(sdk, sources), retries: effectiveRetries(sdk, sources) };
  if (site.streaming) site.stream = streamFactsOf(cx, call, sdk, { body: body.options });
  return site;
}


export function bodyOf(cx: TsFile, arg: ts.Expression | undefined): OptionsArgument {
  if (!arg) return { options: noOptions() };
  const object = objectLiteralOf(cx, arg);
  if (!object) return { options: unknownOptions() };
  const options = optionsOf(cx, object);
  return { options, target: objectTarget(object, cx.sourceFile, options), object };
}


/** The per-request options argument: an object, a slot to add one, or unknown (any other expression). */
export function argumentOptions(cx: TsFile, 
  arg: ts.Expression | undefined,
  args: ts.NodeArray<ts.Expression>,
  node: ts.CallExpression,
): OptionsArgument {
  if (arg) return bodyOf(cx, arg);
  if (args.length === 0) return { options: noOptions() };
  return { options: noOptions(), target: missingArgumentTarget(args, node.arguments.pos, cx.sourceFile) };
}


export function baseCallSite(cx: TsFile, 
  call: PendingCall,
  sdk: SdkFacts,
  api: ApiFacts,
  body: OptionsArgument,
  requestOptions: OptionsArgument | undefined,
  recognizedBy: string,
  owner?: Extract<Value, { kind: 'client' }>,
): CallSite {
  const options = mergeOptions(body.options, requestOptions?.options);
  const streamFlag = body.options.entries.get('stream')?.value;
  return {
    ...locationOf(cx, call),
    sdk: sdk.sdk,
    operation: api.operation,
    api: api.path,
    streaming: api.streaming === true || (api.streaming === 'body.stream' && streamFlag?.kind === 'boolean' && streamFlag.value),
    model: modelRefOf(cx, api, body, owner),
    clientKnown: true,
    options,
    targets: { body: body.target, requestOptions: requestOptions?.target },
    effective: { timeout: { source: 'unknown' }, retries: { source: 'unknown' } },
    recognizedBy,
    enclosingFunction: call.enclosingFunction,
    guarded: guardOf(cx, call, sdk.errorOptions, body.options),
    logged: loggingOf(cx, call, sdk, body.options, owner?.construction?.options, tracerAround(cx, call, (expression, depth) => valueOf(cx, expression, depth))),
    resultBinding: resultBindingOf(cx, call.node),
    statement: statementTargetOf(cx, call),
    stream: undefined,
    ...promptOf(cx, call, api, body),
    outputUse: { jsonParses: jsonParsesOf(cx, call), sinks: outputSinksOf(cx, call, api.operation) },
    agentLoop: agentLoopOf(cx, call),
  };
}


export function locationOf(cx: TsFile, call: PendingCall): Pick<CallSite, 'id' | 'file' | 'span' | 'calleeSpan' | 'language' | 'anchors'> {
  const span = spanOf(call.node, cx.sourceFile);
  return {
    id: `${cx.file}:${span.start}`,
    file: cx.file,
    span,
    calleeSpan: spanOf(call.node.expression, cx.sourceFile),
    language: cx.language,
    anchors: anchorsOf(call.holders, cx.sourceFile),
  };
}


/** The model from the request body, or from the client for SDKs that fix it there (LangChain, legacy Google). */
export function modelRefOf(cx: TsFile, api: ApiFacts, body: OptionsArgument, owner: Extract<Value, { kind: 'client' }> | undefined): ModelRef | undefined {
  if (!api.model) return undefined;
  if (api.model.place === 'body') return body.object ? modelOf(cx, body.object, api.model.path) : undefined;
  const options = owner?.construction?.options;
  const entry = options?.entries.get(api.model.path) ?? options?.entries.get(LANGCHAIN_MODEL_NAME_OPTION);
  if (!entry) return undefined;
  if (entry.value.kind === 'string') return { value: entry.value.value, span: entry.resolvedFrom ?? entry.valueSpan };
  const candidates = owner?.construction ? modelCandidatesAt(cx, owner.construction.file, entry.valueSpan) : undefined;
  return { dynamic: true, span: entry.valueSpan, expression: entry.value.kind === 'expression' ? entry.value.text : undefined, fromEnvironment: readsEnvironment(entry.value.kind === 'expression' ? entry.value.text : undefined), ...(candidates && { candidates }) };
}


export function statementTargetOf(cx: TsFile, call: PendingCall): StatementTarget | undefined {
  const { statement, statements } = call;
  if (!statement || !statements || !call.functionNode) return undefined;
  const start = statement.getStart(cx.sourceFile);
  const blockEnd = statements[statements.length - 1].end;
  const multilineString =
    cx.multilineTemplates.some((offset) => offset >= start && offset < blockEnd) ||
    /\\(?:\r\n|\r|\n)/.test(cx.sourceFile.text.slice(start, blockEnd));
  return { start, end: statement.end, blockEnd, indent: indentAt(cx.sourceFile.text, start), reindentable: !multilineString };
}


export function modelOf(cx: TsFile, body: ts.ObjectLiteralExpression, optionName: string, depth = 0): ModelRef | undefined {
  // Last first: a later entry overrides what an earlier spread (`...CHAT_DEFAULTS`) set.
  for (const property of [...body.properties].reverse()) {
    if (ts.isSpreadAssignment(property)) {
      const spread = depth < MAX_ALIAS_DEPTH ? objectLiteralOf(cx, property.expression) : undefined;
      const model = spread && spread !== body ? modelOf(cx, spread, optionName, depth + 1) : undefined;
      if (model) return model;
      continue;
    }
    // `{ model }` reads the name as `{ model: model }` does.
    const shorthand = ts.isShorthandPropertyAssignment(property) && property.name.text === optionName;
    if (!shorthand && (!ts.isPropertyAssignment(property) || propertyNameText(property.name) !== optionName)) continue;
    const value = ts.isShorthandPropertyAssignment(property) ? property.name : unwrap((property as ts.PropertyAssignment).initializer);
    const literal = valueOf(cx, value);
    if (literal?.kind === 'string') return { value: literal.value, span: literal.span, ...defaultedModel(cx, value) };
    const model = ts.isCallExpression(value) ? providerModelOf(cx, value) : undefined;
    return model ?? dynamicModel(cx, value);
  }
  return undefined;
}


/** `anthropic('claude-…')`, `openai.chat('gpt-4o')`, `myProvider('…')` from `createOpenAI`. */
export function providerModelOf(cx: TsFile, node: ts.CallExpression): ModelRef | undefined {
  const callee = unwrap(node.expression);
  const providerExpr = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
  const value = valueOf(cx, providerExpr);
  const isProvider =
    value?.kind === 'provider' ||
    (value?.kind === 'module' && catalogByModule.get(value.module)?.providerInstances.has(value.exportName) === true);
  if (!isProvider) return undefined;
  const [arg] = node.arguments;
  const literal = arg ? readLiteral(arg, cx.sourceFile, cx.lookupConstant) : undefined;
  if (literal?.kind === 'string') {
    const constant = valueOf(cx, arg);
    return { value: literal.value, span: constant?.kind === 'string' ? constant.span : spanOf(arg, cx.sourceFile) };
  }
  if (!arg) return { dynamic: true, span: spanOf(node, cx.sourceFile) };
  return dynamicModel(cx, arg);
}

/** A model set at run time, with the values it can take when they are all visible. */
function dynamicModel(cx: TsFile, expr: ts.Expression): ModelRef {
  const text = expr.getText(cx.sourceFile);
  const candidates = modelCandidatesOf(cx, expr);
  return { dynamic: true, span: spanOf(expr, cx.sourceFile), expression: text, fromEnvironment: readsEnvironment(text), ...(candidates && { candidates }) };
}

/** Starts of the statements and functions that hold a call, innermost first. */
function anchorsOf(holders: Holders | undefined, sourceFile: ts.SourceFile): number[] {
  const starts: number[] = [];
  for (let holder = holders; holder; holder = holder.outer) starts.push(holder.node.getStart(sourceFile));
  return starts;
}

/** The call's prompt inputs, and the size of its literal text (a request's cost estimates its input from it). */
function promptOf(cx: TsFile, call: PendingCall, api: ApiFacts, body: OptionsArgument): Pick<CallSite, 'promptInputs' | 'promptLiteralChars'> {
  const { inputs, literalChars } = promptInputsOf(cx, call, api, body);
  return { promptInputs: inputs.map(withAccessPath), ...(literalChars > 0 && { promptLiteralChars: literalChars }) };
}
