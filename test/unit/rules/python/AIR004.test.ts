import { ruleTester } from '../../ruleTester';

ruleTester('AIR004', {
  valid: [
    { name: "python: logger.info with the response after the call", filename: 'case.py', code: "import logging\n\nfrom openai import OpenAI\n\nlogger = logging.getLogger(__name__)\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str) -> str:\n    r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n    logger.info(\"ai.request id=%s usage=%s\", r.id, r.usage)\n    return r.output_text\n" },
    {
      name: "python: a project log_* helper given the text read from each streamed chunk",
      filename: 'case.py',
      code: "from openai import AsyncOpenAI\n\nfrom app.logs import log_llm_stream\n\nclient = AsyncOpenAI(timeout=20)\n\n\nasync def answer(q: str) -> str:\n    stream = await client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=300, messages=[{\"role\": \"user\", \"content\": q}], stream=True)\n    parts = []\n    async for chunk in stream:\n        text = chunk.choices[0].delta.content or \"\"\n        log_llm_stream(text)\n        parts.append(text)\n    return \"\".join(parts)\n",
    },
    {
      name: "python: the usage read from the response and logged",
      filename: 'case.py',
      code: "import logging\n\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str) -> str:\n    r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n    tokens, text = r.usage.total_tokens, r.output_text\n    logging.info(\"answered in %d tokens\", tokens)\n    return text\n",
    },
    {
      name: "python: a stream iterated in place, each chunk logged",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nfrom app.logs import log_debug\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    for chunk in client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=300, messages=[{\"role\": \"user\", \"content\": q}], stream=True):\n        log_debug(chunk)\n        yield chunk\n",
    },
    {
      name: "python: a function decorated with LangSmith's @traceable is traced, the request included",
      filename: 'case.py',
      code: "from langsmith import traceable\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\n@traceable(name=\"answer\")\ndef answer(q: str) -> str:\n    r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n    return r.output_text\n",
    },
    {
      name: "python: Langfuse's @observe() (v2 decorators module)",
      filename: 'case.py',
      code: "from langfuse.decorators import observe\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\n@observe()\ndef answer(q: str) -> str:\n    r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n    return r.output_text\n",
    },
  ],
  invalid: [
    {
      name: "python: nothing logged; the fix adds logging.info with request id, model and usage (and imports logging)",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(question: str) -> str:\n    response = client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=300, messages=[{\"role\": \"user\", \"content\": question}])\n    return response.choices[0].message.content\n",
      errors: [{ messageId: 'missing', line: 7, column: 16 }],
      fixTitles: [["Log the request after this call (requestId, model, usage)"]],
      output: "from openai import OpenAI\nimport logging\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(question: str) -> str:\n    response = client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=300, messages=[{\"role\": \"user\", \"content\": question}])\n    logging.info(\"ai.request\", extra={\"request_id\": response.id, \"model\": response.model, \"usage\": response.usage})\n    return response.choices[0].message.content\n",
    },
    {
      name: "python: the module logger is used when it exists",
      filename: 'case.py',
      code: "import logging\n\nfrom anthropic import Anthropic\n\nlogger = logging.getLogger(__name__)\nclaude = Anthropic(timeout=20)\n\n\ndef tag(text: str) -> str:\n    msg = claude.messages.create(model=\"claude-sonnet-4-5-20250929\", max_tokens=50, messages=[{\"role\": \"user\", \"content\": text}])\n    return msg.content[0].text\n",
      errors: [{ messageId: 'missing', line: 10, column: 11 }],
      fixTitles: [["Log the request after this call (requestId, model, usage)"]],
      output: "import logging\n\nfrom anthropic import Anthropic\n\nlogger = logging.getLogger(__name__)\nclaude = Anthropic(timeout=20)\n\n\ndef tag(text: str) -> str:\n    msg = claude.messages.create(model=\"claude-sonnet-4-5-20250929\", max_tokens=50, messages=[{\"role\": \"user\", \"content\": text}])\n    logger.info(\"ai.request\", extra={\"request_id\": msg.id, \"model\": msg.model, \"usage\": msg.usage})\n    return msg.content[0].text\n",
    },
    {
      name: "python: a log only when the request fails records nothing for the requests that succeed",
      filename: 'case.py',
      code: "import logging\n\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str) -> str:\n    try:\n        r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n    except Exception as e:\n        logging.error(\"failed: %s\", e)\n        raise\n    return r.output_text\n",
      errors: [{ messageId: 'missing', line: 10 }],
      fixTitles: [["Log the request after this call (requestId, model, usage)"]],
      output: "import logging\n\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str) -> str:\n    try:\n        r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n        logging.info(\"ai.request\", extra={\"request_id\": r.id, \"model\": r.model, \"usage\": r.usage})\n    except Exception as e:\n        logging.error(\"failed: %s\", e)\n        raise\n    return r.output_text\n",
    },
    {
      name: "python: kept on self, then a log that mentions self is not a record of the request",
      filename: 'case.py',
      code: "import logging\n\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\nclass Bot:\n    def answer(self, q: str) -> str:\n        r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n        self.last = r\n        logging.info(\"bot %s answered\", self)\n        return r.output_text\n",
      errors: [{ messageId: 'missing', line: 10 }],
      fixTitles: [["Log the request after this call (requestId, model, usage)"]],
      output: "import logging\n\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\nclass Bot:\n    def answer(self, q: str) -> str:\n        r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n        logging.info(\"ai.request\", extra={\"request_id\": r.id, \"model\": r.model, \"usage\": r.usage})\n        self.last = r\n        logging.info(\"bot %s answered\", self)\n        return r.output_text\n",
    },
    {
      name: "python: a stream iterated in place whose only log is in the except",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nfrom app.logs import log_error\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    try:\n        for chunk in client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=300, messages=[{\"role\": \"user\", \"content\": q}], stream=True):\n            yield chunk\n    except Exception as e:\n        log_error(f\"failed: {e}\")\n        raise\n",
      errors: [{ messageId: 'missing', line: 10 }],
    },
    {
      name: "python: a project decorator named observe is not a tracer",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nfrom app.metrics import observe\n\nclient = OpenAI(timeout=20)\n\n\n@observe()\ndef answer(q: str) -> str:\n    r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n    return r.output_text\n",
      errors: [{ messageId: 'missing', line: 10 }],
      fixTitles: [["Log the request after this call (requestId, model, usage)"]],
      output: "from openai import OpenAI\n\nfrom app.metrics import observe\nimport logging\n\nclient = OpenAI(timeout=20)\n\n\n@observe()\ndef answer(q: str) -> str:\n    r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n    logging.info(\"ai.request\", extra={\"request_id\": r.id, \"model\": r.model, \"usage\": r.usage})\n    return r.output_text\n",
    },
  ],
});
