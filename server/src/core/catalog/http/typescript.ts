import { trimTrailing } from '../../model';
import { body, request } from '../refs';
import type { ApiFacts, OutputBoundFacts, SdkFacts } from '../types';

/** A model endpoint called over plain HTTP: matched on the URL, read from the JSON payload. */
export interface HttpEndpoint extends ApiFacts {
  provider: string;
  host: RegExp;
  route: RegExp;
  /** Headers that carry the key, and the environment variable the provider's SDK would read. */
  keyHeaders: string[];
  keyEnv: string;
}

const bearer = ['headers.Authorization', 'headers.authorization'];
const chatBound: OutputBoundFacts = { accepted: [body('max_completion_tokens'), body('max_tokens')], preferred: body('max_completion_tokens') };
const maxTokens: OutputBoundFacts = { accepted: [body('max_tokens')], preferred: body('max_tokens') };
const chat = { messages: 'messages' };
const model = body('model');

function endpoint(path: string, provider: string, host: RegExp, route: RegExp, rest: Omit<HttpEndpoint, 'path' | 'provider' | 'host' | 'route'>): HttpEndpoint {
  return { path, provider, host, route, ...rest };
}

const openaiHost = /^api\.openai\.com$/;
const azureHost = /^[\w-]+\.openai\.azure\.com$/;
const ollamaHost = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|ollama|host\.docker\.internal):11434$/;

