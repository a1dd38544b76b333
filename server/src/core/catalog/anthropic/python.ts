import { body } from '../refs';
import type { ApiFacts, SdkFacts } from '../types';
import { stainlessRetries, stainlessTimeout, stainlessTransforms } from '../stainless/python';

const bound = { accepted: [body('max_tokens')], preferred: body('max_tokens') };
const model = body('model');
const audit = { requestId: 'id', model: 'model', usage: 'usage' };
const prompt = { messages: 'messages', system: ['system'] };

const messages = (prefix: string): ApiFacts[] => [
  { path: `${prefix}messages.create`, operation: 'chat', streaming: 'body.stream', outputBound: bound, model, auditFields: audit, prompt },
  { path: `${prefix}messages.stream`, operation: 'chat', streaming: true, outputBound: bound, model, auditFields: audit, prompt },
  { path: `${prefix}messages.parse`, operation: 'chat', outputBound: bound, model, auditFields: audit, prompt },
];

const key = (name: string) => ({ exportName: name, displayName: name, keyOptions: ['api_key'], keyEnv: 'ANTHROPIC_API_KEY', provider: 'anthropic' });

/** anthropic (Python): `timeout` 600 s, `max_retries` 2, `max_tokens` required. */
export const anthropicPythonFacts: SdkFacts = {
  sdk: 'anthropic',
  displayName: 'Anthropic',
  modules: ['anthropic'],
  clients: [
    key('Anthropic'),
    key('AsyncAnthropic'),
    // `anthropic.Client` / `AsyncClient`: aliases of the two above.
    key('Client'),
    key('AsyncClient'),
    { exportName: 'AnthropicBedrock', displayName: 'AnthropicBedrock', keyOptions: ['aws_secret_key'], keyEnv: 'AWS_SECRET_ACCESS_KEY', provider: 'bedrock' },
    { exportName: 'AsyncAnthropicBedrock', displayName: 'AsyncAnthropicBedrock', keyOptions: ['aws_secret_key'], keyEnv: 'AWS_SECRET_ACCESS_KEY', provider: 'bedrock' },
    { exportName: 'AnthropicVertex', displayName: 'AnthropicVertex', keyOptions: [], keyEnv: 'GOOGLE_APPLICATION_CREDENTIALS', provider: 'vertex' },
    { exportName: 'AsyncAnthropicVertex', displayName: 'AsyncAnthropicVertex', keyOptions: [], keyEnv: 'GOOGLE_APPLICATION_CREDENTIALS', provider: 'vertex' },
  ],
  clientApis: [
    ...messages(''),
    ...messages('beta.'),
    { path: 'messages.batches.create', operation: 'chat' },
  ],
  functionApis: [],
  modelProviders: [],
  clientTransforms: stainlessTransforms,
  timeout: stainlessTimeout(600),
  retries: stainlessRetries,
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'a tool with an input schema, or messages.parse(output_format=Model), then pydantic validation',
  factsFrom: 'anthropic-python _constants.py: timeout 600 s, max_retries 2',
};
