// Call sites: the API a call reaches (SDK, HTTP) and the call-site record built for it.
import { LANGCHAIN_MODEL_NAME_OPTION } from '../../catalog/langchain/python';
import { findClientApi, pythonCatalogByModule } from '../../catalog';
import { PYTHON_HTTP_METHODS, pythonHttpClients } from '../../catalog/python';
import type { ApiFacts } from '../../catalog';
import type { CallSite, ModelRef, OptionMap, PromptInput } from '../../model';
import { effectiveRetries, effectiveTimeout } from '../shared/effective';
import type { PyNode } from './parser';
import { Scope } from './scope';
import { noOptions, readArguments, spanOf, stringValue, type Arguments } from './syntax';
import { Found, PendingCall, PyFile, Value, anchorsOf, resultBindingOf, statementTargetOf } from './context';
import { httpApi } from './http';
import { jsonParsesOf, loggingOf } from './output';
import { promptOf } from './prompt';
import { guardOf } from './resilience';
import { shapeApi } from './shapes';
import { streamFactsOf } from './streams';
import { withSpreadOptions } from './params';
import { evaluate, lookup } from './resolver';
import { withAccessPath } from '../shared/accessPath';
import { readsEnvironment } from '../../catalog/credentials';
import { withModelCandidates } from './modelCandidates';
import { outputSinksOf } from './sinks';
import { agentLoopOf } from './loops';
import { withRunConfig } from './runConfig';

// ---- call sites ----

export function siteOf(cx: PyFile, call: PendingCall): CallSite | undefined {
  const callee = call.node.childForFieldName('function');
  const args = call.node.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list') return undefined;
  const list = withSpreadOptions(cx, readArguments(args), args, call.scope, call.fn);
  const found = apiOf(cx, callee, call.scope, list);
  if (!found) return undefined;
  return buildSite(cx, call, found, list);
}


/** The API a callee reaches: a client method, a module function, or an HTTP post to a model endpoint. */
export function apiOf(cx: PyFile, callee: PyNode, scope: Scope, list: Arguments): Found | undefined {
  if (callee.type === 'identifier') {
    const value = lookup(cx, callee.text, scope);
    if (value?.kind !== 'import') return undefined;
    const exported = pythonCatalogByModule.get(value.module)?.functions.get(value.name);
    if (exported) return { facts: exported.sdk, api: exported.api, module: value.module, known: false, via: `${value.name} from ${value.module}` };
    const http = pythonHttpClients.find((facts) => facts.modules.includes(value.module));
    return http && PYTHON_HTTP_METHODS.has(value.name) ? httpApi(cx, http, list, undefined, `${value.module}.${value.name}`, scope) : undefined;
  }
  if (callee.type !== 'attribute') return undefined;
  const path: string[] = [];
  let current: PyNode = callee;
  while (current.type === 'attribute') {
    path.unshift(current.childForFieldName('attribute')!.text);
    const object: PyNode = current.childForFieldName('object')!;
    const value = evaluate(cx, object, scope);
    if (value && value.kind !== 'import') return apiOn(cx, value, path, list, scope);
    // `Runner.run(agent, input)`: a class method of an SDK class, listed as a function of its module.
    const method = value && pythonCatalogByModule.get(value.module)?.functions.get([value.name, ...path].join('.'));
    if (value && method) return { facts: method.sdk, api: method.api, module: value.module, known: false, via: `${value.name}.${path.join('.')} from ${value.module}` };
    current = object;
  }
  return shapeApi(cx, callee, scope, list);
}


export function apiOn(cx: PyFile, value: Value, path: string[], list: Arguments, scope: Scope): Found | undefined {
  const joined = path.join('.');
  if (value.kind === 'client') {
    const api = findClientApi(value.facts, joined.replace(/^aio\./, ''));
    return api && { facts: value.facts, api, module: value.module, client: value, known: value.known, via: value.via };
  }
  if (value.kind === 'module') {
    const catalog = pythonCatalogByModule.get(value.module);
    const fn = catalog?.functions.get(joined);
    if (fn) return { facts: fn.sdk, api: fn.api, module: value.module, known: false, via: `${value.module}.${joined}` };
    const instance = [...(catalog?.clients.values() ?? [])].find((entry) => entry.client.instance);
    const api = instance && findClientApi(instance.sdk, joined);
    if (instance && api) return { facts: instance.sdk, api, module: value.module, known: true, via: `the ${value.module} module's default client` };
    const http = pythonHttpClients.find((facts) => facts.modules.includes(value.module));
    return http && path.length === 1 && PYTHON_HTTP_METHODS.has(joined) ? httpApi(cx, http, list, undefined, `${value.module}.${joined}`, scope) : undefined;
  }
  if (value.kind === 'http' && path.length === 1 && PYTHON_HTTP_METHODS.has(joined)) {
    const found = httpApi(cx, value.facts, list, value.options, `${value.facts.displayName} client .${joined}()`, scope);
    return found && value.known === false ? { ...found, known: false } : found;
  }
  return undefined;
}


