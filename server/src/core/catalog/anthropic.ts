import type { ApiFacts, SdkFacts } from './types';

const audit = { requestId: 'id', model: 'model', usage: 'usage' };
const messagesPrompt = { messages: 'messages', system: ['system'] };
const messagesBound = { accepted: ['max_tokens'], preferred: 'max_tokens' };

const messageApis = (prefix: string): ApiFacts[] => [
  { path: `${prefix}messages.create`, operation: 'chat', streaming: 'body.stream', outputBound: messagesBound, modelOption: 'model', auditFields: audit, prompt: messagesPrompt },
  { path: `${prefix}messages.stream`, operation: 'chat', streaming: true, outputBound: messagesBound, modelOption: 'model', prompt: messagesPrompt },
  { path: `${prefix}messages.parse`, operation: 'chat', outputBound: messagesBound, modelOption: 'model', auditFields: audit, prompt: messagesPrompt },
  { path: `${prefix}messages.countTokens`, operation: 'other', modelOption: 'model' },
  { path: `${prefix}messages.batches.create`, operation: 'chat' },
];

/** @anthropic-ai/sdk (`Anthropic`); same option names and defaults as openai. */
export const anthropicFacts: SdkFacts = {
  sdk: 'anthropic',
  displayName: 'Anthropic',
  modules: ['@anthropic-ai/sdk'],
  clients: [
    { exportName: 'default', displayName: 'Anthropic', keyOptions: ['apiKey', 'authToken'], keyEnv: 'ANTHROPIC_API_KEY', provider: 'anthropic' },
    { exportName: 'Anthropic', displayName: 'Anthropic', keyOptions: ['apiKey', 'authToken'], keyEnv: 'ANTHROPIC_API_KEY', provider: 'anthropic' },
  ],
  clientApis: [...messageApis(''), ...messageApis('beta.')],
  functionApis: [],
  modelProviders: [],
  timeout: {
    option: 'timeout',
    unit: 'ms',
    defaultMs: 600_000,
    places: ['client', 'requestOptions'],
    signalOptions: ['signal'],
    signalPlace: 'requestOptions',
    fixWith: 'duration',
    fixPlace: 'requestOptions',
  },
  retries: { option: 'maxRetries', default: 2, places: ['client', 'requestOptions'] },
  auditOptions: [],
  structuredOutput: 'a tool with an input_schema, or a zod schema parse() of the text',
  errorOptions: [],
  factsFrom: '@anthropic-ai/sdk client.d.ts: timeout 10 minutes, maxRetries 2, max_tokens required',
};
