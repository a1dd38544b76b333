import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PriceBook, type PriceTable } from '../../server/src/core/catalog/priceBook';
import { parseConfig } from '../../server/src/core/config/config';
import { parseDataFile } from '../../server/src/core/config/dataFile';
import { costDelta } from '../../server/src/core/cost/costDelta';
import { builtInData, lifecycleTableOf, modelRegistryFor, priceBookFor, referenceDataOf } from '../../server/src/core/cost/referenceData';
import { describeSiteCost, siteCost } from '../../server/src/core/cost/siteCost';
import { analyzeText } from '../../server/src/core/engine/analyzeFile';
import type { CallSite } from '../../server/src/core/model';
import { itemOf } from './readiness/fixtureWorkspace';
import { fixtureWorkspace } from './readiness/fixtureWorkspace';
import { buildReadiness } from '../../server/src/core/readiness';
import { loadPythonParser } from '../../server/src/node/python';

const table = (asOf: string, models: PriceTable['models'], source = `table ${asOf}`): PriceTable => ({ source, asOf, models });

/** The first call site of a TypeScript file with one OpenAI call: `options` is its request body's text. */
function siteOf(options: string): CallSite {
  const text = `import OpenAI from 'openai';\nconst openai = new OpenAI({ timeout: 20_000 });\nexport async function run(text: string, model: string) {\n  return openai.chat.completions.create(${options});\n}\n`;
  return analyzeText('/ws/run.ts', text).facts.callSites[0];
}

describe('price book', () => {
  const book = new PriceBook([builtInData.prices[0]]);

  it('finds dated snapshots, prefixes and gateway-prefixed ids in the bundled table', () => {
    assert.equal(book.lookup('gpt-4o-2024-08-06')?.entry.id, 'gpt-4o');
    assert.equal(book.lookup('openai/gpt-4o-mini')?.entry.id, 'gpt-4o-mini');
    assert.equal(book.lookup('claude-sonnet-4-5-20250929')?.entry.id, 'claude-sonnet-4-5');
    assert.equal(book.lookup('house-model-7'), undefined);
    assert.equal(builtInData.prices[0].asOf, '2026-09-23');
  });

  it('takes the project prices first, then the newest table', () => {
    const older = table('2026-01-01', [{ id: 'm', input: 1, output: 1 }]);
    const newer = table('2026-06-01', [{ id: 'm', input: 2, output: 2 }]);
    const layered = new PriceBook([older, newer], { table: { source: '.prodready.json' }, models: [{ id: 'own', input: 0, output: 3 }] });
    assert.deepEqual(layered.lookup('m')?.table, { source: 'table 2026-06-01', asOf: '2026-06-01', models: newer.models });
    assert.equal(layered.lookup('own')?.table.source, '.prodready.json');
  });
});

