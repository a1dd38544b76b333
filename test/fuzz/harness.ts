// The fuzz run: inputs in batches through the CLI (check, --fix, --fix again), then some through the language server.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { killRunningClis, runBisected, type Culprit, type FileSet, type RunnerOptions } from './cliRunner';
import { checkFix } from './fixCheck';
import { killRunningServers } from './lspDriver';
import { LspFuzzer } from './lspFuzz';
import { makeInput, type FuzzInput } from './mutate';
import { initParsers, parseResult } from './parseCheck';
import { emptyTotals, normalise, saveReproducers, type Failure, type Totals } from './report';
import { loadSources, type SourceFile } from './sources';

export interface FuzzOptions {
  repoRoot: string;
  seed: number;
  /** Which inputs: `0 … count-1`, or the given indices. */
  indices: number[];
  /** How many of those (the first ones) also go through the language server. */
  lspCount: number;
  outDir: string;
  /** Parallel CLI batches and language servers. */
  jobs: number;
  /** Files per CLI process; a batch is also cut at `batchBytes`, so big inputs share a run with few others. */
  batchSize: number;
  batchBytes: number;
  log: (line: string) => void;
}

export interface FuzzResult {
  totals: Totals;
  failures: Failure[];
}

export function defaultOptions(repoRoot: string): FuzzOptions {
  return {
    repoRoot,
    seed: 1,
    indices: range(1000),
    lspCount: 500,
    outDir: path.join(os.tmpdir(), 'prodready-fuzz'),
    jobs: Math.max(1, Math.min(4, os.cpus().length)),
    batchSize: 60,
    batchBytes: 3 * 1024 * 1024,
    log: (line) => process.stderr.write(`${line}\n`),
  };
}

