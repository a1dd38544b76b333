import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings, parseConfig } from '../../server/src/core/config';
import { ruleIds } from '../../server/src/core/rules';

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
