import { httpEndpoints, type HttpEndpoint } from './typescript';
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

const endpointNamed = (path: string) => httpEndpoints.find((endpoint) => endpoint.path === path)!;

/**
 * Model routes any host may serve (OpenAI-compatible gateways, vLLM, proxies, a self-hosted Ollama), matched on
 * the end of a URL whose base is only known at run time (`f"{self.base_url}/chat/completions"`).
 */
export const PYTHON_MODEL_ROUTES: readonly { route: RegExp; endpoint: HttpEndpoint }[] = [
  { route: /\/chat\/completions$/, endpoint: endpointNamed('openai.chat') },
  { route: /\/v1\/messages$/, endpoint: endpointNamed('anthropic.messages') },
  { route: /\/api\/(chat|generate)$/, endpoint: endpointNamed('ollama.chat') },
  { route: /:(generateContent|streamGenerateContent)$/, endpoint: endpointNamed('google.generate') },
  { route: /\/embeddings$/, endpoint: endpointNamed('openai.embeddings') },
];

/** A JSON body with `model` and one of these is a model request whatever the URL (`input` is read as embeddings). */
export const PYTHON_MODEL_BODIES: readonly { key: string; endpoint: HttpEndpoint }[] = [
  { key: 'messages', endpoint: endpointNamed('openai.chat') },
  { key: 'prompt', endpoint: endpointNamed('openai.completions') },
  { key: 'input', endpoint: endpointNamed('openai.embeddings') },
];
