import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/engine/analyzeFile';
import { ProjectIndex, type ProjectHost } from '../../server/src/core/project/projectIndex';

/** A project in memory: relative specifiers resolve to `.ts`, `.js` or `/index.ts` files. */
function memoryProject(files: Record<string, string>): { index: ProjectIndex; files: Record<string, string>; reads: string[] } {
  const reads: string[] = [];
  const host: ProjectHost = {
    resolveModule(specifier, fromFile) {
      if (!specifier.startsWith('.')) return undefined;
      const base = path.posix.join(path.posix.dirname(fromFile), specifier);
      return [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`].find((candidate) => candidate in files);
    },
    readFile(file) {
      reads.push(file);
      return files[file];
    },
  };
  return { index: new ProjectIndex(host), files, reads };
}

function sitesIn(project: ReturnType<typeof memoryProject>, file: string) {
  const analysis = analyzeText(file, project.files[file], { resolveImport: project.index.resolverFor(file) });
  project.index.update(file, analysis.facts.exports);
  return analysis;
}

const summary = (analysis: ReturnType<typeof analyzeText>) => analysis.facts.callSites.map((site) => `${site.sdk} ${site.api}`);

describe('project index', () => {
  it('follows named, default, renamed and star re-exports, and client factories', () => {
    const project = memoryProject({
      '/p/ai/client.ts': `import Anthropic from '@anthropic-ai/sdk';
export const claude = new Anthropic({ timeout: 30_000 });
export function createClient() { return new Anthropic(); }
export default claude;
`,
      '/p/ai/index.ts': `export * from './client';
export { default as defaultClaude } from './client';
`,
      '/p/app.ts': `import claude, { createClient } from './ai/client';
import * as ai from './ai';
import { defaultClaude } from './ai';
claude.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1, messages: [] });
createClient().messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1, messages: [] });
ai.claude.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1, messages: [] });
defaultClaude.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1, messages: [] });
`,
    });
    const analysis = sitesIn(project, '/p/app.ts');
    assert.deepEqual(summary(analysis), Array(4).fill('anthropic messages.create'));
    const timeouts = analysis.facts.callSites.map((site) => site.effective.timeout.source);
    assert.deepEqual(timeouts, ['client', 'sdk-default', 'client', 'client']);
    assert.equal(analysis.facts.callSites[0].client?.file, '/p/ai/client.ts');
  });

  it('reads CommonJS exports', () => {
    const project = memoryProject({
      '/p/openai.js': `const OpenAI = require('openai');
const openai = new OpenAI({ maxRetries: 0 });
module.exports = { openai };
`,
      '/p/job.js': `const { openai } = require('./openai');
openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
    });
    const analysis = sitesIn(project, '/p/job.js');
    assert.deepEqual(summary(analysis), ['openai embeddings.create']);
    assert.equal(analysis.facts.callSites[0].effective.retries.value, 0);
  });

  it('turns calls to project functions that make AI calls into wrapper sites, reported only inside', () => {
    const project = memoryProject({
      '/p/llm.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function complete(prompt: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: prompt }] });
  return r.choices[0].message.content;
}
export const summarise = (text: string) => complete(\`Summarise: \${text}\`);
`,
      '/p/route.ts': `import { summarise } from './llm';
export async function POST(req: Request) {
  try {
    return Response.json({ summary: await summarise(await req.text()) });
  } catch {
    return Response.json({ summary: null }, { status: 503 });
  }
}
`,
    });
    const inside = sitesIn(project, '/p/llm.ts');
    assert.deepEqual(summary(inside), ['openai chat.completions.create', 'wrapper complete']);
    const route = sitesIn(project, '/p/route.ts');
    assert.deepEqual(summary(route), ['wrapper summarise']);
    const [site] = route.facts.callSites;
    assert.equal(site.wraps?.file, '/p/llm.ts');
    assert.equal(site.wraps?.api, 'chat.completions.create');
    assert.equal(site.model?.value, 'gpt-4o-mini-2024-07-18');
    assert.equal(site.guarded.tryCatch?.handling, 'error-response', 'a 503 is an error answer, not a fallback');
    assert.deepEqual(route.findings, [], 'findings stay at the call inside the wrapper');
    assert.ok(inside.findings.some((finding) => finding.ruleId === 'AIR001'));
  });

  it('reads an imported module once and invalidates its readers when its exports change', () => {
    const project = memoryProject({
      '/p/client.ts': `import OpenAI from 'openai';\nexport const ai = new OpenAI({ timeout: 5000 });\n`,
      '/p/a.ts': `import { ai } from './client';\nai.embeddings.create({ model: 'm', input: 'a' });\n`,
      '/p/b.ts': `import { ai } from './client';\nai.embeddings.create({ model: 'm', input: 'b' });\n`,
    });
    sitesIn(project, '/p/a.ts');
    sitesIn(project, '/p/b.ts');
    assert.deepEqual(project.reads, ['/p/client.ts']);

    // Typing inside a function body does not change what the module exports: nobody is stale.
    const unchanged = analyzeText('/p/client.ts', `import OpenAI from 'openai';\n\nexport const ai = new OpenAI({ timeout: 5000 });\n`);
    assert.deepEqual(project.index.update('/p/client.ts', unchanged.facts.exports), []);

    const changed = analyzeText('/p/client.ts', `import OpenAI from 'openai';\nexport const ai = new OpenAI();\n`);
    assert.deepEqual(project.index.update('/p/client.ts', changed.facts.exports).sort(), ['/p/a.ts', '/p/b.ts']);
    const again = analyzeText('/p/a.ts', project.files['/p/a.ts'], { resolveImport: project.index.resolverFor('/p/a.ts') });
    assert.equal(again.facts.callSites[0].effective.timeout.source, 'sdk-default');
  });

  it('survives import cycles and names that do not resolve', () => {
    const project = memoryProject({
      '/p/a.ts': `import { b } from './b';\nimport { nothing } from './missing';\nexport const a = () => b();\nnothing();\n`,
      '/p/b.ts': `import { a } from './a';\nexport const b = () => a();\n`,
    });
    const analysis = sitesIn(project, '/p/a.ts');
    assert.deepEqual(analysis.facts.callSites, []);
  });

  it('exports TS classes whose methods reach a model; calls on typed, constructed and inherited instances are wrapper sites', () => {
    const project = memoryProject({
      '/p/agent.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export class Agent {
  async run(input: string) { return client.responses.create({ model: 'gpt-4.1', input }); }
  describe() { return 'agent'; }
}
export class Notes { run(line: string) { return line; } }
`,
      '/p/network.ts': `import { Agent, Notes } from './agent';
class Router extends Agent { route(input: string) { return this.run(input); } }
export async function step(agent: Agent, later: Promise<Agent> | undefined, notes: Notes) {
  await agent.run('a');
  await new Agent().run('b');
  agent.describe();
  notes.run('c');
  return new Router().route('d');
}
`,
    });
    sitesIn(project, '/p/agent.ts');
    const analysis = sitesIn(project, '/p/network.ts');
    assert.deepEqual(summary(analysis), ['wrapper Agent.run', 'wrapper Agent.run', 'wrapper Agent.run', 'wrapper route']);
  });

  it('reaches implementations of an interface in modules the caller never imports', () => {
    const project = memoryProject({
      '/p/model.ts': `export interface Model { getResponse(input: string): Promise<unknown>; name(): string }\n`,
      '/p/openaiModel.ts': `import OpenAI from 'openai';
import type { Model } from './model';
export class OpenAIModel implements Model {
  private client = new OpenAI();
  async getResponse(input: string) { return this.client.responses.create({ model: 'gpt-4.1', input }); }
  name() { return 'openai'; }
}
`,
      '/p/runner.ts': `import type { Model } from './model';\nexport async function turn(model: Model) { model.name(); return model.getResponse('hi'); }\n`,
    });
    sitesIn(project, '/p/openaiModel.ts');
    const analysis = sitesIn(project, '/p/runner.ts');
    assert.deepEqual(summary(analysis), ['wrapper Model.getResponse']);
  });
});
