import { openaiCompatibleApis } from '../openai/typescript';
import { stainlessRetries, stainlessTimeout } from '../stainless/typescript';
import type { SdkFacts } from '../types';

/** groq-sdk 1.x: the OpenAI client shape with a 60 s default timeout. */
export const groqFacts: SdkFacts = {
  sdk: 'groq',
  displayName: 'Groq',
  modules: ['groq-sdk'],
  clients: [
    { exportName: 'default', displayName: 'Groq', keyOptions: ['apiKey'], keyEnv: 'GROQ_API_KEY', provider: 'groq' },
    { exportName: 'Groq', displayName: 'Groq', keyOptions: ['apiKey'], keyEnv: 'GROQ_API_KEY', provider: 'groq' },
  ],
  clientApis: openaiCompatibleApis,
  functionApis: [],
  modelProviders: [],
  clientTransforms: { withOptions: 'options' },
  timeout: stainlessTimeout(60_000),
  retries: stainlessRetries,
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'response_format with a JSON schema, then a zod schema parse()',
  factsFrom: 'groq-sdk 1.x: timeout 60 s, maxRetries 2',
};
