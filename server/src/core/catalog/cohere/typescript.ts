import { body, request } from '../refs';
import type { SdkFacts } from '../types';

const model = body('model');
const bound = { accepted: [body('maxTokens')], preferred: body('maxTokens') };

/** cohere-ai 8 (`CohereClientV2`, `CohereClient`): per-request `timeoutInSeconds` (300 s), `maxRetries` (2). */
export const cohereFacts: SdkFacts = {
  sdk: 'cohere',
  displayName: 'Cohere',
  modules: ['cohere-ai'],
  clients: [
    { exportName: 'CohereClientV2', displayName: 'CohereClientV2', keyOptions: ['token'], keyEnv: 'CO_API_KEY', provider: 'cohere' },
    { exportName: 'CohereClient', displayName: 'CohereClient', keyOptions: ['token'], keyEnv: 'CO_API_KEY', provider: 'cohere' },
  ],
  clientApis: [
    { path: 'chat', operation: 'chat', outputBound: bound, model, auditFields: { requestId: 'id', usage: 'usage' }, prompt: { messages: 'messages' } },
    { path: 'chatStream', operation: 'chat', streaming: true, outputBound: bound, model, prompt: { messages: 'messages' } },
    { path: 'embed', operation: 'embedding', model },
    { path: 'rerank', operation: 'other', model },
  ],
  functionApis: [],
  modelProviders: [],
  timeout: {
    durations: [request('timeoutInSeconds')],
    unit: 's',
    default: 300_000,
    signals: [request('abortSignal')],
    fix: { kind: 'duration', at: request('timeoutInSeconds') },
  },
  retries: { options: [request('maxRetries')], default: 2, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'responseFormat with a JSON schema, then a zod schema parse()',
  factsFrom: 'cohere-ai 8: timeoutInSeconds 300, maxRetries 2 per request',
};
