import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli, scratch, writeFiles } from './harness';

// The cost of a change: a baseline records each generating call's model, bound and worst case; a later run with
// --baseline reports what the change adds, per call site and in total, at the prices of a fixture data file.

const workspaceDir = scratch('prodready-cost-');
after(() => workspaceDir.remove());

const summarize = (model: string, bound: number) => `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 20_000 });
export async function summarize(text: string) {
  try {
    const r = await openai.chat.completions.create({ model: '${model}', max_completion_tokens: ${bound}, messages: [{ role: 'user', content: text }] });
    console.info('ai.request', { model: r.model, id: r.id, usage: r.usage });
    return r.choices[0].message.content;
  } catch {
    return undefined;
  }
}
`;

const prices = {
  asOf: '2026-11-20',
  source: 'fixture prices',
  models: [
    { id: 'gpt-4o-mini', input: 0.15, output: 0.6 },
    { id: 'gpt-4o', input: 2.5, output: 10 },
  ],
};

function project(name: string): string {
  return writeFiles(path.join(workspaceDir.dir, name), {
    '.prodready.json': JSON.stringify({ data: 'prices.fixture.json', budget: { monthlyUsd: 1000, requestsPerMonth: 100_000 } }),
    'prices.fixture.json': JSON.stringify(prices),
    'src/summarize.ts': summarize('gpt-4o-mini', 1024),
  });
}

const EXPECTED = '+$4,034.56/month: gpt-4o-mini → gpt-4o in summarize.ts:5, max_completion_tokens 1024 → 4096';

