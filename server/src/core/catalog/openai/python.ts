import { body } from '../refs';
import type { ApiFacts, OutputBoundFacts, SdkFacts } from '../types';
import { stainlessRetries, stainlessTimeout, stainlessTransforms } from '../stainless/python';

const audit = { requestId: 'id', model: 'model', usage: 'usage' };
const model = body('model');
const chatPrompt = { messages: 'messages' };
const chatBound: OutputBoundFacts = { accepted: [body('max_completion_tokens'), body('max_tokens')], preferred: body('max_completion_tokens') };
const responsesBound: OutputBoundFacts = { accepted: [body('max_output_tokens')], preferred: body('max_output_tokens') };

const chat = (prefix: string): ApiFacts[] => [
  { path: `${prefix}chat.completions.create`, operation: 'chat', streaming: 'body.stream', outputBound: chatBound, model, auditFields: audit, prompt: chatPrompt },
  { path: `${prefix}chat.completions.parse`, operation: 'chat', outputBound: chatBound, model, auditFields: audit, prompt: chatPrompt },
  { path: `${prefix}chat.completions.stream`, operation: 'chat', streaming: true, outputBound: chatBound, model, auditFields: audit, prompt: chatPrompt },
];

/** The OpenAI-compatible Python surface, shared by `openai` and `groq`. */
export const openaiCompatiblePythonApis: ApiFacts[] = [
  ...chat(''),
  ...chat('beta.'),
  { path: 'responses.create', operation: 'chat', streaming: 'body.stream', outputBound: responsesBound, model, auditFields: audit, prompt: { messages: 'input', system: ['instructions'] } },
  { path: 'responses.parse', operation: 'chat', outputBound: responsesBound, model, auditFields: audit, prompt: { messages: 'input', system: ['instructions'] } },
  { path: 'responses.stream', operation: 'chat', streaming: true, outputBound: responsesBound, model, auditFields: audit, prompt: { messages: 'input', system: ['instructions'] } },
  // Compaction: a model request that returns a smaller context window (no output bound to set).
  { path: 'responses.compact', operation: 'chat', model, prompt: { messages: 'input', system: ['instructions'] } },
  { path: 'completions.create', operation: 'completion', streaming: 'body.stream', outputBound: { accepted: [body('max_tokens')], preferred: body('max_tokens') }, model, auditFields: audit, prompt: { user: ['prompt'] } },
  { path: 'embeddings.create', operation: 'embedding', model, auditFields: { model: 'model', usage: 'usage' } },
  { path: 'images.generate', operation: 'image', model },
  { path: 'images.edit', operation: 'image', model },
  { path: 'images.create_variation', operation: 'image', model },
  { path: 'audio.transcriptions.create', operation: 'audio', model },
  { path: 'audio.translations.create', operation: 'audio', model },
  { path: 'audio.speech.create', operation: 'audio', model },
  { path: 'moderations.create', operation: 'moderation', model },
];

export const key = (name: string, keyEnv: string, provider: string) => ({ exportName: name, displayName: name, keyOptions: ['api_key'], keyEnv, provider });

/** openai (Python) 1.x–3.x: `timeout` seconds (600), `max_retries` 2; the module itself is a default client. */
export const openaiPythonFacts: SdkFacts = {
  sdk: 'openai',
  displayName: 'OpenAI',
  modules: ['openai'],
  clients: [
    key('OpenAI', 'OPENAI_API_KEY', 'openai'),
    key('AsyncOpenAI', 'OPENAI_API_KEY', 'openai'),
    key('AzureOpenAI', 'AZURE_OPENAI_API_KEY', 'azure-openai'),
    key('AsyncAzureOpenAI', 'AZURE_OPENAI_API_KEY', 'azure-openai'),
    // `openai.Client` and `openai.AsyncClient` are the same classes under their older names.
    key('Client', 'OPENAI_API_KEY', 'openai'),
    key('AsyncClient', 'OPENAI_API_KEY', 'openai'),
    { exportName: '*', displayName: 'openai', instance: true, keyOptions: [], keyEnv: 'OPENAI_API_KEY', provider: 'openai' },
  ],
  clientApis: openaiCompatiblePythonApis,
  functionApis: [],
  modelProviders: [],
  clientTransforms: stainlessTransforms,
  timeout: stainlessTimeout(600),
  retries: stainlessRetries,
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'client.chat.completions.parse(response_format=Model) or responses.parse(text_format=Model) with a pydantic model',
  factsFrom: 'openai-python _base_client.py: timeout 600 s, max_retries 2',
};
