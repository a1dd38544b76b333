import { ruleTester } from '../../ruleTester';

ruleTester('AIR008', {
  valid: [
    { name: "python: a dated snapshot", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str):\n    return client.responses.create(model=\"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n" },
    {
      name: "python: a model chosen between two pinned snapshots",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, big: bool):\n    return client.responses.create(model=\"gpt-4o-2024-08-06\" if big else \"gpt-4o-mini-2024-07-18\", input=q, max_output_tokens=9)\n",
    },
    {
      name: "python: a parameter annotated with pinned Literal values",
      filename: 'case.py',
      code: "from typing import Literal\n\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, model: Literal[\"gpt-4o-2024-08-06\", \"gpt-4o-mini-2024-07-18\"]):\n    return client.responses.create(model=model, input=q, max_output_tokens=9)\n",
    },
    {
      name: "python tricky: an unannotated parameter with a default stays open",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, model=\"gpt-4o\"):\n    return client.responses.create(model=model, input=q, max_output_tokens=9)\n",
    },
    {
      name: "python tricky: a name also bound by a loop is not read for its values",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, names: list):\n    model = \"gpt-4o\"\n    for model in names:\n        pass\n    return client.responses.create(model=model, input=q, max_output_tokens=9)\n",
    },
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
    {
      name: "python: one branch of a conditional model is an alias: pinned where it is written",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, big: bool):\n    return client.responses.create(model=\"gpt-4o\" if big else \"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n",
      errors: [{ messageId: 'floating', line: 7, column: 42, endColumn: 50, data: { model: 'gpt-4o' } }],
      output: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, big: bool):\n    return client.responses.create(model=\"gpt-4o-2024-08-06\" if big else \"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n",
    },
    {
      name: "python: a parameter annotated Literal with an alias: reported in the annotation, no fix",
      filename: 'case.py',
      code: "from typing import Literal, Optional\n\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, model: Optional[Literal[\"gpt-4o\", \"gpt-4o-mini-2024-07-18\"]] = None):\n    return client.responses.create(model=model or \"gpt-4o-2024-08-06\", input=q, max_output_tokens=9)\n",
      errors: [{ messageId: 'floating', line: 8, column: 44, endColumn: 52, data: { model: 'gpt-4o' } }],
      fixTitles: [[]],
    },
    {
      name: "python: a module constant holding an alias is pinned where it is written",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\nMODEL = \"gpt-4o\"\n\n\ndef answer(q: str):\n    return client.responses.create(model=MODEL, input=q, max_output_tokens=9)\n",
      errors: [{ messageId: 'floating', line: 4, column: 9 }],
      output: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\nMODEL = \"gpt-4o-2024-08-06\"\n\n\ndef answer(q: str):\n    return client.responses.create(model=MODEL, input=q, max_output_tokens=9)\n",
    },
    {
      name: "python: an open value with a retired default: the default is still reported and replaced",
      filename: 'case.py',
      code: "from anthropic import Anthropic\n\nclient = Anthropic(timeout=20)\n\n\ndef answer(q: str, model=None):\n    return client.messages.create(model=model or \"claude-3-5-sonnet-20241022\", max_tokens=64, messages=[])\n",
      errors: [{ messageId: 'retired', line: 7, column: 50, data: { model: 'claude-3-5-sonnet-20241022' } }],
      output: "from anthropic import Anthropic\n\nclient = Anthropic(timeout=20)\n\n\ndef answer(q: str, model=None):\n    return client.messages.create(model=model or \"claude-sonnet-4-5-20250929\", max_tokens=64, messages=[])\n",
    },
    {
      name: "python tricky: a name assigned on two paths gives both values",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, big: bool):\n    model = \"gpt-4o-2024-08-06\"\n    if big:\n        model = \"gpt-4o-mini\"\n    return client.responses.create(model=model, input=q, max_output_tokens=9)\n",
      errors: [{ messageId: 'floating', line: 9, column: 17, data: { model: 'gpt-4o-mini' } }],
      output: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, big: bool):\n    model = \"gpt-4o-2024-08-06\"\n    if big:\n        model = \"gpt-4o-mini-2024-07-18\"\n    return client.responses.create(model=model, input=q, max_output_tokens=9)\n",
    },
  ],
});
