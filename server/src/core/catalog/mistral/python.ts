import { body, client } from '../refs';
import type { ApiFacts, SdkFacts } from '../types';

const bound = { accepted: [body('max_tokens')], preferred: body('max_tokens') };
const model = body('model');
const chat = (path: string, streaming: boolean): ApiFacts => ({ path, operation: 'chat', streaming, outputBound: bound, model, auditFields: { requestId: 'id', model: 'model', usage: 'usage' }, prompt: { messages: 'messages' } });

/** mistralai 1.x/2.x: `timeout_ms` (300 000 in 2.x), no retries unless `retry_config` or `retries` is given. */
export const mistralPythonFacts: SdkFacts = {
  sdk: 'mistral',
  displayName: 'Mistral',
  modules: ['mistralai', 'mistralai.client'],
  clients: [{ exportName: 'Mistral', displayName: 'Mistral', keyOptions: ['api_key'], keyEnv: 'MISTRAL_API_KEY', provider: 'mistral' }],
  clientApis: [
    chat('chat.complete', false),
    chat('chat.complete_async', false),
    chat('chat.stream', true),
    chat('chat.stream_async', true),
    chat('chat.parse', false),
    chat('fim.complete', false),
    chat('agents.complete', false),
    { path: 'embeddings.create', operation: 'embedding', model },
    { path: 'embeddings.create_async', operation: 'embedding', model },
  ],
  functionApis: [],
  modelProviders: [],
  timeout: { durations: [client('timeout_ms'), body('timeout_ms')], unit: 'ms', default: 300_000, signals: [], fix: { kind: 'duration', at: body('timeout_ms') }, clientFix: client('timeout_ms') },
  retries: { options: [client('retry_config'), body('retries')], default: 0, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'client.chat.parse(response_format=Model)',
  factsFrom: 'mistralai 2.x: timeout_ms 300 000, no retries by default',
};
