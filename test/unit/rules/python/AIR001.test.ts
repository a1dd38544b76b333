import { ruleTester } from '../../ruleTester';

const header = `from openai import OpenAI

`;
const call = (args: string) => `def answer(question: str) -> str:
    response = client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=300, messages=[{"role": "user", "content": question}]${args})
    return response.choices[0].message.content
`;

ruleTester('AIR001', {
  valid: [
    {
      name: 'python: a default client for one the caller may give has settings that are not visible',
      filename: 'case.py',
      code: `from openai import OpenAI


class Summarizer:
    def __init__(self, client: OpenAI | None = None):
        self.client = client or OpenAI()

    def summarize(self, text: str):
        return self.client.responses.create(model="gpt-4o-2024-08-06", input=text, max_output_tokens=200)
`,
    },
    { name: 'python: timeout on the client', filename: 'case.py', code: `${header}client = OpenAI(timeout=20)\n\n\n${call('')}` },
    { name: 'python: timeout on the call', filename: 'case.py', code: `${header}client = OpenAI()\n\n\n${call(', timeout=30')}` },
    {
      name: 'python: with_options(timeout=…)',
      filename: 'case.py',
      code: `${header}client = OpenAI()\n\n\ndef answer(q: str):\n    return client.with_options(timeout=15).chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=9, messages=[{"role": "user", "content": q}])\n`,
    },
    {
      name: 'python: asyncio.wait_for bounds the awaited call',
      filename: 'case.py',
      code: `import asyncio\nfrom openai import AsyncOpenAI\n\nclient = AsyncOpenAI()\n\n\nasync def answer(q: str):\n    return await asyncio.wait_for(client.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9), timeout=20)\n`,
    },
    {
      name: 'python: async with asyncio.timeout(…)',
      filename: 'case.py',
      code: `import asyncio\nfrom openai import AsyncOpenAI\n\nclient = AsyncOpenAI()\n\n\nasync def answer(q: str):\n    async with asyncio.timeout(20):\n        return await client.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9)\n`,
    },
    { name: 'python: options spread from a dict are not guessed at', filename: 'case.py', code: `${header}client = OpenAI()\nsettings = {"timeout": 10}\n\n\ndef answer(q: str):\n    return client.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9, **settings)\n` },
    { name: 'python: a timeout in the **params dict built in the function', filename: 'case.py', code: `${header}client = OpenAI()\n\n\ndef answer(q: str):\n    params = {"model": "gpt-4o-2024-08-06", "input": q, "max_output_tokens": 9}\n    params["timeout"] = 20\n    return client.responses.create(**params)\n` },
    { name: 'python: a client passed in as a parameter is not judged here', filename: 'case.py', code: `${header}\ndef answer(client: OpenAI, q: str):\n    return client.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9)\n` },
    {
      name: 'python: the client from another module has a timeout',
      filename: 'app/service.py',
      files: { 'app/ai.py': `from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n` },
      code: `from app.ai import client\n\n\ndef answer(q: str):\n    return client.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9)\n`,
    },
    {
      name: 'python: LangChain with timeout=',
      filename: 'case.py',
      code: `from langchain_openai import ChatOpenAI\n\nllm = ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_tokens=200)\n\n\ndef answer(q: str):\n    return llm.invoke(q)\n`,
    },
    {
      name: 'python: a timeout in the dict a method of the class builds for **',
      filename: 'case.py',
      code: `${header}\nclass Chat:\n    def __init__(self):\n        self.client = OpenAI()\n\n    def _kwargs(self, q: str) -> dict:\n        kwargs = {"model": "gpt-4o-2024-08-06", "input": q, "max_output_tokens": 9}\n        kwargs["timeout"] = 20\n        return kwargs\n\n    def answer(self, q: str):\n        return self.client.responses.create(**self._kwargs(q))\n`,
    },
    {
      name: 'python: a builder that copies keys chosen at run time is not guessed at',
      filename: 'case.py',
      code: `${header}client = OpenAI()\n\n\ndef build(q: str, extra: dict) -> dict:\n    params = {"model": "gpt-4o-2024-08-06", "input": q, "max_output_tokens": 9}\n    for key in extra:\n        params[key] = extra[key]\n    return params\n\n\ndef answer(q: str, extra: dict):\n    return client.responses.create(**build(q, extra))\n`,
    },
    {
      name: 'python: a builder overridden in a subclass may add the timeout',
      filename: 'case.py',
      code: `${header}\nclass Chat:\n    client = OpenAI()\n\n    def _kwargs(self, q: str) -> dict:\n        return {"model": "gpt-4o-2024-08-06", "input": q, "max_output_tokens": 9}\n\n    def answer(self, q: str):\n        return self.client.responses.create(**self._kwargs(q))\n\n\nclass TimedChat(Chat):\n    def _kwargs(self, q: str) -> dict:\n        return {"model": "gpt-4o-2024-08-06", "input": q, "max_output_tokens": 9, "timeout": 20}\n`,
    },
    {
      name: 'python: a timeout among the keys a builder copies from an allow-list',
      filename: 'case.py',
      code: `${header}client = OpenAI()\nPASSTHROUGH = ("temperature", "timeout")\n\n\ndef build(q: str, extra: dict) -> dict:\n    params = {"model": "gpt-4o-2024-08-06", "input": q, "max_output_tokens": 9}\n    for key in PASSTHROUGH:\n        if extra.get(key) is not None:\n            params[key] = extra[key]\n    return params\n\n\ndef answer(q: str, extra: dict):\n    return client.responses.create(**build(q, extra))\n`,
    },
  ],
  invalid: [
    {
      name: 'python: options built in the function and spread with **params have no timeout',
      filename: 'case.py',
      code: `${header}client = OpenAI()\n\n\ndef answer(q: str):\n    params = dict(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9)\n    return client.responses.create(**params)\n`,
      errors: [{ messageId: 'sdkDefault', line: 8 }],
      fixTitles: [['Add a 30 s timeout to this call', 'Add a 30 s timeout to the OpenAI client']],
      output: `${header}client = OpenAI()\n\n\ndef answer(q: str):\n    params = dict(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9)\n    return client.responses.create(**params, timeout=30)\n`,
    },
    {
      name: 'python: the client imported from another module has no timeout',
      filename: 'app/service.py',
      files: { 'app/ai.py': `from openai import OpenAI\n\nclient = OpenAI(max_retries=3)\n`, 'app/__init__.py': '' },
      code: `from .ai import client\n\n\ndef answer(q: str):\n    return client.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9)\n`,
      errors: [{ messageId: 'sdkDefault', line: 5, data: { sdk: 'OpenAI' } }],
      fixTitles: [['Add a 30 s timeout to this call']],
      output: `from .ai import client\n\n\ndef answer(q: str):\n    return client.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9, timeout=30)\n`,
    },
    {
      name: 'python: SDK default of 10 minutes; the fix adds timeout= to the call',
      filename: 'case.py',
      code: `${header}client = OpenAI()\n\n\n${call('')}`,
      errors: [{ messageId: 'sdkDefault', line: 7, column: 46, data: { sdk: 'OpenAI', defaultTimeout: '10 min' } }],
      fixTitles: [['Add a 30 s timeout to this call', 'Add a 30 s timeout to the OpenAI client']],
      output: `${header}client = OpenAI()\n\n\n${call(', timeout=30')}`,
    },
    {
      name: 'python: timeout=None turns the limit off; the fix replaces the None',
      filename: 'case.py',
      code: `${header}client = OpenAI()\n\n\n${call(', timeout=None')}`,
      errors: [{ messageId: 'none', line: 7 }],
      fixTitles: [['Add a 30 s timeout to this call']],
      output: `${header}client = OpenAI()\n\n\n${call(', timeout=30')}`,
    },
    {
      name: 'python: LangChain passes timeout=None to the SDK; the fix sets it on the chat model',
      filename: 'case.py',
      code: `from langchain_anthropic import ChatAnthropic\n\nllm = ChatAnthropic(model="claude-sonnet-4-5-20250929", max_tokens=300)\n\n\ndef answer(q: str):\n    return llm.invoke(q)\n`,
      errors: [{ messageId: 'none', line: 7, data: { sdk: 'LangChain' } }],
      output: `from langchain_anthropic import ChatAnthropic\n\nllm = ChatAnthropic(model="claude-sonnet-4-5-20250929", max_tokens=300, timeout=30)\n\n\ndef answer(q: str):\n    return llm.invoke(q)\n`,
    },
    {
      name: 'python: requests.post to a model endpoint waits forever without timeout=',
      filename: 'case.py',
      code: `import os\nimport requests\n\n\ndef answer(q: str):\n    r = requests.post("https://api.openai.com/v1/chat/completions", headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}, json={"model": "gpt-4o-2024-08-06", "max_completion_tokens": 9, "messages": [{"role": "user", "content": q}]})\n    return r.json()\n`,
      errors: [{ messageId: 'none', line: 6, data: { sdk: 'requests' } }],
      output: `import os\nimport requests\n\n\ndef answer(q: str):\n    r = requests.post("https://api.openai.com/v1/chat/completions", headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}, json={"model": "gpt-4o-2024-08-06", "max_completion_tokens": 9, "messages": [{"role": "user", "content": q}]}, timeout=30)\n    return r.json()\n`,
    },
    {
      name: 'python: the module-level client (openai.chat.completions.create)',
      filename: 'case.py',
      code: `import openai\n\n\ndef answer(q: str):\n    return openai.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9)\n`,
      errors: [{ messageId: 'sdkDefault', line: 5 }],
      output: `import openai\n\n\ndef answer(q: str):\n    return openai.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9, timeout=30)\n`,
    },
    {
      name: 'python: the dict a method builds for ** has no timeout; the fix adds it beside the spread',
      filename: 'case.py',
      code: `${header}\nclass Chat:\n    def __init__(self):\n        self.client = OpenAI()\n\n    def _kwargs(self, q: str) -> dict:\n        kwargs = {"model": "gpt-4o-2024-08-06", "input": q, "max_output_tokens": 9}\n        if q.endswith("?"):\n            kwargs["temperature"] = 0\n        return kwargs\n\n    def answer(self, q: str):\n        return self.client.responses.create(**self._kwargs(q))\n`,
      errors: [{ messageId: 'sdkDefault', line: 15, data: { sdk: 'OpenAI' } }],
      fixTitles: [['Add a 30 s timeout to this call', 'Add a 30 s timeout to the OpenAI client']],
      output: `${header}\nclass Chat:\n    def __init__(self):\n        self.client = OpenAI()\n\n    def _kwargs(self, q: str) -> dict:\n        kwargs = {"model": "gpt-4o-2024-08-06", "input": q, "max_output_tokens": 9}\n        if q.endswith("?"):\n            kwargs["temperature"] = 0\n        return kwargs\n\n    def answer(self, q: str):\n        return self.client.responses.create(**self._kwargs(q), timeout=30)\n`,
    },
    {
      name: 'python: client options from a builder method have no timeout',
      filename: 'case.py',
      code: `${header}\nclass Chat:\n    def __init__(self, key: str):\n        self.key = key\n        self.client = OpenAI(**self._client_kwargs())\n\n    def _client_kwargs(self) -> dict:\n        return {"api_key": self.key, "max_retries": 3}\n\n    def answer(self, q: str):\n        return self.client.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9)\n`,
      errors: [{ messageId: 'sdkDefault', line: 13 }],
      fixTitles: [['Add a 30 s timeout to this call', 'Add a 30 s timeout to the OpenAI client']],
      output: `${header}\nclass Chat:\n    def __init__(self, key: str):\n        self.key = key\n        self.client = OpenAI(**self._client_kwargs())\n\n    def _client_kwargs(self) -> dict:\n        return {"api_key": self.key, "max_retries": 3}\n\n    def answer(self, q: str):\n        return self.client.responses.create(model="gpt-4o-2024-08-06", input=q, max_output_tokens=9, timeout=30)\n`,
    },
    {
      name: 'python: legacy google.generativeai documents no default timeout',
      filename: 'case.py',
      code: `import google.generativeai as genai\n\nmodel = genai.GenerativeModel("gemini-1.5-flash-002")\n\n\ndef answer(q: str):\n    return model.generate_content(q, generation_config={"max_output_tokens": 200}).text\n`,
      errors: [{ messageId: 'undocumentedDefault', line: 7, data: { sdk: 'Google Generative AI (legacy)' } }],
      output: `import google.generativeai as genai\n\nmodel = genai.GenerativeModel("gemini-1.5-flash-002")\n\n\ndef answer(q: str):\n    return model.generate_content(q, generation_config={"max_output_tokens": 200}, request_options={"timeout": 30}).text\n`,
    },
    {
      name: 'python: the allow-list a builder copies keys from holds no timeout',
      filename: 'case.py',
      code: `${header}client = OpenAI()\nPASSTHROUGH = ("temperature", "top_p")\n\n\ndef build(q: str, extra: dict) -> dict:\n    params = {"model": "gpt-4o-2024-08-06", "input": q, "max_output_tokens": 9}\n    for key in PASSTHROUGH:\n        if extra.get(key) is not None:\n            params[key] = extra[key]\n    return params\n\n\ndef answer(q: str, extra: dict):\n    return client.responses.create(**build(q, extra))\n`,
      errors: [{ messageId: 'sdkDefault', line: 16 }],
      fixTitles: [['Add a 30 s timeout to this call', 'Add a 30 s timeout to the OpenAI client']],
      output: `${header}client = OpenAI()\nPASSTHROUGH = ("temperature", "top_p")\n\n\ndef build(q: str, extra: dict) -> dict:\n    params = {"model": "gpt-4o-2024-08-06", "input": q, "max_output_tokens": 9}\n    for key in PASSTHROUGH:\n        if extra.get(key) is not None:\n            params[key] = extra[key]\n    return params\n\n\ndef answer(q: str, extra: dict):\n    return client.responses.create(**build(q, extra), timeout=30)\n`,
    },
  ],
});
