import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../repoRoot';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-cli-'));

function workspace(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const routeTs = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const body = await req.json();
  const r = await openai.responses.create({ model: 'gpt-4o', input: body.message });
  return Response.json({ text: r.output_text });
}
`;

after(() => fs.rmSync(root, { recursive: true, force: true }));

describe('prodready check', () => {
  it('writes the JSON contract: relative paths, 1-based positions; exit 1 on warnings', () => {
    const dir = workspace('json', { 'app/route.ts': routeTs, 'node_modules/x/index.ts': routeTs });
    const { code, stdout } = run(dir, 'check', '.', '--format', 'json');
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(report.callSites, [
      {
        file: 'app/route.ts',
        line: 5,
        column: 19,
        sdk: 'openai',
        api: 'responses.create',
        operation: 'chat',
        model: 'gpt-4o',
        recognizedBy: "openai: new OpenAI() from 'openai'",
        cost: { unknown: 'no output bound' },
      },
    ]);
    assert.deepEqual(
      report.findings.map((f: Record<string, unknown>) => [f.ruleId, f.file, f.line, f.column, f.endLine, f.endColumn, f.severity]),
      [
        // Each finding on what it is about: a missing option on the options object; AIR004 is information in the default preset.
        ['AIR003', 'app/route.ts', 5, 19, 5, 42, 'warning'],
        ['AIR004', 'app/route.ts', 5, 19, 5, 42, 'info'],
        ['AIR001', 'app/route.ts', 5, 43, 5, 83, 'warning'],
        ['AIR006', 'app/route.ts', 5, 43, 5, 83, 'warning'],
        ['AIR008', 'app/route.ts', 5, 52, 5, 60, 'warning'],
      ],
    );
    for (const finding of report.findings) assert.equal(typeof finding.message, 'string');
  });

  it('follows clients and wrappers across modules: tsconfig paths, re-exports, factories', () => {
    const dir = workspace('crossfile', {
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
      'src/lib/openai.ts': `import OpenAI from 'openai';
export const openai = new OpenAI({ timeout: 20_000 });
export const getClient = () => new OpenAI();
export default openai;
`,
      'src/lib/index.ts': `export * from './openai';
export { summarise as summarize } from './ai';
`,
      'src/lib/ai.ts': `import { openai } from './openai';
export async function summarise(text: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini-2024-07-18', max_completion_tokens: 200, messages: [{ role: 'user', content: text }] });
  return r.choices[0].message.content;
}
`,
      'src/app/route.ts': `import ai, { getClient } from '@/lib/openai';