describe('cost of a call site', () => {
  const prices = new PriceBook([table('2026-11-01', [{ id: 'gpt-4o', input: 2.5, output: 10, snapshots: ['gpt-4o-2024-08-06'], longContext: [{ aboveInputTokens: 10, input: 5, output: 20 }] }, { id: 'gpt-4o-mini', input: 0.15, output: 0.6 }])]);

  it('is the output bound at the output price, plus the input estimated from the literal prompt text', () => {
    const cost = siteCost(siteOf(`{ model: 'gpt-4o-mini', max_completion_tokens: 1024, messages: [{ role: 'system', content: 'Answer in one short line.' }, { role: 'user', content: text }] }`), prices, 1000);
    assert.ok(cost?.known);
    // 'Answer in one short line.': 25 characters, 7 tokens at four characters a token.
    assert.equal(cost.inputTokens, 7);
    assert.equal(cost.usdPerRequest, (7 * 0.15 + 1024 * 0.6) / 1e6);
    assert.equal(cost.usdPerMonth, cost.usdPerRequest * 1000);
    assert.equal(describeSiteCost(cost), '≤ $0.00062 per request (gpt-4o-mini, 1,024 output tokens, ~7 input tokens estimated from the prompt text, prices as of 2026-11-01 from table 2026-11-01); ≤ $0.6154 a month at 1,000 requests');
  });

  it('estimates a Python call\'s input from its literal prompt text too (quotes included)', async () => {
    assert.equal(await loadPythonParser(), undefined);
    const text = 'from openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef run(q):\n    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": q}])\n';
    const cost = siteCost(analyzeText('/ws/run.py', text).facts.callSites[0], prices);
    assert.ok(cost?.known);
    // "Be brief." with its quotes: 11 characters, 3 tokens.
    assert.equal(cost.inputTokens, 3);
  });

  it('bills the whole request at the long-context price once the input passes its threshold', () => {
    const cost = siteCost(siteOf(`{ model: 'gpt-4o-2024-08-06', max_tokens: 100, messages: [{ role: 'user', content: 'a prompt of more than forty characters in all' }] }`), prices);
    assert.ok(cost?.known);
    assert.deepEqual([cost.price.input, cost.price.output], [5, 20]);
  });

  it('prices the most expensive of the models a call may use', () => {
    const cost = siteOf(`{ model: text ? 'gpt-4o-mini' : 'gpt-4o', max_tokens: 100, messages: [] }`);
    const priced = siteCost(cost, prices);
    assert.ok(priced?.known);
    assert.equal(priced.model, 'gpt-4o');
  });

  it('is unknown, never $0, without an output bound, a model or a price; nothing for a call that generates nothing', () => {
    const reasons = [
      siteOf(`{ model: 'gpt-4o', messages: [] }`),
      siteOf(`{ model, max_tokens: 100, messages: [] }`),
      siteOf(`{ model: 'house-model-7', max_tokens: 100, messages: [] }`),
    ].map((site) => describeSiteCost(siteCost(site, prices)!));
    assert.deepEqual(reasons, ['unknown (no output bound)', 'unknown (model set at run time)', 'unknown (no price for house-model-7)']);
    const embedding = analyzeText('/ws/e.ts', `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport const e = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });\n`).facts.callSites[0];
    assert.equal(siteCost(embedding, prices), undefined);
  });
});

describe('cost of a change', () => {
  const record = (model: string, outputTokens: number, usdPerRequest?: number) => ({ file: 'src/a.ts', fingerprint: 'f:0', line: 3, model, outputTokens, outputOption: 'max_tokens', ...(usdPerRequest === undefined ? {} : { usdPerRequest }) });

  it('is per call site and in total, per request without declared traffic', () => {
    const delta = costDelta([record('a', 100, 0.001)], [record('b', 200, 0.003)]);
    assert.deepEqual(delta.changes.map((change) => change.text), ['+$0.0020/request: a → b in a.ts:3, max_tokens 100 → 200']);
    assert.equal(delta.totalUsdPerMonth, undefined);
    assert.equal(costDelta([record('a', 100, 0.001)], [record('a', 100, 0.001)]).changes.length, 0);
  });

  it('counts a cheaper change as a saving', () => {
    assert.equal(costDelta([record('a', 400, 0.004)], [record('a', 100, 0.001)], 1000).changes[0].text, '−$3.00/month: a in a.ts:3, max_tokens 400 → 100');
  });
});

describe('.prodready.json prices and data', () => {
  it('reads prices per model and the data file path', () => {
    const { config, problems } = parseConfig('{\n  "prices": { "house-model-7": { "input": 1, "output": 4 } },\n  "data": "ops/prices.json"\n}\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.prices, [{ id: 'house-model-7', input: 1, output: 4 }]);
    assert.deepEqual(config.data, { path: 'ops/prices.json', line: 3 });
    assert.equal(priceBookFor(config).lookup('house-model-7')?.table.source, '.prodready.json');
  });

  it('drops a bad price with a located message and keeps the rest', () => {
    const text = '{\n  "prices": {\n    "a": { "input": 1, "output": 2 },\n    "b": { "input": -1, "output": 2 },\n    "c": { "output": 2 },\n    "d": { "input": 1, "output": 2, "cached": 1 }\n  },\n  "data": 7\n}\n';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config.prices.map((price) => price.id), ['a', 'd']);
    assert.equal(config.data, undefined);
    const at = (problem: { span: { start: number } }) => text.slice(0, problem.span.start).split('\n').length;
    assert.deepEqual(problems.map((problem) => [at(problem), problem.severity, problem.message]), [
      [4, 'error', '"input" must be a number of USD per million tokens, 0 or more.'],
      [5, 'error', PRICE_NEEDS],
      [6, 'warning', 'Unknown price field "cached"; known: input, output.'],
      [8, 'error', '"data" must be the path of a data file, relative to this file.'],
    ]);
  });
});
const PRICE_NEEDS = '"input" must be a number of USD per million tokens, 0 or more.';

