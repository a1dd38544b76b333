// `npm run bench`: prodready's speed beside anchors measured in the same run, as ratios. Prints figures; asserts
// nothing. Keystroke → diagnostics over the real LSP path (incremental didChange) against a full parse of the same
// text, edit by edit; cold start → first diagnostics against node + parser + parse; cold CLI scans of generated
// workspaces (and of `--workspace DIR`) against the TypeScript parse-only floor and Biome; server memory.
//
//   node out/bench.js [--workspace DIR] [--sizes 2000,4000] [--edits 200] [--index-limit 180]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { parsePython } from '../../server/src/core/extract/python/parser';
import { LineIndex } from '../../server/src/core/model';
import { loadPythonParser } from '../../server/src/node/python';
import { LspClient } from '../lsp/lspClient';
import { REPO_ROOT } from '../repoRoot';
import { cpuMsOf, rssMbOf, stats, threadTimesOf, timed } from './measure';
import { pythonServiceModule, serviceModule } from './serviceModule';
import { writeWorkspace } from './workspace';

const argv = process.argv.slice(2);
const option = (name: string, fallback?: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && at + 1 < argv.length ? argv[at + 1] : fallback;
};
/**
 * A typing session: enough edits that the p95 is not a handful of them. With 100, the p95 was the 5th-slowest edit
 * and the same build's p95 spread over 0.74–1.21× from run to run; with 200 (the 10th-slowest), over 0.73–0.95×.
 */
const EDITS = Number(option('edits', '200'));
/** How long the bench waits for the server to index the largest workspace. */
const INDEX_LIMIT_S = Number(option('index-limit', '180'));
const SIZES = (option('sizes', '2000,4000') ?? '').split(',').map(Number).filter((n) => n > 0);
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const BIOME = path.join(REPO_ROOT, 'node_modules', '.bin', 'biome');
const row = (label: string, value: string) => console.log(`  ${label.padEnd(64)} ${value}`);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number) => `${value.toFixed(2)}×`;

/** Parses every TS/JS file under a folder with TypeScript, nothing else: the floor any TS analysis pays. */
const PARSE_FLOOR = `
const fs = require('fs'), path = require('path'), ts = require(${JSON.stringify(require.resolve('typescript'))});
const skip = new Set(['node_modules', '.git', 'dist', 'build', 'out']);
let files = 0;
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (!skip.has(entry.name) && !entry.name.startsWith('.')) walk(full); }
    else if (/\\.([cm]?[jt]sx?)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) { ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest); files++; }
  }
})(process.argv[1]);
`;

/** The position of an offset, as LSP counts (UTF-16 code units per line). */
function positionAt(lines: LineIndex, offset: number) {
  const at = lines.positionAt(offset);
  return { line: at.line, character: at.character };
}

interface KeystrokeFigures {
  lines: number;
  latency: { median: number; p95: number };
  parse: { median: number; p95: number };
  ratio: { median: number; p95: number };
  /** Where the server's time went, per edit (Linux only): its main thread waiting for a CPU, its other threads' CPU. */
  threads?: { mainWait: { median: number; p95: number }; othersRun: { median: number; p95: number }; slowEdits: number; slowEditsWaiting: number };
}

/** One keystroke of a typing session: `remove` characters at `at` replaced by `insert`. */
type Keystroke = (text: string, edit: number) => { at: number; remove: number; insert: string };

/** A letter typed after `marker` (a new token: an argument, a longer name), then deleted; the next pair in another function. */
function letterTypedAndDeleted(marker: string): Keystroke {
  return (text, edit) => {
    const occurrences = occurrencesOf(text, marker);
    const at = occurrences[(Math.floor(edit / 2) * 7) % occurrences.length] + marker.length;
    return edit % 2 === 0 ? { at, remove: 0, insert: 'x' } : { at, remove: 1, insert: '' };
  };
}

