// Runs the real CLI (`node dist/cli.js check . --format json --fail-on off [--fix]`) on a set of files, and
// bisects a failing set down to the files that make it fail.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** File name → contents (bytes as they are on disk). */
export type FileSet = Map<string, Buffer>;

export type RunFailureKind = 'crash' | 'hang' | 'invalid-json';

export interface Notice {
  file: string;
  message: string;
}

export interface CliReport {
  version: 1;
  callSites: unknown[];
  findings: { file: string; line: number; column: number }[];
  notices?: Notice[];
}

export type CliRun =
  | { ok: true; report: CliReport; files: FileSet; ms: number; stderr: string }
  | { ok: false; kind: RunFailureKind; message: string; detail: string; ms: number };

export interface RunnerOptions {
  cli: string;
  /** A folder this runner may create scratch folders in. */
  scratch: string;
  /** Bound per run: `baseMs + perFileMs × files`. */
  baseMs: number;
  perFileMs: number;
}

let runCounter = 0;
const MAX_CAPTURE = 64 * 1024 * 1024;

/** One CLI process on a fresh folder holding exactly `files`; returns the files as the run left them (for --fix). */
export async function runCli(files: FileSet, fix: boolean, options: RunnerOptions): Promise<CliRun> {
  const dir = path.join(options.scratch, `run-${process.pid}-${++runCounter}`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
    const args = [options.cli, 'check', '.', '--format', 'json', '--fail-on', 'off', ...(fix ? ['--fix'] : [])];
    const limit = options.baseMs + options.perFileMs * files.size;
    const started = Date.now();
    const result = await spawnBounded(args, dir, limit);
    const ms = Date.now() - started;
    if (result.timedOut) return { ok: false, kind: 'hang', message: result.timedOut, detail: tail(result.stderr), ms };
    if (result.code !== 0) {
      const how = result.signal ? `killed by ${result.signal}` : `exit ${result.code}`;
      return { ok: false, kind: 'crash', message: `${how}: ${firstErrorLine(result.stderr)}`, detail: tail(result.stderr), ms };
    }
    const report = parseReport(result.stdout, files);
    if (typeof report === 'string') return { ok: false, kind: 'invalid-json', message: report, detail: `stdout: ${result.stdout.slice(0, 2000)}\nstderr: ${tail(result.stderr)}`, ms };
    const after: FileSet = new Map();
    for (const name of files.keys()) after.set(name, fs.readFileSync(path.join(dir, name)));
    return { ok: true, report, files: after, ms, stderr: result.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** CLI processes in flight, so an interrupted run can end them (their time limit lives in this process). */
const running = new Set<ChildProcess>();

export function killRunningClis(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** CPU seconds (user + system) a process has used, from /proc; undefined where there is no /proc. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** How far past the CPU limit the wall clock may go (a loaded machine runs the CLI slower, not longer). */
const WALL_FACTOR = 4;

/**
 * Runs the CLI and kills it past the limit. The limit is on CPU time where /proc shows it, so a machine busy with
 * other work does not turn slow runs into hangs; the wall clock gets WALL_FACTOR times as long, for a process
 * stuck without using CPU.
 */
function spawnBounded(args: string[], cwd: string, limitMs: number): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; timedOut?: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size < MAX_CAPTURE) into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    let timedOut: string | undefined;
    const stop = (why: string) => {
      timedOut ??= why;
      child.kill('SIGKILL');
    };
    const cpuOnly = child.pid !== undefined && cpuSeconds(child.pid) !== undefined;
    const wall = setTimeout(() => stop(`no exit within ${((limitMs * (cpuOnly ? WALL_FACTOR : 1)) / 1000).toFixed(0)} s`), limitMs * (cpuOnly ? WALL_FACTOR : 1));
    const poll = setInterval(() => {
      const used = child.pid === undefined ? undefined : cpuSeconds(child.pid);
      if (used !== undefined && used * 1000 > limitMs) stop(`${used.toFixed(1)} s of CPU without exiting (limit ${(limitMs / 1000).toFixed(0)} s)`);
    }, 250);
    child.on('close', (code, signal) => {
      running.delete(child);
      clearTimeout(wall);
      clearInterval(poll);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
}

/** The report, or why it is not the version-1 contract. */
function parseReport(stdout: string, files: FileSet): CliReport | string {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch (error) {
    return `stdout is not JSON: ${(error as Error).message}`;
  }
  const report = value as Partial<CliReport>;
  if (typeof report !== 'object' || report === null) return 'stdout is not a JSON object';
  if (report.version !== 1) return `version is ${JSON.stringify(report.version)}, not 1`;
  if (!Array.isArray(report.callSites)) return 'callSites is not an array';
  if (!Array.isArray(report.findings)) return 'findings is not an array';
  if (report.notices !== undefined) {
    if (!Array.isArray(report.notices)) return 'notices is not an array';
    const bad = report.notices.find((n) => typeof n?.file !== 'string' || typeof n?.message !== 'string');
    if (bad) return `a notice is not { file, message }: ${JSON.stringify(bad).slice(0, 200)}`;
  }
  for (const finding of report.findings) {
    if (!files.has(finding?.file)) return `a finding names a file not in the run: ${JSON.stringify(finding?.file)}`;
    if (!(Number.isInteger(finding.line) && finding.line >= 1 && Number.isInteger(finding.column) && finding.column >= 1)) {
      return `a finding has no 1-based position: ${JSON.stringify(finding).slice(0, 300)}`;
    }
  }
  return report as CliReport;
}

/** The line of stderr that names the error (the first `SomethingError:` or `prodready:` line). */
export function firstErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  const error = lines.find((l) => /^(\w*Error|Error)\b.*:|Maximum call stack|out of memory|FATAL/i.test(l)) ?? lines.find((l) => l.startsWith('prodready:')) ?? lines.find(Boolean);
  return (error ?? '(no stderr)').slice(0, 300);
}

function tail(text: string): string {
  return text.length > 4000 ? `…${text.slice(-4000)}` : text;
}

export interface Culprit {
  files: string[];
  failure: Extract<CliRun, { ok: false }>;
}

export interface BisectResult {
  /** Runs that passed, each with the files it covered. */
  passed: Extract<CliRun, { ok: true }>[];
  /** The smallest failing sets: usually one file; several when only their combination fails. */
  culprits: Culprit[];
}

/**
 * Runs `files`; when the run fails, narrows it down to the files that make it fail. A crash is found by halving
 * (cheap: crashes are quick). A hang costs its whole time limit on every run that contains it, so a hanging set is
 * split into single files at once: one short run per file costs less than the halving levels.
 */
export async function runBisected(files: FileSet, fix: boolean, options: RunnerOptions): Promise<BisectResult> {
  const result: BisectResult = { passed: [], culprits: [] };
  const visit = async (set: FileSet): Promise<void> => {
    const run = await runCli(set, fix, options);
    if (run.ok) {
      result.passed.push(run);
      return;
    }
    if (set.size === 1) {
      result.culprits.push({ files: [...set.keys()], failure: run });
      return;
    }
    const names = [...set.keys()];
    const parts = run.kind === 'hang' ? names.map((n) => [n]) : [names.slice(0, names.length >> 1), names.slice(names.length >> 1)];
    const before = result.culprits.length;
    const passedBefore = result.passed.length;
    for (const part of parts) await visit(new Map(part.map((n) => [n, set.get(n)!])));
    // No part fails on its own: the combination does. Report the set, and drop the parts' passes.
    if (result.culprits.length === before) {
      result.passed.splice(passedBefore);
      result.culprits.push({ files: names, failure: { ...run, message: `${run.message} (only all ${names.length} files together; each part passes)` } });
    }
  };
  await visit(files);
  return result;
}
