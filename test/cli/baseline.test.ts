import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { routeTs, runCli, scratch, writeFiles } from './harness';

const { dir: root, remove } = scratch('prodready-baseline-');
after(remove);

const helper = `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export async function draft(topic: string) {
  return claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 512, messages: [{ role: 'user', content: topic }] });
}
`;

function json(dir: string, ...args: string[]) {
  const run = runCli(dir, ['check', '.', '--format', 'json', ...args]);
  return { ...run, report: JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; line: number }[] } };
}

describe('prodready check --baseline', () => {
  it('records today\'s findings; a later run fails on exactly the one new finding', () => {
    const dir = writeFiles(`${root}/adopt`, { 'app/route.ts': routeTs, 'lib/draft.ts': helper });
    const all = json(dir);
    assert.equal(all.code, 1);
    assert.ok(all.report.findings.length >= 7);

    const written = runCli(dir, ['check', '.', '--write-baseline', '.prodready-baseline.json']);
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stderr, new RegExp(`recorded ${all.report.findings.length} findings in \\.prodready-baseline\\.json`));
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, '.prodready-baseline.json'), 'utf8'));
    assert.equal(baseline.findings.length, all.report.findings.length);
    assert.ok(baseline.findings.every((entry: { file: string; fingerprint: string }) => !path.isAbsolute(entry.file) && /^[0-9a-f]{32}:\d+$/.test(entry.fingerprint)));

    const clean = json(dir, '--baseline', '.prodready-baseline.json');
    assert.equal(clean.code, 0, clean.stderr);
    assert.deepEqual(clean.report.findings, []);

    // One new finding: a key written into the existing helper.
    writeFiles(dir, { 'lib/draft.ts': helper.replace('new Anthropic()', "new Anthropic({ apiKey: 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345' })") });
    const fresh = json(dir, '--baseline', '.prodready-baseline.json');
    assert.equal(fresh.code, 1);
    assert.deepEqual(fresh.report.findings.map((finding) => [finding.ruleId, finding.file]), [['AIR007', 'lib/draft.ts']]);
    const text = runCli(dir, ['check', '.', '--baseline', '.prodready-baseline.json']);
    assert.match(text.stdout, /1 problem \(1 error, 0 warnings\)/);
  });

  it('moving code does not resurrect recorded findings; fixed findings drop out on the next write', () => {
    const dir = writeFiles(`${root}/move`, { 'app/route.ts': routeTs });
    runCli(dir, ['check', '.', '--write-baseline', 'ci/baseline.json']);
    const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'ci/baseline.json'), 'utf8')).findings.length;
    writeFiles(dir, { 'app/route.ts': `// A header comment.\n\nexport const runtime = 'edge';\n\n${routeTs.replace('const r = await openai.responses.create(', 'const r = await openai.responses\n    .create(')}` });
    const moved = json(dir, '--baseline', 'ci/baseline.json');
    assert.equal(moved.code, 0, moved.stdout);
    assert.deepEqual(moved.report.findings, []);

    // Fix the output bound, write again: the AIR006 entry is gone and nothing else changed.
    writeFiles(dir, { 'app/route.ts': routeTs.replace("input: body.message", 'input: body.message, max_output_tokens: 512') });
    runCli(dir, ['check', '.', '--write-baseline', 'ci/baseline.json']);
    const rewritten = JSON.parse(fs.readFileSync(path.join(dir, 'ci/baseline.json'), 'utf8')).findings as { ruleId: string }[];
    assert.equal(rewritten.length, recorded - 1);
    assert.ok(!rewritten.some((entry) => entry.ruleId === 'AIR006'));
  });

  it('means the same from another working directory: paths are relative to the baseline file', () => {
    const dir = writeFiles(`${root}/cwd`, { 'svc/app/route.ts': routeTs });
    runCli(dir, ['check', 'svc', '--write-baseline', 'svc/.prodready-baseline.json']);
    const fromInside = runCli(path.join(dir, 'svc'), ['check', '.', '--baseline', '.prodready-baseline.json']);
    assert.equal(fromInside.code, 0, fromInside.stdout);
  });

  it('exits 2 on a missing or foreign baseline file', () => {
    const dir = writeFiles(`${root}/bad`, { 'a.ts': routeTs, 'other.json': '{"version": 7}' });
    const missing = runCli(dir, ['check', '.', '--baseline', 'nope.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the baseline .*nope\.json: it does not exist \(write one with --write-baseline\)/);
    const foreign = runCli(dir, ['check', '.', '--baseline', 'other.json']);
    assert.equal(foreign.code, 2);
    assert.match(foreign.stderr, /is not a prodready baseline/);
  });

  it('SARIF marks results left after a baseline as new', () => {
    const dir = writeFiles(`${root}/sarif`, { 'a.ts': routeTs });
    runCli(dir, ['check', '.', '--write-baseline', 'b.json']);
    writeFiles(dir, { 'b.ts': routeTs.replace('POST', 'PUT') });
    const log = JSON.parse(runCli(dir, ['check', '.', '--format', 'sarif', '--baseline', 'b.json']).stdout);
    const results = log.runs[0].results as { baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.ok(results.length > 0);
    assert.ok(results.every((result) => result.baselineState === 'new' && result.locations[0].physicalLocation.artifactLocation.uri === 'b.ts'));
  });
});
