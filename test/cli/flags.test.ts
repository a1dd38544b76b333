import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, routeTs, runCli, scratch, writeFiles } from './harness';

const { dir: root, remove } = scratch('prodready-flags-');
after(remove);

const keyTs = "import OpenAI from 'openai';\nexport const c = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789', timeout: 1000, maxRetries: 2 });\n";

type Findings = { ruleId: string; file: string; severity: string }[];

function findings(run: { stdout: string }): Findings {
  return JSON.parse(run.stdout).findings;
}

describe('prodready check --max-warnings', () => {
  const dir = writeFiles(`${root}/max`, { 'app/route.ts': routeTs });
  const warnings = findings(runCli(dir, ['check', '.', '--format', 'json'])).filter((f) => f.severity === 'warning').length;

  it('passes at the budget and fails one warning over it; warnings alone no longer fail the run', () => {
    assert.ok(warnings >= 4);
    assert.equal(runCli(dir, ['check', '.', '--max-warnings', String(warnings)]).code, 0);
    const over = runCli(dir, ['check', '.', '--max-warnings', String(warnings - 1)]);
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}`));
  });

  it('errors still fail, whatever the budget; --fail-on given keeps its say', () => {
    const withKey = writeFiles(`${root}/max-key`, { 'app/route.ts': routeTs, 'lib/key.ts': keyTs });
    assert.equal(runCli(withKey, ['check', '.', '--max-warnings', '100']).code, 1);
    assert.equal(runCli(dir, ['check', '.', '--max-warnings', '100', '--fail-on', 'warning']).code, 1);
  });

  it('refuses a value that is not a whole number', () => {
    const bad = runCli(dir, ['check', '.', '--max-warnings', 'many']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-warnings takes a whole number/);
  });
});

describe('prodready check --quiet', () => {
  it('reports errors only; the exit code still counts what --fail-on asks for', () => {
    const dir = writeFiles(`${root}/quiet`, { 'app/route.ts': routeTs, 'lib/key.ts': keyTs });
    const quiet = runCli(dir, ['check', '.', '--quiet', '--format', 'json']);
    assert.deepEqual(findings(quiet).map((f) => [f.ruleId, f.severity]), [['AIR007', 'error']]);
    assert.equal(quiet.code, 1);
    const onlyWarnings = writeFiles(`${root}/quiet-warn`, { 'app/route.ts': routeTs });
    const text = runCli(onlyWarnings, ['check', '.', '--quiet', '--fail-on', 'error']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^No problems/);
  });
});

describe('prodready check --rule', () => {
  const dir = writeFiles(`${root}/rule`, { 'app/route.ts': routeTs, 'lib/key.ts': keyTs });

  it('reports only the named rules (repeatable, any case)', () => {
    const run = runCli(dir, ['check', '.', '--format', 'json', '--rule', 'AIR001', '--rule', 'air007']);
    assert.deepEqual([...new Set(findings(run).map((f) => f.ruleId))].sort(), ['AIR001', 'AIR007']);
  });

  it('a rule the config turns off stays off', () => {
    writeFiles(dir, { '.prodready.json': '{ "rules": { "AIR001": "off" } }' });
    const run = runCli(dir, ['check', '.', '--format', 'json', '--rule', 'AIR001']);
    assert.deepEqual(findings(run), []);
    fs.rmSync(path.join(dir, '.prodready.json'));
  });

  it('refuses an unknown rule id', () => {
    const bad = runCli(dir, ['check', '.', '--rule', 'AIR999']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--rule takes a rule id such as AIR001; got "AIR999"/);
  });
});

describe('prodready check --stdin', () => {
  it('analyses standard input as the named file: its language, path and folder config', () => {
    const dir = writeFiles(`${root}/stdin`, { 'svc/.prodready.json': '{ "rules": { "AIR004": "off" } }' });
    const run = runCli(dir, ['check', '--stdin', '--stdin-filename', 'svc/route.ts', '--format', 'json'], { input: routeTs });
    assert.equal(run.code, 1);
    const found = findings(run);
    assert.ok(found.length > 0);
    assert.ok(found.every((f) => f.file === 'svc/route.ts'));
    assert.ok(!found.some((f) => f.ruleId === 'AIR004'), 'the config beside the named path applies');
    assert.ok(!fs.existsSync(path.join(dir, 'svc/route.ts')), 'nothing is written');
    const python = runCli(dir, ['check', '--stdin', '--stdin-filename', 'job.py', '--format', 'json'], {
      input: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n',
    });
    assert.ok(findings(python).some((f) => f.ruleId === 'AIR001' && f.file === 'job.py'));
  });

  it('says so for a file it does not read, and refuses --stdin without a name, with paths or with --fix', () => {
    const dir = writeFiles(`${root}/stdin-usage`, {});
    const notes = runCli(dir, ['check', '--stdin', '--stdin-filename', 'notes.md'], { input: '# hi' });
    assert.equal(notes.code, 0);
    assert.match(notes.stderr, /notes\.md: skipped, not a language prodready reads/);
    for (const args of [['--stdin'], ['--stdin-filename', 'a.ts'], ['--stdin', '--stdin-filename', 'a.ts', 'src'], ['--stdin', '--stdin-filename', 'a.ts', '--fix']]) {
      const run = runCli(dir, ['check', ...args], { input: routeTs });
      assert.equal(run.code, 2, args.join(' '));
    }
  });
});

describe('prodready check and .gitignore', () => {
  it('leaves out what .gitignore and .git/info/exclude leave out, nested files and negations included; --no-ignore checks everything', () => {
    const dir = writeFiles(`${root}/ignore`, {
      '.gitignore': 'generated/\n*.local.ts\n',
      'app/route.ts': routeTs,
      'generated/client.ts': routeTs,
      'app/scratch.local.ts': routeTs,
      'vendor/.gitignore': '*.ts\n!keep.ts\n',
      'vendor/lib.ts': routeTs,
      'vendor/keep.ts': routeTs,
      'scratch/try.ts': routeTs,
      '.git/info/exclude': 'scratch/\n',
    });
    const files = (run: { stdout: string }) => [...new Set(findings(run).map((f) => f.file))].sort();
    assert.deepEqual(files(runCli(dir, ['check', '.', '--format', 'json'])), ['app/route.ts', 'vendor/keep.ts']);
    assert.deepEqual(files(runCli(path.join(dir, 'app'), ['check', '..', '--format', 'json'])).length, 2);
    assert.deepEqual(files(runCli(dir, ['check', '.', '--format', 'json', '--no-ignore'])), ['app/route.ts', 'app/scratch.local.ts', 'generated/client.ts', 'scratch/try.ts', 'vendor/keep.ts', 'vendor/lib.ts']);
    // The repository root's .gitignore counts when a subfolder is scanned.
    assert.deepEqual(files(runCli(dir, ['check', 'app', '--format', 'json'])), ['app/route.ts']);
    // A file named on the command line is checked even if ignored.
    assert.deepEqual(files(runCli(dir, ['check', 'generated/client.ts', '--format', 'json'])), ['generated/client.ts']);
  });
});

describe('prodready check progress', () => {
  const dir = writeFiles(`${root}/progress`, { 'a.ts': routeTs, 'b.ts': routeTs });

  it('prints nothing on stderr when stderr is not a terminal', () => {
    const run = runCli(dir, ['check', '.', '--fail-on', 'off']);
    assert.equal(run.stderr, '');
  });

  const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
  it('shows a progress line on a terminal and erases it', { skip: script.status !== 0 && 'util-linux script is not installed' }, () => {
    // `script` gives the CLI a pseudo-terminal; stdout goes to a file so only stderr reaches the terminal.
    const out = path.join(dir, 'out.txt');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check . --fail-on off > ${JSON.stringify(out)}`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', input: '' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\[1\/2\] a\.ts/);
    assert.match(run.stdout, /\[2\/2\] b\.ts/);
    assert.match(run.stdout, /\r\u001b\[K/);
    assert.match(fs.readFileSync(out, 'utf8'), /problems/);
    assert.doesNotMatch(fs.readFileSync(out, 'utf8'), /\[1\/2\]/);
  });
});
