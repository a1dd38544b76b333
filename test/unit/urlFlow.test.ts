// Raw HTTP whose URL is built away from the request: members set elsewhere, getters, returns, provider configs in
// other modules, and parameters whose callers (here or in other modules) give a model endpoint.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../server/src/core';
import { analyzeText, documentParseFor, extractFacts } from '../../server/src/core/engine/analyzeFile';
import { MemoryHost } from './memoryHost';

const sitesOf = (code: string) =>
  extractFacts('a.ts', code).callSites.map((site) => `${code.slice(0, site.span.start).split('\n').length} ${site.sdk} ${site.api}`);

describe('URLs followed within a module', () => {
  it('reads assignments, getters, method returns, members set on objects of a class, and new URL()', () => {
    const sites = sitesOf(`declare const settings: { llmBase: string };
class Route {
  constructor(private readonly base: string) {}
  get chat() { return \`\${this.base}/v1/messages\`; }
  embeddingsUrl(): string { return new URL('/v1/embeddings', this.base).toString(); }
}
class Pending { url = ''; }
export async function run(route: Route, text: string) {
  let target: string;
  target = settings.llmBase + '/chat/completions';
  await fetch(target, { method: 'POST' });
  await fetch(route.chat, { method: 'POST' });
  await fetch(route.embeddingsUrl(), { method: 'POST' });
  const pending = new Pending();
  pending.url = \`\${settings.llmBase}/v1/rerank\`;
  return later(pending, text);
}
async function later(pending: Pending, text: string) {
  return fetch(pending.url, { method: 'POST', body: text });
}
`);
    assert.deepEqual(sites, ['11 http configured.chat', '12 http configured.messages', '13 http configured.embeddings', '16 wrapper later', '19 http configured.rerank']);
  });

  it('gives a sender the model URL its callers pass, and makes each such call a wrapper site', () => {
    const sites = sitesOf(`const BASE = process.env.LLM_URL;
async function post(url: string, body: object) {
  return fetch(url, { method: 'POST', body: JSON.stringify(body) });
}
async function postTwice(url: string, body: object) {
  try { return await post(url, body); } catch { return post(url, body); }
}
export const ask = (prompt: string) => postTwice(\`\${BASE}/chat/completions\`, { prompt });
export const audit = (event: object) => post('https://audit.example.com/events', event);
`);
    assert.deepEqual(sites, ['3 http configured.chat', '6 wrapper post', '6 wrapper post', '8 wrapper postTwice']);
  });

  it('keeps out a member that is not a model path, a sender whose callers give none, and a path with no base', () => {
    const sites = sitesOf(`const routes = { chat: '/v1/chat/completions', health: '/v1/health' };
async function get(url: string) { return fetch(url); }
export async function run(base: string, hook: string) {
  await fetch(base + routes.health);
  await get(hook);
  await get(\`\${base}/status\`);
  await fetch(routes.chat);
}
`);
    assert.deepEqual(sites, []);
  });
});

describe('URLs read through calls with literal arguments', () => {
  it('takes only the branch a literal argument selects: switch, if, a local set from the parameter, a keyed map', () => {
    const sites = sitesOf(`declare const host: string;
const api = {
  route({ fn, path }: { fn: string; path: string }) {
    let mapped = fn;
    if (fn === 'proxy' && path.includes('/chat')) mapped = 'chat';
    const MAPPING: Record<string, string> = { chat: '/chat/completions', embed: '/embeddings', batch: path };
    switch (mapped) {
      case 'chat':
      case 'embed':
        return MAPPING[mapped];
      case 'batch':
        return \`\${MAPPING[mapped]}/output\`;
      default:
        return '';
    }
  },
  legacy(operation: string) {
    if (operation === 'files') return '/files';
    return operation === 'embed' ? '/embeddings' : '/chat/completions';
  },
};
export async function run(operation: string, path: string) {
  await fetch(host + api.route({ fn: 'batch', path }));
  await fetch(host + api.route({ fn: 'chat', path }));
  await fetch(host + api.route({ fn: operation, path }));
  await fetch(host + api.legacy('files'));
  await fetch(host + api.legacy('embed'));
}
`);
    assert.deepEqual(sites, ['24 http configured.chat', '25 http configured.chat', '27 http configured.embeddings']);
  });
});

describe('URLs followed within a module, edited', () => {
  it('re-reads a request when the statement setting its URL on an instance changes, as a fresh analysis would', () => {
    const before = `class Pending { url = ''; }
export function start(base: string) {
  const pending = new Pending();
  pending.url = \`\${base}/chat/completions\`;
  return pending;
}
export async function finish(pending: Pending, body: string) {
  return fetch(pending.url, { method: 'POST', body });
}
`;
    const after = before.replace('/chat/completions', '/health');
    const parse = documentParseFor('a.ts');
    const sites = (text: string, incremental: boolean) =>
      analyzeText('a.ts', text, incremental ? { previousParse: parse, environment: 'unchanged' } : {}).facts.callSites.map((site) => site.api);
    assert.deepEqual(sites(before, true), ['configured.chat']);
    assert.deepEqual(sites(after, true), []);
    assert.deepEqual(sites(after, false), []);
    assert.deepEqual(sites(before, true), ['configured.chat']);
    assert.ok(parse.extractions.partial > 0, 'the edits were read statement by statement');
  });
});

