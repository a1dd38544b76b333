// In a file of its own: node runs each test file in a fresh process, so the runtime this test breaks is a fresh
// one, and how the corruption shows (the heap's layout) is the same on every run.
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Engine } from '../../server/src/core';
import { analyzeText } from '../../server/src/core/engine/analyzeFile';
import { parseUnguarded, PARSER_RESTARTING, pythonParserSettled } from '../../server/src/core/extract/python/parser';
import { loadPythonParser } from '../../server/src/node/python';
import { MemoryHost } from './memoryHost';
import { deeplyIndented } from './pythonInputs';

before(async () => assert.equal(await loadPythonParser(), undefined));

const TODAY = { today: '2026-12-01' };
const pythonCall = ['from openai import OpenAI', 'client = OpenAI()', 'def ask(q):', '    r = client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": q}])', '    return r', ''];

describe('the Python runtime after a WebAssembly trap', () => {
  it('loads a fresh runtime after a WebAssembly trap, and reads files again once it is loaded', async () => {
    // Unguarded, the reproducer corrupts the runtime's memory; a later parse traps.
    parseUnguarded(deeplyIndented(600)).delete();
    let trapped: unknown;
    for (let i = 0; i < 50 && trapped === undefined; i++) {
      try {
        parseUnguarded(pythonCall.join('\n').repeat(i + 1)).delete();
      } catch (error) {
        trapped = error;
      }
    }
    assert.equal((trapped as Error | undefined)?.name, 'RuntimeError');
    assert.match(analyzeText('during.py', pythonCall.join('\n'), TODAY).notice ?? '', new RegExp(PARSER_RESTARTING));
    // A run over a set of files (the CLI's) reads the files it met during the restart again.
    const host = new MemoryHost(new Map([['/ws/a.py', pythonCall.join('\n')], ['/ws/b.py', pythonCall.join('\n')]]));
    const engine = new Engine(host);
    const checked = await engine.checkFilesSettled({ files: ['/ws/a.py', '/ws/b.py'], root: '/ws', config: engine.configAt('/ws') });
    assert.deepEqual(checked.notices, []);
    assert.deepEqual(checked.analyses.map((analysis) => [analysis.file, analysis.facts.callSites.length]), [['/ws/a.py', 1], ['/ws/b.py', 1]]);
    await pythonParserSettled();
    const after = analyzeText('after.py', pythonCall.join('\n'), TODAY);
    assert.equal(after.notice, undefined);
    assert.equal(after.facts.callSites.length, 1);
  });
});