import { summarize } from '../lib';
export async function POST(req: Request) {
  const { text } = await req.json();
  const a = await ai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  const b = await getClient().embeddings.create({ model: 'text-embedding-3-small', input: text });
  return Response.json({ a, b, s: await summarize(text) });
}
`,
    });
    const report = JSON.parse(run(dir, 'check', '.', '--format', 'json').stdout);
    const sites = report.callSites.map((s: Record<string, unknown>) => [s.file, s.line, s.sdk, s.api]);
    assert.deepEqual(sites, [
      ['src/app/route.ts', 5, 'openai', 'embeddings.create'],
      ['src/app/route.ts', 6, 'openai', 'embeddings.create'],
      ['src/app/route.ts', 7, 'wrapper', 'summarise'],
      ['src/lib/ai.ts', 3, 'openai', 'chat.completions.create'],
    ]);
    assert.deepEqual(report.callSites[2].wraps, { file: 'src/lib/ai.ts', sdk: 'openai', api: 'chat.completions.create' });
    const timeouts = report.findings.filter((f: Record<string, unknown>) => f.ruleId === 'AIR001').map((f: Record<string, unknown>) => [f.file, f.line]);
    // The client from '@/lib/openai' has a timeout; the one getClient() builds has none. The wrapper call is not re-reported.
    assert.deepEqual(timeouts, [['src/app/route.ts', 6]]);
    const atWrapperCall = report.findings.filter((f: Record<string, unknown>) => f.file === 'src/app/route.ts' && f.line === 7);
    assert.deepEqual(atWrapperCall, []);
  });

  it('prints text findings and a summary', () => {
    const dir = workspace('text', { 'route.ts': routeTs });
    const { code, stdout } = run(dir, 'check');
    assert.equal(code, 1);
    assert.match(stdout, /^route\.ts$/m);
    assert.match(stdout, /5:43\s+warning\s+No timeout: this OpenAI call.*AIR001/);
    assert.match(stdout, /5:19\s+info\s+Nothing records this OpenAI call.*AIR004/);
    assert.match(stdout, /5 problems \(0 errors, 4 warnings, 1 info\) in 1 file, 1 AI call site\./);
  });

  it('exits 0 when nothing reaches --fail-on, and on clean code', () => {
    const dir = workspace('failon', { 'route.ts': routeTs, 'clean.ts': 'export const x = 1;\n' });
    assert.equal(run(dir, 'check', '--fail-on', 'error').code, 0);
    assert.equal(run(dir, 'check', '--fail-on=off').code, 0);
    const clean = run(dir, 'check', 'clean.ts');
    assert.equal(clean.code, 0);
    assert.match(clean.stdout, /No problems \(1 file, 0 AI call sites\)\./);
  });

  it('exits 2 with a clear message on usage errors', () => {
    const dir = workspace('usage', { 'a.ts': '' });
    for (const args of [['lint'], ['check', '--format', 'xml'], ['check', '--bogus'], ['check', 'missing-dir'], ['check', '--fail-on']]) {
      const { code, stderr } = run(dir, ...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^prodready: /);
    }
    assert.match(run(dir, 'check', '--format', 'xml').stderr, /--format takes one of text, json, sarif, markdown, cyclonedx; got "xml"/);
  });

  it('exits 2 on a malformed config, naming the file, line and column', () => {
    const dir = workspace('badconfig', { 'a.ts': routeTs, '.prodready.json': '{\n  "rules": { "AIR001": "loud" }\n}\n' });
    const { code, stderr, stdout } = run(dir, 'check');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /\.prodready\.json:2:24: Rule AIR001 \(ai-call-timeout\) takes one of/);
  });

  it('applies the config: severities, off rules and exclude globs; warnings in it do not stop the run', () => {
    const dir = workspace('config', {
      'src/route.ts': routeTs,
      'generated/client.ts': routeTs,
      '.prodready.json': JSON.stringify({
        rules: { AIR001: 'error', AIR003: 'off', AIR004: 'off', AIR006: 'off', AIR008: 'info' },
        exclude: ['generated/**'],
        unknownKey: true,
      }),
    });
    const { code, stdout, stderr } = run(dir, 'check', '--format', 'json');
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.findings.map((f: Record<string, string>) => [f.file, f.ruleId, f.severity]), [
      ['src/route.ts', 'AIR001', 'error'],
      ['src/route.ts', 'AIR008', 'info'],
    ]);
    assert.match(stderr, /Unknown setting "unknownKey"/);
  });

  it('skips files over 2 MB and binary files with a notice', () => {
    const dir = workspace('skip', { 'big.ts': `// ${'x'.repeat(2 * 1024 * 1024)}\n`, 'blob.js': 'a\u0000b', 'route.ts': routeTs });
    const { code, stderr, stdout } = run(dir, 'check', '--format', 'json');
    assert.equal(code, 1);
    assert.match(stderr, /big\.ts: skipped, 2\.0 MB is over the 2 MB limit/);
    assert.match(stderr, /blob\.js: skipped, it looks binary/);
    assert.equal(JSON.parse(stdout).callSites.length, 1);
  });

  it('--fix applies the safe fixes in place; a second run changes nothing', () => {
    const dir = workspace('fix', { 'route.ts': routeTs, 'clean.ts': 'export const x = 1;\n' });
    const first = run(dir, 'check', '--fix', '--format', 'json');
    assert.match(first.stderr, /fixed 4 problems in 1 file\./);
    const fixed = fs.readFileSync(path.join(dir, 'route.ts'), 'utf8');
    assert.match(fixed, /model: 'gpt-4o-2024-08-06', input: body\.message, max_output_tokens: 1024 \}, \{ timeout: 30000 \}\);/);
    assert.match(fixed, /console\.info\('ai\.request', \{ requestId: r\.id, model: r\.model, usage: r\.usage \}\);/);
    // What is left needs a person: the fallback (AIR003 only offers a reviewed fix).
    assert.deepEqual(JSON.parse(first.stdout).findings.map((f: { ruleId: string }) => f.ruleId), ['AIR003']);
    const second = run(dir, 'check', '--fix', '--format', 'json');
    assert.match(second.stderr, /fixed 0 problems in 0 files\./);
    assert.equal(fs.readFileSync(path.join(dir, 'route.ts'), 'utf8'), fixed);
    assert.equal(fs.readFileSync(path.join(dir, 'clean.ts'), 'utf8'), 'export const x = 1;\n');
  });

  it('prints help with exit 0', () => {
    const { code, stdout } = run(root, '--help');
    assert.equal(code, 0);
    assert.match(stdout, /Usage: prodready check/);
  });
});

