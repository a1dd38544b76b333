import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { keptAnalysis } from '../../../server/src/core/engine/analyzeFile';
import { buildReadiness } from '../../../server/src/core/readiness';
import { loadPythonParser } from '../../../server/src/node/python';
import { demoCall, fixtureWorkspace, goodCall, itemOf } from './fixtureWorkspace';

before(async () => assert.equal(await loadPythonParser(), undefined));

const config = (value: object) => JSON.stringify(value, null, 2);
const both = { 'src/good.ts': goodCall, 'src/demo.ts': demoCall };
/** A bounded OpenAI call in Python whose model is `model`, in a function taking `param`. */
const pythonCall = (param: string, model: string) =>
  `from typing import Literal\n\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=20)\n\n\ndef answer(q: str, ${param}):\n    return client.responses.create(model=${model}, input=q, max_output_tokens=9)\n`;

describe('readiness checklist: Problem', () => {
  it('P.kpis passes with KPIs declared, with the config line as evidence', () => {
    const item = itemOf({ ...both, '.prodready.json': config({ kpis: [{ name: 'tickets solved', target: '>= 30%' }] }) }, 'P.kpis');
    assert.equal(item.status, 'pass');
    assert.deepEqual(item.evidence, [{ label: 'tickets solved (>= 30%)', file: '.prodready.json', line: 3 }]);
  });

  it('P.kpis fails without them and offers to create the config', () => {
    const item = itemOf(both, 'P.kpis');
    assert.equal(item.status, 'fail');
    assert.deepEqual(item.action, { kind: 'createConfig', title: 'Create .prodready.json' });
    assert.match(item.toPass!, /"kpis"/);
  });

  it('P.owners counts owned call sites and offers the CODEOWNERS line for the first unowned folder', () => {
    const item = itemOf({ 'src/ai/good.ts': goodCall, 'src/web/demo.ts': demoCall, '.github/CODEOWNERS': '/src/ai/ @ml-platform\n' }, 'P.owners');
    assert.equal(item.status, 'fail');
    assert.deepEqual(item.counts, { passing: 1, total: 2 });
    assert.deepEqual(item.action, { kind: 'addCodeowners', title: 'Add a CODEOWNERS line for /src/web/', pattern: '/src/web/' });
    assert.equal(item.evidence[0].file, 'src/web/demo.ts');
  });

  it('P.owners passes when tags, config rules and CODEOWNERS cover every call', () => {
    const tagged = `// @owner @web-team\n${demoCall}`;
    const item = itemOf({ 'src/ai/good.ts': goodCall, 'src/web/demo.ts': tagged, 'lib/x.ts': goodCall, '.github/CODEOWNERS': '/src/ai/ @ml\n', '.prodready.json': config({ ownership: [{ path: 'lib/', owners: ['@lib'] }] }) }, 'P.owners');
    assert.equal(item.status, 'pass');
    assert.equal(item.summary, '3 of 3 call sites');
  });

  it('P.owners says when nobody is declared anywhere, and is unknown without AI calls', () => {
    assert.match(itemOf(both, 'P.owners').summary, /No owners declared anywhere/);
    assert.equal(itemOf({ 'src/util.ts': 'export const x = 1;\n' }, 'P.owners').status, 'unknown');
  });
});

