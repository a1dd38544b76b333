import { ruleTester } from '../../ruleTester';

ruleTester('AIR005', {
  valid: [
    { name: "python: redacted before it reaches the prompt", filename: 'case.py', code: "from openai import OpenAI\n\nfrom app.privacy import redact_pii\n\nclient = OpenAI(timeout=20)\n\n\ndef draft(ticket: str, user) -> str:\n    r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=f\"Reply to {redact_pii(user.email)} about: {ticket}\", max_output_tokens=200)\n    return r.output_text\n" },
  ],
  invalid: [
    {
      name: "python: an e-mail in an f-string prompt; the fix adds redact_pii (and imports re)",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef draft(ticket: str, user) -> str:\n    r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=f\"Reply to {user.email} about: {ticket}\", max_output_tokens=200)\n    return r.output_text\n",
      errors: [{ messageId: 'pii', line: 7, column: 78 }],
      fixTitles: [["Add a redact_pii() helper to this file and redact with it"]],
      output: "from openai import OpenAI\nimport re\n\nclient = OpenAI(timeout=20)\n\n\ndef draft(ticket: str, user) -> str:\n    r = client.responses.create(model=\"gpt-4o-2024-08-06\", input=f\"Reply to {redact_pii(user.email)} about: {ticket}\", max_output_tokens=200)\n    return r.output_text\n\n\ndef redact_pii(text: str) -> str:\n    \"\"\"Masks e-mail addresses and phone numbers before text reaches a model.\"\"\"\n    text = re.sub(r\"[\\w.+-]+@[\\w-]+\\.[\\w.]+\", \"[email]\", str(text))\n    return re.sub(r\"\\+?\\d[\\d\\s().-]{7,}\\d\", \"[phone]\", text)\n",
    },
  ],
});
