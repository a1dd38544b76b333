import { ruleTester } from '../ruleTester';

const header = `import OpenAI from 'openai';
import { z } from 'zod';
const openai = new OpenAI();
const Ticket = z.object({ category: z.string() });
`;

ruleTester('AIR010', {
  valid: [
    {
      name: 'parsed then validated with zod',
      code: `${header}export async function classify(text: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  const data = JSON.parse(r.choices[0].message.content ?? '{}');
  return Ticket.parse(data);
}
`,
    },
    {
      name: 'validated around the parse',
      code: `${header}export async function classify(text: string) {
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  return Ticket.safeParse(JSON.parse(r.output_text));
}
`,
    },
    {
      name: 'JSON.parse of something else',
      code: `${header}export async function classify(text: string, raw: string) {
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  return { config: JSON.parse(raw), answer: r.output_text };
}
`,
    },
    {
      name: 'a structured-output API needs no parse',
      code: `import { generateObject } from 'ai';
import { z } from 'zod';
export const extract = (prompt: string) => generateObject({ model: 'openai/gpt-4o', schema: z.object({ city: z.string() }), prompt });
`,
    },
  ],
  invalid: [
    {
      name: 'chat output parsed and returned unchecked',
      code: `${header}export async function classify(text: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  const data = JSON.parse(r.choices[0].message.content ?? '{}');
  return data.category as string;
}
`,
      errors: [{ messageId: 'unvalidated', line: 7, column: 16, data: { where: 'classify()' } }],
    },
    {
      name: 'Vercel text destructured and parsed',
      code: `import { generateText } from 'ai';
export async function plan(prompt: string) {
  const { text } = await generateText({ model: 'openai/gpt-4o', prompt });
  return JSON.parse(text).steps;
}
`,
      errors: [{ messageId: 'unvalidated', line: 4, data: { structured: 'generateObject() with a zod schema' } }],
    },
    {
      name: 'typed after a zod schema: the fix validates with that schema',
      code: `${header}type TicketData = z.infer<typeof Ticket>;
export async function classify(text: string) {
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  const data = JSON.parse(r.output_text) as TicketData;
  return data.category;
}
`,
      errors: [{ messageId: 'unvalidated', line: 8, column: 16 }],
      fixTitles: [['Validate with Ticket.parse()']],
      output: `${header}type TicketData = z.infer<typeof Ticket>;
export async function classify(text: string) {
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  const data = Ticket.parse(JSON.parse(r.output_text)) as TicketData;
  return data.category;
}
`,
    },
    {
      name: 'a declared type after a schema works too',
      code: `${header}type TicketData = z.infer<typeof Ticket>;
export async function classify(text: string) {
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  const data: TicketData = JSON.parse(r.output_text);
  return data.category;
}
`,
      errors: [{ messageId: 'unvalidated', line: 8 }],
      output: `${header}type TicketData = z.infer<typeof Ticket>;
export async function classify(text: string) {
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  const data: TicketData = Ticket.parse(JSON.parse(r.output_text));
  return data.category;
}
`,
    },
    {
      name: 'a validator run before the parse does not check it',
      code: `${header}export async function classify(text: string) {
  Ticket.parse({ category: 'x' });
  const r = await openai.responses.create({ model: 'gpt-4o', input: text });
  const data = JSON.parse(r.output_text);
  return data;
}
`,
      errors: [{ messageId: 'unvalidated', line: 8 }],
    },
  ],
});
