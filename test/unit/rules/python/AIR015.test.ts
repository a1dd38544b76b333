import { ruleTester } from '../../ruleTester';

const header = 'from openai import OpenAI\n\nclient = OpenAI(timeout=20)\nTOOLS: list = []\n\n\n';
const create = 'client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=500, messages=messages, tools=TOOLS)';
const runTools = '        for call in r.choices[0].message.tool_calls:\n            messages.append({"role": "tool", "tool_call_id": call.id, "content": run_tool(call)})\n';

ruleTester('AIR015', {
  valid: [
    {
      name: 'python: a counted for loop',
      filename: 'case.py',
      code: `${header}def agent(messages: list, run_tool) -> str:\n    for _ in range(8):\n        r = ${create}\n        if not r.choices[0].message.tool_calls:\n            return r.choices[0].message.content\n${runTools}    raise RuntimeError("agent did not finish")\n`,
    },
    {
      name: 'python: while with a turn cap in its condition',
      filename: 'case.py',
      code: `${header}MAX_TURNS = 8\n\n\ndef agent(messages: list, run_tool) -> str:\n    turns = 0\n    while turns < MAX_TURNS:\n        turns += 1\n        r = ${create}\n        if not r.choices[0].message.tool_calls:\n            return r.choices[0].message.content\n${runTools}    raise RuntimeError("agent did not finish")\n`,
    },
    {
      name: 'python: while True with a step check inside',
      filename: 'case.py',
      code: `${header}def agent(messages: list, run_tool) -> str:\n    step = 0\n    while True:\n        step += 1\n        if step > 10:\n            raise RuntimeError("too many steps")\n        r = ${create}\n        if not r.choices[0].message.tool_calls:\n            return r.choices[0].message.content\n${runTools}`,
    },
    {
      name: 'python: a chat loop that runs no tools',
      filename: 'case.py',
      code: `${header}def chat(messages: list) -> None:\n    while True:\n        messages.append({"role": "user", "content": input("> ")})\n        r = client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=500, messages=messages)\n        print(r.choices[0].message.content)\n`,
    },
  ],
  invalid: [
    {
      name: 'python: while True running OpenAI tool calls',
      filename: 'case.py',
      code: `${header}def agent(messages: list, run_tool) -> str:\n    while True:\n        r = ${create}\n        if not r.choices[0].message.tool_calls:\n            return r.choices[0].message.content\n${runTools}`,
      errors: [{ messageId: 'handWritten', line: 8, column: 5, endLine: 8, endColumn: 16, data: { sdk: 'OpenAI' } }],
    },
    {
      name: 'python: Anthropic loop until stop_reason is not tool_use',
      filename: 'case.py',
      code: `from anthropic import Anthropic\n\nclient = Anthropic(timeout=20)\n\n\ndef agent(messages: list, run_tools) -> list:\n    done = False\n    while not done:\n        r = client.messages.create(model="claude-sonnet-4-5-20250929", max_tokens=1024, messages=messages)\n        done = r.stop_reason != "tool_use"\n        if not done:\n            messages.append({"role": "assistant", "content": r.content})\n            messages.append({"role": "user", "content": run_tools(r.content)})\n    return messages\n`,
      errors: [{ messageId: 'handWritten', line: 8, column: 5, data: { sdk: 'Anthropic' } }],
    },
  ],
});