describe('prodready check: readiness', () => {
  const project = {
    'svc/.prodready.json': JSON.stringify({ kpis: [{ name: 'deflection', target: '30%' }], ownership: [{ path: 'app/', owners: ['@api-team'] }] }),
    'svc/app/route.ts': routeTs,
    'svc/jobs/nightly.ts': routeTs.replace('export async function POST', 'export async function nightly'),
    'svc/Dockerfile': 'FROM node:22\n',
    'svc/.github/CODEOWNERS': '/jobs/ @data-team\n',
  };

  it('--format markdown writes the checklist, inventory and ownership map, with the scanned folder\'s config and CODEOWNERS', () => {
    const dir = workspace('markdown', project);
    fs.mkdirSync(path.join(dir, '.git'));
    const { code, stdout, stderr } = run(dir, 'check', 'svc', '--format', 'markdown');
    assert.equal(stderr, '');
    assert.equal(code, 1, 'findings still decide the exit code');
    assert.match(stdout, /^# Production readiness: svc\n/);
    assert.match(stdout, /\| Success metrics \(KPIs\) declared \| ✅ pass \| deflection \(30%\) \| \[svc\/\.prodready\.json:1\]/);
    assert.match(stdout, /\| Container, CI and deploy manifests \| ✅ pass \| 1 manifest \| \[svc\/Dockerfile\]\(\.\/svc\/Dockerfile\)/);
    assert.match(stdout, /\| \[svc\/app\/route\.ts:5\]\(\.\/svc\/app\/route\.ts#L5\) \| OpenAI \| chat \| responses\.create \| gpt-4o \| @api-team \(config\) \|/);
    assert.match(stdout, /- \*\*@data-team\*\* \(codeowners\): 1 call site: \[svc\/jobs\/nightly\.ts:5\]/);
    assert.match(stdout, /\| Cost \| - \| - \| - \| - \| ⚠️ not assigned \|/);
  });

  it('--checklist prints the checklist after the findings; the JSON contract is unchanged', () => {
    const dir = workspace('checklist', project);
    const text = run(dir, 'check', 'svc', '--checklist').stdout;
    assert.match(text, /\n\nReadiness \d+%: \d+ pass, \d+ fail, \d+ unknown\.\n {2}P Problem\n {4}✓ Success metrics \(KPIs\) declared: deflection \(30%\)\n {4}✓ Every AI call has an owner: 2 of 2 call sites\n/);
    const json = JSON.parse(run(dir, 'check', 'svc', '--format', 'json').stdout);
    assert.deepEqual(Object.keys(json), ['version', 'callSites', 'findings']);
  });

  it('AIR012 reports the unowned call once owners are declared', () => {
    const dir = workspace('unowned', { ...project, 'svc/.github/CODEOWNERS': '' });
    const json = JSON.parse(run(dir, 'check', 'svc', '--format', 'json').stdout);
    assert.deepEqual(
      json.findings.filter((f: { ruleId: string }) => f.ruleId === 'AIR012').map((f: { file: string; line: number }) => [f.file, f.line]),
      [['svc/jobs/nightly.ts', 5]],
    );
  });
});

describe('prodready check --format sarif', () => {
  it('writes SARIF 2.1.0: rules described, results with relative locations and levels', () => {
    const dir = workspace('sarif', { 'app/route.ts': routeTs });
    const { code, stdout } = run(dir, 'check', '.', '--format', 'sarif');
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const [run0] = sarif.runs;
    assert.equal(run0.tool.driver.name, 'prodready');
    assert.ok(run0.tool.driver.rules.some((rule: { id: string; name: string }) => rule.id === 'AIR001' && rule.name === 'ai-call-timeout'));
    const timeout = run0.results.find((result: { ruleId: string }) => result.ruleId === 'AIR001');
    assert.equal(run0.tool.driver.rules[timeout.ruleIndex].id, 'AIR001');
    assert.equal(timeout.level, 'warning');
    assert.deepEqual(timeout.locations[0].physicalLocation, {
      artifactLocation: { uri: 'app/route.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 43, endLine: 5, endColumn: 83 },
    });
    assert.ok(run0.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file://'));
  });
});

describe('prodready check on files it cannot read', () => {
  const deep = `const x = ${'('.repeat(5000)}1${')'.repeat(5000)};\n`;

  it('skips a file it cannot analyse with a notice (text, JSON, SARIF) and checks every other file', () => {
    // Only files that can hold an AI call are parsed: these import the SDK; `gen/plain.ts` (no AI word) is never parsed.
    const sdk = "import OpenAI from 'openai';\n";
    const chain = `const p = ${Array.from({ length: 1500 }, () => '"ab"').join(' + ')};\n`;
    const dir = workspace('notices', { 'app/route.ts': routeTs, 'gen/deep.ts': sdk + deep, 'gen/chain.ts': sdk + chain, 'gen/plain.ts': deep });
    fs.symlinkSync('loop', path.join(dir, 'loop'));
    const json = run(dir, 'check', 'app', 'gen', 'loop', '--format', 'json');
    assert.equal(json.code, 1, 'exit 1: findings in the readable file');
    const report = JSON.parse(json.stdout);
    assert.deepEqual(report.findings.map((f: { file: string }) => f.file).filter((f: string, i: number, all: string[]) => all.indexOf(f) === i), ['app/route.ts']);
    assert.deepEqual(
      report.notices.map((n: { file: string; message: string }) => [n.file, n.message.replace(/\d+/g, 'N')]),
      [
        ['loop', 'skipped, too many symbolic links.'],
        ['gen/chain.ts', 'code nested deeper than N levels from line N was not analysed.'],
        ['gen/deep.ts', 'skipped, it is nested too deeply to parse.'],
      ],
    );
    assert.match(json.stderr, /prodready: gen\/deep\.ts: skipped, it is nested too deeply to parse\./);
    const sarif = JSON.parse(run(dir, 'check', 'app', 'gen', '--format', 'sarif').stdout);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    assert.deepEqual(notes.map((n: { message: { text: string } }) => n.message.text.split(':')[0]), ['gen/chain.ts', 'gen/deep.ts']);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
  });

  it('does not block on a FIFO named on the command line', () => {
    const dir = workspace('fifo', { 'app/route.ts': routeTs });
    const fifo = path.join(dir, 'pipe.ts');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const { code, stdout } = run(dir, 'check', 'pipe.ts', 'app', '--format', 'json', '--fail-on', 'off');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).notices, [{ file: 'pipe.ts', message: 'skipped, not a regular file.' }]);
  });

  it('exits 3 with one readable line on an internal error, and gives the stack with --debug', () => {
    const dir = workspace('internal', { 'app/route.ts': routeTs });
    // Writing the report to a full device fails inside prodready: the kind of error CI must tell from findings.
    const full = fs.openSync('/dev/full', 'w');
    try {
      for (const [args, stack] of [[[], false], [['--debug'], true]] as const) {
        const result = spawnSync(process.execPath, [CLI, 'check', '.', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
        assert.equal(result.status, 3);
        const lines = result.stderr.trim().split('\n');
        assert.match(lines[0], /^prodready: internal error: .*ENOSPC/);
        assert.equal(lines.length > 1, stack);
      }
    } finally {
      fs.closeSync(full);
    }
  });
});
