import type { SdkFacts } from './types';
import { anthropicPythonFacts } from './anthropic/python';
import { bedrockPythonFacts } from './bedrock/python';
import { coherePythonFacts } from './cohere/python';
import { googleGenAiPythonFacts } from './google/python';
import { langchainPythonFacts } from './langchain/python';
import { litellmPythonFacts } from './litellm/python';
import { mistralPythonFacts } from './mistral/python';
import { ollamaPythonFacts } from './ollama/python';
import { groqPythonFacts } from './groq/python';
import { openaiPythonFacts } from './openai/python';

export { PYTHON_HTTP_METHODS, pythonHttpClients } from './http/python';

/** The Python SDKs, read the same way as the TypeScript catalog; modules are Python import paths. */
export const pythonCatalog: readonly SdkFacts[] = [
  openaiPythonFacts,
  anthropicPythonFacts,
  langchainPythonFacts,
  googleGenAiPythonFacts,
  mistralPythonFacts,
  coherePythonFacts,
  groqPythonFacts,
  ollamaPythonFacts,
  bedrockPythonFacts,
  litellmPythonFacts,
];

/**
 * Wrappers that return the client they are given, unchanged for our purposes: instructor's `from_openai(client)`,
 * `patch(client)`, `from_anthropic(client)`… (its `max_retries` re-asks on validation errors, not transport errors).
 */
export const PYTHON_CLIENT_WRAPPERS: ReadonlyMap<string, string> = new Map([
  ['instructor', 'instructor'],
]);

/** Python retry decorators and helpers: tenacity `@retry`, `Retrying`, `AsyncRetrying`; backoff `on_exception`. */
export const PYTHON_RETRY_HELPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tenacity', new Set(['retry', 'Retrying', 'AsyncRetrying'])],
  ['backoff', new Set(['on_exception', 'on_predicate'])],
  ['stamina', new Set(['retry', 'retry_context'])],
]);

/** Bounds that act as a timeout around a call: `asyncio.wait_for(call, timeout)`, `async with asyncio.timeout(s)`. */
export const PYTHON_TIMEOUT_HELPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['asyncio', new Set(['wait_for', 'timeout', 'timeout_at'])],
  ['anyio', new Set(['fail_after', 'move_on_after'])],
  ['async_timeout', new Set(['timeout'])],
]);
