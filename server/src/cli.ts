import * as path from 'node:path';
import { buildInventory, buildReadiness, Engine, LineIndex, type FileAnalysis, type LoadedConfig, type Severity, type WorkspaceSnapshot } from './core';
import { formatText, relativePath, toJsonReport, type Notice } from './format/report';
import { atLeast } from './format/severity';
import { collectSourceFiles } from './node/files';
import { NodeHost } from './node/host';
import { loadPythonParser } from './node/python';
import { formatChecklist } from './format/checklist';
import { formatMarkdown } from './format/markdown';
import { toSarif } from './format/sarif';

declare const PRODREADY_VERSION: string | undefined;
const VERSION = typeof PRODREADY_VERSION === 'string' ? PRODREADY_VERSION : 'dev';

const USAGE = `Usage: prodready check [paths...] [options]

Finds AI call sites and the production gaps around them (timeouts, retries, output bounds, keys).

Options:
  --format FORMAT        text, json, sarif or markdown (default: text); markdown writes the readiness
                         checklist, AI inventory and ownership map as a review document
  --checklist            with text output, print the readiness checklist after the findings
  --fail-on LEVEL        exit 1 when a finding is at or above LEVEL: error, warning, info, hint, or off
                         (default: warning)
  --config FILE          use this .prodready.json instead of the nearest one
  --fix                  apply every safe fix in place, then report what is left
  --debug                on an internal error, print its stack
  -h, --help             show this help

A file that cannot be read or analysed is skipped with a notice (stderr; "notices" in JSON; SARIF
toolExecutionNotifications); every other file is checked as usual.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error, 3 internal error.`;

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
const FAIL_LEVELS = ['error', 'warning', 'info', 'hint', 'off'] as const;

class UsageError extends Error {}

interface CliOptions {
  paths: string[];
  format: (typeof FORMATS)[number];
  failOn: (typeof FAIL_LEVELS)[number];
  configPath?: string;
  fix: boolean;
  checklist: boolean;
  debug: boolean;
}

function parseArgs(argv: string[]): CliOptions | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') return 'help';
  if (command !== 'check') throw new UsageError(`Unknown command "${command}". Did you mean "prodready check"?`);
  const options: CliOptions = { paths: [], format: 'text', failOn: 'warning', fix: false, checklist: false, debug: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? rest[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--format':
        options.format = oneOf(flag, value(), FORMATS);
        break;
      case '--fail-on':
        options.failOn = oneOf(flag, value(), FAIL_LEVELS);
        break;
      case '--config':
        options.configPath = value();
        break;
      case '--fix':
        options.fix = true;
        break;
      case '--checklist':
        options.checklist = true;
        break;
      case '--debug':
        options.debug = true;
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`Unknown option ${flag}.`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} takes one of ${allowed.join(', ')}; got "${value}".`);
}

/**
 * The config of the run; errors in it stop the run (exit 2), warnings are printed and the run goes on. One folder
 * scanned: its nearest config applies, as it would in the editor; otherwise the working directory's.
 */
function loadConfig(engine: Engine, host: NodeHost, options: CliOptions, cwd: string): { loaded: LoadedConfig; root: string; scanRoot: string } {
  const only = options.paths.length === 1 ? path.resolve(cwd, options.paths[0]) : cwd;
  const from = host.stat(only)?.isFile ? path.dirname(only) : only;
  let loaded: LoadedConfig;
  if (options.configPath) {
    const file = path.resolve(options.configPath);
    if (!host.exists(file)) throw new UsageError(`Config file ${options.configPath} does not exist.`);
    loaded = engine.loadConfig(file);
  } else {
    loaded = engine.configAt(from);
  }
  const { file, text } = loaded;
  if (!file) return { loaded, root: cwd, scanRoot: from };
  if (loaded.unreadable !== undefined) throw new ConfigError(`${relativePath(file, cwd)}: ${loaded.unreadable}.`);
  const lines = new LineIndex(text ?? '');
  const located = loaded.problems.map((problem) => {
    const at = lines.positionAt(problem.span.start);
    return { ...problem, text: `${relativePath(file, cwd)}:${at.line + 1}:${at.character + 1}: ${problem.message}` };
  });
  for (const problem of located.filter((p) => p.severity === 'warning')) process.stderr.write(`prodready: warning: ${problem.text}\n`);
  const errors = located.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ConfigError(errors.map((p) => p.text).join('\n'));
  return { loaded, root: path.dirname(file), scanRoot: from };
}

class ConfigError extends Error {}

/** Exit code of a failure inside prodready itself, apart from 1 (findings) so CI can tell a crash from a report. */
export const EXIT_INTERNAL_ERROR = 3;

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await check(argv, cwd);
  } catch (error) {
    const detail = error instanceof Error ? (debug ? error.stack ?? error.message : error.message.split('\n')[0].slice(0, 300)) : String(error);
    process.stderr.write(`prodready: internal error: ${detail}${debug ? '' : ' (run with --debug for the stack)'}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}

