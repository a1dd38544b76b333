// Reading `.prodready.json` with jsonc-parser against the one declaration: JSON with comments, every problem located
// and worded by the declaration, what is valid kept, hostile nesting refused before the parser runs.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../server/src/core/config/config';
import { configJsonSchema } from '../../server/src/core/config/generate';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../server/src/core/config/json';
import { LEVELS } from '../../server/src/core/config/schema';
import { LineIndex } from '../../server/src/core/model';
import { readEditorSettings } from '../../server/src/lsp/settings';

/** `severity [the text the span covers] message` for each problem. */
function located(text: string): string[] {
  return parseConfig(text).problems.map((problem) => `${problem.severity} [${text.slice(problem.span.start, problem.span.end)}] ${problem.message}`);
}

describe('.prodready.json is JSON with comments', () => {
  it('reads comments and trailing commas', () => {
    const text = '// project config\n{\n  /* severities */\n  "rules": { "AIR001": "error", },\n  "exclude": ["gen/**",], // generated\n}\n';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { AIR001: 'error' });
    assert.deepEqual(config.exclude, ['gen/**']);
  });

  it('locates syntax errors and reports at most ten of them', () => {
    assert.deepEqual(located('{ "rules": { "AIR001": "error" } } x'), ['error [x] .prodready.json is not valid JSON: unexpected characters (strings take double quotes; keys are quoted). Using defaults.']);
    assert.deepEqual(located('{ "exclude": ["a" "b"] }'), ['error ["b"] .prodready.json is not valid JSON: \',\' expected. Using defaults.']);
    const garbage = parseConfig(`{ "kpis": ${'typeof '.repeat(5000)}1 }`).problems;
    assert.equal(garbage.length, 10);
    assert.ok(garbage.every((problem) => problem.severity === 'error' && /not valid JSON/.test(problem.message)));
  });

  it('names the file it reads in its messages', () => {
    const { problems } = parseConfig('{ "colour": 1 }', 'custom.json');
    assert.deepEqual(problems.map((problem) => problem.message), ['Unknown setting "colour" in custom.json; it is ignored.']);
  });
});

