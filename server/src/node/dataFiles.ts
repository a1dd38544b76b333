import * as path from 'node:path';
import { LineIndex, parseDataFile, type DataFile, type EngineHost } from '../core';

/**
 * The data package a workspace may depend on for prices and lifecycle entries newer than prodready's release:
 * its `data.json` has the shape of the bundled prices.json (plus `lifecycle`). Read as data, never run.
 */
export const DATA_PACKAGE = 'prodready-data';
const DATA_PACKAGE_FILE = path.join('node_modules', DATA_PACKAGE, 'data.json');
const MAX_DATA_BYTES = 4 * 1024 * 1024;

/** Where to look: paths named by the config (`data`) or the editor (`prodready.dataFile`), and the workspace's dependencies. */
export interface DataSources {
  /** Absolute paths named explicitly: a missing one is a problem. */
  named: readonly string[];
  /** Workspace folders whose `node_modules/prodready-data/data.json` is read when present. */
  roots: readonly string[];
}

/** A problem in a data file, where it is (1-based line). */
export interface DataProblem {
  file: string;
  line?: number;
  message: string;
}

/** The data files found, and their problems: a bad entry is dropped, a file that cannot be dated is not used. */
export function loadDataFiles(host: Pick<EngineHost, 'readFile' | 'exists'>, sources: DataSources): { files: DataFile[]; problems: DataProblem[] } {
  const files: DataFile[] = [];
  const problems: DataProblem[] = [];
  const read = (file: string): void => {
    const result = host.readFile(file, MAX_DATA_BYTES);
    if ('error' in result) {
      problems.push({ file, message: `not read, ${result.error}.` });
      return;
    }
    const parsed = parseDataFile(result.text, file);
    const lines = new LineIndex(result.text);
    for (const problem of parsed.problems) problems.push({ file, line: lines.positionAt(problem.span.start).line + 1, message: problem.message });
    if (parsed.data) files.push(parsed.data);
    
  };
  const named = [...new Set(sources.named)];
  for (const file of named) read(file);
  for (const root of sources.roots) {
    const file = path.join(root, DATA_PACKAGE_FILE);
    if (!named.includes(file) && host.exists(file)) read(file);
  }
  return { files, problems };
}
