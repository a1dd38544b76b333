import { ruleTester } from '../../ruleTester';

const header = 'from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\n';
const ask = '    r = client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=100, messages=[{"role": "user", "content": q}])\n';

ruleTester('AIR014', {
  valid: [
    { name: 'python: output returned as text', filename: 'case.py', code: `${header}def answer(q: str) -> str:\n${ask}    return r.choices[0].message.content\n` },
    {
      name: 'python: parameterised query',
      filename: 'case.py',
      code: `import sqlite3\n\n${header}def tag(db: sqlite3.Connection, q: str, id: int) -> None:\n${ask}    label = r.choices[0].message.content\n    db.execute("UPDATE tickets SET label = ? WHERE id = ?", (label, id))\n`,
    },
    {
      name: 'python: escaped before Markup',
      filename: 'case.py',
      code: `from markupsafe import Markup, escape\n\n${header}def render(q: str) -> Markup:\n${ask}    return Markup("<p>%s</p>") % escape(r.choices[0].message.content)\n`,
    },
    {
      name: 'python: subprocess with an argument list and no shell',
      filename: 'case.py',
      code: `import subprocess\n\n${header}def grep(q: str) -> None:\n${ask}    subprocess.run(["grep", "-r", r.choices[0].message.content, "."], check=True)\n`,
    },
    {
      name: 'python: allow-list lookup keyed by the output',
      filename: 'case.py',
      code: `import os\n\n${header}COMMANDS = {"status": "git status", "log": "git log -5"}\n\n\ndef run(q: str) -> None:\n${ask}    choice = r.choices[0].message.content.strip()\n    os.system(COMMANDS.get(choice, "true"))\n`,
    },
    {
      name: 'python: a local eval is not the builtin',
      filename: 'case.py',
      code: `from scoring import eval\n\n${header}def score(q: str) -> float:\n${ask}    return eval(r.choices[0].message.content)\n`,
    },
    {
      name: 'python: a SQLAlchemy insert binds the output as a value',
      filename: 'case.py',
      code: `from sqlalchemy import insert\n\n${header}def tag(session, tickets, q: str) -> None:\n${ask}    label = r.choices[0].message.content\n    session.execute(insert(tickets).values(label=label))\n`,
    },
    {
      name: 'python: a tool call executed with its arguments is not SQL',
      filename: 'case.py',
      code: `import json\n\n${header}def step(q: str, tool) -> object:\n${ask}    call = r.choices[0].message.tool_calls[0]\n    return tool.execute(json.loads(call.function.arguments))\n`,
    },
  ],
  invalid: [
    {
      name: 'python: eval of the answer',
      filename: 'case.py',
      code: `${header}def calc(q: str) -> float:\n${ask}    return eval(r.choices[0].message.content)\n`,
      errors: [{ messageId: 'code', line: 8, column: 12, data: { sink: 'eval', source: 'OpenAI' } }],
    },
    {
      name: 'python: exec of code extracted from the answer',
      filename: 'case.py',
      code: `${header}def run(q: str) -> None:\n${ask}    text = r.choices[0].message.content\n    code = text.split("\`\`\`")[1]\n    exec(code)\n`,
      errors: [{ messageId: 'code', line: 10, column: 5, data: { sink: 'exec' } }],
    },
    {
      name: 'python: os.system with an f-string',
      filename: 'case.py',
      code: `import os\n\n${header}def fix(q: str) -> None:\n${ask}    os.system(f"git {r.choices[0].message.content}")\n`,
      errors: [{ messageId: 'shell', line: 10, column: 5, data: { sink: 'os.system' } }],
    },
    {
      name: 'python: subprocess.run with shell=True',
      filename: 'case.py',
      code: `from subprocess import run\n\n${header}def fix(q: str) -> None:\n${ask}    cmd = r.choices[0].message.content\n    run(cmd, shell=True)\n`,
      errors: [{ messageId: 'shell', line: 11, column: 5, data: { sink: 'run' } }],
    },
    {
      name: 'python: text-to-SQL through a cursor',
      filename: 'case.py',
      code: `${header}def ask_db(cursor, q: str) -> list:\n${ask}    where = r.choices[0].message.content\n    cursor.execute("SELECT * FROM orders WHERE " + where)\n    return cursor.fetchall()\n`,
      errors: [{ messageId: 'sql', line: 9, column: 5, data: { sink: 'cursor.execute' } }],
    },
    {
      name: 'python: SQLAlchemy text() built with an f-string',
      filename: 'case.py',
      code: `from sqlalchemy import text\n\n${header}def ask_db(session, q: str) -> list:\n${ask}    where = r.choices[0].message.content\n    return session.execute(text(f"SELECT * FROM orders WHERE {where}")).all()\n`,
      errors: [{ messageId: 'sql', line: 11, column: 12, data: { sink: 'session.execute' } }],
    },
    {
      name: 'python: Django mark_safe',
      filename: 'case.py',
      code: `from django.utils.safestring import mark_safe\n\n${header}def render(q: str) -> str:\n${ask}    return mark_safe(r.choices[0].message.content)\n`,
      errors: [{ messageId: 'template', line: 10, column: 12, data: { sink: 'mark_safe' } }],
    },
    {
      name: 'python: a stream written into Markup',
      filename: 'case.py',
      code: `from markupsafe import Markup\n\n${header}def render(q: str) -> Markup:\n    html = ""\n    for chunk in client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=100, stream=True, messages=[{"role": "user", "content": q}]):\n        html += chunk.choices[0].delta.content or ""\n    return Markup(html)\n`,
      errors: [{ messageId: 'template', line: 12, column: 12, data: { sink: 'Markup' } }],
    },
    {
      name: "python: through the project's wrapper",
      filename: 'case.py',
      code: `${header}def complete(q: str) -> str:\n${ask}    return r.choices[0].message.content\n\n\ndef run(q: str) -> None:\n    code = complete(q)\n    exec(code)\n`,
      errors: [{ messageId: 'code', line: 13, column: 5, data: { sink: 'exec', source: 'complete()' } }],
    },
  ],
});
