import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/engine/analyzeFile';
import { parsePython, parseUnguarded } from '../../server/src/core/extract/python/parser';
import { parseTypeScript } from '../../server/src/core/extract/typescript/extractor';
import { fixText } from '../../server/src/core/engine/fixAll';
import { piiHintsForLiteral, piiHintsForNames } from '../../server/src/core/catalog/privacy';
import { LineIndex, lineEndingOf, withLfLineBreaks } from '../../server/src/core/model';
import { loadPythonParser } from '../../server/src/node/python';
import { deeplyIndented } from './pythonInputs';
import { hoverMarkdown } from '../../server/src/lsp/hover';

before(async () => assert.equal(await loadPythonParser(), undefined));

const TODAY = { today: '2026-12-01' };

function tsParseErrors(text: string): number {
  return (parseTypeScript('a.ts', text) as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
}

/** As Python reads it: a lone CR is a line break (tree-sitter's grammar needs LF). */
function pythonParses(text: string): boolean {
  const tree = parsePython(withLfLineBreaks(text));
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

const pythonCall = ['from openai import OpenAI', 'client = OpenAI()', 'def ask(q):', '    r = client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": q}])', '    return r', ''];
const tsCall = ["import OpenAI from 'openai';", 'const openai = new OpenAI();', 'export async function ask(q: string) {', "  const r = await openai.chat.completions.create({ model: 'gpt-4o-2024-08-06', messages: [{ role: 'user', content: q }] });", '  return r;', '}', ''];

describe('hostile input never stops an analysis', () => {
  it('reads a one-argument fetch to a model endpoint, complete or half-typed', () => {
    const complete = analyzeText('a.ts', "fetch('https://api.anthropic.com/v1/messages')\n", TODAY);
    assert.equal(complete.notice, undefined);
    assert.deepEqual(complete.facts.callSites.map((site) => site.sdk), ['http']);
    const halfTyped = analyzeText('b.ts', "await fetch('https://api.anthropic.com/v1/messages'", TODAY);
    assert.equal(halfTyped.notice, undefined);
  });

  it('leaves out what is nested deeper than the walk reads, and says where', () => {
    const chain = `const prompt = ${Array.from({ length: 1500 }, () => '"ab"').join(' + ')};\n${tsCall.join('\n')}`;
    const analysis = analyzeText('a.ts', chain, TODAY);
    assert.match(analysis.notice ?? '', /nested deeper than \d+ levels from line 1/);
    assert.equal(analysis.facts.callSites.length, 1, 'the call after the deep line is still found');
  });

  it('skips a file the TypeScript parser cannot take, with a notice', () => {
    const deep = `const x = ${'('.repeat(5000)}1${')'.repeat(5000)};\n`;
    const analysis = analyzeText('a.ts', deep, TODAY);
    assert.ok(analysis.notice, 'a notice says the file was not (fully) analysed');
    assert.deepEqual(analysis.findings, []);
  });

  for (const [name, text] of [
    ['brackets', `x = ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['calls', `x = ${'f('.repeat(5000)}${')'.repeat(5000)}\n`],
    ['blocks', Array.from({ length: 300 }, (_, depth) => `${'    '.repeat(depth)}if x:`).join('\n') + `\n${'    '.repeat(300)}pass\n`],
  ] as const) {
    it(`survives Python nesting of 5,000 (${name})`, () => {
      const analysis = analyzeText('a.py', text, TODAY);
      assert.deepEqual(analysis.findings, []);
    });
  }

  it('scans a 100,000-character word in a prompt and still finds an address after it', () => {
    assert.deepEqual(piiHintsForLiteral(`${'A'.repeat(100_000)} ana@example.com`), []);
    assert.deepEqual(piiHintsForLiteral(`mail ana@example.com now`), ['email address']);
    assert.deepEqual(piiHintsForLiteral(`${'a'.repeat(100_000)}@`), []);
  });

  it('reads PII words as own entries only', () => {
    assert.deepEqual(piiHintsForNames(['constructor']), []);
    assert.deepEqual(piiHintsForNames(['__proto__']), []);
    assert.deepEqual(piiHintsForNames(['customerEmail']), ['email']);
  });
});

describe('the Python parser', () => {
  it('does not parse indentation nested hundreds of levels deep, and says where it starts', () => {
    const analysis = analyzeText('deep.py', deeplyIndented(600), TODAY);
    assert.match(analysis.notice ?? '', /nested more than 400 levels deep at line 403/);
    // The runtime is unharmed: the next file is read whole.
    assert.equal(analyzeText('next.py', pythonCall.join('\n'), TODAY).facts.callSites.length, 1);
    assert.equal(analyzeText('fine.py', deeplyIndented(150), TODAY).notice, undefined);
  });

  it('gives up a parse that runs past its time budget, and the next parse starts afresh', () => {
    // An unterminated string on a line of 80,000 words: tree-sitter's error recovery takes seconds here.
    const runaway = `reply = client.chat.completions.create(model="m", messages=[{"content": "${'lorem ipsum '.repeat(40_000)}`;
    assert.throws(() => parseUnguarded(runaway, undefined, 20), /parsing took longer than 20 ms/);
    const tree = parsePython(pythonCall.join('\n'));
    try {
      assert.equal(tree.rootNode.hasError, false);
      assert.equal(tree.rootNode.text, pythonCall.join('\n'));
    } finally {
      tree.delete();
    }
  });
});

describe('line endings', () => {
  it('counts LF, CRLF and CR as line breaks, as LSP does', () => {
    const lines = new LineIndex('a\r\nb\rc\nd');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(5), { line: 2, character: 0 });
    assert.equal(lines.lineText(1), 'b');
    assert.equal(lineEndingOf('a\r\nb'), '\r\n');
    assert.equal(lineEndingOf('a\rb\n'), '\r');
    assert.equal(lineEndingOf('a'), '\n');
  });

  for (const [name, eol] of [
    ['CR', '\r'],
    ['CRLF', '\r\n'],
  ] as const) {
    it(`fixes a Python file with ${name} endings once, in its own line ending, and it still parses`, () => {
      const text = pythonCall.join(eol);
      const once = fixText('a.py', text, TODAY);
      assert.ok(once.fixed.length > 0);
      assert.ok(pythonParses(once.text), once.text);
      assert.equal(once.text.match(/logging\.info\(/g)?.length, 1);
      assert.equal(once.text.replace(/\r\n|\r/g, '').includes('\n'), false, 'no LF written into the file');
      assert.equal(fixText('a.py', once.text, TODAY).text, once.text, 'fixing again changes nothing');
    });

    it(`fixes a TypeScript file with ${name} endings in its own line ending`, () => {
      const text = tsCall.join(eol);
      const once = fixText('a.ts', text, TODAY);
      assert.ok(once.fixed.length > 0);
      assert.equal(tsParseErrors(once.text), 0, once.text);
      assert.equal(once.text.replace(/\r\n|\r/g, '').includes('\n'), false, 'no LF written into the file');
      assert.equal(fixText('a.ts', once.text, TODAY).text, once.text);
    });
  }
});

describe('fixes and broken code', () => {
  it('offers no fix inside code with a syntax error, and fixes the clean rest', () => {
    const broken = [...tsCall.slice(0, 3), "  const s = 'unterminated", ...tsCall.slice(3)].join('\n');
    const analysis = analyzeText('a.ts', broken, TODAY);
    assert.ok(analysis.facts.parseErrors > 0);
    assert.ok(analysis.findings.length > 0, 'findings still stand');
    assert.ok(analysis.findings.every((finding) => finding.fixes.length === 0), 'no fix in the broken function');
    const result = fixText('a.ts', broken, TODAY);
    assert.equal(result.text, broken);
  });

  it('keeps the clean statements of a file fixable when another part is broken', () => {
    // The statement before an error counts as broken too (parsers often notice a missing quote late).
    const text = [...tsCall, 'const unrelated = 1;', 'function broken() {', "  const s = 'unterminated", '}', ''].join('\n');
    const result = fixText('a.ts', text, TODAY);
    assert.ok(result.fixed.length > 0, 'the clean call is fixed');
    assert.ok(result.text.endsWith(['function broken() {', "  const s = 'unterminated", '}', ''].join('\n')), 'the broken part is untouched');
    assert.equal(fixText('a.ts', result.text, TODAY).text, result.text);
  });

  it('does not apply a fix again and again when the parser does not see what it wrote', () => {
    const text = pythonCall.join('\n') + 'x = """never closed\n';
    const once = fixText('a.py', text, TODAY);
    const twice = fixText('a.py', once.text, TODAY);
    assert.equal(twice.text, once.text);
    assert.ok((once.text.match(/logging\.info\(/g)?.length ?? 0) <= 1);
  });
});

describe('workspace names in the hover', () => {
  it('keeps a model name with backticks inside its code span, so it cannot add a link', () => {
    const text = "import OpenAI from 'openai';\nconst o = new OpenAI();\no.chat.completions.create({ model: 'x` [click](https://evil.example) `', messages: [] });\n";
    const [site] = analyzeText('a.ts', text, TODAY).facts.callSites;
    const hover = hoverMarkdown(site);
    assert.match(hover, /Model: `` x` \[click\]\(https:\/\/evil\.example\) ` ``/);
  });
});
