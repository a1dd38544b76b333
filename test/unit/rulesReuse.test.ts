// An open document's keystroke that only moves its facts reuses the last rule run, moved; every other keystroke runs
// the rules. Either way the findings equal a fresh analysis's.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, documentParseFor, type AnalyzeOptions, type FileAnalysis } from '../../server/src/core/engine/analyzeFile';
import { rules, type Rule, type RuleId } from '../../server/src/core/rules';
import { serviceModule } from '../bench/serviceModule';

const TODAY = '2026-01-01';

/** The rule registry with every check counted. */
function countedRules(): { ruleSet: Record<RuleId, Rule>; calls: () => number } {
  let calls = 0;
  const counted = (rule: Rule): Rule => ({
    meta: rule.meta,
    ...(rule.checkCallSite ? { checkCallSite: (...args: Parameters<NonNullable<Rule['checkCallSite']>>) => (calls++, rule.checkCallSite!(...args)) } : {}),
    ...(rule.checkClient ? { checkClient: (...args: Parameters<NonNullable<Rule['checkClient']>>) => (calls++, rule.checkClient!(...args)) } : {}),
    ...(rule.checkFile ? { checkFile: (...args: Parameters<NonNullable<Rule['checkFile']>>) => (calls++, rule.checkFile!(...args)) } : {}),
  });
  const ruleSet = Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, counted(rule)])) as Record<RuleId, Rule>;
  return { ruleSet, calls: () => calls };
}

/** What a reader sees of the findings: where, what, and each fix's edits. */
function findingsOf(analysis: FileAnalysis): string {
  return JSON.stringify(analysis.findings.map((finding) => ({ rule: finding.ruleId, span: finding.span, subject: finding.subjectSpan, message: finding.message, fixes: finding.fixes })));
}

/**
 * A document edited step by step: `step` applies `replace` (the first occurrence of `from`, after `after` when
 * given), checks the findings against a fresh analysis, and says whether the rules ran.
 */
function editor(text: string, options: Partial<AnalyzeOptions> = {}) {
  const { ruleSet, calls } = countedRules();
  const parse = documentParseFor('service.ts');
  let current = text;
  const analyse = (extra: Partial<AnalyzeOptions> = {}) => analyzeText('service.ts', current, { previousParse: parse, environment: 'unchanged', today: TODAY, ruleSet, ...options, ...extra });
  analyse();
  return {
    step(from: string, to: string, extra: Partial<AnalyzeOptions> = {}, after = ''): boolean {
      const at = current.indexOf(from, current.indexOf(after));
      assert.ok(at >= 0, from);
      current = current.slice(0, at) + to + current.slice(at + from.length);
      const before = calls();
      const incremental = analyse(extra);
      assert.equal(findingsOf(incremental), findingsOf(analyzeText('service.ts', current, { today: TODAY, ...options, ...extra })), `${from} → ${to}`);
      return calls() > before;
    },
    analysis: () => analyse(),
    release: () => parse.release(),
  };
}

