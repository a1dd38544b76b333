// Plain HTTP to model endpoints: requests, httpx, aiohttp.
import { matchEndpoint } from '../../catalog';
import type { SdkFacts } from '../../catalog';
import { PYTHON_MODEL_BODIES, PYTHON_MODEL_ROUTES } from '../../catalog/http/python';
import { trimTrailing, type OptionMap } from '../../model';
import type { PyNode } from './parser';
import { Scope } from './scope';
import { stringValue, type Arguments } from './syntax';
import { Found, PyFile } from './context';
import { constantText } from './resolver';

export function httpApi(cx: PyFile, facts: SdkFacts, list: Arguments, clientOptions: OptionMap | undefined, via: string, scope: Scope): Found | undefined {
  // `requests.post(url, …)`, `client.request("POST", url, …)`, or `url=…`.
  const methodFirst = list.positional.length > 1 && /^[A-Za-z]+$/.test(stringValue(list.positional[0]) ?? '');
  const urlNode = list.keywords.get('url') ?? list.positional[methodFirst ? 1 : 0];
  const url = urlNode ? constantText(cx, urlNode, scope) ?? runtimeBase(cx, urlNode, scope) : undefined;
  const endpoint = (url && (matchEndpoint(url) ?? routeOf(url))) ?? bodyShape(list);
  if (!endpoint) return undefined;
  return { facts, api: endpoint, module: facts.modules[0], known: true, via, httpClientOptions: clientOptions, http: true };
}

/** `self.base_url + "/chat/completions"`: a base only known at run time, then a static path. */
function runtimeBase(cx: PyFile, node: PyNode, scope: Scope): string | undefined {
  if (node.type !== 'binary_operator' || node.childForFieldName('operator')?.type !== '+') return undefined;
  const right = constantText(cx, node.childForFieldName('right')!, scope);
  return right === undefined ? undefined : `*${right}`;
}

/** A model route on a host from settings or fields: only when the URL starts with a run-time value. */
function routeOf(url: string) {
  if (!url.startsWith('*')) return undefined;
  const path = trimTrailing(url.split('?')[0], '/');
  return PYTHON_MODEL_ROUTES.find((candidate) => candidate.route.test(path))?.endpoint;
}

/** `json={"model": …, "messages": …}`: the request a model API takes, to whatever URL. */
function bodyShape(list: Arguments) {
  const payload = list.options.entries.get('json')?.value;
  if (payload?.kind !== 'object' || !payload.options.entries.has('model')) return undefined;
  return PYTHON_MODEL_BODIES.find((candidate) => payload.options.entries.has(candidate.key))?.endpoint;
}
