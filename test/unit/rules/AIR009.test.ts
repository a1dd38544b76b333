import { ruleTester } from '../ruleTester';

const header = `import OpenAI from 'openai';
const openai = new OpenAI();
`;

ruleTester('AIR009', {
  valid: [
    {
      name: 'request data in a user message',
      code: `${header}export async function POST(req: Request) {
  const { message } = await req.json();
  return openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'You answer billing questions.' },
      { role: 'user', content: message },
    ],
  });
}
`,
    },
    {
      name: 'a function parameter in the system prompt is not request data',
      code: `${header}export const translate = (text: string, targetLanguage: string) =>
  openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: \`Translate into \${targetLanguage}.\` },
      { role: 'user', content: text },
    ],
  });
`,
    },
    {
      name: 'a constant in the system prompt',
      code: `import { generateText } from 'ai';
const PRODUCT = 'Acme Cloud';
export const ask = (prompt: string) => generateText({ model: 'openai/gpt-4o', system: \`You support \${PRODUCT}.\`, prompt });
`,
    },
  ],
  invalid: [
    {
      name: 'a request field interpolated into the system message',
      code: `${header}export async function POST(req: Request) {
  const body = await req.json();
  return openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: \`You are the assistant of \${body.company}. Follow their policy.\` },
      { role: 'user', content: body.message },
    ],
  });
}
`,
      errors: [{ messageId: 'injected', line: 8, data: { text: 'body.company', role: 'system' } }],
    },
    {
      name: 'the whole system message from the request: demoted to a user message',
      code: `${header}export async function POST(req: Request) {
  const { persona, question } = await req.json();
  return openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: persona },
      { role: 'user', content: question },
    ],
  });
}
`,
      errors: [{ messageId: 'injected', line: 8, data: { text: 'persona', role: 'system' } }],
      fixTitles: [['Send it as a user message (role: "user")']],
      output: `${header}export async function POST(req: Request) {
  const { persona, question } = await req.json();
  return openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'user', content: persona },
      { role: 'user', content: question },
    ],
  });
}
`,
    },
    {
      name: 'Express req.body concatenated into a developer message',
      code: `${header}export async function handler(req: { body: { persona: string } }) {
  return openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'developer', content: 'Speak as ' + req.body.persona }],
  });
}
`,
      errors: [{ messageId: 'injected', line: 6, data: { text: 'req.body.persona', role: 'developer' } }],
    },
    {
      name: 'responses instructions from the query string',
      code: `${header}export async function GET(request: Request) {
  const tone = new URL(request.url).searchParams.get('tone');
  return openai.responses.create({ model: 'gpt-4o', instructions: \`Answer in a \${tone} tone.\`, input: 'Hello' });
}
`,
      errors: [{ messageId: 'injected', line: 5, data: { text: 'tone', role: 'system' } }],
    },
    {
      name: 'Vercel system option from the request body',
      code: `import { streamText } from 'ai';
export async function POST(req: Request) {
  const { system, messages } = await req.json();
  return streamText({ model: 'openai/gpt-4o', system, messages }).toTextStreamResponse();
}
`,
      errors: [{ messageId: 'injected', line: 4, data: { text: 'system' } }],
    },
  ],
});
