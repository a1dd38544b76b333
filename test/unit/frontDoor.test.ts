// Readers of the core (the CLI, the server and its handlers) import it only through server/src/core/index.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../repoRoot';

const SERVER = path.join(REPO_ROOT, 'server', 'src');
const CORE = path.join(SERVER, 'core');

function readers(): string[] {
  const lsp = fs.readdirSync(path.join(SERVER, 'lsp')).filter((name) => name.endsWith('.ts')).map((name) => `lsp/${name}`);
  return ['cli.ts', 'server.ts', ...lsp];
}

describe('the core\'s front door', () => {
  it('is the only way the CLI, the server and the lsp handlers import the core', () => {
    const inside: string[] = [];
    for (const reader of readers()) {
      const file = path.join(SERVER, reader);
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
        const target = path.resolve(path.dirname(file), match[1]);
        if (target.startsWith(`${CORE}${path.sep}`) && target !== path.join(CORE, 'index')) inside.push(`${reader} → ${path.relative(SERVER, target)}`);
      }
    }
    assert.deepEqual(inside, []);
  });

  it('exports the engine and what readers show', async () => {
    const core = await import('../../server/src/core');
    for (const name of ['Engine', 'suppressionFixes', 'preferredFixes', 'buildReadiness', 'buildInventory', 'isConfigFile', 'skipReason', 'describeSkip', 'LineIndex']) {
      assert.ok(name in core, name);
    }
  });
});
