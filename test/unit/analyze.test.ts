import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, skipReason } from '../../server/src/core/engine/analyzeFile';
import { defaultConfig } from '../../server/src/core/config/config';
import { rules } from '../../server/src/core/rules';
import type { Rule } from '../../server/src/core/rules';

const openaiCall = `import OpenAI from 'openai';
const openai = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz' });
export const ask = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
`;

describe('rule runner', () => {
  it('isolates a rule that throws: it is reported once, the other rules still run', () => {
    const broken: Rule = {
      meta: { ...rules.AIR002.meta },
      checkCallSite() {
        throw new Error('boom');
      },
    };
    const analysis = analyzeText('a.ts', openaiCall, { ruleSet: { ...rules, AIR002: broken } });
    assert.equal(analysis.failures.length, 1);
    assert.equal(analysis.failures[0].ruleId, 'AIR002');
    assert.match(analysis.failures[0].error, /boom/);
    assert.deepEqual([...new Set(analysis.findings.map((f) => f.ruleId))].sort(), ['AIR001', 'AIR003', 'AIR004', 'AIR006', 'AIR007', 'AIR008']);
  });

  it('refuses a fix from a rule that does not declare one', () => {
    const undeclared: Rule = { ...rules.AIR006, meta: { ...rules.AIR006.meta, fixable: undefined } };
    const analysis = analyzeText('a.ts', openaiCall, { ruleSet: { ...rules, AIR006: undeclared } });
    assert.equal(analysis.failures[0]?.ruleId, 'AIR006');
    assert.match(analysis.failures[0].error, /does not declare/);
  });

  it('applies severities from config and editor, editor first; off turns a rule off', () => {
    const analysis = analyzeText('a.ts', openaiCall, {
      config: { ...defaultConfig(), rules: { AIR001: 'error', AIR006: 'info', AIR003: 'off' } },
      ruleLevels: { AIR006: 'off', AIR007: 'hint', AIR004: 'off' },
    });
    const byRule = Object.fromEntries(analysis.findings.map((f) => [f.ruleId, f.severity]));
    assert.deepEqual(byRule, { AIR001: 'error', AIR007: 'hint', AIR008: 'warning' });
  });

  it('only safe fixes are preferred; alternatives never are', () => {
    const analysis = analyzeText('a.ts', openaiCall);
    const timeout = analysis.findings.find((f) => f.ruleId === 'AIR001');
    assert.deepEqual(timeout?.fixes.map((f) => f.isPreferred), [true, false]);
  });

  it('a suppression without rule ids covers every rule on the next line', () => {
    const code = openaiCall.replace('export const ask', '// prodready-ignore-next-line -- demo\nexport const ask');
    const analysis = analyzeText('a.ts', code);
    assert.deepEqual([...new Set(analysis.findings.map((f) => f.ruleId))], ['AIR007']);
  });

  it('keeps working on code with syntax errors', () => {
    const analysis = analyzeText('a.ts', `${openaiCall}\nexport const broken = (;\n`);
    assert.ok(analysis.facts.parseErrors > 0);
    assert.equal(analysis.facts.callSites.length, 1);
  });
});

describe('files that are not analysed', () => {
  it('skips files over 2 MB, binary files and other languages', () => {
    assert.equal(skipReason('big.ts', 'x'.repeat(2 * 1024 * 1024 + 1))?.kind, 'too-large');
    assert.equal(skipReason('blob.js', 'abc\u0000def')?.kind, 'binary');
    assert.equal(skipReason('notes.md', '# hi')?.kind, 'unsupported');
    assert.equal(skipReason('ok.tsx', 'export {}'), undefined);
  });
});
