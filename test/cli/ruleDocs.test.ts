// SARIF describes every rule from its meta and its page: summary, why, the page as help, and a link that opens where
// the CLI runs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { rules, ruleIds } from '../../server/src/core/rules';
import { REPO_ROOT } from '../repoRoot';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-rule-docs-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
}

describe('prodready check --format sarif describes each rule from its meta', () => {
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'app', 'route.ts'), "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport const ask = (input: string) => openai.responses.create({ model: 'gpt-4o', input });\n");
  const result = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'sarif'], { cwd: dir, encoding: 'utf8' });
  const described: SarifRule[] = JSON.parse(result.stdout).runs[0].tool.driver.rules;

  it('lists every rule, in registry order', () => {
    assert.deepEqual(described.map((rule) => rule.id), ruleIds);
  });

  for (const id of ruleIds) {
    it(`${id}: descriptions come from meta.docs, help from its page; helpUri is the shipped page, an absolute file: URL`, () => {
      const { docs } = rules[id].meta;
      const rule = described.find((candidate) => candidate.id === id)!;
      assert.equal(rule.shortDescription.text, docs.summary);
      assert.equal(rule.fullDescription.text, docs.why);
      // Help is the rule's page: as written for Markdown readers (code scanning), without its marks as text.
      assert.equal(rule.help.markdown, fs.readFileSync(path.join(REPO_ROOT, ...docs.url.split('/')), 'utf8'));
      const summaryText = docs.summary.replace(/`([^`]+)`/g, '$1');
      assert.ok(rule.help.text.startsWith(`${id} ${rules[id].meta.name}\n\n${summaryText}`), rule.help.text.slice(0, 200));
      assert.match(rule.helpUri, /^file:\/\//);
      assert.ok(rule.helpUri.endsWith(`/${docs.url}`), `${rule.helpUri} ends with ${docs.url}`);
      assert.equal(fileURLToPath(rule.helpUri), path.join(REPO_ROOT, ...docs.url.split('/')), 'the page beside dist/');
      assert.ok(fs.existsSync(fileURLToPath(rule.helpUri)), `${rule.helpUri} exists`);
    });
  }
});
