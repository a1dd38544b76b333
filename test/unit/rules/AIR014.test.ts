import { ruleTester } from '../ruleTester';

const header = `import OpenAI from 'openai';
const openai = new OpenAI();
`;

ruleTester('AIR014', {
  valid: [
    {
      name: 'output rendered as text',
      code: `${header}export async function show(el: HTMLElement, q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  el.textContent = r.choices[0].message.content;
}
`,
    },
    {
      name: 'sanitised before innerHTML',
      code: `import DOMPurify from 'dompurify';
${header}export async function show(el: HTMLElement, q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  el.innerHTML = DOMPurify.sanitize(r.choices[0].message.content ?? '');
}
`,
    },
    {
      name: 'parameterised query: the output is a parameter, not SQL text',
      code: `import { Pool } from 'pg';
${header}const db = new Pool();
export async function tag(id: string, q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  const label = r.choices[0].message.content;
  await db.query('UPDATE tickets SET label = $1 WHERE id = $2', [label, id]);
}
`,
    },
    {
      name: 'tagged template SQL is parameterised by the tag',
      code: `import { sql } from '@vercel/postgres';
import { generateText } from 'ai';
export async function tag(id: string, prompt: string) {
  const { text } = await generateText({ model: 'openai/gpt-4o', prompt });
  await sql\`UPDATE tickets SET label = \${text} WHERE id = \${id}\`;
}
`,
    },
    {
      name: 'allow-list lookup keyed by the output runs the table value',
      code: `import { execSync } from 'node:child_process';
${header}const COMMANDS: Record<string, string> = { status: 'git status', log: 'git log -5' };
export async function run(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  const choice = r.choices[0].message.content ?? '';
  if (!(choice in COMMANDS)) throw new Error('not allowed');
  return execSync(COMMANDS[choice]);
}
`,
    },
    {
      name: 'spawn without a shell takes the output as one argument',
      code: `import { spawn } from 'node:child_process';
${header}export async function grep(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return spawn('grep', ['-r', r.choices[0].message.content ?? '', '.']);
}
`,
    },
    {
      name: 'a regex exec is not child_process',
      code: `${header}export async function firstNumber(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return /\\d+/.exec(r.choices[0].message.content ?? '');
}
`,
    },
    {
      name: 'a tool executed with arguments from the model is not SQL',
      code: `${header}const tool = { execute: async (args: unknown) => args };
export async function step(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return tool.execute(JSON.parse(r.choices[0].message.tool_calls?.[0]?.function.arguments ?? '{}'));
}
`,
    },
    {
      name: 'a GraphQL query object with the output among its variables is not SQL text',
      code: `${header}declare const client: { query(request: { query: string; variables: Record<string, unknown> }): Promise<unknown> };
export async function search(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return client.query({ query: 'query Search($text: String!) { search(text: $text) { id } }', variables: { text: r.choices[0].message.content } });
}
`,
    },
    {
      name: 'a local function named eval is not the global',
      code: `${header}function evaluate(answer: string) { return answer.length; }
const eval2 = evaluate;
export async function score(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return eval2(r.choices[0].message.content ?? '');
}
`,
    },
    {
      name: 'embeddings are numbers, not text',
      code: `${header}export async function store(db: { query(sql: string): Promise<unknown> }, q: string) {
  const r = await openai.embeddings.create({ model: 'text-embedding-3-small', input: q });
  await db.query(\`INSERT INTO vectors VALUES ('\${r.data[0].embedding.join(',')}')\`);
}
`,
    },
    {
      name: 'only the comparison of the output reaches eval',
      code: `${header}export async function check(q: string, expression: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  const ok = r.choices[0].message.content === 'yes';
  if (ok) return eval(expression);
}
`,
    },
  ],
  invalid: [
    {
      name: 'eval of the answer',
      code: `${header}export async function calc(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return eval(r.choices[0].message.content ?? '0');
}
`,
      errors: [{ messageId: 'code', line: 5, column: 10, data: { sink: 'eval', source: 'OpenAI' } }],
    },
    {
      name: 'new Function from a derived variable',
      code: `import { generateText } from 'ai';
export async function compile(prompt: string) {
  const { text } = await generateText({ model: 'openai/gpt-4o', prompt });
  const body = text.trim();
  return new Function('x', body);
}
`,
      errors: [{ messageId: 'code', line: 5, column: 10, data: { sink: 'Function' } }],
    },
    {
      name: 'child_process.exec with a command built from the answer',
      code: `import { exec } from 'node:child_process';
${header}export async function fix(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  const command = \`git \${r.choices[0].message.content}\`;
  exec(command);
}
`,
      errors: [{ messageId: 'shell', line: 7, column: 3, data: { sink: 'child_process.exec' } }],
    },
    {
      name: 'spawn with shell: true through a required namespace',
      code: `const cp = require('child_process');
${header}export async function fix(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  cp.spawn(r.choices[0].message.content, { shell: true });
}
`,
      typecheck: false,
      errors: [{ messageId: 'shell', line: 6, column: 3, data: { sink: 'cp.spawn' } }],
    },
    {
      name: 'text-to-SQL: a query string built from the answer',
      code: `import { Pool } from 'pg';
${header}const pool = new Pool();
export async function ask(q: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  const where = r.choices[0].message.content;
  return pool.query('SELECT * FROM orders WHERE ' + where);
}
`,
      errors: [{ messageId: 'sql', line: 8, column: 10, data: { sink: 'pool.query' } }],
    },
    {
      name: 'Prisma raw unsafe query',
      code: `import { generateText } from 'ai';
declare const prisma: { $queryRawUnsafe(sql: string): Promise<unknown> };
export async function ask(prompt: string) {
  const { text: sql } = await generateText({ model: 'openai/gpt-4o', prompt });
  return prisma.$queryRawUnsafe(sql);
}
`,
      errors: [{ messageId: 'sql', line: 5, column: 10, data: { sink: 'prisma.$queryRawUnsafe' } }],
    },
    {
      name: 'innerHTML assigned in a stream loop',
      code: `${header}export async function render(el: HTMLElement, q: string) {
  const stream = await openai.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: q }] });
  for await (const chunk of stream) {
    el.innerHTML += chunk.choices[0]?.delta?.content ?? '';
  }
}
`,
      errors: [{ messageId: 'html', line: 6, column: 5, data: { sink: 'innerHTML' } }],
    },
    {
      name: 'document.write of the call inline',
      code: `${header}export async function render(q: string) {
  document.write((await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] })).choices[0].message.content ?? '');
}
`,
      errors: [{ messageId: 'html', line: 4, column: 3, data: { sink: 'document.write' } }],
    },
    {
      name: 'dangerouslySetInnerHTML with a markdown rendering of the answer',
      filename: 'Answer.tsx',
      code: `import { generateText } from 'ai';
import { marked } from 'marked';
export async function Answer({ question }: { question: string }) {
  const { text } = await generateText({ model: 'openai/gpt-4o', prompt: question });
  const html = marked.parse(text) as string;
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}
`,
      typecheck: false,
      errors: [{ messageId: 'html', line: 6, column: 15, data: { sink: 'dangerouslySetInnerHTML', source: 'Vercel AI SDK' } }],
    },
    {
      name: "through the project's wrapper: its return is model output",
      code: `import { generateText } from 'ai';
async function complete(prompt: string) {
  const { text } = await generateText({ model: 'openai/gpt-4o', prompt });
  return text;
}
export async function run(q: string) {
  const code = await complete(q);
  return eval(code);
}
`,
      errors: [{ messageId: 'code', line: 8, column: 10, data: { sink: 'eval', source: 'complete()' } }],
    },
  ],
});
