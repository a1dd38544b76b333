import type { SdkFacts } from './types';

const audit = { requestId: 'response.id', model: 'response.modelId', usage: 'usage' };
const textPrompt = { messages: 'messages', system: ['system'], user: ['prompt'] };
const textBound = { accepted: ['maxOutputTokens', 'maxTokens'], preferred: 'maxOutputTokens' };

/**
 * Vercel AI SDK (`ai` 5–7): functions take one options object; model objects come from provider packages.
 * `maxTokens` is the v4 name, still accepted so that older code is not flagged.
 */
export const vercelAiFacts: SdkFacts = {
  sdk: 'vercel-ai',
  displayName: 'Vercel AI SDK',
  modules: ['ai'],
  clients: [],
  clientApis: [],
  functionApis: [
    { path: 'generateText', operation: 'chat', outputBound: textBound, modelOption: 'model', auditFields: audit, prompt: textPrompt },
    { path: 'streamText', operation: 'chat', streaming: true, outputBound: textBound, modelOption: 'model', prompt: textPrompt },
    { path: 'generateObject', operation: 'chat', outputBound: textBound, modelOption: 'model', auditFields: audit, prompt: textPrompt },
    { path: 'streamObject', operation: 'chat', streaming: true, outputBound: textBound, modelOption: 'model', prompt: textPrompt },
    { path: 'embed', operation: 'embedding', modelOption: 'model', auditFields: { usage: 'usage' } },
    { path: 'embedMany', operation: 'embedding', modelOption: 'model', auditFields: { usage: 'usage' } },
  ],
  modelProviders: [
    { module: '@ai-sdk/openai', provider: 'openai', instances: ['openai'], factories: ['createOpenAI'], keyOptions: ['apiKey'], keyEnv: 'OPENAI_API_KEY' },
    { module: '@ai-sdk/anthropic', provider: 'anthropic', instances: ['anthropic'], factories: ['createAnthropic'], keyOptions: ['apiKey', 'authToken'], keyEnv: 'ANTHROPIC_API_KEY' },
    { module: '@ai-sdk/azure', provider: 'azure-openai', instances: ['azure'], factories: ['createAzure'], keyOptions: ['apiKey'], keyEnv: 'AZURE_API_KEY' },
  ],
  timeout: {
    // `timeout` exists only from ai 6.0.14, so fixes use an abort signal, which every version honours.
    option: 'timeout',
    unit: 'ms',
    places: ['body'],
    signalOptions: ['abortSignal'],
    signalPlace: 'body',
    fixWith: 'abort-signal',
    fixPlace: 'body',
  },
  retries: { option: 'maxRetries', default: 2, places: ['body'] },
  auditOptions: ['onFinish', 'experimental_telemetry'],
  structuredOutput: 'generateObject() with a zod schema',
  errorOptions: ['onError'],
  factsFrom: 'ai 6 index.d.ts: maxRetries 2, no timeout unless abortSignal or timeout is given',
};
