import { ruleTester } from '../../ruleTester';

ruleTester('AIR003', {
  valid: [
    { name: "python: an except that answers with a fallback", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str) -> str:\n    try:\n        return client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9).output_text\n    except Exception:\n        return \"The assistant is unavailable right now.\"\n" },
    { name: "python: LangChain with_fallbacks", filename: 'case.py', code: "from langchain_anthropic import ChatAnthropic\nfrom langchain_openai import ChatOpenAI\n\nprimary = ChatOpenAI(model=\"gpt-4o-2024-08-06\", timeout=30, max_tokens=100)\nbackup = ChatAnthropic(model=\"claude-sonnet-4-5-20250929\", timeout=30, max_tokens=100)\nchain = primary.with_fallbacks([backup])\n\n\ndef answer(q: str):\n    return chain.invoke(q)\n" },
    { name: "python: litellm fallbacks=", filename: 'case.py', code: "import litellm\n\n\ndef answer(q: str):\n    return litellm.completion(model=\"gpt-4o-2024-08-06\", messages=[{\"role\": \"user\", \"content\": q}], max_tokens=9, timeout=20, fallbacks=[\"claude-sonnet-4-5-20250929\"])\n" },
    { name: "python: a stream whose request and reading are in a try with a degraded answer", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    try:\n        stream = client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=300, messages=[{\"role\": \"user\", \"content\": q}], stream=True)\n        return \"\".join(chunk.choices[0].delta.content or \"\" for chunk in stream)\n    except Exception:\n        return \"The assistant is unavailable right now.\"\n" },
  ],
  invalid: [
    {
      name: "python: no try/except; the fix wraps the rest of the block",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(question: str) -> str:\n    response = client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=300, messages=[{\"role\": \"user\", \"content\": question}])\n    return response.choices[0].message.content\n",
      errors: [{ messageId: 'unhandled', line: 7, column: 16 }],
      fixTitles: [["Wrap in try/except (then write the fallback in the except)"]],
      output: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(question: str) -> str:\n    try:\n        response = client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=300, messages=[{\"role\": \"user\", \"content\": question}])\n        return response.choices[0].message.content\n    except Exception:\n        # prodready: answer here instead (another model, a cached or default result); until then it re-raises.\n        raise\n",
    },
    {
      name: "python: an except that logs and re-raises is milder, with no fix",
      filename: 'case.py',
      code: "import logging\nfrom openai import OpenAI\n\nlogger = logging.getLogger(__name__)\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    try:\n        return client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n    except Exception:\n        logger.exception(\"ai failed\")\n        raise\n",
      errors: [{ messageId: 'noFallback', line: 11, column: 5, endColumn: 22 }],
    },
    {
      name: "python: a stream call fails where it is made (an HTTP error raises before any chunk)",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    stream = client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=300, messages=[{\"role\": \"user\", \"content\": q}], stream=True)\n    for chunk in stream:\n        yield chunk.choices[0].delta.content or \"\"\n",
      errors: [{ messageId: 'unhandled', line: 7 }],
      fixTitles: [["Wrap in try/except (then write the fallback in the except)"]],
      output: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    try:\n        stream = client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=300, messages=[{\"role\": \"user\", \"content\": q}], stream=True)\n        for chunk in stream:\n            yield chunk.choices[0].delta.content or \"\"\n    except Exception:\n        # prodready: answer here instead (another model, a cached or default result); until then it re-raises.\n        raise\n",
    },
  ],
});
