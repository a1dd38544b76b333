// The waiver quick fix ("Ignore AIRxxx for this call") is built by the core: a comment in the file's own syntax,
// indentation and line endings that keeps the file parseable and suppresses the finding.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeText, extractFacts } from '../../server/src/core/engine/analyzeFile';
import { suppressionFixes } from '../../server/src/core/engine/suppress';
import { applyEdits, type Finding } from '../../server/src/core/model';
import { loadPythonParser } from '../../server/src/node/python';

before(async () => assert.equal(await loadPythonParser(), undefined));

const TODAY = { today: '2026-12-01' };

/** Applies the waiver of the first `ruleId` finding; returns the waived text, its edit and the findings after. */
function waive(file: string, code: string, ruleId: string): { text: string; newText: string; after: Finding[]; parseErrors: number } {
  const analysis = analyzeText(file, code, TODAY);
  const finding = analysis.findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected among ${analysis.findings.map((f) => f.ruleId).join(', ')}`);
  const waiver = suppressionFixes(analysis, code)(finding);
  assert.equal(waiver.title, `Ignore ${ruleId} for this line`);
  assert.equal(waiver.isPreferred, false);
  assert.equal(waiver.edits.length, 1);
  const text = applyEdits(code, waiver.edits);
  // The placeholder is not a decided waiver: the finding stays until the user writes the reason.
  assert.ok(analyzeText(file, text, TODAY).findings.some((candidate) => candidate.ruleId === ruleId), 'the placeholder reason does not suppress');
  const decided = text.replace('-- reason', '-- the queue enforces a deadline');
  return { text, newText: waiver.edits[0].newText, after: analyzeText(file, decided, TODAY).findings, parseErrors: extractFacts(file, text).parseErrors };
}

const rules = (findings: Finding[]) => [...new Set(findings.map((finding) => finding.ruleId))].sort();

function pythonCompiles(text: string): boolean | undefined {
  if (spawnSync('python3', ['--version']).status !== 0) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-waiver-'));
  try {
    fs.writeFileSync(path.join(dir, 'case.py'), text);
    return spawnSync('python3', ['-m', 'py_compile', path.join(dir, 'case.py')]).status === 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the waiver quick fix, TypeScript', () => {
  const code = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function ask(q: string) {
  try {
    const r = await openai.chat.completions.create({
      model: 'gpt-4o-2024-08-06',
      max_completion_tokens: 100,
      messages: [{ role: 'user', content: q }],
    });
    console.info('ai.request', { id: r.id, usage: r.usage });
    return r;
  } catch {
    return null;
  }
}
`;

  it('writes a // comment at the call line\'s indentation; the file parses and AIR001 is gone, the rest stays', () => {
    const before = rules(analyzeText('a.ts', code, TODAY).findings);
    const { text, newText, after, parseErrors } = waive('a.ts', code, 'AIR001');
    assert.equal(newText, '    // prodready-ignore-next-line AIR001 -- reason\n');
    assert.match(text, /\n {4}\/\/ prodready-ignore-next-line AIR001 -- reason\n {4}const r = await/);
    assert.equal(parseErrors, 0);
    assert.deepEqual(rules(after), before.filter((id) => id !== 'AIR001'));
  });

  it('follows the file\'s CRLF line endings', () => {
    const crlf = code.replace(/\n/g, '\r\n');
    const { text, newText, after, parseErrors } = waive('a.ts', crlf, 'AIR001');
    assert.equal(newText, '    // prodready-ignore-next-line AIR001 -- reason\r\n');
    assert.ok(!/[^\r]\n/.test(text), 'every line break stays CRLF');
    assert.equal(parseErrors, 0);
    assert.ok(!after.some((finding) => finding.ruleId === 'AIR001'));
  });

  it('waives a finding on a client construction the same way', () => {
    const keyed = code.replace('new OpenAI()', "new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345' })");
    const { text, after, parseErrors } = waive('a.ts', keyed, 'AIR007');
    assert.match(text, /\n\/\/ prodready-ignore-next-line AIR007 -- reason\nconst openai = new OpenAI/);
    assert.equal(parseErrors, 0);
    assert.ok(!after.some((finding) => finding.ruleId === 'AIR007'));
  });
});

