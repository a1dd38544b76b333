import { body, client } from '../refs';
import type { ApiFacts, SdkFacts } from '../types';

const bound = { accepted: [body('config.max_output_tokens')], preferred: body('config.max_output_tokens') };
const model = body('model');
const generate = (path: string, streaming: boolean): ApiFacts => ({ path, operation: 'chat', streaming, outputBound: bound, model, prompt: { user: ['contents'], system: ['config.system_instruction'] } });

/** google-genai: `http_options.timeout` (ms) and `retry_options` are unset by default: no timeout, no retries. */
export const googleGenAiPythonFacts: SdkFacts = {
  sdk: 'google-genai',
  displayName: 'Google GenAI',
  modules: ['google.genai'],
  clients: [{ exportName: 'Client', displayName: 'genai.Client', keyOptions: ['api_key'], keyEnv: 'GOOGLE_API_KEY', provider: 'google' }],
  clientApis: [
    generate('models.generate_content', false),
    generate('models.generate_content_stream', true),
    { path: 'models.embed_content', operation: 'embedding', model },
    { path: 'models.generate_images', operation: 'image', model },
  ],
  functionApis: [],
  modelProviders: [],
  timeout: { durations: [client('http_options.timeout'), body('config.http_options.timeout')], unit: 'ms', default: 'none', signals: [], clientFix: client('http_options.timeout') },
  retries: { options: [client('http_options.retry_options')], default: 0, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'config={"response_schema": Model, "response_mime_type": "application/json"}, then response.parsed',
  factsFrom: 'google-genai types.HttpOptions: timeout and retry_options unset by default',
};

const legacyBound = { accepted: [client('generation_config.max_output_tokens'), body('generation_config.max_output_tokens')], preferred: client('generation_config.max_output_tokens') };
const legacyModel = client('model_name');
const legacyGenerate = (path: string, streaming: boolean | 'body.stream'): ApiFacts => ({ path, operation: 'chat', streaming, outputBound: legacyBound, model: legacyModel, prompt: { argument: true } });

/**
 * google.generativeai (legacy): `genai.GenerativeModel(model_name, generation_config=…)`, then `generate_content`;
 * `request_options={"timeout": s, "retry": …}` per call, neither documented with a default.
 */
export const googleGenerativeAiPythonFacts: SdkFacts = {
  sdk: 'google-genai',
  displayName: 'Google Generative AI (legacy)',
  modules: ['google.generativeai', 'google.generativeai.generative_models'],
  clients: [{ exportName: 'GenerativeModel', displayName: 'genai.GenerativeModel', keyOptions: [], keyEnv: 'GOOGLE_API_KEY', provider: 'google' }],
  clientApis: [
    legacyGenerate('generate_content', 'body.stream'),
    legacyGenerate('generate_content_async', 'body.stream'),
    legacyGenerate('send_message', 'body.stream'),
    legacyGenerate('send_message_async', 'body.stream'),
  ],
  functionApis: [],
  modelProviders: [],
  // `model.start_chat(history=…)` is a chat session on the same model.
  clientTransforms: { start_chat: 'same' },
  timeout: { durations: [body('request_options.timeout')], unit: 's', default: 'unknown', signals: [], fix: { kind: 'duration', at: body('request_options.timeout') } },
  retries: { options: [body('request_options.retry')], default: 'unknown', counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'generation_config={"response_mime_type": "application/json", "response_schema": Model}',
  factsFrom: 'ai.google.dev google.generativeai.types.RequestOptions: retry and timeout (seconds), both default None',
};