describe('prodready check: cost per call site and per change', () => {
  it('prices each generating call from the data file and reports the cost of a change of model and bound', () => {
    const dir = project('change');
    const written = runCli(dir, ['check', '.', '--write-baseline', 'baseline.json', '--fail-on', 'off', '--format', 'json']);
    assert.equal(written.code, 0, written.stderr);
    const site = JSON.parse(written.stdout).callSites[0];
    // 1,024 output tokens at $0.60 per million; the prompt has no literal text to estimate input from.
    assert.deepEqual(site.cost, {
      usdPerRequest: 0.0006144,
      usdPerMonth: 61.44,
      model: 'gpt-4o-mini',
      inputTokens: 0,
      inputEstimated: true,
      outputTokens: 1024,
      prices: { inputUsdPerMillion: 0.15, outputUsdPerMillion: 0.6, source: 'fixture prices (prices.fixture.json)', asOf: '2026-11-20' },
    });
    const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
    assert.deepEqual(recorded.callSites.map(({ file, line, model, outputTokens, outputOption }: Record<string, unknown>) => ({ file, line, model, outputTokens, outputOption })), [
      { file: 'src/summarize.ts', line: 5, model: 'gpt-4o-mini', outputTokens: 1024, outputOption: 'max_completion_tokens' },
    ]);

    fs.writeFileSync(path.join(dir, 'src/summarize.ts'), summarize('gpt-4o', 4096));
    const json = JSON.parse(runCli(dir, ['check', '.', '--baseline', 'baseline.json', '--fail-on', 'off', '--format', 'json']).stdout);
    assert.equal(json.costDelta.changes.length, 1);
    assert.equal(json.costDelta.changes[0].text, EXPECTED);
    assert.equal(Math.round(json.costDelta.totalUsdPerMonth * 100) / 100, 4034.56);
    assert.equal(json.costDelta.unknown, 0);

    const text = runCli(dir, ['check', '.', '--baseline', 'baseline.json', '--fail-on', 'off']).stdout;
    assert.match(text, /Worst-case cost of this change: \+\$4,034\.56\/month \(1 call site changed\)\.\n {2}\+\$4,034\.56\/month: gpt-4o-mini → gpt-4o in summarize\.ts:5, max_completion_tokens 1024 → 4096/);

    const markdown = runCli(dir, ['check', '.', '--baseline', 'baseline.json', '--fail-on', 'off', '--format', 'markdown']).stdout;
    assert.match(markdown, /## Cost of this change\n\nWorst-case cost of this change: \\\+\\\$4,034\.56\/month \(1 call site changed\)\./);
    assert.ok(markdown.includes('| \\+\\$4,034.56/month: gpt-4o-mini → gpt-4o in summarize.ts:5, max\\_completion\\_tokens 1024 → 4096 | [src/summarize.ts:5](./src/summarize.ts#L5) |'), markdown);
    assert.ok(markdown.includes("| ≤ \\$0.0410/request, \\$4,096.00/month |"), markdown);
  });

  it('counts a new call in full and a removed one as a saving; a cost it cannot tell is unknown, not $0', () => {
    const dir = project('added');
    runCli(dir, ['check', '.', '--write-baseline', 'baseline.json', '--fail-on', 'off']);
    fs.writeFileSync(path.join(dir, 'src/summarize.ts'), summarize('house-model-7', 1024));
    fs.writeFileSync(path.join(dir, 'src/draft.ts'), summarize('gpt-4o', 100).replace('summarize', 'draft'));
    const delta = JSON.parse(runCli(dir, ['check', '.', '--baseline', 'baseline.json', '--fail-on', 'off', '--format', 'json']).stdout).costDelta;
    assert.deepEqual(delta.changes.map((change: { text: string }) => change.text), ['+$100.00/month: new call to gpt-4o in draft.ts:5', 'cost unknown: gpt-4o-mini → house-model-7 in summarize.ts:5']);
    assert.equal(delta.unknown, 1);
    assert.equal(Math.round(delta.totalUsdPerMonth * 100) / 100, 100);
  });

  it('still reads a baseline written before costs were recorded, and says why there is no delta', () => {
    const dir = project('old-baseline');
    runCli(dir, ['check', '.', '--write-baseline', 'baseline.json', '--fail-on', 'off']);
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
    delete baseline.callSites;
    fs.writeFileSync(path.join(dir, 'baseline.json'), JSON.stringify(baseline));
    const run = runCli(dir, ['check', '.', '--baseline', 'baseline.json', '--fail-on', 'off']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Worst-case cost of this change: not known\. The baseline records no call-site costs \(written by an older prodready\); write it again with --write-baseline\./);
  });

  it('prices with a data package the project depends on when its table is newer, and says where a bad data package field is', () => {
    const dir = project('data-package');
    writeFiles(dir, {
      'package.json': JSON.stringify({ name: 'app', devDependencies: { '@acme/ai-prices': '^2.0.0', 'bad-prices': '1.0.0' } }),
      'node_modules/@acme/ai-prices/package.json': JSON.stringify({ name: '@acme/ai-prices', version: '2.0.0', prodready: { data: 'prices.json' } }),
      'node_modules/@acme/ai-prices/prices.json': JSON.stringify({ ...prices, asOf: '2099-01-01', source: 'Acme prices', models: [{ id: 'gpt-4o-mini', input: 0.1, output: 0.5 }] }),
      'node_modules/bad-prices/package.json': '{\n  "name": "bad-prices",\n  "prodready": "prices.json"\n}\n',
    });
    const run = runCli(dir, ['check', '.', '--fail-on', 'off', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /prodready: warning: node_modules\/bad-prices\/package\.json:3: "prodready" must be an object such as \{ "data": "data\.json" \}/);
    assert.deepEqual(JSON.parse(run.stdout).callSites[0].cost.prices, { inputUsdPerMillion: 0.1, outputUsdPerMillion: 0.5, source: 'Acme prices (@acme/ai-prices 2.0.0)', asOf: '2099-01-01' });
  });

  it('warns about a bad data file where the problem is and keeps the bundled prices', () => {
    const dir = project('bad-data');
    fs.writeFileSync(path.join(dir, 'prices.fixture.json'), '{\n  "asOf": "2026-11-20",\n  "models": [{ "id": "gpt-4o-mini", "input": -1, "output": 0.6 }]\n}\n');
    const run = runCli(dir, ['check', '.', '--fail-on', 'off', '--format', 'json']);
    assert.match(run.stderr, /prodready: warning: prices\.fixture\.json:3: "input" must be a number of USD per million tokens, 0 or more\./);
    const cost = JSON.parse(run.stdout).callSites[0].cost;
    assert.equal(cost.prices.source, 'prodready bundled prices (@pydantic/genai-prices 0.1.8)');
  });
});
