import { ruleTester } from '../ruleTester';

const header = `import OpenAI from 'openai';
const openai = new OpenAI();
`;

ruleTester('AIR004', {
  valid: [
    {
      name: 'a callback written after the call logs its usage once the stream is done',
      code: `${header}const span = { log: (_event: Record<string, unknown>) => undefined };
export function answer(text: string) {
  const stream = openai.chat.completions.stream({ model: 'gpt-4o', max_tokens: 500, messages: [{ role: 'user', content: text }] });
  stream.finalChatCompletion().then((completion) => {
    const usage = completion.usage;
    span.log({ output: completion.choices[0].message.content, metrics: { tokens: usage?.total_tokens ?? 0 } });
  });
  return stream;
}
`,
    },
    {
      name: 'an Inngest inference step is traced by Inngest with its input, output and tokens',
      code: `export async function summarize(step: any, text: string) {
  return step.ai.infer('summarize', { model: { format: 'openai-chat', url: 'https://api.openai.com/v1/chat/completions' }, body: { model: 'gpt-4o', messages: [{ role: 'user', content: text }] } });
}
`,
      typecheck: false,
    },
    {
      name: 'a usage log, then a check that throws further on: the log records the request',
      code: `${header}const logger = { info: (..._args: unknown[]) => undefined };
export async function answer(text: string) {
  const res = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  logger.info('completion', { usage: res.usage });
  if (res.choices.length > 0) return res.choices[0].message.content;
  throw new Error('empty');
}
`,
    },
    {
      name: 'a logger in a private field records the response built from the result',
      code: `${header}export class Summarizer {
  #logger = { debug: (..._args: unknown[]) => undefined };
  async summarize(text: string) {
    const result = await openai.responses.create({ model: 'gpt-4o', input: text });
    const response = { id: result.id, text: result.output_text };
    this.#logger.debug('Response:', JSON.stringify(response));
    return response;
  }
}
`,
    },
    {
      name: 'a Braintrust span logs the output and token usage',
      code: `${header}interface Span { log(event: Record<string, unknown>): void }
export async function title(prompt: string, span?: Span) {
  const response = await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 24, messages: [{ role: 'user', content: prompt }] });
  const usage = response.usage ?? undefined;
  span?.log({ output: response.choices[0].message.content, metrics: { tokens: usage?.total_tokens ?? 0 } });
  return response.choices[0].message.content;
}
`,
    },
    {
      name: 'pino-style log of the result',
      code: `${header}const logger = { info: (..._args: unknown[]) => undefined };
export async function ask(text: string) {
  const res = await openai.responses.create({ model: 'gpt-4o', input: text });
  logger.info({ requestId: res.id, usage: res.usage }, 'ai.request');
  return res.output_text;
}
`,
    },
    {
      name: 'console log of destructured usage (Vercel)',
      code: `import { generateText } from 'ai';
export async function ask(prompt: string) {
  const { text, usage } = await generateText({ model: 'openai/gpt-4o', prompt });
  console.info('ai.ask', { usage });
  return text;
}
`,
    },
    {
      name: 'AI SDK 7 telemetry settings record every request',
      code: `import { generateText } from 'ai';
export const title = (prompt: string) => generateText({ model: 'openai/gpt-4o', prompt, telemetry: { functionId: 'title' } });
`,
    },
    {
      name: 'Vercel onFinish records every request',
      code: `import { streamText } from 'ai';
export const chat = (prompt: string) => streamText({ model: 'openai/gpt-4o', prompt, onFinish: ({ usage }) => console.info(usage) });
`,
    },
    {
      name: 'a project logger named in config',
      config: { audit: { loggers: ['audit.record'], call: 'audit.record', style: 'object-first' } },
      code: `${header}declare const audit: { record(entry: object): void };
export async function ask(text: string) {
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  audit.record({ r });
  return r;
}
`,
    },
    {
      name: 'the OpenAI Agents SDK traces every run by default',
      code: `import { Agent, run } from '@openai/agents';
const agent = new Agent({ name: 'triage', instructions: 'Route the ticket.', model: 'gpt-4.1-2025-04-14' });
export async function triage(text: string) {
  const result = await run(agent, text);
  return result.finalOutput;
}
`,
    },
    {
      name: 'a function traced by LangSmith records its model call',
      code: `${header}import { traceable } from 'langsmith/traceable';
async function summarizeFunc(text: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  return completion.choices[0].message.content;
}
export const summarize = traceable(summarizeFunc, { name: 'summarize' });
`,
    },
    {
      name: 'an Inngest step.ai.wrap callback is traced with its prompt and tokens',
      code: `import { generateText } from 'ai';
export async function outline(topic: string, step: any) {
  return step?.ai.wrap('outline', async () => {
    const { text } = await generateText({ model: 'openai/gpt-4o', prompt: topic });
    return text;
  });
}
`,
    },
    {
      name: 'the awaited result of a request started earlier is logged',
      code: `${header}const logger = { debug: (..._args: unknown[]) => undefined };
export async function complete(text: string) {
  const pending = openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  let completion: OpenAI.Chat.Completions.ChatCompletion;
  completion = await pending;
  logger.debug('Response received', completion);
  return completion.choices[0].message.content;
}
`,
    },
    {
      name: 'each chunk of a stream iterated in place is logged',
      code: `${header}export async function* stream(text: string) {
  for await (const chunk of await openai.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: text }] })) {
    console.debug('chunk', chunk);
    yield chunk.choices[0]?.delta?.content ?? '';
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a log right before a throw reports the failure, not the request',
      code: `${header}export async function reflect(text: string) {
  const result = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  const call = result.choices[0].message.tool_calls?.[0];
  if (!call) {
    console.error('FAILED TO GENERATE TOOL CALL', result);
    throw new Error('Reflection tool call failed.');
  }
  return call;
}
`,
      errors: [{ messageId: 'missing', line: 4 }],
      output: `${header}export async function reflect(text: string) {
  const result = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  console.info('ai.request', { requestId: result.id, model: result.model, usage: result.usage });
  const call = result.choices[0].message.tool_calls?.[0];
  if (!call) {
    console.error('FAILED TO GENERATE TOOL CALL', result);
    throw new Error('Reflection tool call failed.');
  }
  return call;
}
`,
    },
    {
      name: 'a runner with tracing turned off records nothing',
      code: `import { Agent, Runner } from '@openai/agents';
const agent = new Agent({ name: 'triage', instructions: 'Route the ticket.', model: 'gpt-4.1-2025-04-14' });
const runner = new Runner({ tracingDisabled: true });
export async function triage(text: string) {
  const result = await runner.run(agent, text);
  return result.finalOutput;
}
`,
      errors: [{ messageId: 'missing', line: 5 }],
    },
    {
      name: 'a callback given to a step that does not trace it',
      code: `import { generateText } from 'ai';
export async function outline(topic: string, step: any) {
  return step.run('outline', async () => {
    const { text } = await generateText({ model: 'openai/gpt-4o', prompt: topic });
    return text;
  });
}
`,
      errors: [{ messageId: 'missing', line: 4 }],
    },
    {
      name: 'nothing logged: the fix records id, model and usage',
      code: `${header}export async function summarize(text: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  return completion.choices[0].message.content;
}
`,
      errors: [{ messageId: 'missing', line: 4, data: { where: 'summarize()' } }],
      fixTitles: [['Log the request after this call (requestId, model, usage)']],
      output: `${header}export async function summarize(text: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  console.info('ai.request', { requestId: completion.id, model: completion.model, usage: completion.usage });
  return completion.choices[0].message.content;
}
`,
    },
    {
      name: 'a log before the call does not record it',
      code: `${header}export async function ask(text: string) {
  console.info('asking', { text });
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  return r.output_text;
}
`,
      errors: [{ messageId: 'missing', line: 5 }],
      output: `${header}export async function ask(text: string) {
  console.info('asking', { text });
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  console.info('ai.request', { requestId: r.id, model: r.model, usage: r.usage });
  return r.output_text;
}
`,
    },
    {
      name: 'the configured logger, object-first, when it is in scope',
      config: { audit: { loggers: [], call: 'logger.info', style: 'object-first' } },
      code: `import Anthropic from '@anthropic-ai/sdk';
const logger = { info: (..._args: unknown[]) => undefined };
const claude = new Anthropic();
export async function tag(note: string) {
  const message = await claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 50, messages: [{ role: 'user', content: note }] });
  return message.content;
}
`,
      errors: [{ messageId: 'missing', line: 5 }],
      output: `import Anthropic from '@anthropic-ai/sdk';
const logger = { info: (..._args: unknown[]) => undefined };
const claude = new Anthropic();
export async function tag(note: string) {
  const message = await claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 50, messages: [{ role: 'user', content: note }] });
  logger.info({ requestId: message.id, model: message.model, usage: message.usage }, 'ai.request');
  return message.content;
}
`,
    },
    {
      name: 'the configured logger is not in scope: the fix falls back to the console',
      config: { audit: { loggers: [], call: 'logger.info', style: 'object-first' } },
      code: `${header}export async function embed(text: string) {
  const result = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  return result.data[0].embedding;
}
`,
      errors: [{ messageId: 'missing', line: 4 }],
      fixTitles: [['Log the request after this call (model, usage)']],
      output: `${header}export async function embed(text: string) {
  const result = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  console.info('ai.request', { model: result.model, usage: result.usage });
  return result.data[0].embedding;
}
`,
    },
    {
      name: 'Vercel generateText: fields from the response object',
      code: `import { generateText } from 'ai';