/**
 * `statement` typed at the end of the line holding `marker` as VS Code types it (an opening bracket or quote closes
 * itself; typing the closer then steps over it), then deleted with backspaces; then in another function. Most of its
 * keystrokes leave a syntax error, as typing does.
 */
function statementTypedAndDeleted(marker: string, statement: string): Keystroke {
  const session = typedThenDeleted(statement);
  return (text, edit) => {
    const occurrences = occurrencesOf(text, marker);
    const lineEnd = text.indexOf('\n', occurrences[(Math.floor(edit / session.length) * 7) % occurrences.length]);
    const keystroke = session[edit % session.length];
    return { ...keystroke, at: lineEnd + keystroke.at };
  };
}

/** The keystrokes that type `statement` with brackets and quotes closed as typed, then delete it, from its start. */
function typedThenDeleted(statement: string): { at: number; remove: number; insert: string }[] {
  const closers: Record<string, string> = { '(': ')', '[': ']', '{': '}', "'": "'", '"': '"', '`': '`' };
  const keystrokes: { at: number; remove: number; insert: string }[] = [];
  let typed = '';
  let cursor = 0;
  for (const character of statement) {
    if (typed[cursor] === character && Object.values(closers).includes(character)) {
      cursor++;
      continue;
    }
    const insert = character in closers ? character + closers[character] : character;
    keystrokes.push({ at: cursor, remove: 0, insert });
    typed = typed.slice(0, cursor) + insert + typed.slice(cursor);
    cursor++;
  }
  for (let end = typed.length; end > 0; end--) keystrokes.push({ at: end - 1, remove: 1, insert: '' });
  return keystrokes;
}

function occurrencesOf(text: string, marker: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) found.push(at);
  return found;
}

/**
 * A typing session sent keystroke by keystroke as incremental didChanges; the time until each version's
 * diagnostics, over the time a full parse of the same text takes in this process.
 */
async function keystrokes(text: string, fileName: string, keystroke: Keystroke, fullParse: (text: string) => void): Promise<KeystrokeFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-bench-'));
  const client = new LspClient({ debounceMs: 0 });
  await client.initialize(dir, true);
  const uri = pathToFileURL(path.join(dir, fileName)).toString();
  await client.open(uri, text, fileName.endsWith('.py') ? 'python' : 'typescript');
  await client.diagnostics(uri);
  const latency: number[] = [];
  const parse: number[] = [];
  const ratios: number[] = [];
  const mainWaits: number[] = [];
  const othersRuns: number[] = [];
  let current = text;
  for (let edit = 0; edit < EDITS + 5; edit++) {
    const { at, remove, insert } = keystroke(current, edit);
    const lines = new LineIndex(current);
    const range = { start: positionAt(lines, at), end: positionAt(lines, at + remove) };
    const next = current.slice(0, at) + insert + current.slice(at + remove);
    const version = edit + 2;
    const before = threadTimesOf(client.pid!);
    const t0 = performance.now();
    await client.edit(uri, range, insert, version);
    await client.diagnostics(uri, (p) => p.version === version);
    const lspMs = performance.now() - t0;
    const after = threadTimesOf(client.pid!);
    const p0 = performance.now();
    fullParse(next);
    const parseMs = performance.now() - p0;
    current = next;
    // The first edits warm both paths' JIT.
    if (edit < 5) continue;
    latency.push(lspMs);
    parse.push(parseMs);
    ratios.push(lspMs / parseMs);
    if (before && after) {
      mainWaits.push(after.mainWaitMs - before.mainWaitMs);
      othersRuns.push(after.othersRunMs - before.othersRunMs);
    }
  }
  await client.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
  const slow = ratios.flatMap((value, edit) => (value > 1 ? [edit] : []));
  const threads =
    mainWaits.length === ratios.length
      ? { mainWait: stats(mainWaits), othersRun: stats(othersRuns), slowEdits: slow.length, slowEditsWaiting: slow.filter((edit) => mainWaits[edit] >= 1).length }
      : undefined;
  return { lines: text.split('\n').length, latency: stats(latency), parse: stats(parse), ratio: stats(ratios), threads };
}

