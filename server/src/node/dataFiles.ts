import * as path from 'node:path';
import { dependenciesOf, LineIndex, parseDataFile, readDataPackage, type ConfigProblem, type DataFile, type EngineHost } from '../core';

const MAX_DATA_BYTES = 4 * 1024 * 1024;

/**
 * What package managers rewrite in a node_modules folder on every install (npm's hidden lockfile, pnpm's and
 * Yarn's state files): a dependency installed or updated changes one of them.
 */
const INSTALL_STATE_FILES = ['.package-lock.json', '.modules.yaml', '.yarn-integrity', '.yarn-state.yml'];

/** Where to look: paths named by the config (`data`) or the editor (`prodready.dataFile`), and the workspace's dependencies. */
export interface DataSources {
  /** Absolute paths named explicitly: a missing one is a problem. */
  named: readonly string[];
  /** Workspace folders: the data packages their package.json depends on are read. */
  folders: readonly string[];
}

/** A problem in a data file or a package.json, where it is (1-based line). */
export interface DataProblem {
  file: string;
  line?: number;
  message: string;
}

export interface LoadedData {
  files: DataFile[];
  problems: DataProblem[];
  /**
   * Every file whose creation, change or deletion can change what is loaded: the files read, the named files that
   * do not exist yet, the folders' package.json, and the install state of their node_modules.
   */
  inputs: string[];
}

/**
 * The data files found, and their problems: a bad entry is dropped, a file that cannot be dated is not used. Data
 * packages are the dependencies (in a folder's package.json, installed in the nearest node_modules as Node
 * resolves them) whose package.json has `"prodready": { "data": "<path in the package>" }`.
 */
export function loadDataFiles(host: Pick<EngineHost, 'readFile' | 'exists'>, sources: DataSources): LoadedData {
  const files: DataFile[] = [];
  const problems: DataProblem[] = [];
  const inputs = new Set<string>();
  const report = (file: string, text: string, found: readonly ConfigProblem[]) => {
    const lines = new LineIndex(text);
    for (const problem of found) problems.push({ file, line: lines.positionAt(problem.span.start).line + 1, message: problem.message });
  };
  const readText = (file: string): string | undefined => {
    const result = host.readFile(file, MAX_DATA_BYTES);
    if (!('error' in result)) return result.text;
    problems.push({ file, message: `not read, ${result.error}.` });
    return undefined;
  };
  const readData = (file: string, origin?: string) => {
    inputs.add(file);
    const text = readText(file);
    if (text === undefined) return;
    const parsed = parseDataFile(text, file, origin);
    report(file, text, parsed.problems);
    if (parsed.data) files.push(parsed.data);
  };

  const named = [...new Set(sources.named)];
  for (const file of named) readData(file);
  const seen = new Set(named);
  for (const folder of sources.folders) {
    for (const found of dataPackagesOf(host, folder, { inputs, problems, readText, report })) {
      if (seen.has(found.file)) continue;
      seen.add(found.file);
      readData(found.file, found.label);
    }
  }
  return { files, problems, inputs: [...inputs] };
}

interface Reading {
  inputs: Set<string>;
  problems: DataProblem[];
  readText(file: string): string | undefined;
  report(file: string, text: string, found: readonly ConfigProblem[]): void;
}

/**
 * The data files of the data packages `folder` depends on, each with its package as hovers name it. The inputs are
 * the folder's package.json, the data packages' package.json, and the install state of the node_modules folders
 * the dependencies resolve in (a package installed, updated or removed changes it).
 */
function dataPackagesOf(host: Pick<EngineHost, 'exists'>, folder: string, reading: Reading): { file: string; label: string }[] {
  const manifest = path.join(folder, 'package.json');
  reading.inputs.add(manifest);
  const installs = new Set([path.join(folder, 'node_modules')]);
  const found: { file: string; label: string }[] = [];
  const text = host.exists(manifest) ? reading.readText(manifest) : undefined;
  const dependencies = text === undefined ? { names: [], problems: [] } : dependenciesOf(text, 'package.json');
  if (text !== undefined) reading.report(manifest, text, dependencies.problems);
  for (const name of dependencies.names) {
    const installed = installedAt(host, folder, name);
    if (!installed) continue;
    installs.add(installed.modules);
    const packageFile = path.join(installed.dir, 'package.json');
    const packageText = reading.readText(packageFile);
    if (packageText === undefined) continue;
    const data = readDataPackage(packageText, name);
    reading.report(packageFile, packageText, data.problems);
    if (!data.data) continue;
    reading.inputs.add(packageFile);
    const file = path.resolve(installed.dir, data.data.path);
    const inside = path.relative(installed.dir, file);
    if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
      reading.problems.push({ file: packageFile, line: data.data.line, message: `"prodready.data" must name a file inside ${name}; "${data.data.path}" is outside it and is not read.` });
      continue;
    }
    found.push({ file, label: data.label });
  }
  for (const modules of installs) for (const state of INSTALL_STATE_FILES) reading.inputs.add(path.join(modules, state));
  return found;
}

/** Where package `name` is installed as Node resolves it from `folder`: in the nearest node_modules above that has it. */
function installedAt(host: Pick<EngineHost, 'exists'>, folder: string, name: string): { dir: string; modules: string } | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const modules = path.join(dir, 'node_modules');
    if (host.exists(path.join(modules, name, 'package.json'))) return { dir: path.join(modules, name), modules };
    if (path.dirname(dir) === dir) return undefined;
  }
}
