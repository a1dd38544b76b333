// The engine over an in-memory host: config discovery, ownership, the project index, exclusion, fixing and the
// workspace snapshot, with no disk involved.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { Engine } from '../../server/src/core';
import { MemoryHost } from './memoryHost';
import { loadPythonParser } from '../../server/src/node/python';

const call = (client = 'new OpenAI()') => `import OpenAI from 'openai';
const openai = ${client};
export const ask = (q: string) => openai.responses.create({ model: 'gpt-4o', input: q });
`;

const ruleIdsOf = (result: ReturnType<Engine['analyzeFile']>) => (result.status === 'analysed' ? [...new Set(result.analysis.findings.map((f) => f.ruleId))].sort() : result.status);

describe('engine', () => {
  it('finds the nearest config at or above a file, not above the workspace folder', () => {
    const host = new MemoryHost(
      new Map([
        ['/.prodready.json', '{ "rules": { "AIR001": "off" } }'],
        ['/ws/.prodready.json', '{ "rules": { "AIR006": "off" } }'],
        ['/ws/svc/.prodready.json', '{ "rules": { "AIR008": "off" } }'],
      ]),
    );
    const engine = new Engine(host);
    assert.equal(engine.configFor('/ws/svc/app/a.ts', '/ws').file, '/ws/svc/.prodready.json');
    assert.equal(engine.configFor('/ws/lib/a.ts', '/ws').file, '/ws/.prodready.json');
    assert.equal(engine.configFor('/other/a.ts', '/other').file, undefined, 'the config above the folder does not apply');
    assert.equal(engine.configFor('/other/a.ts').file, '/.prodready.json', 'without a folder, the search goes to the top');
    const result = engine.analyzeFile({ file: '/ws/svc/a.ts', text: call(), root: '/ws' });
    assert.ok(result.status === 'analysed' && !result.analysis.findings.some((f) => f.ruleId === 'AIR008'));
  });

  it('reads each config once until it changes; a config that cannot be read says why', () => {
    const host = new MemoryHost(new Map([['/ws/.prodready.json', '{ "rules": { "AIR001": "error" } }']]));
    const engine = new Engine(host);
    const first = engine.configAt('/ws');
    assert.equal(engine.configAt('/ws'), first);
    assert.equal(host.reads.filter((file) => file === '/ws/.prodready.json').length, 1);
    host.files.set('/ws/.prodready.json', '{ "rules": { "AIR001": "loud" } }');
    assert.equal(engine.configAt('/ws'), first, 'cached until told');
    engine.configChanged('/ws/.prodready.json');
    assert.match(engine.configAt('/ws').problems[0].message, /AIR001 \(ai-call-timeout\) takes one of/);
    assert.equal(engine.loadConfig('/ws/missing.json').unreadable, 'it no longer exists');
  });

  it('reads owners from the config and from the CODEOWNERS of the repository holding the folder', () => {
    const host = new MemoryHost(
      new Map([
        ['/repo/.github/CODEOWNERS', '/svc/jobs/ @data-team\n'],
        ['/repo/svc/.prodready.json', JSON.stringify({ ownership: [{ path: 'app/', owners: ['@api-team'] }] })],
        ['/repo/svc/app/a.ts', call()],
        ['/repo/svc/jobs/b.ts', call()],
        ['/repo/svc/other/c.ts', call()],
      ]),
      ['/repo/.git'],
    );
    const engine = new Engine(host);
    const ownersOf = (file: string) => {
      const result = engine.analyzeFile({ file, text: host.files.get(file)!, root: '/repo/svc' });
      return result.status === 'analysed' ? result.analysis.facts.callSites[0].owner?.owners : undefined;
    };
    assert.deepEqual(ownersOf('/repo/svc/app/a.ts'), ['@api-team']);
    assert.deepEqual(ownersOf('/repo/svc/jobs/b.ts'), ['@data-team']);
    assert.equal(ownersOf('/repo/svc/other/c.ts'), undefined);
    const result = engine.analyzeFile({ file: '/repo/svc/other/c.ts', text: call(), root: '/repo/svc' });
    assert.ok(ruleIdsOf(result).includes('AIR012'), 'owners are declared, this call has none');
  });

  it('follows imports through the host; a changed module makes its readers stale', () => {
    const host = new MemoryHost(new Map([['/ws/lib/ai.ts', "import OpenAI from 'openai';\nexport const ai = new OpenAI({ timeout: 5000 });\n"]]));
    const engine = new Engine(host);
    const use = "import { ai } from './lib/ai';\nexport const e = (t: string) => ai.embeddings.create({ model: 'text-embedding-3-small', input: t });\n";
    assert.deepEqual(ruleIdsOf(engine.analyzeFile({ file: '/ws/use.ts', text: use, root: '/ws' })).includes('AIR001'), false);
    const edited = engine.analyzeFile({ file: '/ws/lib/ai.ts', text: "import OpenAI from 'openai';\nexport const ai = new OpenAI();\n", root: '/ws' });
    assert.ok(edited.status === 'analysed');
    assert.deepEqual(edited.staleReaders, ['/ws/use.ts']);
    assert.ok(ruleIdsOf(engine.analyzeFile({ file: '/ws/use.ts', text: use, root: '/ws' })).includes('AIR001'));
    assert.deepEqual(engine.fileChanged('/ws/lib/ai.ts'), ['/ws/use.ts']);
  });

  it('skips what it cannot read and leaves excluded files alone, by the editor\'s globs or the config\'s', () => {
    const host = new MemoryHost(new Map([['/ws/.prodready.json', '{ "exclude": ["gen/**"] }']]));
    const engine = new Engine(host);
    assert.equal(engine.analyzeFile({ file: '/ws/gen/a.ts', text: call(), root: '/ws' }).status, 'excluded');
    assert.equal(engine.analyzeFile({ file: '/ws/tmp/a.ts', text: call(), root: '/ws', exclude: ['tmp/**'] }).status, 'excluded');
    assert.equal(engine.analyzeFile({ file: '/ws/gen/a.ts', text: call(), root: '/ws', ignoreExcludes: true }).status, 'analysed');
    const binary = engine.analyzeFile({ file: '/ws/b.ts', text: 'a\u0000b', root: '/ws' });
    assert.equal(binary.status === 'skipped' && binary.reason.kind, 'binary');
    assert.equal(engine.analyzeFile({ file: '/ws/notes.md', text: '# hi' }).status, 'skipped');
  });

  it('checks a set of files: fixes written through the host, notices for what could not be read or written', () => {
    const files = new Map([
      ['/ws/a.ts', call()],
      ['/ws/b.ts', 'a\u0000b'],
    ]);
    const host = new MemoryHost(files);
    const engine = new Engine(host);
    const config = engine.configAt('/ws');
    const checked = engine.checkFiles({ files: ['/ws/a.ts', '/ws/b.ts', '/ws/gone.ts'], root: '/ws', config, fix: true });
    assert.deepEqual(checked.notices, [
      { file: '/ws/b.ts', message: 'skipped, it looks binary.' },
      { file: '/ws/gone.ts', message: 'skipped, it no longer exists.' },
    ]);
    assert.equal(checked.fixed.files, 1);
    assert.ok(checked.fixed.problems >= 2);
    assert.match(host.writes.get('/ws/a.ts') ?? '', /\{ timeout: 30000 \}/);
    assert.equal(checked.analyses.length, 1);

    const refusing = new MemoryHost(new Map([['/ws/a.ts', call()]]));
    refusing.refuseWrites = true;
    const again = new Engine(refusing).checkFiles({ files: ['/ws/a.ts'], root: '/ws', config, fix: true });
    assert.deepEqual(again.notices, [{ file: '/ws/a.ts', message: 'not fixed, permission denied.' }]);
    assert.ok(again.analyses[0].findings.some((f) => f.ruleId === 'AIR001'), 'the report is of the file as it is');
  });

  it('makes the workspace snapshot the checklist reads, small files read through the host', () => {
    const host = new MemoryHost(new Map([['/ws/a.ts', call()], ['/ws/Dockerfile', 'FROM node:22\n'], ['/ws/big.txt', 'x'.repeat(2 * 1024 * 1024)]]));
    const engine = new Engine(host);
    const config = engine.configAt('/ws');
    const result = engine.analyzeFile({ file: '/ws/a.ts', text: call(), root: '/ws' });
    assert.ok(result.status === 'analysed');
    const snapshot = engine.snapshot({ root: '/ws', files: engine.listFiles('/ws'), analyses: [result.analysis], config });
    assert.deepEqual(snapshot.files, ['Dockerfile', 'a.ts', 'big.txt']);
    assert.equal(snapshot.readFile('Dockerfile'), 'FROM node:22\n');
    assert.equal(snapshot.readFile('big.txt'), undefined);
  });
});