describe('data files', () => {
  const text = JSON.stringify({ asOf: '2026-12-01', source: 'team', models: [{ id: 'gpt-4o', input: 2, output: 8 }], lifecycle: [{ id: 'gpt-4o', status: 'retired', replacement: 'gpt-5-2025-08-07' }] }, null, 2);

  it('reads prices and lifecycle entries; the newest asOf wins', () => {
    const { data, problems } = parseDataFile(text, '/ws/ops/team.json');
    assert.deepEqual(problems, []);
    const reference = referenceDataOf([data!]);
    assert.deepEqual(reference.prices.map((entry) => [entry.source, entry.asOf]), [['team (team.json)', '2026-12-01'], [builtInData.prices[0].source, '2026-09-23']]);
    const config = parseConfig('{}').config;
    assert.equal(priceBookFor(config, reference).lookup('gpt-4o')?.entry.output, 8);
    assert.equal(modelRegistryFor(config, reference).lookup('gpt-4o')?.entry.status, 'retired');
    assert.equal(modelRegistryFor(config).lookup('gpt-4o')?.entry.status, 'floating');
    assert.deepEqual([lifecycleTableOf('openai/gpt-4o', reference)?.source, lifecycleTableOf('gpt-4o-mini', reference)?.asOf], ['team (team.json)', '2026-11-01']);
    const older = referenceDataOf([parseDataFile(text.replace('2026-12-01', '2025-01-01'), '/ws/old.json').data!]);
    assert.equal(priceBookFor(config, older).lookup('gpt-4o')?.entry.output, 10);
    assert.equal(modelRegistryFor(config, older).lookup('gpt-4o')?.entry.status, 'floating');
  });

  it('is not used without an asOf, and drops bad entries where they are', () => {
    assert.equal(parseDataFile('{ "models": [] }', 'x.json').data, undefined);
    const { data, problems } = parseDataFile('{\n  "asOf": "2026-12-01",\n  "models": [{ "id": "a", "input": 1, "output": 1 }, { "id": "b", "input": "1", "output": 1 }]\n}', 'x.json');
    assert.deepEqual(data?.prices.map((entry) => entry.id), ['a']);
    assert.equal(problems.length, 1);
  });
});

describe('readiness: price table current', () => {
  const snapshotOn = (today: string) => ({ ...fixtureWorkspace({}), today });
  const item = (today: string) => buildReadiness(snapshotOn(today)).categories.flatMap((category) => category.items).find((entry) => entry.id === 'D.prices')!;

  it('passes while the newest table is at most 120 days old, and says where to update it after', () => {
    assert.equal(item('2027-01-21').status, 'pass');
    const stale = item('2027-01-22');
    assert.equal(stale.status, 'fail');
    assert.match(stale.summary, /^Prices as of 2026-09-23 from prodready bundled prices \(@pydantic\/genai-prices 0\.1\.8\): 121 days old\. Costs are estimated from prices older than 120 days\.$/);
    assert.match(stale.toPass!, /"data" in \.prodready\.json \(or the prodready\.dataFile setting\)/);
    assert.equal(itemOf({}, 'D.prices').status, 'pass');
  });

  it('dates the newest table in force: a newer data file makes it current again', () => {
    const data = referenceDataOf([parseDataFile('{ "asOf": "2027-01-10", "models": [{ "id": "a", "input": 1, "output": 1 }] }', '/ws/p.json').data!]);
    const report = buildReadiness({ ...snapshotOn('2027-03-01'), data });
    assert.equal(report.categories.flatMap((category) => category.items).find((entry) => entry.id === 'D.prices')?.status, 'pass');
  });
});
