import { ruleTester } from '../../ruleTester';

ruleTester('AIR002', {
  valid: [
    { name: "python: SDK retries off under a tenacity @retry policy", filename: 'case.py', code: "from openai import OpenAI\nfrom tenacity import retry, stop_after_attempt, wait_exponential\n\nclient = OpenAI(max_retries=0, timeout=20)\n\n\n@retry(stop=stop_after_attempt(4), wait=wait_exponential(min=1, max=20))\ndef answer(q: str):\n    return client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n" },
    { name: "python: backoff.on_exception around the call", filename: 'case.py', code: "import backoff\nimport openai\nfrom openai import OpenAI\n\nclient = OpenAI(max_retries=0, timeout=20)\n\n\n@backoff.on_exception(backoff.expo, openai.RateLimitError, max_tries=5)\ndef answer(q: str):\n    return client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n" },
    { name: "python: the SDK default of 2 retries", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    return client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n" },
  ],
  invalid: [
    {
      name: "python: max_retries=0 on the client; the fix allows the default 2",
      filename: 'case.py',
      code: "import anthropic\n\nclaude = anthropic.Anthropic(max_retries=0, timeout=20)\n\n\ndef tag(text: str) -> str:\n    msg = claude.messages.create(model=\"claude-sonnet-4-5-20250929\", max_tokens=50, messages=[{\"role\": \"user\", \"content\": text}])\n    return msg.content[0].text\n",
      errors: [{ messageId: 'disabled', line: 7, column: 11 }],
      fixTitles: [["Allow 2 retries"]],
      output: "import anthropic\n\nclaude = anthropic.Anthropic(max_retries=2, timeout=20)\n\n\ndef tag(text: str) -> str:\n    msg = claude.messages.create(model=\"claude-sonnet-4-5-20250929\", max_tokens=50, messages=[{\"role\": \"user\", \"content\": text}])\n    return msg.content[0].text\n",
    },
  ],
});
