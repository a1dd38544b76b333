// Workspace text is data: file and folder names, owners, model names and config keys never become CODEOWNERS
// rules, links, Markdown structure or prototype lookups, and a hostile config is a located error, not a crash.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { defaultSettings, parseConfig } from '../../server/src/core/config/config';
import { ownersOf, parseCodeOwners } from '../../server/src/core/ownership/codeowners';
import { codeownersPatternFor } from '../../server/src/core/ownership/suggest';
import { codeownersLine, parseOwners, withOwnershipRule } from '../../server/src/core/ownership/write';
import { buildInventory, buildReadiness } from '../../server/src/core/readiness';
import { formatMarkdown, linkTarget, md } from '../../server/src/format/markdown';
import { Engine } from '../../server/src/core';
import { NodeHost } from '../../server/src/node/host';
import { REPO_ROOT } from '../repoRoot';
import { demoCall, fixtureWorkspace, goodCall, itemOf } from './readiness/fixtureWorkspace';

const HOSTILE_FOLDER = 'x\n*\t@attacker\n#';

describe('writing owners: CODEOWNERS lines and .prodready.json rules', () => {
  it('refuses a folder name that would add its own CODEOWNERS rules, and writes nothing', () => {
    const pattern = codeownersPatternFor(`${HOSTILE_FOLDER}/chat.ts`);
    const line = codeownersLine(pattern, ['@me']);
    assert.equal(line.ok, false);
    assert.match(!line.ok ? line.error : '', /line break or another control character/);
    assert.equal(withOwnershipRule('{}', pattern, ['@me']).ok, false, 'the config rule is refused the same way');
    for (const name of ['a\rb', 'a\u2028b', 'a\u0000b', 'a\u202eb', 'tab\there']) assert.equal(codeownersLine(`/${name}/`, ['@me']).ok, false, JSON.stringify(name));
  });

  it('refuses names CODEOWNERS reads as pattern syntax, and paths that are not relative', () => {
    for (const pattern of ['/a*/', '/what?/', '/[ab]/', '/back\\slash.ts', '!x', 'src/', '/a//b/', '/../up/', '']) {
      assert.equal(codeownersLine(pattern, ['@me']).ok, false, pattern);
    }
  });

  it('escapes spaces and # so that the line reads back as exactly this path and these owners', () => {
    const pattern = codeownersPatternFor('my dir/#notes v2/chat.ts');
    assert.equal(pattern, '/my dir/#notes v2/');
    const line = codeownersLine(pattern, ['@org/team', 'ai@example.com']);
    assert.deepEqual(line, { ok: true, value: '/my\\ dir/\\#notes\\ v2/ @org/team ai@example.com' });
    const parsed = parseCodeOwners(`* @everyone\n${line.ok ? line.value : ''}\n`);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(ownersOf(parsed, 'my dir/#notes v2/chat.ts').owners, ['@org/team', 'ai@example.com']);
    assert.deepEqual(ownersOf(parsed, 'other/chat.ts').owners, ['@everyone'], 'the last rule covers only its folder');
  });

  it('accepts only owner shapes (@user, @org/team, email) that every reader takes as one owner', () => {
    assert.deepEqual(parseOwners('  @alice   @org/ml-team  a.b+ai@example.co.uk '), { ok: true, value: ['@alice', '@org/ml-team', 'a.b+ai@example.co.uk'] });
    for (const input of ['', 'alice', '@alice #comment', 'x@y.z#c', '@a\\ b', '@', '@/team', 'a@b', '@alice,@bob', '"@alice"']) {
      assert.equal(parseOwners(input).ok, false, JSON.stringify(input));
    }
    assert.equal(codeownersLine('/src/', ['@ok', '#rest']).ok, false, 'owners are checked when the line is written too');
    assert.equal(codeownersLine('/src/', ['@ok @also']).ok, false, 'one owner is one word');
  });

  it('adds a .prodready.json rule as JSON data: quotes and backslashes stay in the value, other keys are kept', () => {
    const pattern = codeownersPatternFor('we "quoted" dir/chat.ts');
    const before = '{ "kpis": [{ "name": "deflection" }], "__proto__": { "ownership": [] }, "ownership": [{ "path": "/lib/", "owners": ["@lib"] }] }';
    const written = withOwnershipRule(before, pattern, ['@team']);
    assert.ok(written.ok);
    const { config, problems } = parseConfig(written.value);
    assert.deepEqual(problems.filter((problem) => problem.severity === 'error'), []);
    assert.deepEqual(config.governance.ownership.map((rule) => [rule.pattern, rule.owners]), [['/lib/', ['@lib']], ['/we "quoted" dir/', ['@team']]]);
    assert.ok(config.governance.ownership[1].matches('we "quoted" dir/chat.ts'));
    assert.deepEqual(config.governance.kpis.map((kpi) => kpi.name), ['deflection']);
  });

  it('a suggested pattern for a folder with a space matches that folder as a .prodready.json rule', () => {
    const written = withOwnershipRule(undefined, codeownersPatternFor('my dir/chat.ts'), ['@team']);
    assert.ok(written.ok);
    assert.ok(parseConfig(written.value).config.governance.ownership[0].matches('my dir/chat.ts'));
  });

  it('leaves a .prodready.json that is not one JSON object alone', () => {
    for (const text of ['{ "kpis": [', 'null', '[]', '"x"', '{ "ownership": "/src/ @x" }']) assert.equal(withOwnershipRule(text, '/src/', ['@x']).ok, false, text);
  });
});