describe('readiness checklist: Reliability', () => {
  for (const [id, ruleId] of [['R.timeouts', 'AIR001'], ['R.retries', 'AIR002'], ['R.errors', 'AIR003']] as const) {
    it(`${id} counts call sites without ${ruleId} findings, failing ones as evidence`, () => {
      assert.equal(itemOf({ 'src/good.ts': goodCall }, id).status, 'pass');
      const item = itemOf(both, id);
      assert.equal(item.ruleId, ruleId);
      if (id === 'R.retries') {
        // The SDK's default two retries are a policy AIR002 accepts.
        assert.equal(item.status, 'pass');
        return;
      }
      assert.equal(item.status, 'fail');
      assert.deepEqual(item.counts, { passing: 1, total: 2 });
      assert.deepEqual(item.action, { kind: 'open', title: 'Open the first failing call', file: 'src/demo.ts', line: 4, column: 26 });
    });
  }

  it('an item whose rule is off is unknown, not passing', () => {
    const item = itemOf({ ...both, '.prodready.json': config({ rules: { AIR001: 'off' } }) }, 'R.timeouts');
    assert.equal(item.status, 'unknown');
    assert.match(item.summary, /AIR001 is turned off/);
  });

  it('a waived finding counts as decided', () => {
    const waived = demoCall.replace('  const response', '  // prodready-ignore-next-line AIR001 -- queue deadline owner=@ml until=2027-06-30\n  const response');
    assert.equal(itemOf({ 'src/good.ts': goodCall, 'src/demo.ts': waived }, 'R.timeouts').status, 'pass');
  });

  it('R.fallback passes for a catch that answers, a withFallbacks chain or a catching helper; fails for a rethrow', () => {
    assert.equal(itemOf({ 'src/good.ts': goodCall }, 'R.fallback').status, 'pass');
    const rethrow = goodCall.replace("return 'Summary unavailable.';", 'throw new Error("summary failed");');
    const item = itemOf({ 'src/rethrow.ts': rethrow }, 'R.fallback');
    assert.equal(item.status, 'fail');
    assert.match(item.evidence[0].label, /no fallback/);
  });

  it('R.evals finds promptfoo configs, evals folders and tests that import an AI module', () => {
    assert.equal(itemOf(both, 'R.evals').status, 'fail');
    assert.deepEqual(itemOf({ ...both, 'promptfooconfig.yaml': 'prompts: []\n' }, 'R.evals').evidence, [{ label: 'eval suite', file: 'promptfooconfig.yaml' }]);
    assert.equal(itemOf({ ...both, 'evals/summaries.jsonl': '{}\n' }, 'R.evals').status, 'pass');
    const test = `import { test } from 'node:test';\nimport { summarize } from '../src/good';\ntest('x', () => summarize('a'));\n`;
    assert.deepEqual(itemOf({ ...both, 'test/good.test.ts': test }, 'R.evals').evidence, [{ label: 'test of good', file: 'test/good.test.ts', line: 2 }]);
    const unrelated = `import { test } from 'node:test';\nimport { add } from '../src/math';\n`;
    assert.equal(itemOf({ ...both, 'test/math.test.ts': unrelated }, 'R.evals').status, 'fail');
  });
});

describe('readiness checklist: Observability', () => {
  it('O.audit counts logged call sites', () => {
    assert.deepEqual(itemOf(both, 'O.audit').counts, { passing: 1, total: 2 });
  });

  it('O.tracing reads package.json and Python manifests, and telemetry set up in code', () => {
    assert.equal(itemOf(both, 'O.tracing').status, 'fail');
    const pkg = config({ dependencies: { openai: '^5', '@opentelemetry/api': '^1.9.0' } });
    assert.deepEqual(itemOf({ ...both, 'package.json': pkg }, 'O.tracing').evidence, [{ label: '@opentelemetry/api', file: 'package.json', line: 4 }]);
    assert.equal(itemOf({ ...both, 'api/requirements.txt': 'openai==1.50\nlangfuse>=2\n' }, 'O.tracing').evidence[0].line, 2);
    const telemetry = `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport const run = () => generateText({ model: openai('gpt-4o-2024-08-06'), prompt: 'x', experimental_telemetry: { isEnabled: true } });\n`;
    assert.equal(itemOf({ 'src/t.ts': telemetry }, 'O.tracing').status, 'pass');
    assert.equal(itemOf({ ...both, 'package.json': '{ not json' }, 'O.tracing').status, 'fail', 'a broken package.json is not a crash');
  });

  it('O.tracing and O.metrics read a file kept without its text (a closed file with no call site) as they read it whole', () => {
    const instrumentation = `import { trace } from '@opentelemetry/api';
const tracer = trace.getTracer('app');
export const traced = <T>(name: string, run: () => T) => tracer.startActiveSpan(name, () => run());
export const timer = () => performance.now();
`;
    const whole = fixtureWorkspace({ ...both, 'src/instrumentation.ts': instrumentation });
    const kept = { ...whole, analyses: whole.analyses.map(keptAnalysis) };
    const instrumented = kept.analyses.find((analysis) => analysis.file.endsWith('instrumentation.ts'))!;
    assert.equal(instrumented.lines.text, '', 'the text is not kept');
    assert.equal(instrumented.lines.positionAt(instrumentation.indexOf('startActiveSpan')).line, 2, 'positions still are');
    const items = (snapshot: typeof whole) => new Map(buildReadiness(snapshot).categories.flatMap((category) => category.items).map((item) => [item.id, item]));
    for (const id of ['O.tracing', 'O.metrics']) assert.deepEqual(items(kept).get(id), items(whole).get(id), id);
    assert.deepEqual(items(kept).get('O.tracing')!.evidence, [{ label: 'tracing: startActiveSpan(', file: 'src/instrumentation.ts', line: 3, column: 65 }]);
  });

  it('O.metrics needs token usage and latency both', () => {
    const usageOnly = itemOf(both, 'O.metrics');
    assert.equal(usageOnly.status, 'fail');
    assert.equal(usageOnly.summary, 'Not recorded: latency.');
    const timed = goodCall.replace('  try {', '  const started = performance.now();\n  try {');
    assert.equal(itemOf({ 'src/good.ts': timed }, 'O.metrics').status, 'pass');
    assert.equal(itemOf({ 'src/demo.ts': demoCall }, 'O.metrics').summary, 'Not recorded: token usage (cost) and latency.');
  });
});