/** Spawn → initialize → open → first publishDiagnostics; wall and the server's CPU, and its memory then. */
async function firstDiagnostics(root: string, file: string): Promise<{ wallMs: number; cpuMs: number; rssMb: number }> {
  const started = performance.now();
  const client = new LspClient({ debounceMs: 0 });
  await client.initialize(root, true);
  const uri = pathToFileURL(file).toString();
  await client.open(uri, fs.readFileSync(file, 'utf8'));
  await client.diagnostics(uri);
  const wallMs = performance.now() - started;
  const cpuMs = cpuMsOf(client.pid!);
  // Readiness: whatever the server does after its first answer (indexing) is given a moment to settle.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const rssMb = rssMbOf(client.pid!);
  await client.shutdown();
  return { wallMs, cpuMs, rssMb };
}

/**
 * The server indexing the whole workspace in the background: spawn → the end of its `$/progress`, the server's CPU
 * then, and its memory once the index is built (the figure the memory target is about).
 */
async function indexed(root: string, file: string, limitS: number): Promise<{ wallMs: number; cpuMs: number; rssMb: number; finished: boolean; last?: string }> {
  const started = performance.now();
  const client = new LspClient({ debounceMs: 0 });
  await client.initialize(root, true, { progress: true, commands: [] });
  await client.open(pathToFileURL(file).toString(), fs.readFileSync(file, 'utf8'));
  const progress = () => client.notifications.filter((entry) => entry.method === '$/progress').map((entry) => (entry.params as { value: { kind: string; message?: string } }).value);
  let finished = false;
  while (!finished && performance.now() - started < limitS * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    finished = progress().some((value) => value.kind === 'end');
  }
  const wallMs = performance.now() - started;
  const cpuMs = cpuMsOf(client.pid!);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const rssMb = rssMbOf(client.pid!);
  const last = progress().at(-1)?.message;
  await client.shutdown();
  return { wallMs, cpuMs, rssMb, finished, last };
}

function median(values: number[]): number {
  return stats(values).median;
}

async function startup(root: string, file: string): Promise<void> {
  const runs = [0, 1, 2].map(() => 0);
  const server: { wallMs: number; cpuMs: number; rssMb: number }[] = [];
  const anchor: { wallS: number; cpuS: number }[] = [];
  for (const _ of runs) {
    server.push(await firstDiagnostics(root, file));
    anchor.push(timed(process.execPath, ['-e', `require(${JSON.stringify(require.resolve('typescript'))}).createSourceFile('f.ts', require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'), 99)`]));
  }
  const wall = median(server.map((run) => run.wallMs));
  const cpu = median(server.map((run) => run.cpuMs));
  const anchorWall = median(anchor.map((run) => run.wallS * 1000));
  const anchorCpu = median(anchor.map((run) => run.cpuS * 1000));
  row('server spawn → first diagnostics, wall / CPU (median of 3)', `${ms(wall)} / ${ms(cpu)}`);
  row('anchor: node + typescript + parse of the file, wall / CPU', `${ms(anchorWall)} / ${ms(anchorCpu)}`);
  row('ratio wall / CPU (target ≤ 1.5×)', `${ratio(wall / anchorWall)} / ${ratio(cpu / anchorCpu)}`);
  row('server RSS 1.5 s after first diagnostics (the index still being built)', `${median(server.map((run) => run.rssMb)).toFixed(0)} MB`);
  const index = await indexed(root, file, INDEX_LIMIT_S);
  row(
    index.finished ? 'workspace index built ($/progress end), wall / server CPU' : `workspace index not built in ${INDEX_LIMIT_S} s (at "${index.last ?? ''}"), wall / server CPU`,
    `${ms(index.wallMs)} / ${ms(index.cpuMs)}`,
  );
  row('server RSS after the index is built (target ≤ 200 MB)', `${index.rssMb.toFixed(0)} MB`);
}

