import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { REPO_ROOT } from '../repoRoot';
import { routeTs, scratch, writeFiles } from './harness';

// The package as users get it: `npm pack`, installed into a clean folder with no network, then run through npx and
// through the GitHub Action's own shell steps. The suites run after a build, so the pack skips its prepack script
// (the same build again) and packs the dist/ the other tests use.

const { dir: root, remove } = scratch('prodready-pack-');
after(remove);
const offline = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
let tarball = '';

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = offline) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(() => {
  const packed = sh('npm', ['pack', '--ignore-scripts', '--pack-destination', root], REPO_ROOT);
  assert.equal(packed.code, 0, packed.stderr);
  tarball = path.join(root, packed.stdout.trim().split('\n').pop()!);
  assert.ok(fs.existsSync(tarball), tarball);
});

describe('the npm package', () => {
  it('installs from the tarball in a clean folder and runs with npx prodready check .', () => {
    const dir = writeFiles(path.join(root, 'consumer'), { 'package.json': '{ "name": "consumer", "private": true }\n', 'src/route.ts': routeTs, 'jobs/tag.py': 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n' });
    const installed = sh('npm', ['install', tarball], dir);
    assert.equal(installed.code, 0, installed.stderr);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'node_modules')).filter((name) => !name.startsWith('.')), ['prodready'], 'no runtime dependencies');
    const run = sh('npx', ['--no-install', 'prodready', 'check', '.'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /src\/route\.ts/);
    assert.match(run.stdout, /jobs\/tag\.py/, 'the Python parser (WebAssembly) ships in the package');
    // The installed bundle starts its own worker threads (a large scan reads its files on them).
    const threaded = sh('npx', ['--no-install', 'prodready', 'check', '.', '--jobs', '2', '--debug'], dir);
    assert.equal(threaded.stdout, run.stdout);
    assert.match(threaded.stderr, /debug: 2 of 2 files read on 1 worker thread\b/);
    // SARIF help comes from the docs pages shipped beside the CLI.
    const sarif = JSON.parse(sh('npx', ['--no-install', 'prodready', 'check', '.', '--format', 'sarif'], dir).stdout);
    const rule = sarif.runs[0].tool.driver.rules[0];
    assert.match(rule.help.markdown, /^# AIR001/);
    assert.ok(fs.existsSync(new URL(rule.helpUri)), rule.helpUri);
    const files = sh('tar', ['tzf', tarball], root).stdout.split('\n').filter(Boolean).sort();
    assert.ok(files.includes('package/action.yml') && files.includes('package/dist/cli.js') && files.includes('package/docs/rules/AIR013.md'));
    assert.ok(!files.some((file) => file.startsWith('package/server/') || file.startsWith('package/test/') || file.endsWith('.map')), files.join(' '));
  });
});

interface Step {
  id?: string;
  name: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
}

/**
 * Runs the composite action's shell steps as a runner would (bash -e, GITHUB_OUTPUT per step, the job summary
 * file), with `${{ inputs.* }}` and `${{ steps.*.outputs.* }}` filled in. `uses:` steps (the SARIF upload) need
 * GitHub and are listed instead of run.
 */
function runAction(workspace: string, given: Record<string, string>) {
  const action = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } };
  assert.equal(action.runs.using, 'composite');
  for (const name of Object.keys(given)) assert.ok(name in action.inputs, `the action has an input "${name}"`);
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), ...given };
  const outputs: Record<string, Record<string, string>> = {};
  const temp = fs.mkdtempSync(path.join(root, 'runner-'));
  const summary = path.join(temp, 'summary.md');
  fs.writeFileSync(summary, '');
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*(?:inputs\.([\w-]+)|steps\.([\w-]+)\.outputs\.([\w-]+))\s*\}\}/g, (_, input: string, step: string, output: string) => (input ? inputs[input] : outputs[step]?.[output]) ?? '');
  const steps: { name: string; code: number | null; stderr: string; skipped?: string }[] = [];
  for (const step of action.runs.steps) {
    if (step.uses) {
      steps.push({ name: step.name, code: null, stderr: '', skipped: step.uses });
      continue;
    }
    assert.equal(step.shell, 'bash');
    assert.doesNotMatch(step.run!, /\$\{\{/, `${step.name}: inputs reach the script through env only`);
    const outputFile = path.join(temp, `output-${steps.length}`);
    fs.writeFileSync(outputFile, '');
    const env = { ...offline, RUNNER_TEMP: temp, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summary, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value)])) };
    const result = sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], workspace, env);
    if (step.id) outputs[step.id] = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    steps.push({ name: step.name, code: result.code, stderr: result.stderr });
    if (result.code !== 0) break;
  }
  return { steps, outputs, summary: fs.readFileSync(summary, 'utf8') };
}

describe('the GitHub Action (action.yml)', () => {
  it('installs the packed CLI, writes SARIF and the readiness report, honours a baseline and fails on the one new finding', () => {
    const workspace = writeFiles(path.join(root, 'repo'), { 'app/route.ts': routeTs });
    const baseline = sh(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', '.', '--write-baseline', '.prodready-baseline.json'], workspace);
    assert.equal(baseline.code, 0, baseline.stderr);
    writeFiles(workspace, { 'lib/key.ts': "import OpenAI from 'openai';\nexport const c = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789', timeout: 1000, maxRetries: 2 });\n" });

    const run = runAction(workspace, { package: tarball, baseline: '.prodready-baseline.json' });
    assert.deepEqual(run.steps.map((step) => [step.name, step.skipped ?? step.code]), [
      ['Install prodready', 0],
      ['Check AI call sites', 0],
      ['Upload SARIF to code scanning', 'github/codeql-action/upload-sarif@v3'],
      ['Fail on findings', 1],
    ]);
    assert.equal(run.outputs.check['exit-code'], '1');
    const sarif = JSON.parse(fs.readFileSync(run.outputs.check['sarif-file'], 'utf8'));
    assert.deepEqual(sarif.runs[0].results.map((result: { ruleId: string; baselineState: string }) => [result.ruleId, result.baselineState]), [['AIR007', 'new']]);
    assert.match(run.summary, /^# Production readiness: repo/);
    assert.match(run.summary, /## AI inventory/);
    assert.match(run.summary, /lib\/key\.ts/);
  });

  it('passes when nothing new is found, and stops with the CLI\'s code on a configuration error', () => {
    const workspace = writeFiles(path.join(root, 'clean'), { 'app/route.ts': routeTs });
    const clean = runAction(workspace, { package: tarball, 'fail-on': 'error' });
    assert.deepEqual(clean.steps.filter((step) => !step.skipped).map((step) => step.code), [0, 0, 0]);
    writeFiles(workspace, { '.prodready.json': '{ "rules": ' });
    const broken = runAction(workspace, { package: tarball });
    assert.deepEqual(broken.steps.map((step) => step.code), [0, 2]);
    assert.deepEqual(broken.outputs.check, { 'exit-code': '2' }, 'no SARIF file for the upload step to send');
    assert.match(broken.steps[1].stderr, /configuration error/);
  });
});
