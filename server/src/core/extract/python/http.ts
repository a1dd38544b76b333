// Plain HTTP to model endpoints: requests, httpx, aiohttp.
import { matchEndpoint } from '../../catalog';
import type { SdkFacts } from '../../catalog';
import type { OptionMap } from '../../model';
import { Scope } from './scope';
import { stringValue, type Arguments } from './syntax';
import { Found, PyFile } from './context';
import { constantText } from './resolver';

export function httpApi(cx: PyFile, facts: SdkFacts, list: Arguments, clientOptions: OptionMap | undefined, via: string, scope: Scope): Found | undefined {
  // `requests.post(url, …)`, `client.request("POST", url, …)`, or `url=…`.
  const methodFirst = list.positional.length > 1 && /^[A-Za-z]+$/.test(stringValue(list.positional[0]) ?? '');
  const urlNode = list.keywords.get('url') ?? list.positional[methodFirst ? 1 : 0];
  const url = urlNode ? constantText(cx, urlNode, scope) : undefined;
  const endpoint = url ? matchEndpoint(url) : undefined;
  if (!endpoint) return undefined;
  return { facts, api: endpoint, module: facts.modules[0], known: true, via, httpClientOptions: clientOptions, http: true };
}
