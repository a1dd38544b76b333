// A large scan reads its files on worker threads: each file's survey (what its text may reach, and its check should
// the scan not parse it) depends on that file alone. Everything that crosses modules (the project index, which files
// are parsed, the parses themselves) stays on the main thread, which reads the surveys as if it had made them, in
// file order, while the workers read the files after.
import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { Engine, languageOf, LineIndex, surveyFile, type FileSurvey, type RuleId, type RuleLevel } from '../core';
import { NodeHost } from '../node/host';

/** Below this many files a scan stays on one thread: starting a worker (30-50 ms) costs more than it saves. */
export const WORKER_THRESHOLD = 1000;
const MAX_WORKERS = 8;
/** Files a worker takes at a time from the shared queue. */
const CHUNK = 64;
const ROLE = 'prodready-survey';
/** Indices of the Int32s the threads share: the next chunk to take, and how many chunks have been sent. */
const NEXT = 0;
const SENT = 1;
/** A wait this long without a chunk sent means the workers stopped: the files left are surveyed on the main thread. */
const STALL_MS = 10_000;

/**
 * How many worker threads read the files of a scan: `jobs` threads in all when given, else one per core for a large
 * scan; the main thread is one of them (it resolves imports and parses while the workers read).
 */
export function workerCount(files: number, jobs: number | undefined): number {
  const threads = jobs ?? (files >= WORKER_THRESHOLD ? availableParallelism() : 1);
  return Math.min(threads - 1, MAX_WORKERS, Math.ceil(files / CHUNK));
}

/** What a worker checks every file with: the main thread's settings, the config named by its file. */
export interface SurveySettings {
  root: string;
  /** The config file the run uses; none: the nearest to `root` (there was none). */
  configFile?: string;
  ruleLevels?: Partial<Record<RuleId, RuleLevel>>;
  today: string;
}

interface SurveyData {
  role: typeof ROLE;
  files: readonly string[];
  settings: SurveySettings;
  counters: SharedArrayBuffer;
  /** Where this worker sends its surveys. */
  port: MessagePort;
}

type SurveyMessage = [file: string, survey: FileSurvey][];

/**
 * The surveys of a scan's files, made on worker threads started from `script` (this bundle). The engine reads them on
 * the main thread, synchronously, in file order as its scan reaches each file, waiting for one only when the workers
 * have not sent it yet. A file whose survey does not come (a worker failed) is surveyed by the engine itself.
 */
export class SurveyStream {
  private readonly received = new Map<string, FileSurvey>();
  private readonly counters: Int32Array;
  private readonly ports: MessagePort[] = [];
  private readonly chunks: number;
  private stalled = false;
  /** How many surveys the workers sent. */
  count = 0;

  constructor(script: string, files: readonly string[], settings: SurveySettings, workers: number) {
    const counters = new SharedArrayBuffer(8);
    this.counters = new Int32Array(counters);
    this.chunks = Math.ceil(files.length / CHUNK);
    for (let i = 0; i < workers; i++) {
      const { port1, port2 } = new MessageChannel();
      try {
        const data: SurveyData = { role: ROLE, files, settings, counters, port: port2 };
        new Worker(script, { workerData: data, transferList: [port2] }).unref();
        this.ports.push(port1);
      } catch {
        port1.close();
        break;
      }
    }
    if (this.ports.length === 0) this.stalled = true;
  }

  get(file: string): FileSurvey | undefined {
    for (;;) {
      this.drain();
      const survey = this.received.get(file);
      if (survey || this.stalled) return survey;
      const sent = Atomics.load(this.counters, SENT);
      // Every chunk was sent and this file's survey was not in it: its worker failed on it.
      if (sent >= this.chunks) return undefined;
      if (Atomics.wait(this.counters, SENT, sent, STALL_MS) === 'timed-out') this.stalled = true;
    }
  }

  /** The scan has read every survey it will: the workers' ports close. */
  close(): void {
    for (const port of this.ports) port.close();
  }

  private drain(): void {
    for (const port of this.ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        for (const [file, survey] of message.message as SurveyMessage) {
          if (survey.unparsed?.analysis) survey.unparsed.analysis.lines = LineIndex.revive(survey.unparsed.analysis.lines);
          this.received.set(file, survey);
          this.count++;
        }
      }
    }
  }
}

/** This thread is a survey worker started by a `SurveyStream`. */
export function isSurveyWorker(): boolean {
  return !isMainThread && (workerData as Partial<SurveyData> | undefined)?.role === ROLE;
}

/** A survey worker's whole life: take chunks from the shared queue until none is left, send each chunk's surveys. */
export function runSurveyWorker(): void {
  const { files, settings, counters, port } = workerData as SurveyData;
  const host = new NodeHost();
  const engine = new Engine(host);
  const config = settings.configFile !== undefined ? engine.loadConfig(settings.configFile) : engine.configAt(settings.root);
  const scan = { root: settings.root, config, ruleLevels: settings.ruleLevels, today: settings.today };
  const shared = new Int32Array(counters);
  try {
    for (let chunk = Atomics.add(shared, NEXT, 1); chunk * CHUNK < files.length; chunk = Atomics.add(shared, NEXT, 1)) {
      try {
        const message: SurveyMessage = files.slice(chunk * CHUNK, (chunk + 1) * CHUNK).map((file) => {
          // Python files are checked on the main thread, whose Python parser decides whether they can be read.
          const unparsed = languageOf(file) !== 'python';
          return [file, surveyFile(engine, file, host.readFile(file), scan, unparsed)];
        });
        port.postMessage(message);
      } finally {
        // Sent or failed, the chunk is done: the main thread stops waiting for it.
        Atomics.add(shared, SENT, 1);
        Atomics.notify(shared, SENT);
      }
    }
  } finally {
    port.close();
  }
}
