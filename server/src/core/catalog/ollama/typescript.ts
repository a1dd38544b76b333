import { body } from '../refs';
import type { SdkFacts } from '../types';

const model = body('model');
const bound = { accepted: [body('options.num_predict')], preferred: body('options.num_predict') };
const audit = { model: 'model', promptTokens: 'prompt_eval_count', outputTokens: 'eval_count' };

/** ollama (JS): the default export is a ready client; no retries, no timeout, no per-call signal. */
export const ollamaFacts: SdkFacts = {
  sdk: 'ollama',
  displayName: 'Ollama',
  modules: ['ollama', 'ollama/browser'],
  clients: [
    { exportName: 'default', displayName: 'ollama', instance: true, keyOptions: [], keyEnv: 'OLLAMA_HOST', provider: 'ollama' },
    { exportName: 'Ollama', displayName: 'Ollama', keyOptions: [], keyEnv: 'OLLAMA_HOST', provider: 'ollama' },
  ],
  clientApis: [
    { path: 'chat', operation: 'chat', streaming: 'body.stream', outputBound: bound, model, auditFields: audit, prompt: { messages: 'messages' } },
    { path: 'generate', operation: 'completion', streaming: 'body.stream', outputBound: bound, model, auditFields: audit, prompt: { user: ['prompt'], system: ['system'] } },
    { path: 'embed', operation: 'embedding', model },
    { path: 'embeddings', operation: 'embedding', model },
  ],
  functionApis: [],
  modelProviders: [],
  timeout: { durations: [], unit: 'ms', default: 'none', signals: [] },
  retries: { options: [], default: 0, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'format with a JSON schema, then a zod schema parse()',
  factsFrom: 'ollama-js: no timeout or retries; ollama.abort() ends every stream of the client',
};
