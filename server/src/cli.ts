import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildInventory, buildReadiness, describeSkip, Engine, languageOf, LineIndex, priceBookFor, ruleIds, type CheckResult, type CostBasis, type CostDelta, type FileAnalysis, type LoadedConfig, type RuleId, type RuleLevel, type Severity, type WorkspaceSnapshot } from './core';
import { applyBaselines, BaselineError } from './cli/baseline';
import { loadDataFiles } from './node/dataFiles';
import { parseArgs, UsageError, USAGE, type CliOptions } from './cli/args';
import { progressLine } from './cli/progress';
import { isSurveyWorker, runSurveyWorker, SurveyStream, workerCount } from './cli/workers';
import { formatCostDelta, formatText, relativePath, toJsonReport, type Notice } from './format/report';
import { atLeast } from './format/severity';
import { collectSourceFiles } from './node/files';
import { NodeHost } from './node/host';
import { rememberListedFiles } from './node/moduleResolution';
import { loadPythonParser } from './node/python';
import { formatChecklist } from './format/checklist';
import { toCycloneDx } from './format/cyclonedx';
import { formatMarkdown } from './format/markdown';
import { toSarif } from './format/sarif';

declare const PRODREADY_VERSION: string | undefined;
const VERSION = typeof PRODREADY_VERSION === 'string' ? PRODREADY_VERSION : 'dev';

/**
 * The config of the run; errors in it stop the run (exit 2), warnings are printed and the run goes on. One folder
 * scanned: its nearest config applies, as it would in the editor; otherwise the working directory's.
 */
