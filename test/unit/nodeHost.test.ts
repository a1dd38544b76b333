// The engine's host over the disk, shared by the server and the CLI: one config discovery, reads that say why not.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { after, describe, it, mock } from 'node:test';
import { Engine } from '../../server/src/core';
import { findConfigFile } from '../../server/src/node/files';
import { NodeHost } from '../../server/src/node/host';
import { ModuleResolver, resolvePythonModule } from '../../server/src/node/moduleResolution';

/** Node's own `fs` module object, whose functions a test can wrap (a namespace import is a read-only view). */
const nodeFs: typeof fs = createRequire(__filename)('node:fs');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-host-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

function write(relative: string, text: string): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('node host', () => {
  const outer = write('.prodready.json', '{}');
  const inner = write('ws/svc/.prodready.json', '{ "rules": { "AIR001": "error" } }');
  write('ws/svc/app/a.ts', 'export {};\n');

  it('finds the nearest config on disk, at or above a folder, not above stopAt', () => {
    assert.equal(findConfigFile(path.join(root, 'ws/svc/app')), inner);
    assert.equal(findConfigFile(path.join(root, 'ws/lib')), outer);
    assert.equal(findConfigFile(path.join(root, 'ws/lib'), { stopAt: path.join(root, 'ws') }), undefined);
  });

  it('counts a config open in an editor before it is saved, and reads its unsaved text', () => {
    const unsaved = path.join(root, 'ws/lib/.prodready.json');
    const host = new NodeHost((file) => (file === unsaved ? '{ "rules": { "AIR006": "off" } }' : undefined));
    assert.equal(host.findConfig(path.join(root, 'ws/lib/deep'), path.join(root, 'ws')), unsaved);
    const loaded = new Engine(host).configFor(path.join(root, 'ws/lib/deep/b.ts'), path.join(root, 'ws'));
    assert.equal(loaded.file, unsaved);
    assert.equal(loaded.config.rules.AIR006, 'off');
  });

  it('says why a file cannot be read, refuses files over a size, and writes', () => {
    const host = new NodeHost();
    assert.deepEqual(host.readFile(path.join(root, 'missing.ts')), { error: 'it no longer exists' });
    assert.deepEqual(host.readFile(path.join(root, 'ws')), { error: 'it is a folder' });
    const big = write('big.txt', 'x'.repeat(100));
    assert.ok('error' in host.readFile(big, 10));
    assert.equal(host.writeFile(big, 'y'), undefined);
    assert.deepEqual(host.readFile(big), { text: 'y' });
    assert.equal(host.stat(big)?.isFile, true);
    assert.equal(host.stat(path.join(root, 'nope')), undefined);
  });

  it('lists files relative to the root, leaving dependency folders out', () => {
    write('ws/node_modules/x/index.ts', '');
    write('ws/.github/CODEOWNERS', '* @team\n');
    const files = new NodeHost().listFiles(path.join(root, 'ws'));
    assert.deepEqual(files, ['.github/CODEOWNERS', 'svc/.prodready.json', 'svc/app/a.ts']);
  });
});

describe('Python module resolution', () => {
  it('finds a package of another monorepo member, below the repository root or in its src folder', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-pyrepo-'));
    const write = (file: string, text = '') => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    fs.mkdirSync(path.join(root, '.git'));
    write('packages/llm-kit/llm_kit/__init__.py');
    write('packages/llm-kit/llm_kit/chat.py');
    write('libs/tools/src/tools_core/__init__.py');
    write('packages/app/app/service.py', 'from llm_kit.chat import ChatModel\n');
    const importer = path.join(root, 'packages/app/app/service.py');
    assert.equal(resolvePythonModule('llm_kit.chat', importer), path.join(root, 'packages/llm-kit/llm_kit/chat.py'));
    assert.equal(resolvePythonModule('tools_core', importer), path.join(root, 'libs/tools/src/tools_core/__init__.py'));
    assert.equal(resolvePythonModule('numpy', importer), undefined, 'an installed package is not a project file');
  });
});

describe('TypeScript module resolution', () => {
  it('asks the disk once per path: importers in other folders share the answers', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-tsrepo-'));
    const util = path.join(repo, 'src/lib/util.ts');
    fs.mkdirSync(path.dirname(util), { recursive: true });
    fs.writeFileSync(util, 'export const x = 1;\n');
    const importers = [0, 1, 2, 3].map((i) => path.join(repo, `src/feature${i}/index.ts`));
    const resolver = new ModuleResolver();
    const stat = mock.method(nodeFs, 'statSync');
    try {
      for (const importer of importers) assert.equal(resolver.resolve('../lib/util', importer), util);
      const asked = stat.mock.calls.map((call) => String(call.arguments[0])).filter((file) => file.startsWith(path.join(repo, 'src/lib')));
      assert.ok(asked.includes(util));
      assert.deepEqual(asked, [...new Set(asked)]);
    } finally {
      stat.mock.restore();
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('knows the files a listing found: resolving an import to one asks the disk nothing about it', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-tsrepo-'));
    const util = path.join(repo, 'src/lib/util.ts');
    const main = path.join(repo, 'src/app/main.ts');
    for (const file of [util, main]) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'export const x = 1;\n');
    }
    const host = new NodeHost();
    assert.deepEqual(host.listFiles(repo), ['src/app/main.ts', 'src/lib/util.ts']);
    const stat = mock.method(nodeFs, 'statSync');
    try {
      assert.equal(host.resolveModule('../lib/util', main), util);
      const asked = stat.mock.calls.map((call) => String(call.arguments[0]));
      assert.deepEqual(asked.filter((file) => file === util || file === path.dirname(util)), []);
    } finally {
      stat.mock.restore();
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
