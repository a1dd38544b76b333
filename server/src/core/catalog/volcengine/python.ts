import { body } from '../refs';
import type { OutputBoundFacts, SdkFacts } from '../types';
import { stainlessRetries, stainlessTimeout, stainlessTransforms } from '../stainless/python';

const bound: OutputBoundFacts = { accepted: [body('max_tokens')], preferred: body('max_tokens') };
const audit = { requestId: 'id', model: 'model', usage: 'usage' };

/**
 * Volcengine Ark (`volcenginesdkarkruntime`, from `volcengine-python-sdk[ark]`): a Stainless-generated client
 * with the OpenAI-style chat surface; `timeout` per call or on the client, `max_retries` on the client.
 */
export const volcengineArkPythonFacts: SdkFacts = {
  sdk: 'volcengine-ark',
  displayName: 'Volcengine Ark',
  modules: ['volcenginesdkarkruntime'],
  clients: ['Ark', 'AsyncArk'].map((name) => ({ exportName: name, displayName: name, keyOptions: ['api_key', 'ak', 'sk'], keyEnv: 'ARK_API_KEY', provider: 'volcengine-ark' })),
  clientApis: [
    { path: 'chat.completions.create', operation: 'chat', streaming: 'body.stream', outputBound: bound, model: body('model'), auditFields: audit, prompt: { messages: 'messages' } },
    { path: 'embeddings.create', operation: 'embedding', model: body('model'), auditFields: { model: 'model', usage: 'usage' } },
  ],
  functionApis: [],
  modelProviders: [],
  clientTransforms: stainlessTransforms,
  timeout: stainlessTimeout(600),
  retries: stainlessRetries,
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'response_format={"type": "json_schema", …} then a pydantic model_validate',
  factsFrom: 'volcengine-python-sdk volcenginesdkarkruntime/_constants.py: timeout 600 s, max_retries 2 (releases before 1.0: 60 s and 1); chat.completions.create takes max_tokens and timeout',
};
