import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig, withReaderPreset, type Preset } from '../../server/src/core/config/config';
import { readEditorSettings } from '../../server/src/lsp/settings';
import { DEFAULT_TEST_FILES, ruleLevelsFor, TESTS_PROFILE_RULES } from '../../server/src/core/config/overrides';
import { Engine } from '../../server/src/core/engine/engine';
import { MemoryHost } from './memoryHost';

const call = `import OpenAI from 'openai';
const openai = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789' });
export async function ask(input: string) {
  return openai.responses.create({ model: 'gpt-4o', input });
}
`;

function ruleIdsAt(files: Record<string, string>, file: string): string[] {
  const engine = new Engine(new MemoryHost(new Map(Object.entries(files))));
  const result = engine.analyzeFile({ file, text: files[file], root: '/ws' });
  assert.equal(result.status, 'analysed');
  return result.status === 'analysed' ? [...new Set(result.analysis.findings.map((finding) => finding.ruleId))].sort() : [];
}

describe('.prodready.json overrides and the tests profile', () => {
  it('reads overrides in order and the tests profile, reporting bad entries where they are', () => {
    const text = JSON.stringify({
      overrides: [{ files: ['scripts/**'], rules: { AIR004: 'off' } }, { files: 'oops', rules: {} }, { files: ['jobs/**'], rules: { AIR001: 'loud' }, colour: 1 }],
      tests: { files: ['qa/**'], rules: { AIR003: 'info' } },
    }, null, 2);
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config.overrides, [{ files: ['scripts/**'], rules: { AIR004: 'off' } }, { files: ['jobs/**'], rules: {} }]);
    assert.deepEqual(config.tests, { files: ['qa/**'], rules: { ...TESTS_PROFILE_RULES, AIR003: 'info' } });
    assert.deepEqual(problems.map((p) => `${p.severity}: ${text.slice(p.span.start, p.span.end)}`), ['error: "oops"', 'error: "loud"', 'warning: "colour"']);
  });

  it('gives each file the levels of the overrides its path matches; later entries win; no match keeps the config\'s own object', () => {
    const { config } = parseConfig(JSON.stringify({ rules: { AIR001: 'error' }, overrides: [{ files: ['src/legacy/**'], rules: { AIR001: 'warning', AIR002: 'off' } }, { files: ['**/*.gen.ts'], rules: { AIR001: 'off' } }] }));
    assert.equal(ruleLevelsFor(config, 'src/app.ts'), config.rules);
    assert.deepEqual(ruleLevelsFor(config, 'src/legacy/old.ts'), { AIR001: 'warning', AIR002: 'off' });
    assert.deepEqual(ruleLevelsFor(config, 'src/legacy/api.gen.ts'), { AIR001: 'off', AIR002: 'off' });
    assert.equal(ruleLevelsFor(config, 'src/legacy/a.ts'), ruleLevelsFor(config, 'src/legacy/b.ts'), 'one object per set of matching entries');
    assert.deepEqual(ruleLevelsFor(config, 'test/ai.test.ts'), { AIR001: 'error', ...TESTS_PROFILE_RULES });
  });

  it('covers the usual homes of tests and examples', () => {
    const { config } = parseConfig('{}');
    assert.deepEqual(config.tests.files, DEFAULT_TEST_FILES);
    for (const file of ['test/a.ts', 'src/__tests__/a.tsx', 'pkg/tests/test_chat.py', 'src/chat.test.ts', 'src/chat.spec.js', 'tests/conftest.py', 'app/chat_test.py', 'examples/demo/index.ts', 'e2e/flow.ts']) {
      assert.equal(ruleLevelsFor(config, file).AIR003, 'off', file);
    }
    for (const file of ['src/chat.ts', 'app/testing.ts', 'src/contest.py', 'lib/latest.ts']) assert.equal(ruleLevelsFor(config, file).AIR003, undefined, file);
  });

  it('turns off the production rules in test files and keeps keys on, in the engine every reader uses', () => {
    assert.deepEqual(ruleIdsAt({ '/ws/src/ask.ts': call }, '/ws/src/ask.ts'), ['AIR001', 'AIR003', 'AIR004', 'AIR006', 'AIR007', 'AIR008']);
    assert.deepEqual(ruleIdsAt({ '/ws/test/ask.test.ts': call }, '/ws/test/ask.test.ts'), ['AIR007']);
    // Globs are relative to the config's folder.
    const configured = { '/ws/svc/.prodready.json': '{ "tests": { "files": ["checks/**"] }, "overrides": [{ "files": ["src/**"], "rules": { "AIR008": "off" } }] }', '/ws/svc/checks/ask.ts': call, '/ws/svc/test/ask.ts': call, '/ws/svc/src/ask.ts': call };
    assert.deepEqual(ruleIdsAt(configured, '/ws/svc/checks/ask.ts'), ['AIR007']);
    assert.deepEqual(ruleIdsAt(configured, '/ws/svc/test/ask.ts'), ['AIR001', 'AIR003', 'AIR004', 'AIR006', 'AIR007', 'AIR008']);
    assert.deepEqual(ruleIdsAt(configured, '/ws/svc/src/ask.ts'), ['AIR001', 'AIR003', 'AIR004', 'AIR006', 'AIR007']);
    // An empty list turns the profile off.
    assert.deepEqual(ruleIdsAt({ '/ws/.prodready.json': '{ "tests": { "files": [] } }', '/ws/test/ask.ts': call }, '/ws/test/ask.ts'), ['AIR001', 'AIR003', 'AIR004', 'AIR006', 'AIR007', 'AIR008']);
  });
});