export async function ask(prompt: string) {
  const result = await generateText({ model: 'openai/gpt-4o', prompt });
  return result.text;
}
`,
      errors: [{ messageId: 'missing', line: 3 }],
      output: `import { generateText } from 'ai';
export async function ask(prompt: string) {
  const result = await generateText({ model: 'openai/gpt-4o', prompt });
  console.info('ai.request', { requestId: result.response.id, model: result.response.modelId, usage: result.usage });
  return result.text;
}
`,
    },
    {
      name: 'a log that does not mention the result does not record it',
      code: `${header}export async function ask(text: string) {
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  console.info('done');
  return r.output_text;
}
`,
      errors: [{ messageId: 'missing', line: 4 }],
      output: `${header}export async function ask(text: string) {
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  console.info('ai.request', { requestId: r.id, model: r.model, usage: r.usage });
  console.info('done');
  return r.output_text;
}
`,
    },
    {
      name: 'a destructured result: reported, no fix to guess at',
      code: `${header}export async function ask(text: string) {
  const { output_text } = await openai.responses.create({ model: 'gpt-4o', input: text });
  return output_text;
}
`,
      errors: [{ messageId: 'missing', line: 4 }],
    },
    {
      name: 'a log of a value computed before the call does not record it',
      code: `${header}export async function ask(text: string) {
  const trimmed = text.trim();
  const r = await openai.responses.create({ model: 'gpt-4o', input: trimmed });
  const shown = trimmed.slice(0, 20);
  console.info('asked', shown);
  return r.output_text;
}
`,
      errors: [{ messageId: 'missing', line: 5 }],
      output: `${header}export async function ask(text: string) {
  const trimmed = text.trim();
  const r = await openai.responses.create({ model: 'gpt-4o', input: trimmed });
  console.info('ai.request', { requestId: r.id, model: r.model, usage: r.usage });
  const shown = trimmed.slice(0, 20);
  console.info('asked', shown);
  return r.output_text;
}
`,
    },
  ],
});