export const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  for (const bundle of ['cli.js', 'server.js']) {
    if (!fs.existsSync(path.join(options.repoRoot, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run npm run build first`);
  }
  const sources = loadSources(options.repoRoot);
  if (sources.length === 0) throw new Error(`no fixtures found under ${options.repoRoot}`);
  await initParsers();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-fuzz-work-'));
  // On an early exit (main.ts turns Ctrl-C into one) the processes we started and the scratch folder go too.
  const cleanUp = () => {
    killRunningClis();
    killRunningServers();
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  const totals = emptyTotals();
  const failures: Failure[] = [];
  try {
    const runner: RunnerOptions = { cli: path.join(options.repoRoot, 'dist', 'cli.js'), scratch, baseMs: 10_000, perFileMs: 2_000 };
    const batches = makeBatches(sources, options);
    let done = 0;
    await pool(batches, options.jobs, async (indices) => {
      const inputs = indices.map((index) => makeInput(sources, options.seed, index));
      const found = await checkBatch(inputs, runner, totals);
      failures.push(...found);
      done += inputs.length;
      options.log(`cli: ${done}/${options.indices.length} inputs, ${failures.length} failures so far`);
    });

    const lspIndices = options.indices.slice(0, options.lspCount);
    totals.lspInputs = lspIndices.length;
    if (lspIndices.length > 0) {
      const probeText = fs.readFileSync(path.join(options.repoRoot, 'examples/demo-app/lib/summarize.ts'), 'utf8');
      const server = path.join(options.repoRoot, 'dist', 'server.js');
      const slices = range(Math.min(options.jobs, lspIndices.length)).map((j) => lspIndices.filter((_, i) => i % options.jobs === j));
      let lspDone = 0;
      await Promise.all(
        slices.map(async (slice, j) => {
          const fuzzer = new LspFuzzer({ server, workspace: path.join(scratch, `lsp-${j}`), probeText });
          try {
            for (const index of slice) {
              const input = makeInput(sources, options.seed, index);
              failures.push(...(await lspInput(fuzzer, input, totals)));
              if (++lspDone % 50 === 0) options.log(`lsp: ${lspDone}/${lspIndices.length} inputs, ${failures.length} failures so far`);
            }
          } finally {
            await fuzzer.stop();
          }
        }),
      );
    }
  } finally {
    process.removeListener('exit', cleanUp);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  failures.sort((a, b) => a.inputs[0].index - b.inputs[0].index || a.kind.localeCompare(b.kind));
  for (const failure of failures) saveReproducers(failure, options.outDir);
  return { totals, failures };
}

/** Consecutive indices, at most `batchSize` files and `batchBytes` bytes per batch (sizes are known once built). */
function makeBatches(sources: SourceFile[], options: FuzzOptions): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const index of options.indices) {
    const size = Buffer.byteLength(makeInput(sources, options.seed, index).text, 'utf8');
    if (current.length > 0 && (current.length >= options.batchSize || bytes + size > options.batchBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(index);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function pool<T>(items: T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    range(Math.min(jobs, items.length)).map(async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** One batch through `check`, `check --fix` and `check --fix` again; a failing run is bisected to its file(s). */
async function checkBatch(inputs: FuzzInput[], runner: RunnerOptions, totals: Totals): Promise<Failure[]> {
  const byName = new Map(inputs.map((input) => [input.name, input]));
  const failures: Failure[] = [];
  /** `ranOn`: what the failing run read, when that is not the input itself (the second --fix reads the first's output). */
  const blame = (culprits: Culprit[], phase: string, ranOn?: FileSet) => {
    for (const culprit of culprits) {
      const [only] = culprit.files;
      const extras = ranOn && culprit.files.length === 1 ? { '.fixed': ranOn.get(only)! } : undefined;
      failures.push({ kind: culprit.failure.kind, phase, inputs: culprit.files.map((name) => byName.get(name)!), message: culprit.failure.message, detail: culprit.failure.detail, extras });
    }
    return new Set(culprits.flatMap((c) => c.files));
  };
  const union = (runs: { files: FileSet }[]) => new Map(runs.flatMap((run) => [...run.files]));

  const files: FileSet = new Map(inputs.map((input) => [input.name, Buffer.from(input.text, 'utf8')]));
  totals.inputs += inputs.length;

  const check = await runBisected(files, false, runner);
  const broken = blame(check.culprits, 'check');
  for (const run of check.passed) {
    for (const notice of run.report.notices ?? []) {
      totals.notices++;
      const kind = normalise(notice.message);
      totals.noticeKinds.set(kind, (totals.noticeKinds.get(kind) ?? 0) + 1);
    }
  }

  // Files that crash the plain check would crash --fix too: they are reported once, above.
  const healthy: FileSet = new Map([...files].filter(([name]) => !broken.has(name)));
  const fix = await runBisected(healthy, true, runner);
  blame(fix.culprits, 'fix');
  const fixed = union(fix.passed);
  const again = await runBisected(fixed, true, runner);
  blame(again.culprits, 'fix-again', fixed);
  const fixedAgain = union(again.passed);

  await initParsers();
  for (const input of inputs) {
    const before = files.get(input.name)!;
    const inputParse = parseResult(before.toString('utf8'), input.ext);
    if (inputParse === 'clean') totals.parseClean++;
    const out = fixed.get(input.name);
    if (!out) continue;
    if (!out.equals(before)) totals.fixed++;
    const result = checkFix(input, { before, fixed: out, fixedAgain: fixedAgain.get(input.name), inputParse });
    if (result.lostLineCheckGaveUp) totals.lostLineChecksGivenUp++;
    failures.push(...result.failures);
  }
  return failures;
}

async function lspInput(fuzzer: LspFuzzer, input: FuzzInput, totals: Totals): Promise<Failure[]> {
  try {
    const result = await fuzzer.run(input);
    totals.lspErrorResponses += result.errorResponses.length;
    totals.lspLoggedErrors += result.loggedErrors.length;
    for (const logged of result.loggedErrors) {
      const kind = normalise(logged.split('\n')[0]);
      const seen = totals.lspLoggedKinds.get(kind);
      if (seen) seen.count++;
      else totals.lspLoggedKinds.set(kind, { count: 1, input });
    }
    return result.failure ? [{ kind: 'lsp', phase: 'lsp', inputs: [input], message: result.failure.message, detail: result.failure.detail }] : [];
  } catch (error) {
    // The server would not even start: blamed on this input too, since the previous one may have left it broken.
    return [{ kind: 'lsp', phase: 'lsp', inputs: [input], message: `server start failed: ${(error as Error).message.split('\n')[0]}`, detail: String((error as Error).message) }];
  }
}
