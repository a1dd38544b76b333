import { body, client } from '../refs';
import type { ApiFacts, SdkFacts } from '../types';

const model = body('model');
const chat = (path: string): ApiFacts => ({
  path,
  operation: 'chat',
  streaming: 'body.stream',
  outputBound: { accepted: [body('max_tokens')], preferred: body('max_tokens') },
  model,
  prompt: { messages: 'messages' },
});

/**
 * huggingface_hub InferenceClient / AsyncInferenceClient: `timeout` (seconds) on the constructor defaults to None,
 * which loops until the server answers; the client does not retry failed requests.
 */
export const huggingfacePythonFacts: SdkFacts = {
  sdk: 'huggingface',
  displayName: 'Hugging Face Inference',
  modules: ['huggingface_hub', 'huggingface_hub.inference._client'],
  clients: [
    { exportName: 'InferenceClient', displayName: 'InferenceClient', keyOptions: ['token', 'api_key'], keyEnv: 'HF_TOKEN', provider: 'huggingface' },
    { exportName: 'AsyncInferenceClient', displayName: 'AsyncInferenceClient', keyOptions: ['token', 'api_key'], keyEnv: 'HF_TOKEN', provider: 'huggingface' },
  ],
  clientApis: [
    chat('chat_completion'),
    chat('chat.completions.create'),
    {
      path: 'text_generation',
      operation: 'completion',
      streaming: 'body.stream',
      outputBound: { accepted: [body('max_new_tokens')], preferred: body('max_new_tokens') },
      model,
      prompt: { argument: true },
    },
    { path: 'feature_extraction', operation: 'embedding', model },
  ],
  functionApis: [],
  modelProviders: [],
  timeout: { durations: [client('timeout')], unit: 's', default: 'none', signals: [], clientFix: client('timeout') },
  retries: { options: [], default: 0, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'chat_completion(..., response_format={"type": "json_schema", ...})',
  factsFrom: 'huggingface_hub inference/_client.py: timeout None by default ("loop until the server is available"); token/api_key; no retries',
};