/** Python relative imports (`from .base import BaseChat`) over the memory host. */
class PythonMemoryHost extends MemoryHost {
  override resolveModule(specifier: string, fromFile: string): string | undefined {
    const dots = /^\.*/.exec(specifier)![0].length;
    if (dots === 0) return undefined;
    let dir = path.posix.dirname(fromFile);
    for (let up = 1; up < dots; up++) dir = path.posix.dirname(dir);
    const file = path.posix.join(dir, ...specifier.slice(dots).split('.')) + '.py';
    return this.files.has(file) ? file : undefined;
  }
}

const chatProject = () =>
  new Map([
    [
      '/ws/chat/base.py',
      `from abc import ABC, abstractmethod


class BaseChat(ABC):
    async def ask(self, question):
        return await self._complete([{"role": "user", "content": question}])

    def score(self, text):
        return self._score(text)

    @abstractmethod
    async def _complete(self, messages):
        ...

    def _score(self, text):
        raise NotImplementedError
`,
    ],
    [
      '/ws/chat/openai_chat.py',
      `from openai import AsyncOpenAI
from .base import BaseChat


class OpenAIChat(BaseChat):
    def __init__(self):
        self.client = AsyncOpenAI(timeout=30)

    async def _complete(self, messages):
        return await self.client.chat.completions.create(model="gpt-4o-mini", messages=messages)
`,
    ],
    [
      '/ws/chat/scripted.py',
      `from .base import BaseChat


class ScriptedChat(BaseChat):
    async def _complete(self, messages):
        return "canned"

    def _score(self, text):
        return 1.0
`,
    ],
    [
      '/ws/service.py',
      `from .chat.base import BaseChat


class Service:
    def __init__(self, chat: BaseChat):
        self.chat = chat

    async def answer(self, question):
        return await self.chat.ask(question)

    def rank(self, text):
        return self.chat.score(text)
`,
    ],
  ]);

