import { ruleTester } from '../../ruleTester';

ruleTester('AIR010', {
  valid: [
    { name: "python: validated with a pydantic model", filename: 'case.py', code: "import json\n\nfrom openai import OpenAI\nfrom pydantic import BaseModel\n\nclient = OpenAI(timeout=20)\n\n\nclass Ticket(BaseModel):\n    label: str\n\n\ndef classify(q: str) -> Ticket:\n    r = client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=100, messages=[{\"role\": \"user\", \"content\": q}])\n    return Ticket.model_validate(json.loads(r.choices[0].message.content))\n" },
    { name: "python: parsed into a variable, then Model(**data)", filename: 'case.py', code: "import json\n\nfrom openai import OpenAI\nfrom pydantic import BaseModel\n\nclient = OpenAI(timeout=20)\n\n\nclass Ticket(BaseModel):\n    label: str\n\n\ndef classify(q: str) -> Ticket:\n    r = client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=100, messages=[{\"role\": \"user\", \"content\": q}])\n    data = json.loads(r.choices[0].message.content)\n    return Ticket(**data)\n" },
  ],
  invalid: [
    {
      name: "python: json.loads on the output with no schema check",
      filename: 'case.py',
      code: "import json\n\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef classify(q: str) -> dict:\n    r = client.chat.completions.create(model=\"gpt-4o-2024-08-06\", max_completion_tokens=100, messages=[{\"role\": \"user\", \"content\": q}])\n    return json.loads(r.choices[0].message.content)\n",
      errors: [{ messageId: 'unvalidated', line: 10, column: 12 }],
    },
  ],
});
