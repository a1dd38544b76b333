// A large scan reads its files on worker threads: each file's survey (what its text may reach, and its check should
// the scan not parse it) depends on that file alone. Everything that crosses modules (the project index, which files
// are parsed, the parses themselves) stays on the main thread, which reads the surveys as if it had made them.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Engine, languageOf, LineIndex, surveyFile, type FileSurvey, type RuleId, type RuleLevel } from '../core';
import { NodeHost } from '../node/host';

/** Below this many files a scan stays on one thread: starting a worker (30-50 ms) costs more than it saves. */
export const WORKER_THRESHOLD = 1000;
const MAX_WORKERS = 8;
/** Files a worker takes at a time from the shared queue. */
const CHUNK = 64;
const ROLE = 'prodready-survey';

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
  /** The next chunk to take: one Int32 shared by the workers. */
  next: SharedArrayBuffer;
}

type SurveyMessage = [file: string, survey: FileSurvey][];

/**
 * The surveys of `files`, made on `count` worker threads started from `script` (this bundle). `onSurveys` hears each
 * chunk as it arrives, on the main thread. A worker that fails leaves its files out (the engine surveys those itself)
 * and says why in `failure`.
 */
export function surveyInWorkers(
  script: string,
  files: readonly string[],
  settings: SurveySettings,
  count: number,
  onSurveys?: (surveys: SurveyMessage) => void,
): Promise<{ surveys: Map<string, FileSurvey>; failure?: string }> {
  const surveys = new Map<string, FileSurvey>();
  let failure: string | undefined;
  const data: SurveyData = { role: ROLE, files, settings, next: new SharedArrayBuffer(4) };
  const started = Array.from({ length: count }, () => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: data });
    } catch (error) {
      failure ??= error instanceof Error ? error.message : String(error);
      return Promise.resolve();
    }
    worker.on('message', (message: SurveyMessage) => {
      for (const [file, survey] of message) {
        if (survey.unparsed?.analysis) survey.unparsed.analysis.lines = LineIndex.revive(survey.unparsed.analysis.lines);
        surveys.set(file, survey);
      }
      onSurveys?.(message);
    });
    return new Promise<void>((resolve) => {
      // A worker that throws still exits; what it had not sent is surveyed on the main thread.
      worker.on('error', (error) => (failure ??= error.message.split('\n')[0]));
      worker.on('exit', () => resolve());
    });
  });
  return Promise.all(started).then(() => ({ surveys, failure }));
}

/** This thread is a survey worker started by `surveyInWorkers`. */
export function isSurveyWorker(): boolean {
  return !isMainThread && (workerData as Partial<SurveyData> | undefined)?.role === ROLE;
}

/** A survey worker's whole life: take chunks from the shared queue until none is left, send each chunk's surveys. */
export function runSurveyWorker(): void {
  const { files, settings, next } = workerData as SurveyData;
  const host = new NodeHost();
  const engine = new Engine(host);
  const config = settings.configFile !== undefined ? engine.loadConfig(settings.configFile) : engine.configAt(settings.root);
  const scan = { root: settings.root, config, ruleLevels: settings.ruleLevels, today: settings.today };
  const queue = new Int32Array(next);
  for (let chunk = Atomics.add(queue, 0, 1); chunk * CHUNK < files.length; chunk = Atomics.add(queue, 0, 1)) {
    const message: SurveyMessage = files.slice(chunk * CHUNK, (chunk + 1) * CHUNK).map((file) => {
      // Python files are checked on the main thread, whose Python parser decides whether they can be read.
      const unparsed = languageOf(file) !== 'python';
      return [file, surveyFile(engine, file, host.readFile(file), scan, unparsed)];
    });
    parentPort!.postMessage(message);
  }
}
