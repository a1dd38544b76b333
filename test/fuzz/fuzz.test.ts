// A bounded fuzz sample in `npm test`: fixed seed, 300 hostile inputs through the built CLI (check, --fix, --fix
// again) and 100 of them through the language server. `npm run fuzz -- --count N` runs the same checks at scale.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../repoRoot';
import { defaultOptions, range, runFuzz } from './harness';
import { FAILURE_KINDS, formatDistinct, formatSummary } from './report';

describe('fuzz sample', () => {
  it('300 hostile inputs: no crash, hang, invalid JSON, broken or repeated fix, lost line or LSP failure', { timeout: 175_000 }, async () => {
    const options = {
      ...defaultOptions(REPO_ROOT),
      seed: 1,
      indices: range(300),
      lspCount: 100,
      outDir: path.join(os.tmpdir(), 'prodready-fuzz-test'),
      log: () => undefined,
    };
    const { totals, failures } = await runFuzz(options);
    const report = `${formatSummary(totals, failures)}\n${formatDistinct(failures)}`;
    assert.equal(totals.inputs, 300, report);
    assert.equal(totals.lspInputs, 100, report);
    for (const kind of FAILURE_KINDS) {
      assert.deepEqual(
        failures.filter((f) => f.kind === kind).map((f) => `${f.message} (${f.saved?.join(', ')})`),
        [],
        `${kind} failures (reproducers in ${options.outDir}):\n${report}`,
      );
    }
  });
});
