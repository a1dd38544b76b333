import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultSettings, parseConfig } from '../../server/src/core/config/config';
import { CONCERNS, GOVERNANCE_KEYS } from '../../server/src/core/config/governance';
import { ruleIds } from '../../server/src/core/rules';
import { REPO_ROOT } from '../repoRoot';

describe('.prodready.json', () => {
  it('reads rules, exclude and defaults', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({ rules: { AIR001: 'error', AIR006: 'off' }, exclude: ['**/gen/**'], defaults: { timeoutMs: 20000 } }),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { AIR001: 'error', AIR006: 'off' });
    assert.deepEqual(config.exclude, ['**/gen/**']);
    assert.deepEqual(config.defaults, { ...defaultSettings, timeoutMs: 20000 });
  });

  it('reports malformed JSON with its position and falls back to defaults', () => {
    const text = '{ "rules": { "AIR001": "error", } ';
    const { config, problems } = parseConfig(text);
    assert.ok(problems.length > 0);
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /not valid JSON/);
    assert.ok(problems[0].span.start > 0 && problems[0].span.start <= text.length);
    assert.deepEqual(config.rules, {});
  });

  it('reports bad values where they are written and keeps the valid ones', () => {
    const text = '{\n  "rules": { "AIR001": "loud", "AIR999": "error", "AIR002": "off" },\n  "defaults": { "retries": -1 },\n  "colour": 1\n}';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config.rules, { AIR002: 'off' });
    assert.equal(config.defaults.retries, defaultSettings.retries);
    const messages = problems.map((p) => `${p.severity}: ${text.slice(p.span.start, p.span.end)}: ${p.message}`);
    assert.deepEqual(messages, [
      'error: "loud": Rule AIR001 (ai-call-timeout) takes one of "error", "warning", "info", "hint", "off".',
      `warning: "AIR999": Unknown rule "AIR999". Known rules: ${ruleIds.join(', ')}.`,
      'error: -1: "retries" must be a whole number of retries from 0 to 20.',
      'warning: "colour": Unknown setting "colour" in .prodready.json; it is ignored.',
    ]);
  });

  it('needs an object at the top', () => {
    assert.match(parseConfig('[1, 2]').problems[0].message, /one JSON object/);
  });
});

describe('.prodready.json governance', () => {
  const text = `{
  "ownership": [
    { "path": "src/ai/", "owners": ["@ml-platform"] },
    { "path": "src/ai/billing/**", "owner": "@payments" },
    { "path": "!src/legacy", "owners": "@x" },
    { "path": "lib/", "owners": ["not an owner"] }
  ],
  "raci": {
    "cost": { "responsible": "@finops", "accountable": ["@cfo", "@cto"], "informed": ["@ml-platform"] },
    "uptime": { "responsible": ["@sre"], "accountable": "@sre-lead", "paged": "@x" },
    "vibes": {}
  },
  "kpis": [{ "name": "tickets resolved without a human", "target": ">= 30%" }, { "target": "x" }],
  "budget": { "monthlyUsd": 500, "requestsPerMonth": 100000, "outputUsdPerMillionTokens": { "gpt-4o-2024-08-06": 10 } },
  "retention": { "prompts": "30 days", "outputs": "90 days" },
  "rollback": "",
  "humanReview": "confidence under 0.6 goes to the support queue"
}`;
  const { config, problems } = parseConfig(text);
  const governance = config.governance;

  it('reads ownership rules with CODEOWNERS patterns and reports the bad ones where they are', () => {
    assert.deepEqual(governance.ownership.map((rule) => [rule.pattern, rule.owners, rule.line]), [
      ['src/ai/', ['@ml-platform'], 3],
      ['src/ai/billing/**', ['@payments'], 4],
    ]);
    assert.ok(governance.ownership[0].matches('src/ai/chat.ts'));
    assert.ok(!governance.ownership[0].matches('src/web/chat.ts'));
    const at = (needle: string) => problems.find((p) => text.slice(p.span.start, p.span.end).includes(needle));
    assert.match(at('"!src/legacy"')!.message, /not a supported pattern/);
    assert.match(at('["not an owner"]')!.message, /not: not an owner/);
  });

  it('reads RACI per concern, warns on unknown concerns and roles and on more than one accountable', () => {
    assert.deepEqual(governance.raci.cost, { responsible: ['@finops'], accountable: ['@cfo', '@cto'], consulted: [], informed: ['@ml-platform'], line: 9 });
    assert.deepEqual(governance.raci.uptime?.accountable, ['@sre-lead']);
    const messages = problems.map((p) => `${p.severity}: ${p.message}`);
    assert.ok(messages.includes('warning: "raci.cost" names 2 accountable; RACI has exactly one.'));
    assert.ok(messages.includes('warning: Unknown RACI role "paged"; known: responsible, accountable, consulted, informed.'));
    assert.ok(messages.some((m) => m.startsWith('warning: Unknown concern "vibes"')));
  });

  it('reads KPIs, budget and declarations; an empty declaration is an error and counts as undeclared', () => {
    assert.deepEqual(governance.kpis.map((kpi) => [kpi.name, kpi.target]), [['tickets resolved without a human', '>= 30%']]);
    assert.ok(problems.some((p) => p.message.startsWith('A KPI needs a "name"')));
    assert.deepEqual({ ...governance.budget, line: 0 }, { monthlyUsd: 500, requestsPerMonth: 100000, outputUsdPerMillionTokens: { 'gpt-4o-2024-08-06': 10 }, line: 0 });
    assert.equal(governance.retention?.text, 'prompts: 30 days; outputs: 90 days');
    assert.equal(governance.rollback, undefined);
    assert.ok(problems.some((p) => p.message.startsWith('"rollback" must say what is declared')));
    assert.equal(governance.humanReview?.text, 'confidence under 0.6 goes to the support queue');
  });

  it('asks for monthlyUsd in a budget', () => {
    const { config: withoutMonthly, problems: budgetProblems } = parseConfig('{ "budget": { "requestsPerMonth": 10 } }');
    assert.equal(withoutMonthly.governance.budget, undefined);
    assert.match(budgetProblems[0].message, /needs "monthlyUsd"/);
  });
});

describe('the JSON schema contributed to VS Code', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'prodready.schema.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

  it('is what VS Code validates .prodready.json with', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.prodready.json', url: './schemas/prodready.schema.json' }]);
  });

  it('knows every rule and every top-level key the reader accepts, and no other', () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...ruleIds].sort());
    const readerKeys = ['$schema', 'preset', 'rules', 'exclude', 'defaults', 'models', 'prices', 'data', 'audit', 'privacy', 'tests', 'overrides', ...GOVERNANCE_KEYS];
    assert.deepEqual(Object.keys(schema.properties).sort(), readerKeys.sort());
    assert.deepEqual(Object.keys(schema.properties.raci.properties), CONCERNS.map((concern) => concern.id));
    for (const key of Object.keys(schema.properties)) {
      if (key === '$schema') continue;
      const { problems } = parseConfig(`{ "${key}": null }`);
      assert.ok(!problems.some((p) => p.message.startsWith('Unknown setting')), `the reader knows "${key}"`);
    }
  });
});
