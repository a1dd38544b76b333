import type { SdkFacts } from '../types';
import { key, openaiCompatiblePythonApis, openaiPythonFacts } from '../openai/python';
import { stainlessTimeout } from '../stainless/python';

/** groq (Python): OpenAI-compatible, `timeout` 60 s, `max_retries` 2. */
export const groqPythonFacts: SdkFacts = {
  ...openaiPythonFacts,
  sdk: 'groq',
  displayName: 'Groq',
  modules: ['groq'],
  clients: [key('Groq', 'GROQ_API_KEY', 'groq'), key('AsyncGroq', 'GROQ_API_KEY', 'groq')],
  clientApis: openaiCompatiblePythonApis.filter((api) => api.path.startsWith('chat.') || api.path.startsWith('audio.') || api.path === 'embeddings.create'),
  timeout: stainlessTimeout(60),
  structuredOutput: 'response_format={"type": "json_schema", …} then a pydantic model_validate',
  factsFrom: 'groq-python: timeout 60 s, max_retries 2',
};
