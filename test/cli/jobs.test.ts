import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { writeWorkspace } from '../bench/workspace';
import { runCli, scratch, writeFiles } from './harness';

// A scan read on worker threads reports exactly what the same scan on one thread reports: the workers only read what
// each file says by itself; imports, wrappers and class hierarchies across modules are followed on the main thread.

const { dir: root, remove } = scratch('prodready-jobs-');
after(remove);

/** Cross-module wrappers (generated), a subclass implementing its base class's model call, a model callback given elsewhere. */
function workspace(): string {
  const dir = path.join(root, 'ws');
  writeWorkspace(dir, 300);
  writeFiles(dir, {
    'py/__init__.py': '',
    'py/chat/__init__.py': '',
    'py/chat/base.py': `from abc import ABC, abstractmethod


class BaseChat(ABC):
    async def ask(self, question):
        return await self._complete([{"role": "user", "content": question}])

    @abstractmethod
    async def _complete(self, messages):
        ...
`,
    'py/chat/openai_chat.py': `from openai import AsyncOpenAI
from .base import BaseChat


class OpenAIChat(BaseChat):
    def __init__(self):
        self.client = AsyncOpenAI(timeout=30)

    async def _complete(self, messages):
        return await self.client.chat.completions.create(model="gpt-4o-mini", messages=messages)
`,
    'py/service.py': `from .chat.base import BaseChat


class Service:
    def __init__(self, chat: BaseChat):
        self.chat = chat

    async def answer(self, question):
        return await self.chat.ask(question)
`,
    'src/jobs/llm.ts': `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 20_000 });
export const complete = (prompt: string) => openai.responses.create({ model: 'gpt-4o-2024-08-06', input: prompt });
`,
    'src/jobs/inference.ts': `type Generate = (prompt: string) => Promise<unknown>;
async function structured(generate: Generate, prompt: string) {
  return generate(prompt);
}
export async function classify(params: { text: string; generate: Generate }) {
  const { text, generate } = params;
  return structured(generate, text);
}
`,
    'src/jobs/tickets.ts': `import * as inference from './inference';
import { complete } from './llm';
export const triage = (text: string) => inference.classify({ text, generate: (prompt) => complete(prompt) });
`,
    // Read as text only: an expired waiver, and a file that looks binary.
    'src/m1/waived.ts': `// prodready-ignore-next-line AIR001 -- pilot owner=@growth until=2025-10-01\nexport const limit = 10;\n`,
    'src/m2/blob.ts': 'export const x = 1;\u0000\u0000\n',
    'jobs/tag.py': 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n',
    'jobs/plain.py': '# prodready-ignore-next-line AIR001 -- old owner=@data until=2025-01-31\nLIMIT = 10\n',
  });
  return dir;
}

describe('prodready check --jobs', () => {
  const dir = workspace();
  const files = fs.readdirSync(dir, { recursive: true }).filter((name) => /\.(ts|py)$/.test(String(name))).length;

  it('reports the same, byte for byte, on one thread and on worker threads', () => {
    const single = runCli(dir, ['check', '.', '--format', 'json', '--fail-on', 'off', '--jobs', '1', '--debug']);
    const workers = runCli(dir, ['check', '.', '--format', 'json', '--fail-on', 'off', '--jobs', '3', '--debug']);
    assert.equal(single.code, 0, single.stderr);
    assert.equal(workers.code, 0, workers.stderr);
    assert.doesNotMatch(single.stderr, /worker thread/);
    // Every file was read by a worker (Python files are checked on the main thread, with its parser).
    assert.match(workers.stderr, new RegExp(`debug: ${files} of ${files} files read on 2 worker threads`));
    assert.equal(workers.stdout, single.stdout);

    const report = JSON.parse(single.stdout) as { callSites: { file: string; sdk: string }[]; findings: { ruleId: string; file: string }[]; notices: { file: string }[] };
    const sites = (file: string) => report.callSites.filter((site) => site.file === file).map((site) => site.sdk);
    assert.deepEqual(sites('src/callers/caller2.ts'), ['wrapper'], 'a caller reaches the model through a wrapper in another module');
    assert.deepEqual(sites('py/chat/base.py'), ['wrapper'], 'the base class calls the method a subclass implements with a model request');
    assert.equal(sites('src/jobs/inference.ts').length, 2, 'the callback tickets.ts gives is a model request');
    assert.ok(report.findings.some((finding) => finding.ruleId === 'AIR013' && finding.file === 'src/m1/waived.ts'));
    assert.ok(report.findings.some((finding) => finding.ruleId === 'AIR013' && finding.file === 'jobs/plain.py'));
    assert.ok(report.notices.some((notice) => notice.file === 'src/m2/blob.ts'));
  });

  it('gives the same text report and checklist either way', () => {
    const single = runCli(dir, ['check', '.', '--checklist', '--fail-on', 'off', '--jobs', '1']);
    const workers = runCli(dir, ['check', '.', '--checklist', '--fail-on', 'off', '--jobs', '2']);
    assert.equal(workers.stdout, single.stdout);
    assert.equal(workers.stderr, single.stderr);
  });

  it('refuses a number of threads below 1', () => {
    for (const given of ['0', 'many']) {
      const run = runCli(dir, ['check', '.', '--jobs', given]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--jobs takes a number of threads/);
    }
  });
});
