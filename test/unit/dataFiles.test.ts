// Data files on disk: the paths the config and the editor name, and the data packages among a workspace's
// dependencies (a package whose package.json says `"prodready": { "data": "…" }`), read as data, newest asOf first.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { priceBookFor, referenceDataOf } from '../../server/src/core';
import { parseConfig } from '../../server/src/core/config/config';
import { watchedPathsOf, watchersOf } from '../../server/src/lsp/workspaceData';
import { loadDataFiles } from '../../server/src/node/dataFiles';
import { NodeHost } from '../../server/src/node/host';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-data-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

function write(relative: string, value: unknown): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

const table = (asOf: string, output: number, source?: string) => ({ asOf, ...(source ? { source } : {}), models: [{ id: 'gpt-4o', input: 2, output }] });
const host = new NodeHost();
const config = parseConfig('{}').config;

describe('data files: data packages in the dependencies', () => {
  const ws = path.join(root, 'ws');
  write('ws/package.json', {
    name: 'app',
    dependencies: { '@acme/ai-prices': '^1.4.0', plain: '1.0.0', 'bad-field': '1.0.0', escaping: '1.0.0', 'not-installed': '1.0.0', '../../etc': '1.0.0' },
    devDependencies: { hoisted: '2.0.0' },
    peerDependencies: { 'peer-prices': '1.0.0' },
  });
  const acme = write('ws/node_modules/@acme/ai-prices/package.json', { name: '@acme/ai-prices', version: '1.4.0', prodready: { data: 'data/prices.json' } });
  const acmeData = write('ws/node_modules/@acme/ai-prices/data/prices.json', table('2099-01-01', 11, 'Acme prices'));
  write('ws/node_modules/plain/package.json', { name: 'plain', version: '1.0.0', main: 'index.js' });
  const badField = write('ws/node_modules/bad-field/package.json', '{\n  "name": "bad-field",\n  "prodready": {\n    "data": 3\n  }\n}\n');
  const escaping = write('ws/node_modules/escaping/package.json', '{\n  "name": "escaping",\n  "prodready": { "data": "../../../secrets.json" }\n}\n');
  write('secrets.json', table('2099-06-01', 99));
  // Installed, and a data package, but the workspace does not depend on it (nor on a peer it names).
  write('ws/node_modules/unlisted/package.json', { name: 'unlisted', prodready: { data: 'data.json' } });
  write('ws/node_modules/unlisted/data.json', table('2099-06-01', 99));
  write('ws/node_modules/peer-prices/package.json', { name: 'peer-prices', prodready: { data: 'data.json' } });
  write('ws/node_modules/peer-prices/data.json', table('2099-06-01', 99));
  // Installed one level up, as a monorepo hoists it: Node finds it there.
  write('node_modules/hoisted/package.json', { name: 'hoisted', version: '2.0.0', prodready: { data: 'lifecycle.json' } });
  const hoistedData = write('node_modules/hoisted/lifecycle.json', { asOf: '2098-01-01', lifecycle: [{ id: 'gpt-4o', status: 'retired' }] });

  const loaded = loadDataFiles(host, { named: [], folders: [ws] });

  it('reads the data file each data package names, and names the package as where the table comes from', () => {
    assert.deepEqual(
      loaded.files.map((file) => [file.file, file.source, file.origin]),
      [
        [acmeData, 'Acme prices', '@acme/ai-prices 1.4.0'],
        [hoistedData, 'hoisted 2.0.0', 'hoisted 2.0.0'],
      ],
    );
    const data = referenceDataOf(loaded.files);
    assert.deepEqual(
      data.prices.map((prices) => prices.source),
      ['Acme prices (@acme/ai-prices 1.4.0)', data.prices[1].source],
    );
    assert.equal(data.lifecycle[0].source, 'hoisted 2.0.0');
    assert.equal(priceBookFor(config, data).lookup('gpt-4o')?.entry.output, 11);
  });

  it('ignores a dependency without the field, a package not depended on, and a peer dependency, without a word', () => {
    assert.ok(!loaded.files.some((file) => /unlisted|peer-prices|secrets/.test(file.file)));
    assert.ok(!loaded.problems.some((problem) => /plain|unlisted|peer-prices|not-installed/.test(problem.file)));
  });

  it('says where a malformed field is, in the package.json that has it, and where a path leaves its package', () => {
    assert.deepEqual(
      loaded.problems.map((problem) => [problem.file, problem.line, problem.message]),
      [
        [badField, 4, '"prodready.data" must be the path of the package\'s data file, relative to the package, such as "data.json".'],
        [escaping, 3, '"prodready.data" must name a file inside escaping; "../../../secrets.json" is outside it and is not read.'],
      ],
    );
  });

  it('lists what to watch: the package.json, the data packages\' manifests and files, the install state of node_modules', () => {
    const inputs = new Set(loaded.inputs);
    for (const file of [path.join(ws, 'package.json'), acme, acmeData, hoistedData, path.join(ws, 'node_modules/.package-lock.json'), path.join(root, 'node_modules/.modules.yaml')]) {
      assert.ok(inputs.has(file), file);
    }
    assert.ok(!inputs.has(path.join(ws, 'node_modules/plain/package.json')), 'a package that is no data package is seen through the install state');
  });

  it('says when a workspace package.json is not JSON, and reads the named files all the same', () => {
    const broken = write('broken/package.json', '{ "dependencies": { "a": "1" ');
    const named = write('broken/prices.json', table('2099-01-01', 7));
    const result = loadDataFiles(host, { named: [named], folders: [path.dirname(broken)] });
    assert.deepEqual(result.files.map((file) => file.file), [named]);
    assert.deepEqual(result.problems.map((problem) => [problem.file, problem.message]), [[broken, "package.json is not valid JSON: '}' expected; it is not used."]]);
  });
});

