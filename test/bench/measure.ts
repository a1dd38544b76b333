// What the bench measures with: CPU and memory of child processes (Linux /proc, GNU time), order statistics.
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

export function stats(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime of a live process, in milliseconds. */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Resident memory of a live process, in MB. */
export function rssMbOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export interface RunFigures {
  wallS: number;
  cpuS: number;
  maxRssMb: number;
  exitCode: number | null;
}

/** A command run to the end under GNU time: wall, user + system CPU (all threads and children), peak memory. */
export function timed(command: string, args: readonly string[], cwd?: string): RunFigures {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [wall, user, system, rssKb] = last.split(' ').map(Number);
  return { wallS: wall, cpuS: user + system, maxRssMb: rssKb / 1024, exitCode: result.status };
}

/** Where a live process's threads spent their time (Linux schedstat, ns precision). */
export interface ThreadTimes {
  /** The main thread runnable, waiting for a CPU. */
  mainWaitMs: number;
  /** Every other thread on a CPU: V8's compiler and GC helpers, libuv's pool. */
  othersRunMs: number;
}

/** Undefined where /proc has no schedstat (not Linux, or the process is gone). */
export function threadTimesOf(pid: number): ThreadTimes | undefined {
  try {
    const times: ThreadTimes = { mainWaitMs: 0, othersRunMs: 0 };
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const [run, wait] = fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ').map((field) => Number(field) / 1e6);
      if (Number(task) === pid) times.mainWaitMs = wait;
      else times.othersRunMs += run;
    }
    return times;
  } catch {
    return undefined;
  }
}
