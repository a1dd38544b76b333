// The files generated from the one `.prodready.json` declaration (server/src/core/config/schema.ts) are what the
// generator writes today, and they say what the reader does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GENERATED_FILES, configJsonSchema, editorPresetSetting, editorRulesSetting } from '../../server/src/core/config/generate';
import { LEVELS, PRESETS } from '../../server/src/core/config/schema';
import { rules, ruleIds } from '../../server/src/core/rules';
import { REPO_ROOT } from '../repoRoot';

describe('files generated from the config declaration', () => {
  for (const { file, generate } of GENERATED_FILES) {
    it(`${file} is up to date`, () => {
      const current = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
      assert.ok(generate(current) === current, `${file} is stale: run \`npm run generate\` and commit the result`);
    });
  }

  it('the generator is an npm script that needs no network', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.scripts.generate, 'node scripts/generate-config.mjs');
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'scripts', 'generate-config.mjs')));
    assert.doesNotMatch(manifest.scripts.build, /generate/, 'the build reads the committed files');
  });

  it('the prodready.rules setting has one property per rule: its levels, its default and its name', () => {
    const setting = editorRulesSetting() as { properties: Record<string, { enum: string[]; default: string; markdownDescription: string }> };
    assert.deepEqual(Object.keys(setting.properties), ruleIds);
    for (const id of ruleIds) {
      assert.deepEqual(setting.properties[id].enum, ['default', ...LEVELS]);
      assert.equal(setting.properties[id].default, 'default');
      assert.ok(setting.properties[id].markdownDescription.includes(`\`${rules[id].meta.name}\``), id);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.configuration.properties['prodready.rules'], setting);
  });

  it('the prodready.preset setting offers the presets .prodready.json takes, recommended by default, and says the file wins', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['prodready.preset'];
    assert.deepEqual([setting.scope, setting.type, setting.enum, setting.default], ['resource', 'string', [...PRESETS], 'recommended']);
    assert.match(setting.markdownDescription, /A `preset` in `\.prodready\.json` wins/);
    assert.deepEqual((configJsonSchema() as { properties: { preset: { enum: string[] } } }).properties.preset.enum, setting.enum);
    assert.deepEqual(setting, editorPresetSetting());
  });

  it('the JSON schema is draft-07 with its id, rejects unknown keys at every level, and documents the keys', () => {
    const schema = configJsonSchema() as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.$id, 'https://prodready.dev/schemas/prodready.schema.json');
    const objects: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (record.type === 'object' && record.properties) objects.push(`${at}:${String(record.additionalProperties)}`);
      for (const [key, value] of Object.entries(record)) walk(value, `${at}/${key}`);
    };
    walk(schema, '');
    assert.ok(objects.length > 10);
    for (const object of objects) assert.match(object, /:false$/, object);
    for (const key of ['exclude', 'models', 'ownership', 'raci', 'kpis', 'retention', 'rollback', 'humanReview']) assert.ok(schema.properties[key].description, key);
    assert.equal(JSON.stringify(schema).includes('propertyNames'), false);
  });
});
