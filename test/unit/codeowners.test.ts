import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ownersOf, parseCodeOwners } from '../../server/src/core/ownership/codeowners';

const owners = (text: string, path: string) => ownersOf(parseCodeOwners(text), path).owners;

describe('CODEOWNERS', () => {
  it('matches unanchored patterns at any depth and anchored ones from the root', () => {
    const text = `*.ts @ts-team
/src/ai/ @ai-team
apps/ @apps-team
**/logs @ops
/build/logs/ @build
docs/* docs@example.com
`;
    assert.deepEqual(owners(text, 'lib/util.ts'), ['@ts-team']);
    assert.deepEqual(owners(text, 'src/ai/openai.ts'), ['@ai-team']);
    assert.deepEqual(owners(text, 'packages/src/ai/openai.js'), []);
    assert.deepEqual(owners(text, 'packages/web/apps/page.js'), ['@apps-team']);
    assert.deepEqual(owners(text, 'deeply/nested/logs/today.txt'), ['@ops']);
    assert.deepEqual(owners(text, 'build/logs/a/b.txt'), ['@build']);
    assert.deepEqual(owners(text, 'docs/getting-started.md'), ['docs@example.com']);
    assert.deepEqual(owners(text, 'docs/build-app/troubleshooting.md'), [], 'docs/* owns direct children only');
    assert.deepEqual(owners(text, 'sub/docs/x.md'), [], 'a middle slash anchors to the root');
  });

  it('lets the last matching line win, and a line without owners leave the path unowned', () => {
    const text = `* @everyone
/apps/ @octocat
/apps/github
src/ai/**/*.ts @ai-team @sre
`;
    assert.deepEqual(owners(text, 'README.md'), ['@everyone']);
    assert.deepEqual(owners(text, 'apps/web/index.ts'), ['@octocat']);
    assert.deepEqual(owners(text, 'apps/github/index.js'), []);
    assert.deepEqual(owners(text, 'src/ai/providers/openai.ts'), ['@ai-team', '@sre']);
    assert.deepEqual(owners(text, 'src/ai/openai.ts'), ['@ai-team', '@sre'], '**/ matches zero directories');
    const decided = ownersOf(parseCodeOwners(text), 'apps/web/index.ts').decidedBy;
    assert.deepEqual(decided.map((entry) => entry.line), [2]);
  });

  it('reads comments, escapes and reports lines it cannot use', () => {
    const parsed = parseCodeOwners(`# owners
\\#notes.md @notes   # a file whose name starts with #
my\\ file.ts @space
!secret.ts @nobody
src/[ab].ts @range
/lib/ not-an-owner
`);
    assert.deepEqual(ownersOf(parsed, '#notes.md').owners, ['@notes']);
    assert.deepEqual(ownersOf(parsed, 'my file.ts').owners, ['@space']);
    assert.deepEqual(
      parsed.problems.map((problem) => problem.line),
      [4, 5, 6],
    );
    assert.match(parsed.problems[2].message, /not-an-owner/);
  });

  it('evaluates GitLab sections separately, combining their owners, with section defaults', () => {
    const text = `* @default-owner

[AI] @ai-leads
src/ai/
src/ai/prompts/ @prompt-team

^[Security][2] @security
**/keys/
src/ai/

[Empty]
*.md
`;
    assert.deepEqual(owners(text, 'src/ai/openai.ts').sort(), ['@ai-leads', '@default-owner', '@security']);
    assert.deepEqual(owners(text, 'src/ai/prompts/system.txt').sort(), ['@default-owner', '@prompt-team', '@security']);
    assert.deepEqual(owners(text, 'config/keys/prod.json').sort(), ['@default-owner', '@security']);
    assert.deepEqual(owners(text, 'README.md'), ['@default-owner'], 'a section without default owners adds none');
  });
});