describe('the editor preset (prodready.preset) in the config layering', () => {
  const levelsAt = (files: Record<string, string>, file: string, preset?: Preset) => {
    const engine = new Engine(new MemoryHost(new Map(Object.entries(files))));
    const result = engine.analyzeFile({ file, text: files[file], root: '/ws', preset });
    assert.equal(result.status, 'analysed');
    return result.status === 'analysed' ? Object.fromEntries(result.analysis.findings.map((finding) => [finding.ruleId, finding.severity])) : {};
  };

  it('the setting alone sets the preset', () => {
    assert.equal(levelsAt({ '/ws/src/ask.ts': call }, '/ws/src/ask.ts').AIR004, 'info');
    assert.equal(levelsAt({ '/ws/src/ask.ts': call }, '/ws/src/ask.ts', 'recommended').AIR004, 'info');
    assert.equal(levelsAt({ '/ws/src/ask.ts': call }, '/ws/src/ask.ts', 'strict').AIR004, 'warning');
  });

  it('the file alone sets the preset', () => {
    assert.equal(levelsAt({ '/ws/.prodready.json': '{ "preset": "strict" }', '/ws/src/ask.ts': call }, '/ws/src/ask.ts').AIR004, 'warning');
  });

  it('with both, the file wins; rules, overrides and the tests profile still sit above the setting', () => {
    assert.equal(levelsAt({ '/ws/.prodready.json': '{ "preset": "recommended" }', '/ws/src/ask.ts': call }, '/ws/src/ask.ts', 'strict').AIR004, 'info');
    assert.equal(levelsAt({ '/ws/.prodready.json': '{ "preset": "strict" }', '/ws/src/ask.ts': call }, '/ws/src/ask.ts', 'recommended').AIR004, 'warning');
    const configured = { '/ws/.prodready.json': '{ "rules": { "AIR004": "hint" }, "overrides": [{ "files": ["src/**"], "rules": { "AIR001": "off" } }] }', '/ws/src/ask.ts': call, '/ws/test/ask.ts': call };
    const strict = levelsAt(configured, '/ws/src/ask.ts', 'strict');
    assert.deepEqual([strict.AIR004, strict.AIR001, strict.AIR003], ['hint', undefined, 'warning']);
    assert.equal(levelsAt(configured, '/ws/test/ask.ts', 'strict').AIR003, undefined, 'the tests profile turns AIR003 off whatever the preset');
  });

  it('the layered config is one object per config and preset, and the file\'s own when it names a preset', () => {
    const { config } = parseConfig('{}');
    assert.equal(withReaderPreset(config, 'strict'), withReaderPreset(config, 'strict'));
    assert.equal(withReaderPreset(config, undefined), config);
    const named = parseConfig('{ "preset": "recommended" }').config;
    assert.equal(withReaderPreset(named, 'strict'), named);
  });

  it('reads the setting from the editor, keeping the default for anything else', () => {
    assert.equal(readEditorSettings({ preset: 'strict' }).preset, 'strict');
    assert.equal(readEditorSettings({ preset: 'loud' }).preset, 'recommended');
    assert.equal(readEditorSettings(undefined).preset, 'recommended');
  });
});