describe('data files: named files and packages together', () => {
  const ws = path.join(root, 'both');
  write('both/package.json', { dependencies: { 'team-prices': '1.0.0' } });
  write('both/node_modules/team-prices/package.json', { name: 'team-prices', version: '3.1.0', prodready: { data: 'data.json' } });
  const packaged = write('both/node_modules/team-prices/data.json', table('2099-03-01', 30));
  const named = write('both/ops/prices.json', table('2099-02-01', 20, 'ops prices'));
  const missing = path.join(ws, 'ops/next.json');

  it('prices with the newest asOf, whichever way its file was found', () => {
    const loaded = loadDataFiles(host, { named: [named, missing], folders: [ws] });
    assert.equal(priceBookFor(config, referenceDataOf(loaded.files)).lookup('gpt-4o')?.entry.output, 30);
    fs.writeFileSync(named, JSON.stringify(table('2099-04-01', 40, 'ops prices')));
    const newer = referenceDataOf(loadDataFiles(host, { named: [named], folders: [ws] }).files);
    assert.equal(priceBookFor(config, newer).lookup('gpt-4o')?.entry.output, 40);
    assert.deepEqual(newer.prices.map((prices) => prices.source).slice(0, 2), ['ops prices (prices.json)', 'team-prices 3.1.0']);
  });

  it('reports a named file that does not exist, and watches for it', () => {
    const loaded = loadDataFiles(host, { named: [missing], folders: [ws] });
    assert.deepEqual(loaded.problems.map((problem) => problem.file), [missing]);
    assert.ok(loaded.inputs.includes(missing));
    assert.ok(loaded.inputs.includes(packaged));
  });

  it('reads a file both named and packaged once', () => {
    const loaded = loadDataFiles(host, { named: [packaged], folders: [ws] });
    assert.deepEqual(loaded.files.map((file) => [file.file, file.origin]), [[packaged, 'data.json']]);
  });
});

describe('data files: what the client is asked to watch', () => {
  const files = [path.join(root, 'ws/package.json'), path.join(root, 'ws/node_modules/.package-lock.json'), path.join(root, 'ws/node_modules/.modules.yaml'), path.join(root, 'ws/p[1].json')];

  it('one watcher per folder, on the names in it, when the client takes relative patterns', () => {
    assert.deepEqual(watchersOf(files, true), [
      { globPattern: { baseUri: pathToFileURL(path.join(root, 'ws')).toString(), pattern: '{package.json,p?1?.json}' } },
      { globPattern: { baseUri: pathToFileURL(path.join(root, 'ws/node_modules')).toString(), pattern: '{.package-lock.json,.modules.yaml}' } },
    ]);
  });

  it('watches the folders between a file and the workspace folder too: a folder made or removed whole is reported without its files', () => {
    const ws = path.join(root, 'ws');
    const watched = watchedPathsOf([path.join(ws, 'ops/prices/team.json'), path.join(root, 'node_modules/hoisted/data.json'), path.join(ws, 'package.json')], [ws]);
    assert.deepEqual(
      [...watched].map((file) => path.relative(root, file)),
      ['ws/ops/prices/team.json', 'ws/ops/prices', 'ws/ops', 'node_modules/hoisted/data.json', 'node_modules/hoisted', 'node_modules', 'ws/package.json'].map((file) => path.normalize(file)),
    );
  });

  it('each absolute path otherwise', () => {
    assert.deepEqual(
      watchersOf(files.slice(0, 1), false),
      [{ globPattern: files[0].replace(/\\/g, '/') }],
    );
  });
});
