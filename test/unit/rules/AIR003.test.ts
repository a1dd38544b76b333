import { ruleTester } from '../ruleTester';

const header = `import OpenAI from 'openai';
const openai = new OpenAI();
`;

ruleTester('AIR003', {
  valid: [
    {
      name: 'a closure called only inside the try of its function fails into that try',
      code: `${header}export async function describe(image: string, traced?: <T>(fn: () => Promise<T>) => Promise<T>) {
  try {
    const describeImage = async () => {
      const r = await openai.responses.create({ model: 'gpt-4o', input: image });
      return r.output_text;
    };
    return traced ? await traced(() => describeImage()) : await describeImage();
  } catch {
    return 'No description available.';
  }
}
`,
    },
    {
      name: 'try/catch that returns a fallback',
      code: `${header}export async function draft(text: string): Promise<string> {
  try {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
    return r.choices[0].message.content ?? '';
  } catch (err) {
    console.warn('draft failed', err);
    return '';
  }
}
`,
    },
    {
      name: 'catch that assigns a degraded value',
      code: `${header}export async function label(text: string) {
  let label = 'unknown';
  try {
    const r = await openai.responses.create({ model: 'gpt-4o', input: text });
    label = r.output_text;
  } catch {
    label = 'unclassified';
  }
  return label;
}
`,
    },
    {
      name: '.catch() on the promise',
      code: `${header}export const ask = (text: string) => openai.responses.create({ model: 'gpt-4o', input: text }).catch(() => null);
`,
    },
    {
      name: '.then with a rejection handler',
      code: `${header}export const ask = (text: string) => openai.responses.create({ model: 'gpt-4o', input: text }).then((r) => r.output_text, () => '');
`,
    },
    {
      name: 'streams are AIR011’s concern',
      code: `import { streamText } from 'ai';
export const chat = (prompt: string) => streamText({ model: 'openai/gpt-4o', prompt });
`,
    },
    {
      name: 'a LangChain model with .withFallbacks: the fallback is the handling',
      code: `import { ChatOpenAI } from '@langchain/openai';
import { ChatAnthropic } from '@langchain/anthropic';
const claude = new ChatAnthropic({ model: 'claude-haiku-4-5-20251001' });
const gpt = new ChatOpenAI({ model: 'gpt-4o-mini-2024-07-18' }).withFallbacks([claude]);
export const ask = (question: string) => gpt.invoke(question);
`,
    },
    {
      name: 'a project helper that runs the call with a fallback',
      code: `import OpenAI from 'openai';
declare function withFallback<T>(run: () => Promise<T>, fallback: T): Promise<T>;
const openai = new OpenAI();
export const tags = (text: string) =>
  withFallback(() => openai.embeddings.create({ model: 'text-embedding-3-small', input: text }), null);
`,
    },
  ],
  invalid: [
    {
      name: 'a closure also handed to an event emitter runs where no try holds it',
      code: `${header}export function setup(emitter: { on(event: string, fn: () => unknown): void }) {
  const summarize = async () => {
    const r = await openai.responses.create({ model: 'gpt-4o', input: 'tick' });
    return r.output_text;
  };
  emitter.on('tick', summarize);
  return async () => {
    try {
      return await summarize();
    } catch {
      return null;
    }
  };
}
`,
      errors: [{ messageId: 'unhandled', line: 5 }],
      output: `${header}export function setup(emitter: { on(event: string, fn: () => unknown): void }) {
  const summarize = async () => {
    try {
      const r = await openai.responses.create({ model: 'gpt-4o', input: 'tick' });
      return r.output_text;
    } catch (error) {
      // TODO(prodready): degrade here: a fallback model, a cached answer or a clear message.
      throw error;
    }
  };
  emitter.on('tick', summarize);
  return async () => {
    try {
      return await summarize();
    } catch {
      return null;
    }
  };
}
`,
    },
    {
      name: 'a top-level function is judged on its own, even when every caller wraps it in try/catch',
      code: `${header}async function outline(topic: string) {
  const r = await openai.responses.create({ model: 'gpt-4o', input: topic });
  return r.output_text;
}
export async function report(topic: string) {
  try {
    return await outline(topic);
  } catch {
    return 'No outline today.';
  }
}
`,
      errors: [{ messageId: 'unhandled', line: 4 }],
      output: `${header}async function outline(topic: string) {
  try {
    const r = await openai.responses.create({ model: 'gpt-4o', input: topic });
    return r.output_text;
  } catch (error) {
    // TODO(prodready): degrade here: a fallback model, a cached answer or a clear message.
    throw error;
  }
}
export async function report(topic: string) {
  try {
    return await outline(topic);
  } catch {
    return 'No outline today.';
  }
}
`,
    },
    {
      name: 'no handling: wrapped to the end of the block',
      code: `${header}export async function summarize(text: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  return r.choices[0].message.content;
}
`,
      errors: [{ messageId: 'unhandled', line: 4, severity: 'warning', data: { where: 'summarize()' } }],
      fixTitles: [['Wrap in try/catch (then write the fallback in the catch)']],
      output: `${header}export async function summarize(text: string) {
  try {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
    return r.choices[0].message.content;
  } catch (error) {
    // TODO(prodready): degrade here: a fallback model, a cached answer or a clear message.
    throw error;
  }
}
`,
    },
    {
      name: 'a catch that only rethrows is reported one level milder, without a fix',
      code: `${header}export async function summarize(text: string) {
  try {
    return await openai.responses.create({ model: 'gpt-4o', input: text });
  } catch (error) {
    throw new Error('summary failed', { cause: error });
  }
}
`,
      errors: [{ messageId: 'noFallback', line: 6, column: 5, endLine: 6, endColumn: 18, severity: 'info', data: { what: 'rethrows' } }],
    },
    {
      name: 'a catch that only logs',
      code: `${header}export async function warm() {
  try {
    await openai.responses.create({ model: 'gpt-4o', input: 'ping' });
  } catch (error) {
    console.error(error);
  }
}
`,
      errors: [{ messageId: 'noFallback', data: { what: 'logs and carries on' } }],
    },
    {
      name: 'an empty catch swallows the failure',
      code: `${header}export async function warm() {
  try {
    await openai.responses.create({ model: 'gpt-4o', input: 'ping' });
  } catch {}
}
`,
      errors: [{ messageId: 'noFallback', data: { what: 'swallows the error' } }],
    },
    {
      name: 'a try outside the callback does not catch what the callback throws',
      code: `${header}export async function tagAll(notes: string[]) {
  try {
    notes.forEach(async (note) => {
      await openai.responses.create({ model: 'gpt-4o', input: note });
    });
  } catch {
    return [];
  }
  return notes;
}
`,
      errors: [{ messageId: 'unhandled', line: 6 }],
      output: `${header}export async function tagAll(notes: string[]) {
  try {
    notes.forEach(async (note) => {
      try {
        await openai.responses.create({ model: 'gpt-4o', input: note });
      } catch (error) {
        // TODO(prodready): degrade here: a fallback model, a cached answer or a clear message.
        throw error;
      }
    });
  } catch {
    return [];
  }
  return notes;
}
`,
    },
    {
      name: 'a multi-line template in the block is not re-indented',
      code: `${header}export async function ask(topic: string) {
  const r = await openai.responses.create({
    model: 'gpt-4o',
    input: \`Write about
\${topic}\`,
  });
  return r.output_text;
}
`,
      errors: [{ messageId: 'unhandled', line: 4 }],
      output: `${header}export async function ask(topic: string) {
  try {
  const r = await openai.responses.create({
    model: 'gpt-4o',
    input: \`Write about
\${topic}\`,
  });
  return r.output_text;
  } catch (error) {
    // TODO(prodready): degrade here: a fallback model, a cached answer or a clear message.
    throw error;
  }
}
`,
    },
    {
      name: 'an expression-bodied arrow has no statement to wrap: reported, no fix',
      code: `${header}export const ask = (text: string) => openai.responses.create({ model: 'gpt-4o', input: text });
`,
      errors: [{ messageId: 'unhandled', line: 3, data: { where: 'ask()' } }],
    },
    {
      name: 'a LangChain model beside another: the preferred fix falls back to it',
      code: `import { ChatOpenAI } from '@langchain/openai';
import { ChatAnthropic } from '@langchain/anthropic';
const gpt = new ChatOpenAI({ model: 'gpt-4o-mini-2024-07-18' });
const claude = new ChatAnthropic({ model: 'claude-haiku-4-5-20251001' });
export async function ask(question: string) {
  const reply = await gpt.invoke(question);
  return reply.content;
}
`,
      errors: [{ messageId: 'unhandled', line: 6 }],
      fixTitles: [['Fall back to claude with .withFallbacks([claude])', 'Wrap in try/catch (then write the fallback in the catch)']],
      output: `import { ChatOpenAI } from '@langchain/openai';
import { ChatAnthropic } from '@langchain/anthropic';
const gpt = new ChatOpenAI({ model: 'gpt-4o-mini-2024-07-18' });
const claude = new ChatAnthropic({ model: 'claude-haiku-4-5-20251001' });
export async function ask(question: string) {
  const reply = await gpt.withFallbacks([claude]).invoke(question);
  return reply.content;
}
`,
    },
    {
      name: 'a single LangChain model: only the try/catch is offered',
      code: `import { ChatAnthropic } from '@langchain/anthropic';
const claude = new ChatAnthropic({ model: 'claude-haiku-4-5-20251001' });
export async function ask(question: string) {
  const reply = await claude.invoke(question);
  return reply.content;
}
`,
      errors: [{ messageId: 'unhandled', line: 4 }],
      fixTitles: [['Wrap in try/catch (then write the fallback in the catch)']],
      output: `import { ChatAnthropic } from '@langchain/anthropic';
const claude = new ChatAnthropic({ model: 'claude-haiku-4-5-20251001' });
export async function ask(question: string) {
  try {
    const reply = await claude.invoke(question);
    return reply.content;
  } catch (error) {
    // TODO(prodready): degrade here: a fallback model, a cached answer or a clear message.
    throw error;
  }
}
`,
    },
    {
      name: 'a predicate named for fallbacks does not handle anything',
      code: `import OpenAI from 'openai';
declare function shouldFallback(run: () => unknown): boolean;
const openai = new OpenAI();
export const check = (text: string) => shouldFallback(() => openai.embeddings.create({ model: 'text-embedding-3-small', input: text }));
`,
      errors: [{ messageId: 'unhandled', line: 4 }],
    },
  ],
});