function loadConfig(engine: Engine, host: NodeHost, options: CliOptions, cwd: string): { loaded: LoadedConfig; root: string; scanRoot: string } {
  const only = options.stdinFilename !== undefined ? path.resolve(cwd, options.stdinFilename) : options.paths.length === 1 ? path.resolve(cwd, options.paths[0]) : cwd;
  const from = options.stdinFilename !== undefined || host.stat(only)?.isFile ? path.dirname(only) : only;
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

/** The Python parser (WebAssembly, ~34 MB of memory once loaded) is loaded when a Python file is to be checked. */
async function loadPythonFor(files: readonly string[]): Promise<void> {
  if (!files.some((file) => languageOf(file) === 'python')) return;
  const problem = await loadPythonParser();
  if (problem) process.stderr.write(`prodready: Python files are skipped: ${problem}\n`);
}

async function check(argv: string[], cwd: string): Promise<number> {
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
    const data = loadDataFiles(host, { named: loaded.config.data && loaded.file ? [path.resolve(path.dirname(loaded.file), loaded.config.data.path)] : [], folders: [root] });
    for (const problem of data.problems) process.stderr.write(`prodready: warning: ${relativePath(problem.file, cwd)}${problem.line ? `:${problem.line}` : ''}: ${problem.message}\n`);
    engine.setDataFiles(data.files);
    const basis: CostBasis = { prices: priceBookFor(loaded.config, engine.referenceData), requestsPerMonth: loaded.config.governance.budget?.requestsPerMonth };
    const ruleLevels = onlyRules(options.rules);
    let checked: CheckResult;
    if (options.stdinFilename !== undefined) {
      await loadPythonFor([options.stdinFilename]);
      checked = checkStdin(engine, options.stdinFilename, cwd, scanRoot, loaded, ruleLevels);
    } else {
      checked = await checkPaths(engine, options, cwd, root, scanRoot, loaded, ruleLevels);
    }
    for (const failure of checked.failures) {
      process.stderr.write(`prodready: rule ${failure.ruleId} failed on ${relativePath(failure.file, cwd)} and was skipped there; other rules ran. ${failure.error.split('\n')[0]}\n`);
    }
    if (options.fix) {
      const { problems, files: fixedFiles } = checked.fixed;
      process.stderr.write(`prodready: fixed ${problems} problem${problems === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}.\n`);
    }
    const notices: Notice[] = checked.notices.map((notice) => ({ file: relativePath(notice.file, cwd), message: notice.message }));
    for (const notice of notices) process.stderr.write(`prodready: ${notice.file}: ${notice.message}\n`);
    const resolve = (file: string | undefined) => (file === undefined ? undefined : path.resolve(cwd, file));
    const judged = applyBaselines(checked.analyses, { baseline: resolve(options.baseline), writeBaseline: resolve(options.writeBaseline) }, basis, (count, file) =>
      process.stderr.write(`prodready: recorded ${count} finding${count === 1 ? '' : 's'} in ${relativePath(file, cwd)}; runs with --baseline ${relativePath(file, cwd)} report only new ones.\n`),
    );
    let { analyses } = judged;
    const warnings = analyses.reduce((count, analysis) => count + analysis.findings.filter((finding) => finding.severity === 'warning').length, 0);
    const failOn = options.failOn;
    const failing = failOn !== 'off' && analyses.some((a) => a.findings.some((f) => atLeast(f.severity, failOn as Severity)));
    if (options.quiet) analyses = analyses.map((analysis) => ({ ...analysis, findings: analysis.findings.filter((finding) => finding.severity === 'error') }));
    const scanned = options.paths.map((given) => path.resolve(cwd, given));
    // The readiness report and the inventory describe the code as it is: a baselined key is still a key.
    const snapshot = () =>
      engine.snapshot({ root: cwd, files: engine.listFiles(cwd, scanned), analyses: checked.analyses, config: loaded, ownership: engine.ownershipFor(scanRoot, loaded) });
    const baselined = options.baseline !== undefined || options.writeBaseline !== undefined;
    process.stdout.write(`${render(options, { analyses, notices, cwd, snapshot, loaded, baselined, basis, costDelta: judged.costDelta })}\n`);
    const overBudget = options.maxWarnings !== undefined && warnings > options.maxWarnings;
    if (overBudget) process.stderr.write(`prodready: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return failing || overBudget ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`prodready: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`prodready: configuration error, nothing was checked:\n${error.message}\n`);
      return 2;
    }
    if (error instanceof BaselineError) {
      process.stderr.write(`prodready: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** `--rule` as levels: every other rule off; the named ones keep the level the config gives them. */
function onlyRules(selected: readonly RuleId[]): Partial<Record<RuleId, RuleLevel>> | undefined {
  if (selected.length === 0) return undefined;
  return Object.fromEntries(ruleIds.filter((id) => !selected.includes(id)).map((id) => [id, 'off']));
}

async function checkPaths(engine: Engine, options: CliOptions, cwd: string, root: string, scanRoot: string, loaded: LoadedConfig, ruleLevels: Partial<Record<RuleId, RuleLevel>> | undefined): Promise<CheckResult> {
  const { files, missing, unreadable } = collectSourceFiles(options.paths, { exclude: loaded.config.exclude, root, gitignore: options.gitignore });
  if (missing.length > 0) throw new UsageError(`No such file or folder: ${missing.join(', ')}`);
  rememberListedFiles(files);
  await loadPythonFor(files);
  const today = new Date().toISOString().slice(0, 10);
  // --fix writes files as it goes: the files are read again where they are fixed, on one thread.
  const workers = options.fix ? 0 : workerCount(files.length, options.jobs);
  const surveys = workers > 0 ? new SurveyStream(__filename, files, { root: scanRoot, configFile: loaded.file, ruleLevels, today }, workers) : undefined;
  const progress = progressLine(process.stderr, cwd);
  let checked: CheckResult;
  try {
    checked = await engine.checkFilesSettled({ files, root: scanRoot, config: loaded, fix: options.fix, ruleLevels, today, surveys, onFile: progress.onFile });
  } finally {
    surveys?.close();
  }
  progress.done();
  if (surveys && options.debug) process.stderr.write(`prodready: debug: ${surveys.count} of ${files.length} files read on ${workers} worker thread${workers === 1 ? '' : 's'}.\n`);
  return { ...checked, notices: [...unreadable.map((entry) => ({ file: entry.path, message: `skipped, ${entry.reason}.` })), ...checked.notices] };
}

/** The text on standard input, analysed as the file `--stdin-filename` names (its language, config, overrides). */
function checkStdin(engine: Engine, name: string, cwd: string, scanRoot: string, loaded: LoadedConfig, ruleLevels: Partial<Record<RuleId, RuleLevel>> | undefined): CheckResult {
  const file = path.resolve(cwd, name);
  const text = fs.readFileSync(0, 'utf8');
  const result = engine.analyzeFile({ file, text, root: scanRoot, config: loaded, ruleLevels });
  const empty: CheckResult = { analyses: [], notices: [], failures: [], fixed: { problems: 0, files: 0 } };
  if (result.status === 'excluded') return { ...empty, notices: [{ file, message: 'not checked, the configuration excludes it.' }] };
  if (result.status === 'skipped') return { ...empty, notices: [{ file, message: describeSkip(result.reason) }] };
  const { analysis } = result;
  return { ...empty, analyses: [analysis], failures: analysis.failures, notices: analysis.notice ? [{ file, message: analysis.notice }] : [] };
}

/** Each rule's docs page, shipped beside the CLI (`dist/../docs/rules`). */
function docsPage(id: RuleId): string | undefined {
  try {
    return fs.readFileSync(path.join(__dirname, '..', 'docs', 'rules', `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

/** What a run renders: its findings, the workspace views, and the cost of the change since the baseline. */
interface Rendered {
  analyses: FileAnalysis[];
  notices: readonly Notice[];
  cwd: string;
  snapshot: () => WorkspaceSnapshot;
  loaded: LoadedConfig;
  baselined: boolean;
  basis: CostBasis;
  costDelta?: CostDelta;
}

function render(options: CliOptions, { analyses, notices, cwd, snapshot, loaded, baselined, basis, costDelta }: Rendered): string {
  const title = path.basename(path.resolve(cwd, options.paths.length === 1 ? options.paths[0] : '.'));
  switch (options.format) {
    case 'json':
      return JSON.stringify(toJsonReport(analyses, cwd, { notices, basis, costDelta }), null, 2);
    case 'sarif':
      return JSON.stringify(toSarif(analyses, cwd, { version: VERSION, notices, docsPage, baselined }), null, 2);
    case 'markdown': {
      const workspace = snapshot();
      const header = { title, date: new Date().toISOString().slice(0, 10), version: VERSION };
      return formatMarkdown(buildReadiness(workspace), buildInventory(workspace), header, costDelta);
    }
    case 'cyclonedx':
      return JSON.stringify(toCycloneDx(buildInventory(snapshot()), loaded.config.models, { project: title, version: VERSION, timestamp: new Date().toISOString() }), null, 2);
    case 'text': {
      const text = costDelta ? `${formatText(analyses, cwd)}\n\n${formatCostDelta(costDelta)}` : formatText(analyses, cwd);
      return options.checklist ? `${text}\n\n${formatChecklist(buildReadiness(snapshot()))}` : text;
    }
  }
}

if (isSurveyWorker()) {
  runSurveyWorker();
} else if (require.main === module) {
  // Whatever escapes `main` (an error thrown from a stream callback) is still an internal error: one line, exit 3.
  process.on('uncaughtException', (error) => {
    process.stderr.write(`prodready: internal error: ${process.argv.includes('--debug') ? error.stack : error.message.split('\n')[0]}\n`);
    process.exit(EXIT_INTERNAL_ERROR);
  });
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
