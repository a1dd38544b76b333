import { ruleTester } from '../../ruleTester';

ruleTester('AIR013', {
  valid: [
    { name: "python: a waiver still in force", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    # prodready-ignore-next-line AIR008 -- pilot owner=@growth until=2027-03-01\n    return client.responses.create(model=\"gpt-4o\", input=q, max_output_tokens=9)\n" },
  ],
  invalid: [
    {
      name: "python: an expired waiver in a # comment",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    # prodready-ignore-next-line AIR008 -- pilot owner=@growth until=2026-10-01\n    return client.responses.create(model=\"gpt-4o\", input=q, max_output_tokens=9)\n",
      errors: [{ messageId: 'expired', line: 7, column: 5 }],
    },
  ],
});