const gateway = () =>
  new Map([
    [
      '/ws/providers/openai.ts',
      `const config = {
  base: (host?: string) => host ?? 'https://api.openai.com/v1',
  path(operation: string) { return operation === 'embed' ? '/embeddings' : '/chat/completions'; },
};
export default config;
`,
    ],
    ['/ws/providers/index.ts', `import openai from './openai';\nconst providers: Record<string, any> = { openai };\nexport default providers;\n`],
    [
      '/ws/upstream.ts',
      `import providers from './providers';
export class Upstream {
  constructor(private readonly name: string) {}
  private get config() { return providers[this.name]; }
  url(operation: string, host?: string) { return \`\${this.config.base(host)}\${this.config.path(operation)}\`; }
}
`,
    ],
    [
      '/ws/transport.ts',
      `export async function deliver(url: string, init: RequestInit) {
  return fetch(url, init);
}
`,
    ],
    [
      '/ws/gateway.ts',
      `import { Upstream } from './upstream';
import { deliver } from './transport';
export async function forward(provider: string, body: string) {
  const url = new Upstream(provider).url('chat');
  return deliver(url, { method: 'POST', body });
}
`,
    ],
  ]);

describe('URLs followed across modules', () => {
  const check = (files: string[], project: Map<string, string>) => {
    const engine = new Engine(new MemoryHost(project));
    return engine.checkFiles({ files, root: '/ws', config: engine.configAt('/ws') }).analyses;
  };
  const sitesByFile = (files: string[], project = gateway()) => {
    const lineOf = (file: string, start: number) => project.get(file)!.slice(0, start).split('\n').length;
    return Object.fromEntries(check(files, project).map((analysis) => [analysis.file, analysis.facts.callSites.map((site) => `${lineOf(analysis.file, site.span.start)} ${site.sdk} ${site.api}`)]));
  };
  const files = ['/ws/transport.ts', '/ws/gateway.ts', '/ws/upstream.ts', '/ws/providers/index.ts', '/ws/providers/openai.ts'];

  it('reads the endpoint from the provider configs a module exports, and gives the sender in another module that URL, whichever is read first', () => {
    const expected = {
      '/ws/gateway.ts': ['5 wrapper deliver'],
      '/ws/providers/index.ts': [],
      '/ws/providers/openai.ts': [],
      '/ws/transport.ts': ['2 http openai.chat'],
      '/ws/upstream.ts': [],
    };
    assert.deepEqual(sitesByFile(files), expected);
    assert.deepEqual(sitesByFile([...files].reverse()), expected);
    const [site] = check(files, gateway()).find((analysis) => analysis.file === '/ws/transport.ts')!.facts.callSites;
    assert.match(site.recognizedBy, /a URL its callers give/);
  });

  it('finds nothing when the configs name no model endpoint', () => {
    const project = gateway();
    project.set('/ws/providers/openai.ts', `export default { base: () => 'https://files.example.com', path: (operation: string) => \`/\${operation}\` };\n`);
    assert.deepEqual(sitesByFile(files, project)['/ws/transport.ts'], []);
    assert.deepEqual(sitesByFile(files, project)['/ws/gateway.ts'], []);
  });

  it('makes the sender and the readers of a config stale when what they read changes', () => {
    const project = gateway();
    const engine = new Engine(new MemoryHost(project));
    const analyse = (file: string, text = project.get(file)!) => engine.analyzeFile({ file, text, root: '/ws' });
    const sender = analyse('/ws/transport.ts');
    assert.ok(sender.status === 'analysed' && sender.analysis.facts.callSites.length === 0);
    const caller = analyse('/ws/gateway.ts');
    assert.ok(caller.status === 'analysed' && caller.analysis.facts.callSites.length === 1);
    assert.ok(caller.staleReaders.includes('/ws/transport.ts'));
    const again = analyse('/ws/transport.ts');
    assert.ok(again.status === 'analysed' && again.analysis.facts.callSites.length === 1);
    // The config's endpoint is no model path any more: the module building the URL from it is read again, then the sender.
    project.set('/ws/providers/openai.ts', `export default { base: () => 'https://files.example.com', path: () => '/upload' };\n`);
    const config = analyse('/ws/providers/openai.ts');
    assert.ok(config.status === 'analysed' && config.staleReaders.includes('/ws/gateway.ts'));
    const plain = analyse('/ws/gateway.ts');
    assert.ok(plain.status === 'analysed' && plain.analysis.facts.callSites.length === 0);
    assert.ok(plain.staleReaders.includes('/ws/transport.ts'));
  });
});
