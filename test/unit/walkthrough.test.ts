// The walkthrough package.json contributes points at what exists: its pages are packaged, and every command or
// view a step completes on or links to is one the extension contributes and registers (or VS Code's own).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../repoRoot';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const [walkthrough] = manifest.contributes.walkthroughs as { id: string; steps: Step[] }[];
const contributedCommands = new Set<string>(manifest.contributes.commands.map((command: { command: string }) => command.command));
const contributedViews = new Set<string>(Object.values(manifest.contributes.views as Record<string, { id: string }[]>).flatMap((views) => views.map((view) => view.id)));
/** VS Code's own commands a step may use. */
const BUILT_IN_COMMANDS = new Set(['workbench.actions.view.problems']);
const clientSource = fs
  .readdirSync(path.join(REPO_ROOT, 'client', 'src'), { recursive: true })
  .filter((name) => String(name).endsWith('.ts'))
  .map((name) => fs.readFileSync(path.join(REPO_ROOT, 'client', 'src', String(name)), 'utf8'))
  .join('\n');

function assertCommand(command: string, where: string): void {
  if (BUILT_IN_COMMANDS.has(command)) return;
  assert.ok(contributedCommands.has(command), `${where}: ${command} is not a contributed command`);
  assert.ok(clientSource.includes(`'${command}'`), `${where}: ${command} is never registered by the client`);
}

describe('the walkthrough', () => {
  it('covers seeing findings, fixing on save, naming owners and running in CI', () => {
    assert.equal(walkthrough.id, 'prodready.gettingStarted');
    assert.deepEqual(walkthrough.steps.map((step) => step.title), ['See every finding in Problems', 'Fix on save', 'Name owners', 'Run in CI']);
    assert.equal(new Set(walkthrough.steps.map((step) => step.id)).size, walkthrough.steps.length, 'step ids are unique');
  });

  it('has a page for every step, packaged with the extension', () => {
    const ignore = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!media/**'), 'media/ is packaged');
    for (const step of walkthrough.steps) {
      const page = step.media.markdown;
      assert.ok(page, `${step.id} has a Markdown page`);
      assert.match(page, /^media\//, `${step.id}: the page is under media/`);
      const text = fs.readFileSync(path.join(REPO_ROOT, page), 'utf8');
      assert.match(text, /^# \S/, `${step.id}: the page opens with a heading`);
    }
  });

  it('completes each step on a contributed command or view, and links only to those', () => {
    for (const step of walkthrough.steps) {
      for (const event of step.completionEvents ?? []) {
        const [kind, id] = event.split(':');
        if (kind === 'onCommand') assertCommand(id, `${step.id} completion`);
        else if (kind === 'onView') assert.ok(contributedViews.has(id), `${step.id}: ${id} is not a contributed view`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) assertCommand(command, `${step.id} link`);
    }
  });
});
