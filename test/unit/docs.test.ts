import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { rules, ruleIds } from '../../server/src/core/rules';
import { REPO_ROOT } from '../repoRoot';

const REPO = REPO_ROOT;
const SECTIONS = ['## What it does', '## Why it matters in production', '## Example', '## Use instead', '## Fix safety', '## Options'];

describe('every rule is documented, tested and configurable', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const settings = manifest.contributes.configuration.properties['prodready.rules'].properties;

  for (const id of ruleIds) {
    const rule = rules[id];
    it(`${id} ${rule.meta.name}`, () => {
      assert.equal(rule.meta.id, id, 'registry key and meta.id agree');
      assert.match(rule.meta.name, /^[a-z]+(-[a-z]+)*$/, 'kebab-case name');
      const page = fs.readFileSync(path.join(REPO, 'docs', 'rules', `${id}.md`), 'utf8');
      assert.ok(page.startsWith(`# ${id} \`${rule.meta.name}\``), 'page title names the id and the name');
      for (const section of SECTIONS) assert.ok(page.includes(section), `docs page has "${section}"`);
      assert.ok(page.includes(`**${rule.meta.defaultSeverity}**`), 'page states the default severity');
      assert.ok(fs.existsSync(path.join(REPO, 'test', 'unit', 'rules', `${id}.test.ts`)), 'has a rule table');
      assert.ok(settings[id], 'has a prodready.rules setting');
      for (const [messageId, template] of Object.entries(rule.meta.messages)) {
        assert.ok(template.trim().length > 0, `message ${messageId} is not empty`);
      }
    });
  }

  it('no docs page or setting for a rule that does not exist', () => {
    const pages = fs.readdirSync(path.join(REPO, 'docs', 'rules')).map((file) => file.replace(/\.md$/, ''));
    assert.deepEqual(pages.sort(), [...ruleIds].sort());
    assert.deepEqual(Object.keys(settings).sort(), [...ruleIds].sort());
  });
});