describe('rules reused after a keystroke that only moved the facts', () => {
  const text = serviceModule(6, 0.34);

  it('typing in a function without AI calls reuses them, before and after the calls', () => {
    const session = editor(text);
    try {
      assert.ok(text.indexOf('routeTicket1(') < text.indexOf('handleTicket3(') && text.indexOf('handleTicket3(') < text.indexOf('routeTicket4('));
      // After the first AI block, and before another: the findings after the edit move, those before stay.
      assert.equal(session.step('.slice(0, 4000)', '.slice(0, 4001)', {}, 'routeTicket1('), false);
      assert.equal(session.step('.slice(0, 4001)', '.slice(0, 400)', {}, 'routeTicket1('), false);
      assert.equal(session.step('const words', 'const wordsx', {}, 'routeTicket4('), false);
      // A line added moves the findings after it down a line.
      assert.equal(session.step('  const words', '\n  const words', {}, 'routeTicket4('), false);
    } finally {
      session.release();
    }
  });

  it('typing in a function that makes AI calls, before them, reuses them while its calls read as they did', () => {
    const session = editor(text);
    try {
      // `normalized` is in two prompts: what it holds is read as a name, so the calls read the same.
      assert.equal(session.step('.slice(0, 4000)', '.slice(0, 4001)', {}, 'handleTicket3('), false);
      assert.equal(session.step('const started = Date.now();', 'const started = Date.now() + 1;', {}, 'handleTicket3('), false);
      // What a prompt reads changed: the rules run.
      assert.equal(session.step("content: 'Summarise the ticket in two sentences.'", "content: 'Summarise the ticket in one sentence.'", {}, 'handleTicket3('), true);
      // After a call, in the block a try/catch fix would wrap (and re-indent): the rules run, even where no fact moved.
      assert.equal(session.step('const elapsed = Date.now() - started;', 'const elapsed = Date.now() - started - 1;', {}, 'handleTicket3('), true);
      assert.equal(session.step('const elapsed = Date.now() - started - 1;', 'const elapsed = Date.now() - started;', {}, 'handleTicket3('), true);
    } finally {
      session.release();
    }
  });

  it('a blank line after a call filled in runs them: the try/catch fix re-indents the lines that hold code', () => {
    const small = [
      "import OpenAI from 'openai';",
      'const openai = new OpenAI({ timeout: 1000, maxRetries: 2 });',
      'export async function ask(prompt: string) {',
      "  const answer = await openai.chat.completions.create({ model: 'gpt-4o-2024-08-06', max_completion_tokens: 10, messages: [{ role: 'user', content: prompt }] });",
      '',
      '  return answer;',
      '}',
      '',
    ].join('\n');
    const session = editor(small);
    try {
      assert.ok(session.analysis().findings.some((finding) => finding.ruleId === 'AIR003' && finding.fixes.length > 0));
      assert.equal(session.step('\n\n  return', '\n  void 0;\n  return'), true);
    } finally {
      session.release();
    }
  });

  it('an edit that changes a call, the rule levels, a waiver or an owner tag runs the rules', () => {
    const session = editor(text);
    try {
      assert.equal(session.step("model: 'gpt-4o-2024-08-06'", "model: 'gpt-4o'"), true);
      assert.equal(session.step('const words', 'const wordsx', { ruleLevels: { AIR003: 'off' } }, 'routeTicket1('), true);
      assert.equal(session.step('const wordsx', 'const words', { ruleLevels: { AIR003: 'off' } }, 'routeTicket1('), false);
      // A waiver above the first line of the function after an AI block waives nothing there, but moves no fact either:
      // the waivers differ, so the rules run.
      assert.equal(session.step('export function scoreTicket0', '// prodready-ignore-next-line AIR001 -- tested\nexport function scoreTicket0'), true);
      // An owner tag in a function without AI calls names no call's owner, but says the project declares owners.
      assert.equal(session.step('const words', '// @owner @acme/platform\n  const words', {}, 'routeTicket1('), true);
    } finally {
      session.release();
    }
  });

  it('an edit on a line a fix writes to (the end of the file) runs the rules', () => {
    // A prompt holding an e-mail address: the PII fix appends a redactor at the end of the file.
    const withPii = `${text}\nexport async function mail(user: { email: string }) {\n  return openai.chat.completions.create({ model: 'gpt-4o-2024-08-06', messages: [{ role: 'user', content: user.email }] });\n}\nexport function tail() {\n  return 1;\n}`;
    const session = editor(withPii);
    try {
      assert.ok(session.analysis().findings.some((finding) => finding.fixes.some((fix) => fix.edits.some((edit) => edit.span.start === withPii.length))));
      assert.equal(session.step('return 1;\n}', 'return 1;\n} '), true);
      assert.equal(session.step('const words', 'const wordsx', {}, 'routeTicket1('), false);
    } finally {
      session.release();
    }
  });
});
