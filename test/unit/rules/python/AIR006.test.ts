import { ruleTester } from '../../ruleTester';

ruleTester('AIR006', {
  valid: [
    { name: "python: max_completion_tokens and the deprecated max_tokens both bound chat", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef a(q: str):\n    return client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_tokens=100, messages=[{\"role\": \"user\", \"content\": q}])\n\n\ndef b(q: str):\n    return client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=100, messages=[{\"role\": \"user\", \"content\": q}])\n" },
    { name: "python: google-genai config dict with max_output_tokens", filename: 'case.py', code: "from google import genai\n\nclient = genai.Client(http_options={\"timeout\": 30000})\n\n\ndef answer(q: str):\n    return client.models.generate_content(model=\"gemini-2.5-flash\", contents=q, config={\"max_output_tokens\": 256})\n" },
    {
      name: 'python: a bound added to the **params dict in the same function',
      filename: 'case.py',
      code: 'from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    params = {"model": "gpt-4o-2024-08-06", "messages": [{"role": "user", "content": q}]}\n    params.update(max_completion_tokens=300)\n    return client.chat.completions.create(**params)\n',
    },
    {
      name: 'python: **kwargs from the caller may hold the bound',
      filename: 'case.py',
      code: 'from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, **kwargs):\n    params = {"model": "gpt-4o-2024-08-06", "messages": [{"role": "user", "content": q}]}\n    params.update(kwargs)\n    return client.chat.completions.create(**params)\n',
    },
  ],
  invalid: [
    {
      name: 'python: the **params dict built in the function has no bound; the fix goes on the call',
      filename: 'case.py',
      code: 'from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    params = {"model": "gpt-4o-2024-08-06", "messages": [{"role": "user", "content": q}]}\n    params["temperature"] = 0.2\n    return client.chat.completions.create(**params)\n',
      errors: [{ messageId: 'missing', line: 9, column: 42 }],
      fixTitles: [['Add max_completion_tokens=1024']],
      output: 'from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    params = {"model": "gpt-4o-2024-08-06", "messages": [{"role": "user", "content": q}]}\n    params["temperature"] = 0.2\n    return client.chat.completions.create(**params, max_completion_tokens=1024)\n',
    },
    {
      name: "python: Anthropic requires max_tokens",
      filename: 'case.py',
      code: "import anthropic\n\nclaude = anthropic.Anthropic(timeout=20)\n\n\ndef tag(text: str) -> str:\n    msg = claude.messages.create(model=\"claude-sonnet-4-5-20250929\", messages=[{\"role\": \"user\", \"content\": text}])\n    return msg.content[0].text\n",
      errors: [{ messageId: 'missing', line: 7, column: 33 }],
      fixTitles: [["Add max_tokens=1024"]],
      output: "import anthropic\n\nclaude = anthropic.Anthropic(timeout=20)\n\n\ndef tag(text: str) -> str:\n    msg = claude.messages.create(model=\"claude-sonnet-4-5-20250929\", messages=[{\"role\": \"user\", \"content\": text}], max_tokens=1024)\n    return msg.content[0].text\n",
    },
    {
      name: "python: multi-line call with a trailing comma",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    return client.chat.completions.create(\n        model=\"gpt-4o-2024-08-06\",\n        messages=[{\"role\": \"user\", \"content\": q}],\n    )\n",
      errors: [{ messageId: 'missing', line: 7, column: 42 }],
      fixTitles: [["Add max_completion_tokens=1024"]],
      output: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    return client.chat.completions.create(\n        model=\"gpt-4o-2024-08-06\",\n        messages=[{\"role\": \"user\", \"content\": q}],\n        max_completion_tokens=1024,\n    )\n",
    },
  ],
});
