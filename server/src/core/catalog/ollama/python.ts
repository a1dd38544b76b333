import { body, client } from '../refs';
import type { SdkFacts } from '../types';

const bound = { accepted: [body('options.num_predict')], preferred: body('options.num_predict') };
const model = body('model');

/** ollama (Python): module functions or `Client(host, timeout)`; no timeout and no retries by default. */
export const ollamaPythonFacts: SdkFacts = {
  sdk: 'ollama',
  displayName: 'Ollama',
  modules: ['ollama'],
  clients: [
    { exportName: 'Client', displayName: 'ollama.Client', keyOptions: [], keyEnv: 'OLLAMA_HOST', provider: 'ollama' },
    { exportName: 'AsyncClient', displayName: 'ollama.AsyncClient', keyOptions: [], keyEnv: 'OLLAMA_HOST', provider: 'ollama' },
    { exportName: '*', displayName: 'ollama', instance: true, keyOptions: [], keyEnv: 'OLLAMA_HOST', provider: 'ollama' },
  ],
  clientApis: [
    { path: 'chat', operation: 'chat', streaming: 'body.stream', outputBound: bound, model, prompt: { messages: 'messages' } },
    { path: 'generate', operation: 'completion', streaming: 'body.stream', outputBound: bound, model, prompt: { user: ['prompt'], system: ['system'] } },
    { path: 'embed', operation: 'embedding', model },
    { path: 'embeddings', operation: 'embedding', model },
  ],
  functionApis: [],
  modelProviders: [],
  timeout: { durations: [client('timeout')], unit: 's', default: 'none', signals: [], clientFix: client('timeout') },
  retries: { options: [], default: 0, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'format=Model.model_json_schema(), then Model.model_validate_json',
  factsFrom: 'ollama-python: httpx without a timeout, no retries',
};