interface ScanFigures {
  /** The whole scan on the main thread (`--jobs 1`). */
  prodready: ReturnType<typeof timed>;
  /** As a user runs it: worker threads read the files of a large workspace (one thread per core). */
  threaded: ReturnType<typeof timed>;
  floor: ReturnType<typeof timed>;
  biome?: ReturnType<typeof timed>;
}

function scan(dir: string): ScanFigures {
  const prodready = timed(process.execPath, [CLI, 'check', dir, '--format', 'json', '--fail-on', 'off', '--jobs', '1']);
  const threaded = timed(process.execPath, [CLI, 'check', dir, '--format', 'json', '--fail-on', 'off']);
  const floor = timed(process.execPath, ['-e', PARSE_FLOOR, dir]);
  const biome = fs.existsSync(BIOME) ? timed(BIOME, ['lint', '--max-diagnostics=0', '--diagnostic-level=error', dir]) : undefined;
  return { prodready, threaded, floor, biome };
}

function reportScan(label: string, figures: ScanFigures): void {
  const { prodready, threaded, floor, biome } = figures;
  const run = (figures: ReturnType<typeof timed>) => `${figures.wallS.toFixed(2)} s / ${figures.cpuS.toFixed(2)} s / ${figures.maxRssMb.toFixed(0)} MB`;
  console.log(label);
  row('prodready check (CLI), one thread (--jobs 1), wall / CPU / peak RSS', run(prodready));
  row(`prodready check (CLI), default (${os.availableParallelism()} threads from 1,000 files), wall / CPU / peak RSS`, run(threaded));
  row('TypeScript parse-only floor, wall / CPU', `${floor.wallS.toFixed(2)} s / ${floor.cpuS.toFixed(2)} s`);
  row('Biome lint, wall / CPU', biome ? `${biome.wallS.toFixed(2)} s / ${biome.cpuS.toFixed(2)} s` : 'not installed');
  row('ratio prodready / floor, CPU and wall, one thread (target ≤ 1.0×)', `${ratio(prodready.cpuS / floor.cpuS)} / ${ratio(prodready.wallS / floor.wallS)}`);
  row('ratio prodready / floor, CPU and wall, default threads', `${ratio(threaded.cpuS / floor.cpuS)} / ${ratio(threaded.wallS / floor.wallS)}`);
  if (biome) {
    row('ratio prodready / Biome, CPU and wall, one thread (target ≤ 1.0×)', `${ratio(prodready.cpuS / biome.cpuS)} / ${ratio(prodready.wallS / biome.wallS)}`);
    row('ratio prodready / Biome, CPU and wall, default threads', `${ratio(threaded.cpuS / biome.cpuS)} / ${ratio(threaded.wallS / biome.wallS)}`);
  }
}

/**
 * What the slow edits were made of: the server's main thread waiting for a CPU (another runnable thread held it:
 * on a small VM, often V8 compiling or collecting for this very process) and its other threads' CPU.
 */
function reportThreads(figures: KeystrokeFigures): void {
  const { threads } = figures;
  if (!threads) return;
  row('server main thread runnable, waiting for a CPU, median / p95', `${ms(threads.mainWait.median)} / ${ms(threads.mainWait.p95)}`);
  row("other server threads' CPU (V8 compiler, GC), median / p95", `${ms(threads.othersRun.median)} / ${ms(threads.othersRun.p95)}`);
  row('edits over 1.0× / of those, main thread waited ≥ 1 ms for a CPU', `${threads.slowEdits} / ${threads.slowEditsWaiting}`);
}

