import { body, client } from '../refs';
import type { OutputBoundFacts, SdkFacts } from '../types';
import { stainlessTimeout } from '../stainless/python';

const bound: OutputBoundFacts = { accepted: [body('max_tokens')], preferred: body('max_tokens') };

/**
 * Zhipu AI (`zhipuai` v2): an OpenAI-style client (`ZhipuAI`), `timeout` (300 s read, 8 s connect) per call or
 * on the client, `max_retries` 3 on the client.
 */
export const zhipuaiPythonFacts: SdkFacts = {
  sdk: 'zhipuai',
  displayName: 'Zhipu AI',
  modules: ['zhipuai'],
  clients: [{ exportName: 'ZhipuAI', displayName: 'ZhipuAI', keyOptions: ['api_key'], keyEnv: 'ZHIPUAI_API_KEY', provider: 'zhipuai' }],
  clientApis: [
    { path: 'chat.completions.create', operation: 'chat', streaming: 'body.stream', outputBound: bound, model: body('model'), auditFields: { requestId: 'id', model: 'model', usage: 'usage' }, prompt: { messages: 'messages' } },
    { path: 'embeddings.create', operation: 'embedding', model: body('model'), auditFields: { model: 'model', usage: 'usage' } },
  ],
  functionApis: [],
  modelProviders: [],
  clientTransforms: {},
  timeout: stainlessTimeout(300),
  retries: { options: [client('max_retries')], default: 3, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'response_format={"type": "json_object"} then a pydantic model_validate',
  factsFrom: 'zhipuai-sdk-python-v4 core/_constants.py: ZHIPUAI_DEFAULT_TIMEOUT 300 s (connect 8 s), ZHIPUAI_DEFAULT_MAX_RETRIES 3',
};
