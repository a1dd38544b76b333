import { ruleTester } from '../../ruleTester';

ruleTester('AIR007', {
  valid: [
    { name: "python: key from the environment", filename: 'case.py', code: "import os\n\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ[\"OPENAI_API_KEY\"], timeout=20)\n" },
    { name: "python: a placeholder is not a key", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(api_key=\"YOUR_API_KEY\", timeout=20)\n" },
    { name: "python: vLLM's EMPTY key", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(api_key=\"EMPTY\", base_url=\"http://gpu-box:8000/v1\", timeout=20)\n" },
    { name: "python: Ollama's key on a local base URL", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(base_url=\"http://localhost:11434/v1/\", api_key=\"ollama\", timeout=20)\n" },
    { name: "python: a dummy key for a server on this machine", filename: 'case.py', code: "from openai import OpenAI\n\nclient = OpenAI(base_url=\"http://127.0.0.1:1234/v1\", api_key=\"whatever\", timeout=20)\n" },
  ],
  invalid: [
    {
      name: "python: a key literal given to the client; the fix reads os.environ (and imports os)",
      filename: 'case.py',
      code: "from openai import OpenAI\n\nclient = OpenAI(api_key=\"sk-proj-abcdefghijklmnopqrstuvwxyz0123456789\", timeout=20)\n",
      errors: [{ messageId: 'hardcoded', line: 3, column: 25 }],
      fixTitles: [["Read the key from the OPENAI_API_KEY environment variable"]],
      output: "from openai import OpenAI\nimport os\n\nclient = OpenAI(api_key=os.environ[\"OPENAI_API_KEY\"], timeout=20)\n",
    },
  ],
});