describe('the waiver quick fix, Python', () => {
  const code = `from anthropic import Anthropic

claude = Anthropic()


class Triage:
    def run(self, text: str) -> str:
        if text:
            message = claude.messages.create(
                model="claude-sonnet-4-5-20250929",
                max_tokens=50,
                messages=[{"role": "user", "content": text}],
            )
            return message.content[0].text
        return ""
`;

  it('writes a # comment at the call line\'s indentation; the file parses and compiles, AIR001 is gone, the rest stays', () => {
    const before = rules(analyzeText('triage.py', code, TODAY).findings);
    const { text, newText, after, parseErrors } = waive('triage.py', code, 'AIR001');
    assert.equal(newText, '            # prodready-ignore-next-line AIR001 -- reason\n');
    assert.match(text, /\n {12}# prodready-ignore-next-line AIR001 -- reason\n {12}message = claude/);
    assert.equal(parseErrors, 0);
    assert.notEqual(pythonCompiles(text), false, `does not compile:\n${text}`);
    assert.deepEqual(rules(after), before.filter((id) => id !== 'AIR001'));
  });

  it('stays valid Python for a call inside brackets that continue over lines', () => {
    const nested = `from openai import OpenAI

client = OpenAI()


def summarize(text):
    return len(
        client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=10, messages=[{"role": "user", "content": text}])
    )
`;
    const { text, after, parseErrors } = waive('nested.py', nested, 'AIR001');
    assert.match(text, /return len\(\n {8}# prodready-ignore-next-line AIR001 -- reason\n {8}client\.chat/);
    assert.equal(parseErrors, 0);
    assert.notEqual(pythonCompiles(text), false, `does not compile:\n${text}`);
    assert.ok(!after.some((finding) => finding.ruleId === 'AIR001'));
  });

  it('reads a CR-only file as Python does and writes CR', () => {
    const cr = code.replace(/\n/g, '\r');
    const { text, newText, after, parseErrors } = waive('cr.py', cr, 'AIR001');
    assert.equal(newText, '            # prodready-ignore-next-line AIR001 -- reason\r');
    assert.ok(!text.includes('\n'));
    assert.equal(parseErrors, 0);
    assert.ok(!after.some((finding) => finding.ruleId === 'AIR001'));
  });
});

describe('a waiver is decided only when it says why', () => {
  const call = `import OpenAI from 'openai';
const openai = new OpenAI();
export const ask = (q: string) =>
  // DIRECTIVE
  openai.chat.completions.create({ model: 'gpt-4o-2024-08-06', max_completion_tokens: 9, messages: [{ role: 'user', content: q }] });
`;
  const timeoutFound = (directive: string) => analyzeText('a.ts', call.replace('DIRECTIVE', directive), TODAY).findings.some((finding) => finding.ruleId === 'AIR001');

  for (const [label, directive, suppressed] of [
    ['no reason', 'prodready-ignore-next-line AIR001', false],
    ['an empty reason', 'prodready-ignore-next-line AIR001 --', false],
    ['the placeholder the quick fix writes', 'prodready-ignore-next-line AIR001 -- reason', false],
    ['only an owner and a date', 'prodready-ignore-next-line AIR001 -- owner=@team until=2027-01-31', false],
    ['a reason', 'prodready-ignore-next-line AIR001 -- the gateway enforces a deadline', true],
  ] as const) {
    it(`${label}: ${suppressed ? 'suppresses' : 'does not suppress'}`, () => assert.equal(timeoutFound(directive), !suppressed));
  }
});