async function check(argv: string[], cwd: string): Promise<number> {
  const pythonProblem = await loadPythonParser();
  if (pythonProblem) process.stderr.write(`prodready: Python files are skipped: ${pythonProblem}\n`);
  let options: CliOptions | 'help';
  try {
    options = parseArgs(argv);
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const host = new NodeHost();
    const engine = new Engine(host);
    const { loaded, root, scanRoot } = loadConfig(engine, host, options, cwd);
    engine.setProjectConfig(loaded.config);
    const { files, missing, unreadable } = collectSourceFiles(options.paths, { exclude: loaded.config.exclude, root });
    if (missing.length > 0) throw new UsageError(`No such file or folder: ${missing.join(', ')}`);
    const checked = await engine.checkFilesSettled({ files, root: scanRoot, config: loaded, fix: options.fix });
    for (const failure of checked.failures) {
      process.stderr.write(`prodready: rule ${failure.ruleId} failed on ${relativePath(failure.file, cwd)} and was skipped there; other rules ran. ${failure.error.split('\n')[0]}\n`);
    }
    if (options.fix) {
      const { problems, files: fixedFiles } = checked.fixed;
      process.stderr.write(`prodready: fixed ${problems} problem${problems === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}.\n`);
    }
    const notices: Notice[] = [
      ...unreadable.map((entry) => ({ file: relativePath(entry.path, cwd), message: `skipped, ${entry.reason}.` })),
      ...checked.notices.map((notice) => ({ file: relativePath(notice.file, cwd), message: notice.message })),
    ];
    for (const notice of notices) process.stderr.write(`prodready: ${notice.file}: ${notice.message}\n`);
    const { analyses } = checked;
    const scanned = options.paths.map((given) => path.resolve(cwd, given));
    const snapshot = () =>
      engine.snapshot({ root: cwd, files: engine.listFiles(cwd, scanned), analyses, config: loaded, ownership: engine.ownershipFor(scanRoot, loaded) });
    process.stdout.write(`${render(options, analyses, notices, cwd, snapshot)}\n`);
    const failOn = options.failOn;
    const failing = failOn !== 'off' && analyses.some((a) => a.findings.some((f) => atLeast(f.severity, failOn as Severity)));
    return failing ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`prodready: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`prodready: configuration error, nothing was checked:\n${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function render(options: CliOptions, analyses: FileAnalysis[], notices: readonly Notice[], cwd: string, snapshot: () => WorkspaceSnapshot): string {
  switch (options.format) {
    case 'json':
      return JSON.stringify(toJsonReport(analyses, cwd, notices), null, 2);
    case 'sarif':
      return JSON.stringify(toSarif(analyses, cwd, VERSION, notices), null, 2);
    case 'markdown': {
      const workspace = snapshot();
      const header = { title: path.basename(path.resolve(cwd, options.paths.length === 1 ? options.paths[0] : '.')), date: new Date().toISOString().slice(0, 10), version: VERSION };
      return formatMarkdown(buildReadiness(workspace), buildInventory(workspace), header);
    }
    case 'text':
      return options.checklist ? `${formatText(analyses, cwd)}\n\n${formatChecklist(buildReadiness(snapshot()))}` : formatText(analyses, cwd);
  }
}

if (require.main === module) {
  // Whatever escapes `main` (an error thrown from a stream callback) is still an internal error: one line, exit 3.
  process.on('uncaughtException', (error) => {
    process.stderr.write(`prodready: internal error: ${process.argv.includes('--debug') ? error.stack : error.message.split('\n')[0]}\n`);
    process.exit(EXIT_INTERNAL_ERROR);
  });
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
