import { body } from '../refs';
import { stainlessRetries, stainlessTimeout } from '../stainless/typescript';
import type { ApiFacts, OutputBoundFacts, SdkFacts } from '../types';

const audit = { requestId: 'id', model: 'model', usage: 'usage' };
const model = body('model');
const prompt = { messages: 'messages', system: ['system'] };
const bound: OutputBoundFacts = { accepted: [body('max_tokens')], preferred: body('max_tokens') };

const messageApis = (prefix: string): ApiFacts[] => [
  { path: `${prefix}messages.create`, operation: 'chat', streaming: 'body.stream', outputBound: bound, model, auditFields: audit, prompt },
  { path: `${prefix}messages.stream`, operation: 'chat', streaming: true, outputBound: bound, model, prompt },
  { path: `${prefix}messages.parse`, operation: 'chat', outputBound: bound, model, auditFields: audit, prompt },
  { path: `${prefix}messages.batches.create`, operation: 'chat' },
];

/** @anthropic-ai/sdk (`Anthropic`); same option names and defaults as openai. */
export const anthropicFacts: SdkFacts = {
  sdk: 'anthropic',
  displayName: 'Anthropic',
  modules: ['@anthropic-ai/sdk'],
  clients: [
    { exportName: 'default', displayName: 'Anthropic', keyOptions: ['apiKey', 'authToken'], keyEnv: 'ANTHROPIC_API_KEY', provider: 'anthropic' },
    { exportName: 'Anthropic', displayName: 'Anthropic', keyOptions: ['apiKey', 'authToken'], keyEnv: 'ANTHROPIC_API_KEY', provider: 'anthropic' },
  ],
  clientApis: [...messageApis(''), ...messageApis('beta.')],
  functionApis: [],
  modelProviders: [],
  clientTransforms: { withOptions: 'options' },
  timeout: stainlessTimeout(600_000),
  retries: stainlessRetries,
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'a tool with an input_schema, or a zod schema parse() of the text',
  factsFrom: '@anthropic-ai/sdk client.d.ts: timeout 10 minutes, maxRetries 2, max_tokens required',
};