async function main(): Promise<void> {
  await loadPythonParser();
  console.log(`prodready bench, node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);

  const tsText = serviceModule(50, 0.06);
  const tsParse = (text: string) => ts.createSourceFile('service.ts', text, ts.ScriptTarget.Latest);
  const tsFigures = await keystrokes(tsText, 'service.ts', letterTypedAndDeleted('const normalized = ticket.body.trim('), tsParse);
  console.log(`TypeScript keystroke → diagnostics (LSP, incremental didChange, debounce 0): ${tsFigures.lines}-line file, ${EDITS} edits`);
  row('latency median / p95', `${ms(tsFigures.latency.median)} / ${ms(tsFigures.latency.p95)}`);
  row('ts.createSourceFile of the same text median / p95', `${ms(tsFigures.parse.median)} / ${ms(tsFigures.parse.p95)}`);
  row('per-edit ratio median / p95 (target p95 ≤ 1.0×)', `${ratio(tsFigures.ratio.median)} / ${ratio(tsFigures.ratio.p95)}`);
  reportThreads(tsFigures);
  const typing = await keystrokes(tsText, 'service.ts', statementTypedAndDeleted('const normalized = ticket.body.trim(', '\n  const extra = lookup(normalized, { limit: 3 });'), tsParse);
  console.log(`TypeScript statement typed as in VS Code, then deleted → diagnostics (most keystrokes leave a syntax error): ${EDITS} edits`);
  row('latency median / p95', `${ms(typing.latency.median)} / ${ms(typing.latency.p95)}`);
  row('per-edit ratio median / p95', `${ratio(typing.ratio.median)} / ${ratio(typing.ratio.p95)}`);
  reportThreads(typing);

  const pyText = pythonServiceModule(85, 0.06);
  const pyFigures = await keystrokes(pyText, 'service.py', letterTypedAndDeleted('age_hours = (time.time() - '), (text) => parsePython(text).delete());
  console.log(`Python keystroke → diagnostics (LSP, incremental didChange, debounce 0): ${pyFigures.lines}-line file, ${EDITS} edits`);
  row('latency median / p95', `${ms(pyFigures.latency.median)} / ${ms(pyFigures.latency.p95)}`);
  row('tree-sitter full parse of the same text median / p95', `${ms(pyFigures.parse.median)} / ${ms(pyFigures.parse.p95)}`);
  row('per-edit ratio median / p95 (target p95 ≤ 1.0×)', `${ratio(pyFigures.ratio.median)} / ${ratio(pyFigures.ratio.p95)}`);
  reportThreads(pyFigures);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-bench-ws-'));
  const scans = new Map<number, ScanFigures>();
  try {
    for (const size of SIZES) {
      const dir = path.join(scratch, String(size));
      const lines = writeWorkspace(dir, size);
      const figures = scan(dir);
      scans.set(size, figures);
      reportScan(`cold CLI scan, generated workspace: ${size} files, ${lines} lines, ~2 % holding AI calls or calling a wrapper`, figures);
    }
    const sizes = [...scans.keys()].sort((a, b) => a - b);
    for (let i = 1; i < sizes.length; i++) {
      const [small, large] = [scans.get(sizes[i - 1])!, scans.get(sizes[i])!];
      const perDoubling = (a: number, b: number) => ratio((b / a) ** (1 / Math.log2(sizes[i] / sizes[i - 1])));
      console.log(`scaling ${sizes[i - 1]} → ${sizes[i]} files, CPU per doubling (target ≤ ×2.0)`);
      row('prodready one thread / default threads / floor / Biome', `${perDoubling(small.prodready.cpuS, large.prodready.cpuS)} / ${perDoubling(small.threaded.cpuS, large.threaded.cpuS)} / ${perDoubling(small.floor.cpuS, large.floor.cpuS)} / ${small.biome && large.biome ? perDoubling(small.biome.cpuS, large.biome.cpuS) : '-'}`);
    }
    const largest = sizes.at(-1);
    if (largest !== undefined) {
      const root = path.join(scratch, String(largest));
      console.log(`server start-up, ${largest}-file workspace, first diagnostics of one AI module`);
      await startup(root, path.join(root, 'src', 'ai', 'ai0.ts'));
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const workspace = option('workspace');
  if (workspace) reportScan(`cold CLI scan of ${workspace}`, scan(path.resolve(workspace)));
}

void main();
