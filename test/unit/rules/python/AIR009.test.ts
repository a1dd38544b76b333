import { ruleTester } from '../../ruleTester';

ruleTester('AIR009', {
  valid: [
    { name: "python: a function parameter is not assumed to come from the request", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(question: str, persona: str):\n    return client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=9, messages=[{\"role\": \"system\", \"content\": f\"You are {persona}.\"}, {\"role\": \"user\", \"content\": question}])\n" },
    { name: "python: user input stays in the user message", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(question: str):\n    return client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=9, messages=[{\"role\": \"system\", \"content\": \"You answer billing questions.\"}, {\"role\": \"user\", \"content\": question}])\n" },
  ],
  invalid: [
    {
      name: "python: request data written into the system prompt",
      filename: 'case.py',
      code: "from anthropic import Anthropic\nfrom fastapi import Request\n\nclaude = Anthropic(timeout=20)\n\n\nasync def classify(request: Request):\n    data = await request.json()\n    msg = claude.messages.create(model=\"claude-sonnet-4-5-20250929\", max_tokens=10, system=f\"Classify for tenant {data['tenant']}\", messages=[{\"role\": \"user\", \"content\": \"hi\"}])\n    return msg.content[0].text\n",
      errors: [{ messageId: 'injected', line: 9, column: 115 }],
    },
    {
      name: "python: the whole system message comes from the request; the fix makes it a user message",
      filename: 'case.py',
      code: "from flask import request\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer():\n    body = request.get_json()\n    return client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=9, messages=[{\"role\": \"system\", \"content\": body[\"instructions\"]}])\n",
      errors: [{ messageId: 'injected', line: 9, column: 135 }],
      fixTitles: [["Send it as a user message (role: \"user\")"]],
      output: "from flask import request\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer():\n    body = request.get_json()\n    return client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=9, messages=[{\"role\": \"user\", \"content\": body[\"instructions\"]}])\n",
    },
  ],
});
