// Plain HTTP to model endpoints: fetch, axios, got, ky.
import { AXIOS_ARGUMENTS, FETCH_POLYFILLS, HTTP_SEND_METHODS } from '../../catalog/http/typescript';
import { httpClients, matchEndpoint, type HttpEndpoint } from '../../catalog';
import type { SdkFacts } from '../../catalog';
import type { CallSite, ClientConstruction, OptionMap } from '../../model';
import { effectiveRetries, effectiveTimeout } from '../shared/effective';
import { missingArgumentTarget, noOptions, propertyOf, spanOf, unknownOptions, unwrap } from './options';
import { calleeName } from './handling';
import { trimTrailing } from '../../model';
import { ts } from './ts';
import { resilienceOf } from './resilience';
import { baseCallSite, bodyOf } from './calls';
import { PendingCall, TsFile } from './context';
import { streamFactsOf } from './output';
import { matchConfiguredEndpoint } from '../../catalog/http/paths';
import { objectLiteralOf, optionsOf } from './constructions';
import { valueOf } from './resolver';
import { staticText } from './urls';
import { modelUrlIn, urlTexts, type ModelUrl } from './urlFlow';

// ---- plain HTTP to model endpoints ----

/** The HTTP library a callee belongs to: global `fetch`, or axios/got/ky (module or an `axios.create()` instance). */
export function httpLibraryOf(cx: TsFile, callee: ts.Expression): { facts: SdkFacts; method?: string; instance?: ts.CallExpression } | undefined {
  // `customFetch(options)(url, init)`: a fetch built by a factory.
  if (ts.isCallExpression(callee)) return fetchLike(cx, unwrap(callee.expression)) ? { facts: httpClients[0] } : undefined;
  if (ts.isIdentifier(callee)) {
    if (callee.text === 'fetch') {
      const declaration = cx.scopes.resolve('fetch', callee.pos);
      const module = declaration?.import?.module;
      if (!declaration || (module !== undefined && FETCH_POLYFILLS.includes(module))) return { facts: httpClients[0] };
    }
    if (fetchLike(cx, callee)) return { facts: httpClients[0] };
    const value = valueOf(cx, callee);
    const facts = value?.kind === 'module' ? httpClients.find((client) => client.modules.includes(value.module)) : undefined;
    return facts && facts !== httpClients[0] ? { facts } : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  // `this.fetch(url, init)`, `options.fetch(…)`: an injected fetch.
  if (fetchLike(cx, callee)) return { facts: httpClients[0] };
  const method = callee.name.text;
  const owner = unwrap(callee.expression);
  const value = valueOf(cx, owner);
  if (value?.kind === 'module') {
    const facts = httpClients.find((client) => client.modules.includes(value.module));
    return facts ? { facts, method } : undefined;
  }
  // const api = axios.create({ baseURL, timeout })
  const declaration = ts.isIdentifier(owner) ? cx.scopes.resolve(owner.text, owner.pos) : undefined;
  const init = declaration?.initializer ? unwrap(declaration.initializer) : undefined;
  if (init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'create') {
    const creator = valueOf(cx, init.expression.expression);
    const facts = creator?.kind === 'module' ? httpClients.find((client) => client.modules.includes(creator.module)) : undefined;
    return facts ? { facts, method, instance: init } : undefined;
  }
  return undefined;
}


/** `fetch(url, init)`, `axios.post(url, data, config)`, `axios(config)`, `got.post(url, { json })` to a model endpoint. */
export function httpCallSite(cx: TsFile, call: PendingCall, callee: ts.Expression): CallSite | undefined {
  const library = httpLibraryOf(cx, callee);
  if (!library) return undefined;
  const { facts, method, instance } = library;
  if (method && !HTTP_SEND_METHODS.includes(method)) return undefined;
  const args = call.node.arguments;
  const isAxios = facts.displayName === 'axios';
  const configOnly = isAxios && (method === 'request' || (!method && args.length === 1 && objectLiteralOf(cx, args[0]) !== undefined));
  const configArg = configOnly ? args[0] : isAxios ? args[method ? AXIOS_ARGUMENTS.configAfterData : AXIOS_ARGUMENTS.configAfterUrl] : args[1];
  const config = configArg ? bodyOf(cx, configArg) : { options: noOptions(), target: missingArgumentTarget(args, call.node.arguments.pos, cx.sourceFile) };
  const instanceConfig = instance?.arguments[0] ? objectLiteralOf(cx, instance.arguments[0]) : undefined;
  const urlExpr = configOnly ? propertyOf(objectLiteralOf(cx, args[0]), 'url') : args[0];
  const baseExpr = instanceConfig ? propertyOf(instanceConfig, 'baseURL') : undefined;
  const url = urlOf(cx, baseExpr, urlExpr, false);
  const payloadExpr = isAxios
    ? configOnly ? propertyOf(objectLiteralOf(cx, args[0]), 'data') : args[AXIOS_ARGUMENTS.data]
    : facts.displayName === 'fetch' ? jsonStringifyArgument(propertyOf(objectLiteralOf(cx, configArg), 'body')) : propertyOf(objectLiteralOf(cx, configArg), 'json');
  const payload = payloadExpr ? bodyOf(cx, payloadExpr) : { options: unknownOptions() };
  const bodyKeys = payload.object ? new Set(payload.options.entries.keys()) : undefined;
  const written = (url ? matchEndpoint(url) : undefined) ?? matchConfiguredEndpoint(urlOf(cx, baseExpr, urlExpr, true), bodyKeys);
  const followed = written || !urlExpr || baseExpr ? undefined : followedUrl(cx, call, urlExpr, bodyKeys);
  const endpoint = written ?? followed?.endpoint;
  if (!endpoint) return undefined;
  const client = httpClientRecord(cx, call.node, facts, endpoint, config.options, instanceConfig);
  const target = followed ? `${followed.url.replace(/^\*/, 'a base known at run time + ')}${cx.urlsFromCallers.has(call.node) ? ', a URL its callers give' : ''}` : (url ?? 'a URL known at run time');
  const site = baseCallSite(cx, call, facts, endpoint, payload, config, `${facts.displayName} to ${target} (${endpoint.provider} ${endpoint.operation})`);
  site.module = facts.modules[0];
  site.client = client;
  site.clientKnown = true;
  // An `axios.create({...})` instance's config applies to every request made through it.
  const sources = { body: payload.options, requestOptions: client.options, client, clientKnown: true, ...resilienceOf(cx, call) };
  site.effective = { timeout: effectiveTimeout(facts, sources), retries: effectiveRetries(facts, sources) };
  if (site.streaming) site.stream = streamFactsOf(cx, call, facts, { body: payload.options, requestOptions: client.options });
  return site;
}


/**
 * A URL read through the code (members, getters, returns, other modules' exports); failing that, from what the
 * callers pass for a parameter: such a request belongs to its callers' requests (`urlsFromCallers`).
 */
function followedUrl(cx: TsFile, call: PendingCall, urlExpr: ts.Expression, bodyKeys: ReadonlySet<string> | undefined): ModelUrl | undefined {
  const here = modelUrlIn(urlTexts(cx, urlExpr), bodyKeys);
  if (here) return here;
  const given = modelUrlIn(urlTexts(cx, urlExpr, [], true), bodyKeys);
  if (given) cx.urlsFromCallers.add(call.node);
  return given;
}

/** Whether a call is an HTTP request with its URL first: `fetch(url, …)`, `axios.post(url, …)`, `got(url)`. */
export function sendsRequest(cx: TsFile, call: ts.CallExpression): boolean {
  const library = httpLibraryOf(cx, unwrap(call.expression));
  return library !== undefined && (library.method === undefined || HTTP_SEND_METHODS.includes(library.method));
}

/** The URL a request goes to, an instance's `baseURL` included; `configured` reads `config.url || DEFAULT` as `*`. */
function urlOf(cx: TsFile, baseExpr: ts.Expression | undefined, urlExpr: ts.Expression | undefined, configured: boolean): string | undefined {
  // A base URL read from configuration is known only at run time: `*`.
  const base = baseExpr ? (staticText(cx, baseExpr, 0, configured) ?? '*') : undefined;
  const path = urlExpr ? staticText(cx, urlExpr, 0, configured) : undefined;
  return base !== undefined && path !== undefined && path.startsWith('/') ? trimTrailing(base, '/') + path : path;
}


/** The request as a client record, so the key rule sees its headers (or the instance's `axios.create` config). */
export function httpClientRecord(cx: TsFile, node: ts.CallExpression, facts: SdkFacts, endpoint: HttpEndpoint, options: OptionMap, instanceConfig: ts.ObjectLiteralExpression | undefined): ClientConstruction {
  const span = spanOf(node, cx.sourceFile);
  const merged = instanceConfig ? optionsOf(cx, instanceConfig) : options;
  const construction: ClientConstruction = {
    id: `${cx.file}:${span.start}`,
    sdk: 'http',
    constructorName: facts.displayName,
    module: facts.modules[0],
    file: cx.file,
    span,
    credentials: { options: endpoint.keyHeaders, env: endpoint.keyEnv },
    options: instanceConfig ? { entries: new Map([...merged.entries, ...options.entries]), hasSpread: merged.hasSpread || options.hasSpread } : options,
  };
  cx.clientsByNode.set(node, construction);
  return construction;
}


/** `JSON.stringify(payload)` gives `payload`. */
export function jsonStringifyArgument(expr: ts.Expression | undefined): ts.Expression | undefined {
  const node = expr && unwrap(expr);
  if (node && ts.isCallExpression(node) && calleeName(node.expression) === 'JSON.stringify') return node.arguments[0];
  return undefined;
}


/**
 * A fetch the code was handed rather than the global one: `this.fetch`, a `fetchImpl` parameter, `customFetch`.
 * Only its URL or body makes it a model call; a function declared here or imported is a wrapper, not a fetch.
 */
export function fetchLike(cx: TsFile, callee: ts.Expression): boolean {
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name === undefined || !FETCH_LIKE.test(name)) return false;
  if (!ts.isIdentifier(callee)) return true;
  const declaration = cx.scopes.resolve(name, callee.pos);
  if (declaration?.import) return false;
  const initializer = declaration?.initializer && unwrap(declaration.initializer);
  return !declaration?.function && !(initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)));
}

const FETCH_LIKE = /fetch/i;