describe('readiness checklist: Deployment', () => {
  it('D.keys fails on a key in source, pointing at it', () => {
    const keyed = demoCall.replace('new OpenAI()', "new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345' })");
    const item = itemOf({ 'src/demo.ts': keyed }, 'D.keys');
    assert.equal(item.status, 'fail');
    assert.equal(item.evidence[0].line, 2);
    assert.equal(itemOf(both, 'D.keys').status, 'pass');
  });

  it('D.models and D.bounds count call sites', () => {
    assert.deepEqual(itemOf(both, 'D.models').counts, { passing: 1, total: 2 });
    assert.deepEqual(itemOf(both, 'D.bounds').counts, { passing: 1, total: 2 });
  });

  it('D.models judges a model set at run time by the values it can take: pass, fail, unknown', () => {
    const withModel = (model: string, params = '') => goodCall.replace(`summarize(text: string)`, `summarize(text: string${params})`).replace(`model: 'gpt-4o-2024-08-06'`, `model: ${model}`);
    const pinned = itemOf({ 'src/a.ts': withModel(`big ? 'gpt-4o-2024-08-06' : 'gpt-4o-mini-2024-07-18'`, ', big: boolean') }, 'D.models');
    assert.equal(pinned.status, 'pass');
    assert.match(pinned.evidence[0].label, /: model one of "gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18" \(big \? 'gpt-4o-2024-08-06' : 'gpt-4o-mini-2024-07-18'\)$/);
    const typed = itemOf({ 'src/a.py': pythonCall('model: Literal["gpt-4o", "gpt-4o-2024-08-06"]', 'model') }, 'D.models');
    assert.equal(typed.status, 'fail');
    assert.equal(typed.evidence[0].status, 'fail');
    assert.match(typed.evidence[0].label, /: Model "gpt-4o" is a floating alias: model one of "gpt-4o", "gpt-4o-2024-08-06" \(model\)$/);
    const open = itemOf({ 'src/a.ts': withModel(`opts.model ?? 'gpt-4o-2024-08-06'`, ', opts: { model?: string }'), 'src/b.py': pythonCall('model', 'model or "gpt-4o-2024-08-06"') }, 'D.models');
    assert.equal(open.status, 'unknown');
    assert.deepEqual(open.counts, { passing: 0, total: 2, unknown: 2 });
    assert.deepEqual(open.evidence.map((entry) => entry.label.replace(/^.*: /, '')), ['model set at run time (opts.model ?? \'gpt-4o-2024-08-06\')', 'model set at run time (model or "gpt-4o-2024-08-06")']);
  });

  it('D.manifests finds Dockerfiles, CI workflows and platform manifests', () => {
    assert.equal(itemOf(both, 'D.manifests').status, 'fail');
    const item = itemOf({ ...both, Dockerfile: 'FROM node:22\n', '.github/workflows/ci.yml': 'on: push\n', 'fly.toml': '' }, 'D.manifests');
    assert.equal(item.status, 'pass');
    assert.deepEqual(item.evidence.map((entry) => entry.file), ['.github/workflows/ci.yml', 'Dockerfile', 'fly.toml']);
  });

  it('D.cost: fails without a budget or with unbounded output, unknown without volume or prices, then compares the worst case', () => {
    assert.equal(itemOf(both, 'D.cost').status, 'fail');
    const budget = (value: object) => ({ 'src/good.ts': goodCall, '.prodready.json': config({ budget: value }) });
    assert.match(itemOf({ ...both, '.prodready.json': config({ budget: { monthlyUsd: 100 } }) }, 'D.cost').summary, /1 generating call has no output bound/);
    assert.match(itemOf(budget({ monthlyUsd: 100 }), 'D.cost').summary, /needs "requestsPerMonth" under "budget"\.$/);
    const unpriced = { 'src/app.py': pythonCall('tone: str', '"house-model-7"'), '.prodready.json': config({ budget: { monthlyUsd: 100, requestsPerMonth: 10 } }) };
    assert.equal(itemOf(unpriced, 'D.cost').status, 'unknown');
    assert.match(itemOf(unpriced, 'D.cost').summary, /needs a price for house-model-7 under "prices"/);
    const within = itemOf(budget({ monthlyUsd: 100, requestsPerMonth: 10_000, outputUsdPerMillionTokens: { 'gpt-4o-2024-08-06': 10 } }), 'D.cost');
    assert.equal(within.status, 'pass');
    assert.equal(within.summary, 'Worst case $40.00 a month for 10000 requests, budget $100.');
    const over = itemOf(budget({ monthlyUsd: 100, requestsPerMonth: 100_000, outputUsdPerMillionTokens: { 'gpt-4o-2024-08-06': 10 } }), 'D.cost');
    assert.equal(over.status, 'fail');
    assert.match(over.evidence[1].label, /\$0\.0040 a request at most/);
  });
});