/** Model endpoints by provider; `/api/tags`, `/api/pull` and other non-model routes deliberately absent. */
export const httpEndpoints: HttpEndpoint[] = [
  endpoint('openai.chat', 'openai', openaiHost, /^\/v1\/chat\/completions$/, { operation: 'chat', streaming: 'body.stream', outputBound: chatBound, model, prompt: chat, keyHeaders: bearer, keyEnv: 'OPENAI_API_KEY' }),
  endpoint('openai.responses', 'openai', openaiHost, /^\/v1\/responses$/, { operation: 'chat', streaming: 'body.stream', outputBound: { accepted: [body('max_output_tokens')], preferred: body('max_output_tokens') }, model, prompt: { messages: 'input', system: ['instructions'] }, keyHeaders: bearer, keyEnv: 'OPENAI_API_KEY' }),
  endpoint('openai.completions', 'openai', openaiHost, /^\/v1\/completions$/, { operation: 'completion', outputBound: maxTokens, model, keyHeaders: bearer, keyEnv: 'OPENAI_API_KEY' }),
  endpoint('openai.embeddings', 'openai', openaiHost, /^\/v1\/embeddings$/, { operation: 'embedding', model, keyHeaders: bearer, keyEnv: 'OPENAI_API_KEY' }),
  endpoint('openai.images', 'openai', openaiHost, /^\/v1\/images\//, { operation: 'image', model, keyHeaders: bearer, keyEnv: 'OPENAI_API_KEY' }),
  endpoint('openai.audio', 'openai', openaiHost, /^\/v1\/audio\//, { operation: 'audio', model, keyHeaders: bearer, keyEnv: 'OPENAI_API_KEY' }),
  endpoint('azure.chat', 'azure-openai', azureHost, /^\/openai\/(deployments\/[^/]+\/chat\/completions|v1\/chat\/completions)$/, { operation: 'chat', streaming: 'body.stream', outputBound: chatBound, prompt: chat, keyHeaders: ['headers.api-key', ...bearer], keyEnv: 'AZURE_OPENAI_API_KEY' }),
  endpoint('azure.embeddings', 'azure-openai', azureHost, /^\/openai\/(deployments\/[^/]+\/embeddings|v1\/embeddings)$/, { operation: 'embedding', keyHeaders: ['headers.api-key', ...bearer], keyEnv: 'AZURE_OPENAI_API_KEY' }),
  endpoint('anthropic.messages', 'anthropic', /^api\.anthropic\.com$/, /^\/v1\/messages$/, { operation: 'chat', streaming: 'body.stream', outputBound: maxTokens, model, prompt: { messages: 'messages', system: ['system'] }, keyHeaders: ['headers.x-api-key'], keyEnv: 'ANTHROPIC_API_KEY' }),
  endpoint('google.generate', 'google', /^generativelanguage\.googleapis\.com$/, /^\/v1(beta)?\/models\/[^/:]+:(generateContent|streamGenerateContent)$/, { operation: 'chat', outputBound: { accepted: [body('generationConfig.maxOutputTokens')], preferred: body('generationConfig.maxOutputTokens') }, keyHeaders: ['headers.x-goog-api-key'], keyEnv: 'GEMINI_API_KEY' }),
  endpoint('google.embed', 'google', /^generativelanguage\.googleapis\.com$/, /^\/v1(beta)?\/models\/[^/:]+:(embedContent|batchEmbedContents)$/, { operation: 'embedding', keyHeaders: ['headers.x-goog-api-key'], keyEnv: 'GEMINI_API_KEY' }),
  endpoint('bedrock.invoke', 'bedrock', /^bedrock-runtime\.[\w-]+\.amazonaws\.com$/, /^\/model\/[^/]+\/(invoke|converse)(-with-response-stream|-stream)?$/, { operation: 'chat', keyHeaders: [], keyEnv: 'AWS_SECRET_ACCESS_KEY' }),
  endpoint('ollama.chat', 'ollama', ollamaHost, /^\/api\/(chat|generate)$/, { operation: 'chat', outputBound: { accepted: [body('options.num_predict')], preferred: body('options.num_predict') }, model, prompt: { messages: 'messages', user: ['prompt'], system: ['system'] }, keyHeaders: [], keyEnv: 'OLLAMA_HOST' }),
  endpoint('ollama.embed', 'ollama', ollamaHost, /^\/api\/(embed|embeddings)$/, { operation: 'embedding', model, keyHeaders: [], keyEnv: 'OLLAMA_HOST' }),
  endpoint('groq.chat', 'groq', /^api\.groq\.com$/, /^\/openai\/v1\/chat\/completions$/, { operation: 'chat', streaming: 'body.stream', outputBound: chatBound, model, prompt: chat, keyHeaders: bearer, keyEnv: 'GROQ_API_KEY' }),
  endpoint('mistral.chat', 'mistral', /^api\.mistral\.ai$/, /^\/v1\/chat\/completions$/, { operation: 'chat', streaming: 'body.stream', outputBound: maxTokens, model, prompt: chat, keyHeaders: bearer, keyEnv: 'MISTRAL_API_KEY' }),
  endpoint('mistral.embeddings', 'mistral', /^api\.mistral\.ai$/, /^\/v1\/embeddings$/, { operation: 'embedding', model, keyHeaders: bearer, keyEnv: 'MISTRAL_API_KEY' }),
  endpoint('cohere.chat', 'cohere', /^api\.cohere\.(com|ai)$/, /^\/v[12]\/chat$/, { operation: 'chat', outputBound: maxTokens, model, prompt: chat, keyHeaders: bearer, keyEnv: 'CO_API_KEY' }),
  endpoint('cohere.embed', 'cohere', /^api\.cohere\.(com|ai)$/, /^\/v[12]\/embed$/, { operation: 'embedding', model, keyHeaders: bearer, keyEnv: 'CO_API_KEY' }),
  endpoint('openrouter.chat', 'openrouter', /^openrouter\.ai$/, /^\/api\/v1\/chat\/completions$/, { operation: 'chat', streaming: 'body.stream', outputBound: chatBound, model, prompt: chat, keyHeaders: bearer, keyEnv: 'OPENROUTER_API_KEY' }),
];

/** The endpoint a URL calls, from its static text (`*` marks parts only known at run time). */
export function matchEndpoint(url: string): HttpEndpoint | undefined {
  const match = /^(?:https?:)?\/\/([^/?#]+)(\/[^?#]*)?/i.exec(url.trim());
  if (!match) return undefined;
  const host = match[1].toLowerCase();
  const path = trimTrailing(match[2] ?? '/', '/') || '/';
  return httpEndpoints.find((candidate) => candidate.host.test(host) && candidate.route.test(path));
}

const shared = { clients: [], functionApis: [], modelProviders: [], clientApis: httpEndpoints, auditOptions: [], errorOptions: [] };
const structured = 'a JSON schema response format, then a zod schema parse()';

/** `fetch`: no timeout and no retries unless the code adds them. */
export const fetchFacts: SdkFacts = {
  ...shared,
  sdk: 'http',
  displayName: 'fetch',
  modules: ['fetch'],
  timeout: { durations: [], unit: 'ms', default: 'none', signals: [request('signal')], fix: { kind: 'abort-signal', at: request('signal') } },
  retries: { options: [], default: 0, counts: 'retries' },
  structuredOutput: structured,
  factsFrom: 'WHATWG fetch: no timeout, no retry',
};

/** axios: `timeout` defaults to 0 (none); no retries without axios-retry. */
export const axiosFacts: SdkFacts = {
  ...shared,
  sdk: 'http',
  displayName: 'axios',
  modules: ['axios'],
  timeout: { durations: [request('timeout')], unit: 'ms', default: 'none', signals: [request('signal')], fix: { kind: 'duration', at: request('timeout') } },
  retries: { options: [], default: 0, counts: 'retries' },
  structuredOutput: structured,
  factsFrom: 'axios: timeout 0 (none), no retries',
};

/** got: no timeout by default; its retries skip POST, which every model call is. */
export const gotFacts: SdkFacts = {
  ...shared,
  sdk: 'http',
  displayName: 'got',
  modules: ['got'],
  timeout: { durations: [request('timeout')], unit: 'ms', default: 'none', signals: [request('signal')], fix: { kind: 'duration', at: request('timeout.request') } },
  retries: { options: [request('retry')], default: 0, counts: 'retries' },
  structuredOutput: structured,
  factsFrom: 'got: no timeout; retries only idempotent methods by default',
};

/** ky: a 10 s timeout by default; its retries skip POST. */
export const kyFacts: SdkFacts = {
  ...shared,
  sdk: 'http',
  displayName: 'ky',
  modules: ['ky'],
  timeout: { durations: [request('timeout')], unit: 'ms', default: 10_000, signals: [request('signal')], fix: { kind: 'duration', at: request('timeout') } },
  retries: { options: [request('retry')], default: 0, counts: 'retries' },
  structuredOutput: structured,
  factsFrom: 'ky: timeout 10 s; retries only idempotent methods by default',
};

export const httpClients: readonly SdkFacts[] = [fetchFacts, axiosFacts, gotFacts, kyFacts];

/** Packages that provide the global `fetch` under its own name (a polyfill import is still fetch). */
export const FETCH_POLYFILLS: readonly string[] = ['node-fetch', 'undici', 'cross-fetch'];

/** Methods of HTTP client libraries that send a body; `get`/`delete` never carry a model request. */
export const HTTP_SEND_METHODS: readonly string[] = ['post', 'put', 'patch', 'request'];

/** Where axios takes its arguments: `axios.post(url, data, config)`, `axios(url, config)`, `axios(config)`. */
export const AXIOS_ARGUMENTS = { data: 1, configAfterData: 2, configAfterUrl: 1 } as const;
