import { body } from '../refs';
import { stainlessRetries, stainlessTimeout } from '../stainless/typescript';
import type { ApiFacts, OutputBoundFacts, SdkFacts } from '../types';

const audit = { requestId: 'id', model: 'model', usage: 'usage' };
const model = body('model');
const chatPrompt = { messages: 'messages' };
const responsesPrompt = { messages: 'input', system: ['instructions'] };
const chatBound: OutputBoundFacts = { accepted: [body('max_completion_tokens'), body('max_tokens')], preferred: body('max_completion_tokens') };
const responsesBound: OutputBoundFacts = { accepted: [body('max_output_tokens')], preferred: body('max_output_tokens') };

const chatApis = (prefix: string): ApiFacts[] => [
  { path: `${prefix}chat.completions.create`, operation: 'chat', streaming: 'body.stream', outputBound: chatBound, model, auditFields: audit, prompt: chatPrompt },
  { path: `${prefix}chat.completions.parse`, operation: 'chat', outputBound: chatBound, model, auditFields: audit, prompt: chatPrompt },
  { path: `${prefix}chat.completions.stream`, operation: 'chat', streaming: true, outputBound: chatBound, model, auditFields: audit, prompt: chatPrompt },
  { path: `${prefix}chat.completions.runTools`, operation: 'chat', outputBound: chatBound, model, auditFields: audit, prompt: chatPrompt },
];

/** The OpenAI-compatible API surface, shared by `openai` and `groq-sdk`. */
export const openaiCompatibleApis: ApiFacts[] = [
  ...chatApis(''),
  ...chatApis('beta.'),
  { path: 'responses.create', operation: 'chat', streaming: 'body.stream', outputBound: responsesBound, model, auditFields: audit, prompt: responsesPrompt },
  { path: 'responses.parse', operation: 'chat', outputBound: responsesBound, model, auditFields: audit, prompt: responsesPrompt },
  { path: 'responses.stream', operation: 'chat', streaming: true, outputBound: responsesBound, model, auditFields: audit, prompt: responsesPrompt },
  // Compaction: a model request that returns a smaller context window (no output bound to set).
  { path: 'responses.compact', operation: 'chat', model, prompt: responsesPrompt },
  { path: 'completions.create', operation: 'completion', streaming: 'body.stream', outputBound: { accepted: [body('max_tokens')], preferred: body('max_tokens') }, model, auditFields: audit, prompt: { user: ['prompt'] } },
  { path: 'embeddings.create', operation: 'embedding', model, auditFields: { model: 'model', usage: 'usage' } },
  { path: 'images.generate', operation: 'image', model },
  { path: 'images.edit', operation: 'image', model },
  { path: 'images.createVariation', operation: 'image', model },
  { path: 'audio.transcriptions.create', operation: 'audio', model },
  { path: 'audio.translations.create', operation: 'audio', model },
  { path: 'audio.speech.create', operation: 'audio', model },
  { path: 'moderations.create', operation: 'moderation', model },
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
  clientApis: openaiCompatibleApis,
  functionApis: [],
  modelProviders: [],
  clientTransforms: { withOptions: 'options' },
  timeout: stainlessTimeout(600_000),
  retries: stainlessRetries,
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'chat.completions.parse() or responses.parse() with zodResponseFormat / zodTextFormat',
  factsFrom: 'openai 7.5 client.d.ts: timeout 10 minutes, maxRetries 2',
};
