import { body, client, request } from '../refs';
import type { ApiFacts, SdkFacts } from '../types';

const model = body('model');
const audit = { requestId: 'id', model: 'model', usage: 'usage' };
const prompt = { messages: 'messages' };
const bound = { accepted: [body('maxTokens')], preferred: body('maxTokens') };

const chatApis: ApiFacts[] = [
  { path: 'chat.complete', operation: 'chat', outputBound: bound, model, auditFields: audit, prompt },
  { path: 'chat.stream', operation: 'chat', streaming: true, outputBound: bound, model, prompt },
  { path: 'chat.parse', operation: 'chat', outputBound: bound, model, auditFields: audit, prompt },
  { path: 'fim.complete', operation: 'completion', outputBound: bound, model, auditFields: audit },
  { path: 'fim.stream', operation: 'completion', streaming: true, outputBound: bound, model },
  { path: 'agents.complete', operation: 'chat', outputBound: bound, auditFields: audit, prompt },
  { path: 'agents.stream', operation: 'chat', streaming: true, outputBound: bound, prompt },
  { path: 'embeddings.create', operation: 'embedding', model, auditFields: { model: 'model', usage: 'usage' } },
];

/** @mistralai/mistralai 2.x: no retries unless `retryConfig`/`retries` is set; `timeoutMs` defaults to 5 minutes. */
export const mistralFacts: SdkFacts = {
  sdk: 'mistral',
  displayName: 'Mistral',
  modules: ['@mistralai/mistralai'],
  clients: [{ exportName: 'Mistral', displayName: 'Mistral', keyOptions: ['apiKey'], keyEnv: 'MISTRAL_API_KEY', provider: 'mistral' }],
  clientApis: chatApis,
  functionApis: [],
  modelProviders: [],
  timeout: {
    durations: [client('timeoutMs'), request('timeoutMs')],
    unit: 'ms',
    default: 300_000,
    signals: [request('fetchOptions.signal')],
    fix: { kind: 'duration', at: request('timeoutMs') },
    clientFix: client('timeoutMs'),
  },
  retries: { options: [client('retryConfig'), request('retries')], default: 0, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'chat.parse() with a zod responseFormat',
  factsFrom: '@mistralai/mistralai 2.x: timeoutMs 300000, no retries by default',
};