describe('every problem is located and worded by the declaration', () => {
  /** Every key path the JSON schema declares, with the kind of container on the way. */
  function paths(node: Record<string, unknown>, at: { key: string; array: boolean }[] = []): { key: string; array: boolean }[][] {
    const found: { key: string; array: boolean }[][] = [];
    const properties = (node.properties ?? (node.items as Record<string, unknown> | undefined)?.properties) as Record<string, Record<string, unknown>> | undefined;
    for (const [key, child] of Object.entries(properties ?? {})) {
      const step = [...at, { key, array: node.type === 'array' }];
      found.push(step, ...paths(child, step));
    }
    return found;
  }
  const wrong = ['null', '1', '-1', '1.5', '""', '" "', '"x"', 'true', '[]', '[1]', '["x"]', '{}', '{ "x": 1 }', '{ "__proto__": 1 }'];

  it('never says "Invalid input": each key has its own message, wherever it is', () => {
    const all = paths(configJsonSchema());
    assert.ok(all.length > 40, `${all.length} paths`);
    let checked = 0;
    for (const path of all) {
      for (const value of wrong) {
        // Wrap the value in its parents: an object per key, in a one-element array where that object is a list's.
        let text = value;
        for (let i = path.length - 1; i >= 0; i--) {
          text = `{ ${JSON.stringify(path[i].key)}: ${text} }`;
          if (path[i].array) text = `[${text}]`;
        }
        const { problems } = parseConfig(text);
        checked++;
        for (const problem of problems) {
          assert.doesNotMatch(problem.message, /^Invalid|Invalid input|expected .* received/, `${text}: ${problem.message}`);
          assert.ok(problem.span.start >= 0 && problem.span.end <= text.length && problem.span.end > problem.span.start, `${text}: ${problem.message}`);
        }
      }
    }
    assert.ok(checked > 500);
  });

  it('reports a bad value where it is written, at its line and column, and keeps the rest', () => {
    const text = '{\n  "budget": {\n    "monthlyUsd": 100,\n    "outputUsdPerMillionTokens": { "a": 1, "b": -2 }\n  }\n}\n';
    const { config, problems } = parseConfig(text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message, 'The price of "b" must be a number of USD per million output tokens.');
    assert.deepEqual(new LineIndex(text).positionAt(problems[0].span.start), { line: 3, character: 48 });
    assert.deepEqual(config.governance.budget?.outputUsdPerMillionTokens, { a: 1 });
  });

  it('reports a missing key on the object that lacks it, once', () => {
    assert.deepEqual(located('{ "models": [{ "status": "retired" }, { "id": "m", "status": "gone" }] }'), [
      'error [{ "status": "retired" }] A model entry needs "id" and a "status" of "floating", "deprecated", "retired".',
      'error ["gone"] A model entry needs "id" and a "status" of "floating", "deprecated", "retired".',
    ]);
    assert.deepEqual(located('{ "ownership": [{ "path": "src/" }, { "path": "src/", "owners": [] }] }'), [
      'error [{ "path": "src/" }] An ownership rule needs "path" (a CODEOWNERS pattern) and "owners" (e.g. ["@ml-platform"]).',
      'error [[]] Owners are @user, @org/team or an email.',
    ]);
  });

  it('drops a bad field of an entry and keeps the entry when it stands without it', () => {
    const { config, problems } = parseConfig('{ "models": [{ "id": "m", "status": "retired", "pinned": 3, "provider": "acme" }] }');
    assert.deepEqual(problems.map((problem) => problem.message), ['"pinned" must be a string.']);
    assert.deepEqual(config.models, [{ id: 'm', provider: 'acme', status: 'retired', pinned: undefined, replacement: undefined, since: undefined }]);
  });

  it('warns about keys nobody declared at every level, prototype names included, and reads the rest', () => {
    const text = '{ "ownership": [{ "path": "src/", "owners": "@a", "constructor": 1 }], "kpis": [{ "name": "k", "__proto__": "x" }], "raci": { "cost": { "toString": "@a", "responsible": "@b" } } }';
    assert.deepEqual(located(text), [
      'warning ["constructor"] Unknown ownership field "constructor"; known: path, owners, owner.',
      'warning ["__proto__"] Unknown KPI field "__proto__"; known: name, target.',
      'warning ["toString"] Unknown RACI role "toString"; known: responsible, accountable, consulted, informed.',
    ]);
    const { config } = parseConfig(text);
    assert.deepEqual(config.governance.ownership.map((rule) => rule.owners), [['@a']]);
    assert.deepEqual(config.governance.kpis.map((kpi) => kpi.name), ['k']);
    assert.deepEqual(config.governance.raci.cost?.responsible, ['@b']);
  });

  it('keeps a valid value it advises on, with a warning', () => {
    const text = '{ "raci": { "cost": { "accountable": ["@cfo", "@cto"] } } }';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(problems.map((problem) => [problem.severity, text.slice(problem.span.start, problem.span.end)]), [['warning', '{ "accountable": ["@cfo", "@cto"] }']]);
    assert.deepEqual(config.governance.raci.cost?.accountable, ['@cfo', '@cto']);
  });

  it('gives governance lines as editors count them, whatever the line breaks', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['{', '  "kpis": [', '    { "name": "deflection" }', '  ],', '  "ownership": [{ "path": "src/", "owners": "@a" }],', '  "rollback": "flag off"', '}'].join(eol);
      const { config, problems } = parseConfig(text);
      assert.deepEqual(problems, []);
      assert.deepEqual([config.governance.kpis[0].line, config.governance.ownership[0].line, config.governance.rollback?.line], [3, 5, 6], JSON.stringify(eol));
    }
  });
});

describe('the depth guard scans as jsonc-parser does', () => {
  it('counts brackets the parser would nest on, closers that close nothing included', () => {
    // `}` does not close an array: the parser skips it and nests the next `[`.
    const text = `{ "kpis": ${'[},'.repeat(50_000)} }`;
    assert.equal(tooDeepAt(text), 10 + 3 * (MAX_JSON_DEPTH - 1));
    assert.match(parseConfig(text).problems[0].message, /^nesting deeper than 64 levels/);
  });

  it('ends strings and line comments at CR as the parser does', () => {
    for (const opener of ['"x\r', '// x\r']) {
      const text = `{ "kpis": ${opener}${'['.repeat(200)} }`;
      assert.notEqual(tooDeepAt(text), undefined, JSON.stringify(opener));
      assert.match(parseConfig(text).problems[0].message, /^nesting deeper/);
    }
  });
});

describe('the prodready.rules editor setting', () => {
  it('takes the levels the declaration lists; default and anything else keep the config level', () => {
    const rules = Object.fromEntries(LEVELS.map((level, i) => [`AIR00${i + 1}`, level]));
    assert.deepEqual(readEditorSettings({ rules: { ...rules, AIR009: 'default', AIR010: 'loud', AIR999: 'off' } }).rules, rules);
  });
});
