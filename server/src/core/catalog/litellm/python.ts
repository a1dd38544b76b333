import { body, client } from '../refs';
import type { ApiFacts, SdkFacts } from '../types';

const bound = { accepted: [body('max_tokens'), body('max_completion_tokens')], preferred: body('max_tokens') };
const model = body('model');
const audit = { requestId: 'id', model: 'model', usage: 'usage' };
const chat = (path: string): ApiFacts => ({ path, operation: 'chat', streaming: 'body.stream', outputBound: bound, model, auditFields: audit, prompt: { messages: 'messages' } });
const apis: ApiFacts[] = [chat('completion'), chat('acompletion'), { path: 'embedding', operation: 'embedding', model }, { path: 'aembedding', operation: 'embedding', model }, { path: 'text_completion', operation: 'completion', outputBound: bound, model },
  { path: 'atext_completion', operation: 'completion', outputBound: bound, model },
  // The Responses API: `input` for the prompt, `max_output_tokens` for the bound.
  ...['responses', 'aresponses'].map((path): ApiFacts => ({ path, operation: 'chat', streaming: 'body.stream', outputBound: { accepted: [body('max_output_tokens')], preferred: body('max_output_tokens') }, model, auditFields: audit, prompt: { messages: 'input' } })),
];

/** litellm: module functions and `Router`; `timeout` 600 s, `num_retries` effectively 0, `fallbacks=` per call. */
export const litellmPythonFacts: SdkFacts = {
  sdk: 'litellm',
  displayName: 'LiteLLM',
  modules: ['litellm'],
  clients: [
    { exportName: 'Router', displayName: 'litellm.Router', keyOptions: [], keyEnv: 'OPENAI_API_KEY', provider: 'litellm' },
    { exportName: '*', displayName: 'litellm', instance: true, keyOptions: [], keyEnv: 'OPENAI_API_KEY', provider: 'litellm' },
  ],
  clientApis: apis,
  functionApis: apis,
  modelProviders: [],
  timeout: { durations: [body('timeout'), body('request_timeout'), client('timeout')], unit: 's', default: 600_000, signals: [], fix: { kind: 'duration', at: body('timeout') } },
  retries: { options: [body('num_retries'), body('max_retries'), client('num_retries')], default: 0, counts: 'retries' },
  auditOptions: ['metadata', 'success_callback'],
  errorOptions: ['failure_callback'],
  structuredOutput: 'response_format=Model (pydantic), then Model.model_validate_json',
  factsFrom: 'litellm docs: timeout 600 s, num_retries unset (unsure)',
};
