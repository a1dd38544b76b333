import { body } from '../refs';
import type { SdkFacts } from '../types';

// The calls a model object of an AI SDK provider answers (`model.doGenerate(options)`): what `generateText` runs under
// its retries, made directly. Code that adapts AI SDK models to another framework calls these.
const typeOnly = (exportName: string) => ({ exportName, displayName: exportName, keyOptions: [], keyEnv: '', provider: 'vercel-ai', declaredOnly: true });
const prompt = { messages: 'prompt', system: [], user: [] };
const outputBound = { accepted: [body('maxOutputTokens'), body('maxTokens')], preferred: body('maxOutputTokens') };

/** The AI SDK provider specification (`@ai-sdk/provider`): language models typed `LanguageModelV1`–`V3`. */
export const vercelAiProviderFacts: SdkFacts = {
  sdk: 'vercel-ai',
  displayName: 'AI SDK provider model',
  modules: ['@ai-sdk/provider'],
  clients: [typeOnly('LanguageModelV1'), typeOnly('LanguageModelV2'), typeOnly('LanguageModelV3')],
  // A model implementing the specification around another one (caching, fallback, middleware) forwards its calls.
  clientApis: [
    { path: 'doGenerate', operation: 'chat', outputBound, prompt, passThroughIn: ['doGenerate', 'doStream'] },
    { path: 'doStream', operation: 'chat', streaming: true, outputBound, prompt, passThroughIn: ['doGenerate', 'doStream'] },
  ],
  functionApis: [],
  modelProviders: [],
  timeout: { durations: [], unit: 'ms', default: 'none', signals: [body('abortSignal')], fix: { kind: 'abort-signal', at: body('abortSignal') } },
  // Retrying is what the `ai` functions add (`maxRetries`); a model's own call is sent once.
  retries: { options: [], default: 0, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: "responseFormat: { type: 'json', schema }",
  factsFrom: '@ai-sdk/provider LanguageModelV2CallOptions: prompt, maxOutputTokens (V1: maxTokens), abortSignal, headers; no retry or timeout option',
};
