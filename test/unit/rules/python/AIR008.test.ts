import { ruleTester } from '../../ruleTester';

ruleTester('AIR008', {
  valid: [
    { name: "python: a dated snapshot", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    return client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n" },
  ],
  invalid: [
    {
      name: "python: a floating alias is pinned",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    return client.responses.create(model=\"gpt-4o\", input=q, max_output_tokens=9)\n",
      errors: [{ messageId: 'floating', line: 7, column: 42 }],
      fixTitles: [["Pin to \"gpt-4o-2024-08-06\""]],
      output: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    return client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n",
    },
    {
      name: "python: a model read unchecked from the environment (milder, no fix)",
      filename: 'case.py',
      code: "import os\n\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    return client.responses.create(model=os.environ[\"CHAT_MODEL\"], input=q, max_output_tokens=9)\n",
      errors: [{ messageId: 'unchecked', line: 9, column: 42 }],
    },
  ],
});
