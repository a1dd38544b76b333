import { body, client, request } from '../refs';
import { stainlessTimeout } from '../stainless/typescript';
import type { ApiFacts, OutputBoundFacts, SdkFacts } from '../types';

const bound: OutputBoundFacts = { accepted: [body('max_tokens')], preferred: body('max_tokens') };
const model = body('model');
const audit = { requestId: 'id', model: 'model', usage: 'usage' };

const apis: ApiFacts[] = [
  { path: 'chat.completions.create', operation: 'chat', streaming: 'body.stream', outputBound: bound, model, auditFields: audit, prompt: { messages: 'messages' } },
  { path: 'chat.completions.stream', operation: 'chat', streaming: true, outputBound: bound, model, auditFields: audit, prompt: { messages: 'messages' } },
  { path: 'completions.create', operation: 'completion', streaming: 'body.stream', outputBound: bound, model, auditFields: audit, prompt: { user: ['prompt'] } },
  { path: 'embeddings.create', operation: 'embedding', model, auditFields: { model: 'model', usage: 'usage' } },
  { path: 'images.create', operation: 'image', model },
];

/** together-ai (Stainless-generated): `timeout` 1 minute and `maxRetries` 5 on the client or per request. */
export const togetherFacts: SdkFacts = {
  sdk: 'together',
  displayName: 'Together AI',
  modules: ['together-ai'],
  clients: ['default', 'Together'].map((exportName) => ({ exportName, displayName: 'Together', keyOptions: ['apiKey'], keyEnv: 'TOGETHER_API_KEY', provider: 'together' })),
  clientApis: apis,
  functionApis: [],
  modelProviders: [],
  clientTransforms: {},
  timeout: stainlessTimeout(60_000),
  retries: { options: [client('maxRetries'), request('maxRetries')], default: 5, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'response_format with a JSON schema, then a zod schema parse()',
  factsFrom: 'together-typescript src/index.ts: timeout 60000 ms (1 minute), maxRetries @default 5; chat.completions.create takes max_tokens; chat.completions.stream as llamacoder calls it',
};
