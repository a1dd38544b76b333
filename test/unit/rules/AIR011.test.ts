import { ruleTester } from '../ruleTester';

ruleTester('AIR011', {
  valid: [
    {
      name: 'tied to the request and errors handled',
      code: `import { streamText } from 'ai';
export async function POST(req: Request) {
  const { prompt } = await req.json();
  const result = streamText({ model: 'openai/gpt-4o', prompt, abortSignal: req.signal, onError: ({ error }) => console.error(error) });
  return result.toTextStreamResponse();
}
`,
    },
    {
      name: 'a signal combining the request and a timeout',
      code: `import { streamText } from 'ai';
export async function POST(request: Request) {
  const result = streamText({
    model: 'openai/gpt-4o',
    prompt: 'x',
    abortSignal: AbortSignal.any([request.signal, AbortSignal.timeout(30000)]),
    onError: ({ error }) => console.error(error),
  });
  return result.toTextStreamResponse();
}
`,
    },
    {
      name: 'outside a request handler only error handling is asked for',
      code: `import { streamText } from 'ai';
export const draft = (prompt: string) => streamText({ model: 'openai/gpt-4o', prompt, onError: ({ error }) => console.error(error) });
`,
    },
    {
      name: 'an OpenAI stream read inside try/catch in a script',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function print(prompt: string) {
  try {
    const stream = await openai.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: prompt }] });
    for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
  } catch {
    process.stdout.write('[stream failed]');
  }
}
`,
    },
    {
      name: 'a non-streaming call is not a stream',
      code: `import { generateText } from 'ai';
export async function POST(req: Request) {
  const { text } = await generateText({ model: 'openai/gpt-4o', prompt: await req.text() });
  return new Response(text);
}
`,
    },
  ],
  invalid: [
    {
      name: 'route handler stream: not tied to the request, errors unhandled',
      code: `import { streamText } from 'ai';
export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({
    model: 'openai/gpt-4o',
    messages,
  });
  return result.toTextStreamResponse();
}
`,
      errors: [{ messageId: 'notTiedUnhandled', line: 4, column: 18, endColumn: 28, data: { request: 'req', option: 'abortSignal', handle: 'pass onError' } }],
      fixTitles: [['Abort the stream when the client disconnects (req.signal)', 'Log stream errors (onError)']],
      output: `import { streamText } from 'ai';
export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({
    model: 'openai/gpt-4o',
    messages,
    abortSignal: req.signal,
  });
  return result.toTextStreamResponse();
}
`,
    },
    {
      name: 'a timeout-only signal is combined with the request signal',
      code: `import { streamText } from 'ai';
export async function POST(req: Request) {
  const result = streamText({ model: 'openai/gpt-4o', prompt: 'x', abortSignal: AbortSignal.timeout(30000), onError: ({ error }) => console.error(error) });
  return result.toTextStreamResponse();
}
`,
      errors: [{ messageId: 'notTied', line: 3 }],
      output: `import { streamText } from 'ai';
export async function POST(req: Request) {
  const result = streamText({ model: 'openai/gpt-4o', prompt: 'x', abortSignal: AbortSignal.any([req.signal, AbortSignal.timeout(30000)]), onError: ({ error }) => console.error(error) });
  return result.toTextStreamResponse();
}
`,
    },
    {
      name: 'outside a handler: the onError fix',
      code: `import { streamText } from 'ai';
export function draft(prompt: string) {
  return streamText({
    model: 'openai/gpt-4o',
    prompt,
  });
}
`,
      errors: [{ messageId: 'unhandledErrors', line: 3 }],
      output: `import { streamText } from 'ai';
export function draft(prompt: string) {
  return streamText({
    model: 'openai/gpt-4o',
    prompt,
    onError: ({ error }) => {
      console.error('ai.stream.failed', error);
    },
  });
}
`,
    },
    {
      name: 'OpenAI stream in a route: the request signal goes in the request options',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const stream = await openai.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [] });
  return new Response(stream.toReadableStream());
}
`,
      errors: [{ messageId: 'notTiedUnhandled', line: 4, data: { option: 'signal', handle: 'read it inside try/catch' } }],
      output: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const stream = await openai.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [] }, { signal: req.signal });
  return new Response(stream.toReadableStream());
}
`,
    },
  ],
});
