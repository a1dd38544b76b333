import { httpEndpoints } from './typescript';
import { client, request } from '../refs';
import type { SdkFacts } from '../types';

const shared = { clients: [], functionApis: [], modelProviders: [], clientApis: httpEndpoints, auditOptions: [], errorOptions: [] };
const structured = 'a JSON schema response format, then a pydantic model_validate';

/** HTTP clients: the JSON payload (`json=`) is the body; keyword arguments such as `timeout=` are request options. */

/** requests: no timeout unless `timeout=` is given (it waits forever); no retries without an adapter. */
export const requestsFacts: SdkFacts = {
  ...shared,
  sdk: 'http',
  displayName: 'requests',
  modules: ['requests'],
  timeout: { durations: [request('timeout')], unit: 's', default: 'none', signals: [], fix: { kind: 'duration', at: request('timeout') } },
  retries: { options: [], default: 0, counts: 'retries' },
  structuredOutput: structured,
  factsFrom: 'requests: no default timeout, no retries',
};

/** httpx: a 5 s timeout by default (a long generation fails with ReadTimeout); no retries of requests. */
export const httpxFacts: SdkFacts = {
  ...shared,
  sdk: 'http',
  displayName: 'httpx',
  modules: ['httpx'],
  timeout: { durations: [request('timeout'), client('timeout')], unit: 's', default: 5_000, signals: [], fix: { kind: 'duration', at: request('timeout') } },
  retries: { options: [], default: 0, counts: 'retries' },
  structuredOutput: structured,
  factsFrom: 'httpx: timeout 5 s by default, no retries',
};

/** aiohttp: `ClientTimeout(total=300)` by default; no retries. */
export const aiohttpFacts: SdkFacts = {
  ...shared,
  sdk: 'http',
  displayName: 'aiohttp',
  modules: ['aiohttp'],
  timeout: { durations: [request('timeout'), client('timeout')], unit: 's', default: 300_000, signals: [], fix: { kind: 'duration', at: request('timeout') } },
  retries: { options: [], default: 0, counts: 'retries' },
  structuredOutput: structured,
  factsFrom: 'aiohttp: ClientTimeout total 300 s, no retries',
};

export const pythonHttpClients: readonly SdkFacts[] = [requestsFacts, httpxFacts, aiohttpFacts];

/** The methods a model request goes through: `post`, or `request("POST", …)`. */
export const PYTHON_HTTP_METHODS: ReadonlySet<string> = new Set(['post', 'request']);
