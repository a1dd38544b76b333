import { ruleTester } from '../../ruleTester';

const call = `from openai import OpenAI

client = OpenAI(timeout=20)


def answer(q: str):
    return client.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9)
`;
const aiTeamOnly = { codeowners: 'src/ai/ @ml-platform\n' };

ruleTester('AIR012', {
  valid: [
    { name: 'python: owned through CODEOWNERS', filename: 'src/ai/answer.py', code: call, ownership: aiTeamOnly },
    { name: 'python: a # @owner tag above the function', filename: 'src/web/answer.py', code: call.replace('def answer', '# @owner @web-team\ndef answer'), ownership: aiTeamOnly },
    {
      name: 'python: an @owner tag in the module docstring comment block opening the file',
      filename: 'src/web/answer.py',
      code: `# Web answers. @owner @web-team\n${call}`,
      ownership: aiTeamOnly,
    },
  ],
  invalid: [
    {
      name: 'python: CODEOWNERS covers other paths only',
      filename: 'src/web/answer.py',
      code: call,
      ownership: aiTeamOnly,
      errors: [{ messageId: 'unowned', line: 7, column: 12, data: { sdk: 'OpenAI', file: 'answer.py' } }],
    },
  ],
});
