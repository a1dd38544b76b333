import { ruleTester } from '../../ruleTester';

ruleTester('AIR006', {
  valid: [
    { name: "python: max_completion_tokens and the deprecated max_tokens both bound chat", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef a(q: str):\n    return client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_tokens=100, messages=[{\"role\": \"user\", \"content\": q}])\n\n\ndef b(q: str):\n    return client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=100, messages=[{\"role\": \"user\", \"content\": q}])\n" },
    { name: "python: google-genai config dict with max_output_tokens", filename: 'case.py', code: "from google import genai\n\nclient = genai.Client(http_options={\"timeout\": 30000})\n\n\ndef answer(q: str):\n    return client.models.generate_content(model=\"gemini-2.5-flash\", contents=q, config={\"max_output_tokens\": 256})\n" },
  ],
  invalid: [
    {
      name: "python: Anthropic requires max_tokens",
      filename: 'case.py',
      code: "import anthropic\n\nclaude = anthropic.Anthropic(timeout=20)\n\n\ndef tag(text: str) -> str:\n    msg = claude.messages.create(model=\"claude-sonnet-4-5-20250929\", messages=[{\"role\": \"user\", \"content\": text}])\n    return msg.content[0].text\n",
      errors: [{ messageId: 'missing', line: 7, column: 11 }],
      fixTitles: [["Add max_tokens=1024"]],
      output: "import anthropic\n\nclaude = anthropic.Anthropic(timeout=20)\n\n\ndef tag(text: str) -> str:\n    msg = claude.messages.create(model=\"claude-sonnet-4-5-20250929\", messages=[{\"role\": \"user\", \"content\": text}], max_tokens=1024)\n    return msg.content[0].text\n",
    },
    {
      name: "python: multi-line call with a trailing comma",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    return client.chat.completions.create(\n        model=\"gpt-4o-2024-08-06\",\n        messages=[{\"role\": \"user\", \"content\": q}],\n    )\n",
      errors: [{ messageId: 'missing', line: 7, column: 12 }],
      fixTitles: [["Add max_completion_tokens=1024"]],
      output: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    return client.chat.completions.create(\n        model=\"gpt-4o-2024-08-06\",\n        messages=[{\"role\": \"user\", \"content\": q}],\n        max_completion_tokens=1024,\n    )\n",
    },
  ],
});
