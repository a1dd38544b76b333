// Model endpoints reached through a base URL the code reads from configuration: recognised by the path the
// URL ends in, or by a JSON body only model APIs take.
import { trimTrailing } from '../../model';
import { body } from '../refs';
import type { OutputBoundFacts } from '../types';
import type { HttpEndpoint } from './typescript';

const bearer = ['headers.Authorization', 'headers.authorization'];
const model = body('model');
const chatBound: OutputBoundFacts = { accepted: [body('max_completion_tokens'), body('max_tokens')], preferred: body('max_tokens') };
const anyHost = /^/;

interface PathEndpoint {
  /** The end of the URL's path (query left out). */
  route: RegExp;
  /** The path is also an ordinary REST route elsewhere (`/messages`, `/api/chat`): the body must name a `model`. */
  needsModel: boolean;
  endpoint: HttpEndpoint;
}

function configured(path: string, provider: string, route: RegExp, needsModel: boolean, rest: Omit<HttpEndpoint, 'path' | 'provider' | 'host' | 'route'>): PathEndpoint {
  return { route, needsModel, endpoint: { path, provider, host: anyHost, route, ...rest } };
}

const chat = configured('configured.chat', 'openai-compatible', /\/chat\/completions$/, false, { operation: 'chat', streaming: 'body.stream', outputBound: chatBound, model, prompt: { messages: 'messages' }, keyHeaders: bearer, keyEnv: 'LLM_API_KEY' });

/** Most specific first: `/chat/completions` before `/completions`. */
const PATH_ENDPOINTS: readonly PathEndpoint[] = [
  chat,
  configured('configured.messages', 'anthropic-compatible', /\/v1\/messages$/, false, { operation: 'chat', streaming: 'body.stream', outputBound: { accepted: [body('max_tokens')], preferred: body('max_tokens') }, model, prompt: { messages: 'messages', system: ['system'] }, keyHeaders: ['headers.x-api-key'], keyEnv: 'ANTHROPIC_API_KEY' }),
  configured('configured.messages', 'anthropic-compatible', /\/messages$/, true, { operation: 'chat', streaming: 'body.stream', outputBound: { accepted: [body('max_tokens')], preferred: body('max_tokens') }, model, prompt: { messages: 'messages', system: ['system'] }, keyHeaders: ['headers.x-api-key'], keyEnv: 'ANTHROPIC_API_KEY' }),
  configured('configured.generate', 'google', /:(generateContent|streamGenerateContent)$/, false, { operation: 'chat', outputBound: { accepted: [body('generationConfig.maxOutputTokens')], preferred: body('generationConfig.maxOutputTokens') }, keyHeaders: ['headers.x-goog-api-key'], keyEnv: 'GEMINI_API_KEY' }),
  configured('configured.ollama', 'ollama', /\/api\/(chat|generate)$/, true, { operation: 'chat', outputBound: { accepted: [body('options.num_predict')], preferred: body('options.num_predict') }, model, prompt: { messages: 'messages', user: ['prompt'], system: ['system'] }, keyHeaders: [], keyEnv: 'OLLAMA_HOST' }),
  configured('configured.embeddings', 'openai-compatible', /\/embeddings$/, false, { operation: 'embedding', model, keyHeaders: bearer, keyEnv: 'LLM_API_KEY' }),
  configured('configured.rerank', 'rerank', /\/rerank$/, false, { operation: 'other', model, keyHeaders: bearer, keyEnv: 'LLM_API_KEY' }),
  configured('configured.completions', 'openai-compatible', /\/completions$/, true, { operation: 'completion', streaming: 'body.stream', outputBound: { accepted: [body('max_tokens')], preferred: body('max_tokens') }, model, prompt: { user: ['prompt'] }, keyHeaders: bearer, keyEnv: 'LLM_API_KEY' }),
];

/** Body keys that, next to `model`, only model APIs take. */
const PROMPT_KEYS = ['messages', 'prompt', 'input', 'contents'];

/** Any model endpoint behind an unknown URL, recognised by its body. */
const MODEL_BODY: HttpEndpoint = { ...chat.endpoint, path: 'configured.model-body', provider: 'unknown', route: anyHost, prompt: { messages: 'messages', user: ['prompt', 'input'] } };

/**
 * A URL whose base is only known at run time (`*` in its static text: `${config.baseUrl}/chat/completions`), or
 * not known at all: matched by its path, else by a JSON body with `model` and a prompt. A literal URL is matched
 * by host and path elsewhere, or is not a model endpoint.
 */
export function matchConfiguredEndpoint(url: string | undefined, bodyKeys: ReadonlySet<string> | undefined): HttpEndpoint | undefined {
  if (url !== undefined && !url.startsWith('*')) return undefined;
  const path = url === undefined ? undefined : trimTrailing(url.split(/[?#]/)[0], '/');
  const hasModel = bodyKeys?.has('model') === true;
  const byPath = path === undefined ? undefined : PATH_ENDPOINTS.find((candidate) => candidate.route.test(path) && (!candidate.needsModel || hasModel));
  if (byPath) return byPath.endpoint;
  return hasModel && PROMPT_KEYS.some((key) => bodyKeys?.has(key)) ? MODEL_BODY : undefined;
}
