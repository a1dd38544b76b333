import { ruleTester } from '../ruleTester';

ruleTester('AIR007', {
  valid: [
    {
      name: 'key from the environment',
      code: `import OpenAI from 'openai';
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
`,
    },
    {
      name: 'no key given: the SDK reads its variable',
      code: `import Anthropic from '@anthropic-ai/sdk';
export const claude = new Anthropic();
`,
    },
    {
      name: 'placeholders from docs are not keys',
      code: `import OpenAI from 'openai';
export const a = new OpenAI({ apiKey: '' });
export const b = new OpenAI({ apiKey: 'YOUR_API_KEY' });
export const c = new OpenAI({ apiKey: '<your key>' });
export const d = new OpenAI({ apiKey: 'sk-...' });
export const e = new OpenAI({ apiKey: 'test-key' });
`,
    },
    {
      name: 'a key built at run time',
      code: `import OpenAI from 'openai';
declare function secret(name: string): string;
export const openai = new OpenAI({ apiKey: secret('openai') });
`,
    },
    {
      name: 'a let that may be reassigned is not a constant',
      code: `import OpenAI from 'openai';
let key = 'placeholder';
key = process.env.OPENAI_API_KEY ?? '';
export const openai = new OpenAI({ apiKey: key });
`,
    },
    {
      name: 'an apiKey option of something that is not an AI client',
      code: `class Mailer { constructor(readonly options: { apiKey: string }) {} }
export const mailer = new Mailer({ apiKey: 'SG.abcdefghijklmnop' });
`,
    },
    {
      name: 'a bearer token read from the environment',
      code: `export const ask = () =>
  fetch('https://api.openai.com/v1/embeddings', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
    body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }),
  });
`,
    },
    {
      name: 'a placeholder bearer token',
      code: `export const ask = () =>
  fetch('https://api.openai.com/v1/embeddings', { method: 'POST', headers: { Authorization: 'Bearer YOUR_API_KEY' }, body: '{}' });
`,
    },
    {
      name: 'the keys local servers ask for (Ollama, vLLM, LM Studio, llama.cpp) are not secrets',
      code: `import OpenAI from 'openai';
export const a = new OpenAI({ apiKey: 'ollama', baseURL: process.env.LLM_URL });
export const b = new OpenAI({ apiKey: 'EMPTY' });
export const c = new OpenAI({ apiKey: 'lm-studio' });
export const d = new OpenAI({ apiKey: 'sk-no-key-required' });
`,
    },
    {
      name: 'any dummy key for a server on this machine',
      code: `import OpenAI from 'openai';
export const local = new OpenAI({ apiKey: 'anything-goes', baseURL: 'http://localhost:8000/v1' });
export const docker = new OpenAI({ apiKey: 'abc', baseURL: 'http://host.docker.internal:11434/v1' });
export const loopback = new OpenAI({ apiKey: 'secret', baseURL: 'http://127.0.0.1:1234/v1' });
`,
    },
  ],
  invalid: [
    {
      name: 'a real key stays a secret when the client talks to a local proxy',
      code: `import OpenAI from 'openai';
export const openai = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789', baseURL: 'http://localhost:4000' });
`,
      errors: [{ messageId: 'hardcoded', line: 2, column: 44 }],
      fixTitles: [['Read the key from the OPENAI_API_KEY environment variable']],
      output: `import OpenAI from 'openai';
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, baseURL: 'http://localhost:4000' });
`,
    },
    {
      name: 'a dummy-looking key for a remote server is still reported',
      code: `import OpenAI from 'openai';
export const openai = new OpenAI({ apiKey: 'abc', baseURL: 'https://llm.example.com/v1' });
`,
      errors: [{ messageId: 'hardcoded', line: 2, column: 44 }],
      fixTitles: [['Read the key from the OPENAI_API_KEY environment variable']],
      output: `import OpenAI from 'openai';
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, baseURL: 'https://llm.example.com/v1' });
`,
    },
    {
      name: 'OpenAI key literal',
      code: `import OpenAI from 'openai';
export const openai = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789' });
`,
      errors: [{ messageId: 'hardcoded', line: 2, column: 44, endColumn: 90, data: { env: 'OPENAI_API_KEY' } }],
      fixTitles: [['Read the key from the OPENAI_API_KEY environment variable']],
      output: `import OpenAI from 'openai';
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
`,
    },
    {
      name: 'Anthropic key held in a constant: fixed where the literal is',
      code: `import Anthropic from '@anthropic-ai/sdk';
const ANTHROPIC_KEY = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz-AA';
export const claude = new Anthropic({ apiKey: ANTHROPIC_KEY });
`,
      errors: [{ messageId: 'hardcoded', line: 2, column: 23, data: { env: 'ANTHROPIC_API_KEY' } }],
      output: `import Anthropic from '@anthropic-ai/sdk';
const ANTHROPIC_KEY = process.env.ANTHROPIC_API_KEY;
export const claude = new Anthropic({ apiKey: ANTHROPIC_KEY });
`,
    },
    {
      name: 'Azure key of no particular shape',
      code: `import { AzureOpenAI } from 'openai';
export const azure = new AzureOpenAI({
  apiKey: '3f8c2a9d71e44b0c9a5e6f1d2b3c4a5e',
  endpoint: 'https://acme.openai.azure.com',
  apiVersion: '2024-10-21',
});
`,
      errors: [{ messageId: 'hardcoded', line: 3, data: { env: 'AZURE_OPENAI_API_KEY' } }],
      output: `import { AzureOpenAI } from 'openai';
export const azure = new AzureOpenAI({
  apiKey: process.env.AZURE_OPENAI_API_KEY,
  endpoint: 'https://acme.openai.azure.com',
  apiVersion: '2024-10-21',
});
`,
    },
    {
      name: 'Vercel provider factory with a key',
      code: `import { createOpenAI } from '@ai-sdk/openai';
export const provider = createOpenAI({ apiKey: 'sk-abcdefghijklmnopqrstuvwxyz012345' });
`,
      errors: [{ messageId: 'hardcoded', line: 2, data: { client: 'createOpenAI' } }],
      output: `import { createOpenAI } from '@ai-sdk/openai';
export const provider = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
`,
    },
    {
      name: 'a template literal without substitutions is still a literal',
      code: 'import OpenAI from \'openai\';\nexport const openai = new OpenAI({ apiKey: `sk-proj-abcdefghijklmnopqrstuvwxyz` });\n',
      errors: [{ messageId: 'hardcoded', line: 2 }],
      output: `import OpenAI from 'openai';
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
`,
    },
    {
      name: 'a bearer token written into a fetch header keeps its scheme',
      code: `export const ask = () =>
  fetch('https://api.openai.com/v1/embeddings', {
    method: 'POST',
    headers: { Authorization: 'Bearer sk-proj-abcdefghijklmnopqrstuvwxyz0123456789' },
    body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }),
  });
`,
      errors: [{ messageId: 'hardcoded', line: 4, data: { option: 'Authorization', env: 'OPENAI_API_KEY' } }],
      output: `export const ask = () =>
  fetch('https://api.openai.com/v1/embeddings', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
    body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }),
  });
`,
    },
  ],
});
