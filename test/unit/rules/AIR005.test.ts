import { ruleTester } from '../ruleTester';

const header = `import OpenAI from 'openai';
const openai = new OpenAI();
`;

ruleTester('AIR005', {
  valid: [
    {
      name: 'text without personal data',
      code: `${header}export const ask = (question: string) =>
  openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
`,
    },
    {
      name: 'a PII value that passes a redactor first',
      code: `${header}declare function redact(value: unknown): string;
export const ask = (customerEmail: string, question: string) =>
  openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`\${redact(customerEmail)}: \${question}\` }] });
`,
    },
    {
      name: 'a project redactor named in config',
      config: { privacy: { redactors: ['scrubber'] } },
      code: `${header}declare function scrubber(value: unknown): string;
export const ask = (user: { email: string }) => openai.responses.create({ model: 'gpt-4o', input: scrubber(user.email) });
`,
    },
    {
      name: 'names that only look similar are not personal data',
      code: `${header}export const ask = (fileName: string, emailTemplateId: string, cardinality: number) =>
  openai.responses.create({ model: 'gpt-4o', input: \`\${fileName} \${emailTemplateId} \${cardinality}\` });
`,
    },
    {
      name: 'personal data outside the prompt options is not sent',
      code: `${header}export const ask = (user: { email: string }) =>
  openai.responses.create({ model: 'gpt-4o', input: 'hello', metadata: { email: user.email } });
`,
    },
  ],
  invalid: [
    {
      name: 'an email interpolated into a user message: the fix adds a redactor',
      code: `${header}export const reply = (user: { email: string }, question: string) =>
  openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: \`From \${user.email}: \${question}\` }],
  });
`,
      errors: [{ messageId: 'pii', line: 6, data: { hints: 'email' } }],
      fixTitles: [['Add a redactPII() helper to this file and redact with it']],
      output: `${header}export const reply = (user: { email: string }, question: string) =>
  openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: \`From \${redactPII(user.email)}: \${question}\` }],
  });

/** Masks e-mail addresses and phone numbers before text is sent to a model. Added by prodready: extend it for your data. */
function redactPII(value: unknown): string {
  return String(value)
    .replace(/[\\w.+-]+@[\\w-]+\\.[\\w.-]+/g, '[email]')
    .replace(/\\+?\\d[\\d\\s().-]{7,}\\d/g, '[phone]');
}
`,
    },
    {
      name: 'a whole customer object, stringified: the existing redactor is used',
      code: `${header}import { redact } from './privacy';
export const summarize = (customer: { name: string; phone: string }) =>
  openai.responses.create({ model: 'gpt-4o', input: \`Summarise: \${JSON.stringify(customer)}\` });
`,
      typecheck: false,
      errors: [{ messageId: 'pii', line: 5, data: { hints: 'customer object' } }],
      fixTitles: [['Redact with redact()']],
      output: `${header}import { redact } from './privacy';
export const summarize = (customer: { name: string; phone: string }) =>
  openai.responses.create({ model: 'gpt-4o', input: \`Summarise: \${redact(JSON.stringify(customer))}\` });
`,
    },
    {
      name: 'form fields and snake_case names',
      code: `import { generateText } from 'ai';
export async function POST(req: Request) {
  const form = await req.formData();
  const date_of_birth = String(form.get('dob'));
  return generateText({ model: 'openai/gpt-4o', prompt: \`Born \${date_of_birth}, phone \${form.get('phone')}\` });
}
`,
      errors: [
        { messageId: 'pii', line: 5, data: { hints: 'date of birth' } },
        { messageId: 'pii', line: 5, data: { hints: 'phone number' } },
      ],
      output: `import { generateText } from 'ai';
export async function POST(req: Request) {
  const form = await req.formData();
  const date_of_birth = String(form.get('dob'));
  return generateText({ model: 'openai/gpt-4o', prompt: \`Born \${redactPII(date_of_birth)}, phone \${form.get('phone')}\` });
}

/** Masks e-mail addresses and phone numbers before text is sent to a model. Added by prodready: extend it for your data. */
function redactPII(value: unknown): string {
  return String(value)
    .replace(/[\\w.+-]+@[\\w-]+\\.[\\w.-]+/g, '[email]')
    .replace(/\\+?\\d[\\d\\s().-]{7,}\\d/g, '[phone]');
}
`,
    },
    {
      name: 'a literal e-mail address in a system prompt',
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = (q: string) =>
  claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 100, system: 'Escalate to jane.doe@example.com', messages: [{ role: 'user', content: q }] });
`,
      errors: [{ messageId: 'pii', line: 4, data: { hints: 'email address' } }],
      output: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const ask = (q: string) =>
  claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 100, system: redactPII('Escalate to jane.doe@example.com'), messages: [{ role: 'user', content: q }] });

/** Masks e-mail addresses and phone numbers before text is sent to a model. Added by prodready: extend it for your data. */
function redactPII(value: unknown): string {
  return String(value)
    .replace(/[\\w.+-]+@[\\w-]+\\.[\\w.-]+/g, '[email]')
    .replace(/\\+?\\d[\\d\\s().-]{7,}\\d/g, '[phone]');
}
`,
    },
    {
      name: 'the same value logged verbatim beside the prompt',
      code: `${header}export async function ask(patient: { phone: string }, question: string) {
  console.info('asking for', { phone: patient.phone });
  const r = await openai.responses.create({ model: 'gpt-4o', input: \`\${patient.phone}: \${question}\` });
  return r.output_text;
}
`,
      errors: [
        { messageId: 'logged', line: 4, data: { text: 'patient.phone', hints: 'phone number' } },
        { messageId: 'pii', line: 5, data: { hints: 'phone number' } },
      ],
      output: `${header}export async function ask(patient: { phone: string }, question: string) {
  console.info('asking for', { phone: patient.phone });
  const r = await openai.responses.create({ model: 'gpt-4o', input: \`\${redactPII(patient.phone)}: \${question}\` });
  return r.output_text;
}

/** Masks e-mail addresses and phone numbers before text is sent to a model. Added by prodready: extend it for your data. */
function redactPII(value: unknown): string {
  return String(value)
    .replace(/[\\w.+-]+@[\\w-]+\\.[\\w.-]+/g, '[email]')
    .replace(/\\+?\\d[\\d\\s().-]{7,}\\d/g, '[phone]');
}
`,
    },
  ],
});