describe('readiness checklist: Use & governance', () => {
  it('U.pii counts call sites without personal data in the prompt', () => {
    const pii = demoCall.replace('export async function draft(text: string)', 'export async function draft(text: string, user: { email: string })').replace("content: text", 'content: `${text} from ${user.email}`');
    assert.equal(itemOf({ 'src/demo.ts': pii }, 'U.pii').status, 'fail');
    assert.equal(itemOf(both, 'U.pii').status, 'pass');
  });

  it('U.retention needs retention and rollback; U.humanReview needs a review path', () => {
    const partial = itemOf({ ...both, '.prodready.json': config({ retention: { prompts: '30 days' } }) }, 'U.retention');
    assert.equal(partial.status, 'fail');
    assert.equal(partial.summary, 'Not declared: "rollback".');
    assert.deepEqual(partial.action, { kind: 'open', title: 'Open .prodready.json', file: '.prodready.json', line: 1, column: 1 });
    const full = { ...both, '.prodready.json': config({ retention: 'prompts 30 days', rollback: 'flag ai.draft off', humanReview: 'low confidence goes to the queue' }) };
    assert.equal(itemOf(full, 'U.retention').status, 'pass');
    assert.equal(itemOf(full, 'U.humanReview').status, 'pass');
    assert.equal(itemOf(both, 'U.humanReview').status, 'fail');
  });

  it('U.raci names the gaps per concern', () => {
    const raci = {
      'model-quality': { responsible: '@ml', accountable: '@head-ml' },
      uptime: { responsible: '@sre', accountable: '@sre-lead' },
      cost: { responsible: '@finops', accountable: ['@cfo', '@cto'] },
      'data-privacy': { accountable: '@dpo' },
    };
    const item = itemOf({ ...both, '.prodready.json': config({ raci }) }, 'U.raci');
    assert.equal(item.status, 'fail');
    assert.deepEqual(item.counts, { passing: 2, total: 5 });
    assert.deepEqual(item.evidence.map((entry) => entry.label), ['Cost: 2 accountable, RACI has one', 'Data and privacy: no one responsible', 'Prompt and model changes: not assigned']);
  });
});

describe('readiness score', () => {
  it('is the share of items that pass, and lists what each failing item needs', () => {
    const report = buildReadiness(fixtureWorkspace(both));
    const items = report.categories.flatMap((category) => category.items);
    assert.deepEqual(report.categories.map((category) => category.id), ['P', 'R', 'O', 'D', 'U']);
    assert.equal(report.passed + report.failed + report.unknown, items.length);
    assert.equal(report.score, Math.round((100 * report.passed) / items.length));
    assert.equal(report.toPass.length, report.failed + report.unknown);
    assert.equal(report.callSites, 2);
  });
});