describe('engine: abstract methods implemented in other modules', () => {
  before(async () => assert.equal(await loadPythonParser(), undefined));

  const sitesByFile = (files: string[]) => {
    const engine = new Engine(new PythonMemoryHost(chatProject()));
    const checked = engine.checkFiles({ files, root: '/ws', config: engine.configAt('/ws') });
    return Object.fromEntries(checked.analyses.map((analysis) => [analysis.file, analysis.facts.callSites.map((site) => `${site.sdk} ${site.api}`)]));
  };

  it('finds the base class\'s wrapper sites whichever module is read first (stale files are read again)', () => {
    const expected = {
      '/ws/chat/base.py': ['wrapper BaseChat._complete'],
      '/ws/chat/openai_chat.py': ['openai chat.completions.create'],
      '/ws/chat/scripted.py': [],
      '/ws/service.py': ['wrapper BaseChat.ask'],
    };
    const baseFirst = ['/ws/chat/base.py', '/ws/service.py', '/ws/chat/scripted.py', '/ws/chat/openai_chat.py'];
    assert.deepEqual(sitesByFile(baseFirst), expected);
    assert.deepEqual(sitesByFile([...baseFirst].reverse()), expected);
  });

  it('reports nothing for an abstract method only a test double implements', () => {
    const files = ['/ws/chat/base.py', '/ws/chat/scripted.py', '/ws/service.py'];
    assert.deepEqual(sitesByFile(files), { '/ws/chat/base.py': [], '/ws/chat/scripted.py': [], '/ws/service.py': [] });
  });

  it('makes the base module stale when a subclass module implementing its abstract method appears', () => {
    const engine = new Engine(new PythonMemoryHost(chatProject()));
    const text = (file: string) => chatProject().get(file)!;
    const base = engine.analyzeFile({ file: '/ws/chat/base.py', text: text('/ws/chat/base.py'), root: '/ws' });
    assert.ok(base.status === 'analysed' && base.analysis.facts.callSites.length === 0);
    const sub = engine.analyzeFile({ file: '/ws/chat/openai_chat.py', text: text('/ws/chat/openai_chat.py'), root: '/ws' });
    assert.ok(sub.status === 'analysed');
    assert.deepEqual(sub.staleReaders, ['/ws/chat/base.py']);
    const again = engine.analyzeFile({ file: '/ws/chat/base.py', text: text('/ws/chat/base.py'), root: '/ws' });
    assert.ok(again.status === 'analysed');
    assert.deepEqual(again.analysis.facts.callSites.map((site) => site.api), ['BaseChat._complete']);
    // The subclass no longer calls a model: the base is stale again and its site goes.
    const plain = engine.analyzeFile({ file: '/ws/chat/openai_chat.py', text: text('/ws/chat/scripted.py'), root: '/ws' });
    assert.ok(plain.status === 'analysed');
    assert.deepEqual(plain.staleReaders, ['/ws/chat/base.py']);
  });
});

