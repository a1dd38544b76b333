import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { evaluateReal, formatReal } from './real';
import { readRealCorpus } from './realLabels';

describe('the real-code corpus', () => {
  it('has well-formed labels: at least 120 call sites across at least 5 repositories per language', () => {
    const corpus = readRealCorpus();
    for (const language of ['ts', 'python']) {
      const files = corpus.files.filter((file) => (file.path.endsWith('.py') ? 'python' : 'ts') === language);
      const sites = files.reduce((sum, file) => sum + file.sites.length, 0);
      const repos = new Set(files.filter((file) => file.sites.length > 0).map((file) => file.repo));
      assert.ok(sites >= 120, `${language}: ${sites} labelled call sites`);
      assert.ok(repos.size >= 5, `${language}: ${repos.size} repositories`);
    }
  });

  it('says it skipped when no labelled repository is checked out', async () => {
    const result = await evaluateReal(fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-no-repos-')));
    assert.equal(result.repos, 0);
    assert.match(formatReal(result), /skipped, no labelled repository is checked out/);
  });

  it('scores a repository at its labelled commit: recall, precision, look-alikes and rule agreement', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-real-'));
    const work = path.join(dir, 'acme', 'svc');
    fs.mkdirSync(path.join(work, 'src'), { recursive: true });
    const source = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI({ timeout: 20_000 });',
      'export async function ask(q: string) {',
      "  return client.responses.create({ model: 'gpt-4o-2024-08-06', input: q });",
      '}',
      'export const orders = (db: { order: { create(x: object): void } }) => db.order.create({ id: 1 });',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(work, 'src', 'ai.ts'), source);
    const gitIn = (...args: string[]) => execFileSync('git', ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'pipe' });
    gitIn('init', '-q');
    gitIn('add', '.');
    gitIn('commit', '-qm', 'one');
    const commit = gitIn('rev-parse', 'HEAD').toString().trim();
    // A later commit moves the call: the labels speak of the first one.
    fs.writeFileSync(path.join(work, 'src', 'ai.ts'), `// moved\n${source}`);
    gitIn('commit', '-qam', 'two');
    const labels = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-real-labels-'));
    fs.writeFileSync(
      path.join(labels, 'set.json'),
      JSON.stringify({
        repos: [{ repo: 'acme/svc', commit }],
        files: [
          {
            repo: 'acme/svc',
            path: 'src/ai.ts',
            sites: [{ line: 4, kind: 'sdk', family: 'openai', pattern: 'direct', timeout: 'set', tryCatch: false, logging: false, outputBound: 'none' }],
            lookalikes: [{ line: 6, note: 'ORM create' }],
          },
        ],
      }),
    );
    const result = await evaluateReal(dir, labels);
    assert.equal(result.repos, 1);
    assert.deepEqual(result.byLanguage.get('ts'), { labelled: 1, found: 1, reported: 1, wrong: 0 });
    assert.deepEqual(result.byPattern.get('direct'), { labelled: 1, found: 1 });
    assert.deepEqual(result.agreement.get('AIR001'), { agree: 1, judged: 1 }, 'a timeout is set: no AIR001');
    assert.deepEqual(result.agreement.get('AIR003'), { agree: 1, judged: 1 }, 'no try/catch: AIR003');
    assert.deepEqual(result.agreement.get('AIR006'), { agree: 1, judged: 1 }, 'no output bound: AIR006');
    assert.match(formatReal(result), /ts: recall +100\.0 % \(1\/1\), precision +100\.0 % \(1\/1\)/);
  });
});
