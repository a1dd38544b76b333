// The first sentence of every rule message is what a Problems row shows: it must fit in 100 characters with the
// data it is filled with. The rest of the message goes to the hover and the rule's page.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/engine/analyzeFile';
import { firstSentence, restOfMessage } from '../../server/src/core/rules/describe';
import { rules, ruleIds } from '../../server/src/core/rules';
import { loadPythonParser } from '../../server/src/node/python';
import { REPO_ROOT } from '../repoRoot';

const LIMIT = 100;
/** A placeholder filled with a long but ordinary value: an SDK display name, a function name, a model id. */
const TYPICAL = 'x'.repeat(18);

describe('message first sentences fit a Problems row', () => {
  before(async () => assert.equal(await loadPythonParser(), undefined));

  for (const id of ruleIds) {
    it(`${id}: every message's (and fix title's) first sentence is at most ${LIMIT} characters with typical data`, () => {
      for (const [messageId, template] of Object.entries(rules[id].meta.messages)) {
        const filled = template.replace(/\{\{\s*\w+\s*\}\}/g, TYPICAL);
        const first = firstSentence(filled);
        assert.ok(first.length <= LIMIT, `${id} ${messageId}: ${first.length} characters: "${first}"`);
      }
    });
  }

  it('every finding in the demo app has a first sentence of at most 100 characters', () => {
    const root = path.join(REPO_ROOT, 'examples', 'demo-app');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|py)$/.test(file));
    let checked = 0;
    for (const file of files) {
      const absolute = path.join(root, file);
      for (const finding of analyzeText(absolute, fs.readFileSync(absolute, 'utf8')).findings) {
        checked++;
        const first = firstSentence(finding.message);
        assert.ok(first.length <= LIMIT, `${finding.ruleId} in ${file}: ${first.length} characters: "${first}"`);
      }
    }
    assert.ok(checked > 20, `only ${checked} findings in the demo app`);
  });

  it('firstSentence stops at the first full stop followed by a space, not inside a model id', () => {
    assert.equal(firstSentence('Model "gpt-4.1" is a floating alias. Pin it.'), 'Model "gpt-4.1" is a floating alias.');
    assert.equal(firstSentence('One sentence only'), 'One sentence only');
    assert.equal(restOfMessage('A. B c.'), 'B c.');
  });
});
