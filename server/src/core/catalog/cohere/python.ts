import { body, client } from '../refs';
import type { SdkFacts } from '../types';

const bound = { accepted: [body('max_tokens')], preferred: body('max_tokens') };
const model = body('model');

const key = (name: string) => ({ exportName: name, displayName: name, keyOptions: ['api_key'], keyEnv: 'CO_API_KEY', provider: 'cohere' });

/** cohere (Python): `timeout` 300 s on the client; `request_options` per call; 2 retries. */
export const coherePythonFacts: SdkFacts = {
  sdk: 'cohere',
  displayName: 'Cohere',
  modules: ['cohere'],
  clients: [key('ClientV2'), key('Client'), key('AsyncClientV2'), key('AsyncClient')],
  clientApis: [
    { path: 'chat', operation: 'chat', outputBound: bound, model, prompt: { messages: 'messages' } },
    { path: 'chat_stream', operation: 'chat', streaming: true, outputBound: bound, model, prompt: { messages: 'messages' } },
    { path: 'embed', operation: 'embedding', model },
    { path: 'rerank', operation: 'other', model },
  ],
  functionApis: [],
  modelProviders: [],
  timeout: { durations: [client('timeout'), body('request_options.timeout_in_seconds')], unit: 's', default: 300_000, signals: [], clientFix: client('timeout') },
  retries: { options: [body('request_options.max_retries')], default: 2, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'response_format={"type": "json_object", "schema": …}, then a pydantic model_validate',
  factsFrom: 'cohere-python: timeout 300 s, max_retries 2',
};