describe('the Markdown report keeps workspace text inert', () => {
  const files = {
    'javascript:alert(1).ts': demoCall,
    'a b/<x> (1)/c#d?.ts': demoCall,
    [`${HOSTILE_FOLDER}/evil\r| x | y |.ts`]: demoCall.replace("'gpt-4o'", "'gpt\\n# pwned | `code` [x](https://evil.example) www.evil.example'"),
    '.prodready.json': JSON.stringify({ kpis: [{ name: 'lone\rCR\n## injected', target: '<b>1</b>' }], raci: { cost: { responsible: '@finops\n- injected' } } }),
  };
  const snapshot = fixtureWorkspace(files);
  const text = formatMarkdown(buildReadiness(snapshot), buildInventory(snapshot), { title: 'demo', date: '2026-12-01', version: '0.1.0' });
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);

  it('links only to relative paths that no reader takes for a scheme, a host, a query or the end of the link', () => {
    const targets = [...text.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((match) => match[1]);
    assert.ok(targets.length > 5);
    for (const target of targets) assert.match(target, /^\.\/[A-Za-z0-9%._~/-]+(#L\d+)?$/, target);
    assert.ok(targets.includes('./javascript%3Aalert%281%29.ts#L4'), targets.join('\n'));
    assert.ok(targets.includes('./a%20b/%3Cx%3E%20%281%29/c%23d%3F.ts#L4'));
    assert.ok(!/\]\(\s*javascript:/i.test(text));
  });

  it('lets no name, model or config text start a line, split a table cell, open a tag or a link', () => {
    assert.ok(!text.includes('\r'));
    for (const line of lines) assert.ok(!/^(#+ (pwned|injected)|- injected|\| x \| y)/.test(line), line);
    assert.ok(!text.includes('<x>') && !text.includes('<b>'));
    assert.ok(!text.includes('https://evil') && !/[^\\]www\.evil/.test(text), 'no autolink');
    assert.ok(!/(^|[^\\])`code/.test(text), 'no code span');
    const columns = (row: string) => row.split(/(?<!\\)\|/).length;
    const inventory = lines.slice(lines.indexOf('## AI inventory'));
    const rows = inventory.slice(4, inventory.indexOf('', 2));
    assert.equal(rows.length, 3, 'one row per call site');
    for (const row of rows) assert.equal(columns(row), columns(inventory[2]), row);
  });

  it('escapes Markdown and HTML in text and percent-encodes link targets', () => {
    assert.equal(md('a|b`c[d](e)<f>&*g_\\h'), 'a\\|b\\`c\\[d\\](e)&lt;f&gt;&amp;\\*g\\_\\\\h');
    assert.equal(md('one\r\ntwo\rthree\nfour\u2028five\u0007'), 'one two three four five\uFFFD');
    assert.equal(linkTarget('//host/x.ts', 2), './host/x.ts#L2');
    assert.equal(linkTarget("it's (a)*!.ts"), './it%27s%20%28a%29%2A%21.ts');
  });
});

describe('lookups keyed by workspace text are own-property lookups', () => {
  it('warns, where it is written, about a default named like an Object.prototype member, and keeps the defaults', () => {
    const text = '{ "defaults": { "toString": 5, "constructor": 100, "__proto__": 1, "hasOwnProperty": 2 } }';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(
      problems.map((problem) => [problem.severity, text.slice(problem.span.start, problem.span.end)]),
      [
        ['warning', '"toString"'],
        ['warning', '"constructor"'],
        ['warning', '"__proto__"'],
        ['warning', '"hasOwnProperty"'],
      ],
    );
    assert.match(problems[0].message, /Unknown default "toString"/);
    assert.deepEqual(config.defaults, defaultSettings);
    assert.ok(!Object.hasOwn(config.defaults, 'toString'));
  });

  it('warns about unknown fields of a model entry, prototype names included', () => {
    const text = '{ "models": [{ "id": "m", "status": "retired", "constructor": "x", "toString": "y" }] }';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(problems.map((problem) => [problem.severity, text.slice(problem.span.start, problem.span.end)]), [['warning', '"constructor"'], ['warning', '"toString"']]);
    assert.deepEqual(config.models.map((model) => model.id), ['m']);
  });

  const withModel = (model: string, prices: string) => ({
    'src/good.ts': goodCall.replace("'gpt-4o-2024-08-06'", `'${model}'`),
    '.prodready.json': `{ "budget": { "monthlyUsd": 100, "requestsPerMonth": 1000, "outputUsdPerMillionTokens": ${prices} } }`,
  });

  for (const model of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    it(`D.cost asks for the price of a model named ${model} instead of reading Object.prototype`, () => {
      const item = itemOf(withModel(model, '{ "gpt-4o-2024-08-06": 10 }'), 'D.cost');
      assert.equal(item.status, 'unknown');
      assert.doesNotMatch(item.summary, /NaN/);
      assert.match(item.summary, new RegExp(`a price for ${model} under "prices"`));
    });
  }

  it('D.cost prices a model named __proto__ or constructor from the config', () => {
    for (const model of ['__proto__', 'constructor']) {
      const item = itemOf(withModel(model, `{ "${model}": 10 }`), 'D.cost');
      assert.equal(item.summary, 'Worst case $4.00 a month for 1000 requests, budget $100.', model);
    }
  });
});

describe('a .prodready.json nested without limit is a located configuration error', () => {
  const nested = (depth: number, open = '[', close = ']') => `{\n  "kpis": ${open.repeat(depth)}${close.repeat(depth)}\n}\n`;

  it('refuses nesting deeper than 64 levels where it starts, before the parser recurses', () => {
    const text = nested(5000);
    const { config, problems } = parseConfig(text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /^nesting deeper than 64 levels/);
    assert.equal(problems[0].span.start, text.indexOf('[') + 63, 'at the 65th level (the root object is the first)');
    assert.deepEqual(config.governance.kpis, []);
    assert.deepEqual(parseConfig(nested(62)).problems.filter((problem) => /nesting/.test(problem.message)), [], '63 levels are read');
  });

  it('counts only brackets outside strings and comments', () => {
    const text = `{ "kpis": [{ "name": "${'['.repeat(200)}\\"${'{'.repeat(200)}" }] /* ${'['.repeat(200)} */ // ${'{'.repeat(200)}\n}`;
    const { config, problems } = parseConfig(text);
    assert.deepEqual(problems.filter((problem) => problem.severity === 'error'), []);
    assert.equal(config.governance.kpis.length, 1);
  });

  it('never overflows the stack on expressions the JSON parser recurses into without brackets', () => {
    for (const value of [`${'('.repeat(20000)}1${')'.repeat(20000)}`, `${'!'.repeat(20000)}1`, `${'- '.repeat(20000)}1`, `${'typeof '.repeat(20000)}1`]) {
      const { problems } = parseConfig(`{ "kpis": ${value} }`);
      assert.ok(problems.length > 0 && problems.every((problem) => problem.severity === 'error'), value.slice(0, 10));
    }
  });

  it('is a problem of the config file in the language server too', () => {
    // The server reads configs through the engine; an unsaved editor's text comes in through the host.
    const engine = new Engine(new NodeHost((file) => (file === '/ws/.prodready.json' ? nested(5000) : undefined)));
    const loaded = engine.configFor('/ws/src/a.ts', '/ws');
    assert.equal(loaded.file, '/ws/.prodready.json');
    assert.match(loaded.problems[0]?.message ?? '', /nesting deeper than 64 levels/);
  });

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-deep-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stops the CLI with exit 2 and file:line:column', () => {
    fs.writeFileSync(path.join(root, '.prodready.json'), nested(5000));
    fs.writeFileSync(path.join(root, 'a.ts'), 'export const x = 1;\n');
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /\.prodready\.json:2:74: nesting deeper than 64 levels/);
    assert.doesNotMatch(result.stderr, /RangeError|Maximum call stack/);
  });
});

describe('the sidebar webview writes workspace text as text', () => {
  const dir = path.join(REPO_ROOT, 'client', 'src', 'webview');
  const sources = fs.readdirSync(dir).filter((file) => file.endsWith('.ts')).map((file) => [file, withoutComments(fs.readFileSync(path.join(dir, file), 'utf8'))] as const);
  function withoutComments(source: string): string {
    return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  }

  it('never parses a string as HTML and never sets a URL or a handler from data', () => {
    assert.ok(sources.length >= 4, "the checklist webview's sources are read");
    for (const [file, source] of sources) {
      assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|srcdoc|DOMParser|createContextualFragment/, file);
      assert.doesNotMatch(source, /\b(href|src|formaction)\s*[:=]|setAttribute\(\s*['"](href|src|formaction)/, file);
      assert.doesNotMatch(source, /['"]on[a-z]+['"]\s*:/, file);
      assert.doesNotMatch(source, /\bh\(\s*['"](a|iframe|img|script|style|link|object|embed|form)['"]/, file);
    }
  });
});
