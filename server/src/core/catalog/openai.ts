import type { ApiFacts, SdkFacts } from './types';

const audit = { requestId: 'id', model: 'model', usage: 'usage' };
const chatPrompt = { messages: 'messages' };
const responsesPrompt = { messages: 'input', system: ['instructions'] };
const chatBound = { accepted: ['max_completion_tokens', 'max_tokens'], preferred: 'max_completion_tokens' };
const responsesBound = { accepted: ['max_output_tokens'], preferred: 'max_output_tokens' };

const chatApis = (prefix: string): ApiFacts[] => [
  { path: `${prefix}chat.completions.create`, operation: 'chat', streaming: 'body.stream', outputBound: chatBound, modelOption: 'model', auditFields: audit, prompt: chatPrompt },
  { path: `${prefix}chat.completions.parse`, operation: 'chat', outputBound: chatBound, modelOption: 'model', auditFields: audit, prompt: chatPrompt },
  { path: `${prefix}chat.completions.stream`, operation: 'chat', streaming: true, outputBound: chatBound, modelOption: 'model', auditFields: audit, prompt: chatPrompt },
  { path: `${prefix}chat.completions.runTools`, operation: 'chat', outputBound: chatBound, modelOption: 'model', auditFields: audit, prompt: chatPrompt },
];

/** openai 7.x (`OpenAI`, `AzureOpenAI`); names and defaults from the package's client.d.ts. */
export const openaiFacts: SdkFacts = {
  sdk: 'openai',
  displayName: 'OpenAI',
  modules: ['openai'],
  clients: [
    { exportName: 'default', displayName: 'OpenAI', keyOptions: ['apiKey'], keyEnv: 'OPENAI_API_KEY', provider: 'openai' },
    { exportName: 'OpenAI', displayName: 'OpenAI', keyOptions: ['apiKey'], keyEnv: 'OPENAI_API_KEY', provider: 'openai' },
    { exportName: 'AzureOpenAI', displayName: 'AzureOpenAI', keyOptions: ['apiKey'], keyEnv: 'AZURE_OPENAI_API_KEY', provider: 'azure-openai' },
  ],
  clientApis: [
    ...chatApis(''),
    ...chatApis('beta.'),
    { path: 'responses.create', operation: 'chat', streaming: 'body.stream', outputBound: responsesBound, modelOption: 'model', auditFields: audit, prompt: responsesPrompt },
    { path: 'responses.parse', operation: 'chat', outputBound: responsesBound, modelOption: 'model', auditFields: audit, prompt: responsesPrompt },
    { path: 'responses.stream', operation: 'chat', streaming: true, outputBound: responsesBound, modelOption: 'model', auditFields: audit, prompt: responsesPrompt },
    { path: 'completions.create', operation: 'completion', streaming: 'body.stream', outputBound: { accepted: ['max_tokens'], preferred: 'max_tokens' }, modelOption: 'model', auditFields: audit, prompt: { user: ['prompt'] } },
    { path: 'embeddings.create', operation: 'embedding', modelOption: 'model', auditFields: { model: 'model', usage: 'usage' } },
    { path: 'images.generate', operation: 'image', modelOption: 'model' },
    { path: 'images.edit', operation: 'image', modelOption: 'model' },
    { path: 'images.createVariation', operation: 'image', modelOption: 'model' },
    { path: 'audio.transcriptions.create', operation: 'audio', modelOption: 'model' },
    { path: 'audio.translations.create', operation: 'audio', modelOption: 'model' },
    { path: 'audio.speech.create', operation: 'audio', modelOption: 'model' },
    { path: 'moderations.create', operation: 'moderation', modelOption: 'model' },
  ],
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
  structuredOutput: 'chat.completions.parse() or responses.parse() with zodResponseFormat / zodTextFormat',
  errorOptions: [],
  factsFrom: 'openai 7.5 client.d.ts: timeout 10 minutes, maxRetries 2',
};