const callbackProject = () =>
  new Map([
    [
      '/ws/llm.ts',
      `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 20_000 });
export const complete = (prompt: string) => openai.responses.create({ model: 'gpt-4o-2024-08-06', input: prompt });
`,
    ],
    [
      '/ws/inference.ts',
      `type Generate = (prompt: string) => Promise<unknown>;
async function structured(generate: Generate, prompt: string) {
  return generate(prompt);
}
export async function classify(params: { text: string; generate: Generate }) {
  const { text, generate } = params;
  return structured(generate, text);
}
export function later(handler: () => Promise<void>) {
  return { run: () => handler() };
}
`,
    ],
    [
      '/ws/tickets.ts',
      `import * as inference from './inference';
import { complete } from './llm';
export async function triage(text: string) {
  const scheduled = inference.later(async () => { await complete(text); });
  return inference.classify({ text, generate: (prompt) => complete(prompt) });
}
`,
    ],
  ]);

describe('engine: model callbacks given to functions in other modules', () => {
  const sitesByFile = (files: string[], project = callbackProject()) => {
    const engine = new Engine(new MemoryHost(project));
    const checked = engine.checkFiles({ files, root: '/ws', config: engine.configAt('/ws') });
    const lineOf = (file: string, start: number) => project.get(file)!.slice(0, start).split('\n').length;
    return Object.fromEntries(checked.analyses.map((analysis) => [analysis.file, analysis.facts.callSites.map((site) => `${lineOf(analysis.file, site.span.start)} ${site.api}`)]));
  };

  it('makes the call of a parameter a model request when a caller elsewhere gives it one, whichever module is read first', () => {
    const expected = {
      '/ws/inference.ts': ['3 generate', '7 structured'],
      '/ws/llm.ts': ['3 responses.create'],
      // `later` keeps its callback in what it returns: calling it sends nothing, so it is no site.
      '/ws/tickets.ts': ['4 complete', '5 classify', '5 complete'],
    };
    const files = ['/ws/inference.ts', '/ws/tickets.ts', '/ws/llm.ts'];
    assert.deepEqual(sitesByFile(files), expected);
    assert.deepEqual(sitesByFile([...files].reverse()), expected);
  });

  it('finds nothing in the invoked module when its callers give it no model callback', () => {
    const project = callbackProject();
    project.set('/ws/tickets.ts', `import * as inference from './inference';\nexport const triage = (text: string) => inference.classify({ text, generate: async (p) => p.toUpperCase() });\n`);
    assert.deepEqual(sitesByFile(['/ws/inference.ts', '/ws/tickets.ts', '/ws/llm.ts'], project), { '/ws/inference.ts': [], '/ws/llm.ts': ['3 responses.create'], '/ws/tickets.ts': [] });
  });

  it('makes the invoked module stale when a caller starts or stops giving it a model callback', () => {
    const project = callbackProject();
    const engine = new Engine(new MemoryHost(project));
    const analyse = (file: string, text = project.get(file)!) => engine.analyzeFile({ file, text, root: '/ws' });
    const first = analyse('/ws/inference.ts');
    assert.ok(first.status === 'analysed' && first.analysis.facts.callSites.length === 0);
    const caller = analyse('/ws/tickets.ts');
    assert.ok(caller.status === 'analysed');
    assert.ok(caller.staleReaders.includes('/ws/inference.ts'));
    const again = analyse('/ws/inference.ts');
    assert.ok(again.status === 'analysed');
    assert.deepEqual(again.analysis.facts.callSites.map((site) => site.api), ['generate', 'structured']);
    assert.match(again.analysis.facts.callSites[0].recognizedBy, /a callback passed in by its caller classify\(\)/);
    const plain = analyse('/ws/tickets.ts', `import * as inference from './inference';\nexport const triage = (text: string) => inference.classify({ text, generate: async (p) => p });\n`);
    assert.ok(plain.status === 'analysed' && plain.staleReaders.includes('/ws/inference.ts'));
  });
});
