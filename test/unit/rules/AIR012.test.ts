import { ruleTester } from '../ruleTester';

const client = `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 10_000 });
`;
const call = `export const ask = (q: string) => openai.responses.create({ model: 'gpt-4o-2024-08-06', input: q, max_output_tokens: 200 });
`;
const aiTeamOnly = { codeowners: 'src/ai/ @ml-platform\n' };

ruleTester('AIR012', {
  valid: [
    {
      name: 'a project that names no owners anywhere gets one checklist item, not a finding per call',
      code: `${client}${call}`,
    },
    {
      name: 'owned through CODEOWNERS (last match wins)',
      filename: 'src/ai/ask.ts',
      code: `${client}${call}`,
      ownership: { codeowners: '* @everyone\nsrc/ai/ @ml-platform\n' },
    },
    {
      name: 'owned through a .prodready.json path rule',
      filename: 'src/chat/ask.ts',
      code: `${client}${call}`,
      ownership: { ...aiTeamOnly, rules: [{ path: 'src/chat/', owners: ['@chat-team'] }] },
    },
    {
      name: 'an @owner tag directly above the call',
      filename: 'src/chat/ask.ts',
      code: `${client}// @owner @chat-team
${call}`,
      ownership: aiTeamOnly,
    },
    {
      name: 'an @owner tag in the JSDoc of the enclosing function',
      filename: 'src/chat/ask.ts',
      code: `${client}
/**
 * Answers a support question.
 * @owner @support-ai oncall@example.com
 */
export async function answer(question: string) {
  const reply = await openai.responses.create({ model: 'gpt-4o-2024-08-06', input: question, max_output_tokens: 200 });
  return reply.output_text;
}
`,
      ownership: aiTeamOnly,
    },
    {
      name: 'an @owner tag above the method of a class',
      filename: 'src/chat/service.ts',
      code: `${client}
export class Assistant {
  // @owner @assistant-team
  async reply(text: string) {
    return openai.responses.create({ model: 'gpt-4o-2024-08-06', input: text, max_output_tokens: 200 });
  }
}
`,
      ownership: aiTeamOnly,
    },
    {
      name: 'a file-wide tag in the opening comment',
      filename: 'src/chat/ask.ts',
      code: `// Chat endpoints. @owner @chat-team
${client}${call}`,
      ownership: aiTeamOnly,
    },
  ],
  invalid: [
    {
      name: 'CODEOWNERS covers other paths only',
      filename: 'src/chat/ask.ts',
      code: `${client}${call}`,
      ownership: aiTeamOnly,
      errors: [{ messageId: 'unowned', line: 3, column: 35, data: { sdk: 'OpenAI', file: 'ask.ts' }, severity: 'info' }],
    },
    {
      name: 'a CODEOWNERS line without owners unowns the path (last match wins)',
      filename: 'src/ai/ask.ts',
      code: `${client}${call}`,
      ownership: { codeowners: 'src/ai/ @ml-platform\nsrc/ai/ask.ts\n' },
      errors: [{ messageId: 'unowned', line: 3 }],
    },
    {
      name: 'a tag above another call does not cover this one; a blank line breaks a tag from the code below',
      filename: 'src/chat/ask.ts',
      code: `${client}
// @owner @chat-team
export const first = () => openai.responses.create({ model: 'gpt-4o-2024-08-06', input: 'a', max_output_tokens: 9 });

// @owner @nobody-in-particular

export const second = () => openai.responses.create({ model: 'gpt-4o-2024-08-06', input: 'b', max_output_tokens: 9 });
`,
      errors: [{ messageId: 'unowned', line: 9 }],
    },
    {
      name: 'an @owner tag with no valid owner names nobody',
      filename: 'src/chat/ask.ts',
      code: `${client}// @owner TBD
${call}`,
      ownership: aiTeamOnly,
      errors: [{ messageId: 'unowned', line: 4 }],
    },
  ],
});