export function buildSite(cx: PyFile, call: PendingCall, found: Found, written: Arguments): CallSite {
  const { facts, api } = found;
  const list = withRunConfig(written, api, found.client?.runConfig);
  // HTTP calls carry the request payload in `json=`; options such as `timeout=` sit beside it.
  const payload = found.http ? list.options.entries.get('json')?.value : undefined;
  const body = payload?.kind === 'object' ? payload.options : found.http ? noOptions() : list.options;
  const client = found.client;
  const clientKnown = found.known && (client?.known ?? true);
  const sources = {
    body,
    requestOptions: found.http ? list.options : undefined,
    client: client?.construction,
    clientOverrides: client?.overrides ?? found.httpClientOptions,
    clientKnown,
    retryWrapper: client?.retryWrapper ?? call.retryHelper,
    timeoutWrapper: call.timeoutHelper,
  };
  const streaming = api.streaming === true || (api.streaming === 'body.stream' && body.entries.get('stream')?.value.kind === 'boolean' && (body.entries.get('stream')!.value as { value: boolean }).value);
  const guarded = guardOf(cx, call, client, list);
  const resultBinding = resultBindingOf(call.node);
  return {
    id: `${cx.file}:${call.node.startIndex}`,
    file: cx.file,
    span: spanOf(call.node),
    calleeSpan: spanOf(call.node.childForFieldName('function')!),
    language: 'python',
    anchors: anchorsOf(call.holders),
    sdk: facts.sdk,
    operation: api.operation,
    api: api.path,
    module: found.http ? facts.modules[0] : found.module,
    streaming,
    model: withModelCandidates(cx, api.model?.place === 'body' ? call.scope : client?.construction?.file === cx.file ? 'module' : undefined, modelOf(api, found, body, list)),
    client: client?.construction,
    clientKnown,
    options: body,
    targets: found.http ? { body: payload?.kind === 'object' ? payload.target : undefined, requestOptions: list.target } : { body: list.target },
    effective: { timeout: effectiveTimeout(facts, sources), retries: effectiveRetries(facts, sources) },
    recognizedBy: found.via,
    enclosingFunction: call.fn?.name,
    guarded,
    logged: loggingOf(call, resultBinding?.name, facts, list),
    resultBinding,
    statement: statementTargetOf(call.node),
    stream: streaming ? streamFactsOf(cx, call) : undefined,
    ...promptFactsOf(promptOf(cx, call, api, list, payload?.kind === 'object' ? payload.options : undefined)),
    outputUse: { jsonParses: jsonParsesOf(cx, call, resultBinding?.name), sinks: outputSinksOf(call, api.operation) },
    agentLoop: agentLoopOf(call),
  };
}


export function modelOf(api: ApiFacts, found: Found, body: OptionMap, list: Arguments): ModelRef | undefined {
  if (!api.model) return undefined;
  const options = found.client?.construction?.options;
  const entry = api.model.place === 'body' ? body.entries.get(api.model.path) : options?.entries.get(api.model.path) ?? options?.entries.get(LANGCHAIN_MODEL_NAME_OPTION);
  if (entry?.value.kind === 'string') return { value: entry.value.value, span: entry.valueSpan };
  if (entry) return { dynamic: true, span: entry.valueSpan, expression: entry.value.kind === 'expression' ? entry.value.text : undefined, fromEnvironment: readsEnvironment(entry.value.kind === 'expression' ? entry.value.text : undefined) };
  // litellm.completion("gpt-4o", messages): the model as the first argument.
  const positional = found.facts.sdk === 'litellm' ? list.positional[0] : undefined;
  const text = stringValue(positional);
  return text !== undefined && positional ? { value: text, span: spanOf(positional) } : undefined;
}

/** The call's prompt inputs, and the size of its literal text (a request's cost estimates its input from it). */
function promptFactsOf({ inputs, literalChars }: { inputs: PromptInput[]; literalChars: number }): Pick<CallSite, 'promptInputs' | 'promptLiteralChars'> {
  return { promptInputs: inputs.map(withAccessPath), ...(literalChars > 0 && { promptLiteralChars: literalChars }) };
}
