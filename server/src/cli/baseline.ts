import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileAnalysis } from '../core';
import { fingerprints, FINGERPRINT_KEY } from '../format/fingerprint';
import { relativePath } from '../format/report';

// A baseline records the findings a repository already has, by fingerprint, so that CI fails only on new ones
// (as ESLint's suppressions file and Semgrep's baseline do). Paths in it are relative to its own folder, so it
// means the same from any working directory. Fingerprints leave lines out: code that moves stays recorded.

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  /** For the reader of the file (and of its diffs); not part of the identity. */
  message: string;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  fingerprint: typeof FINGERPRINT_KEY;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

/** Every finding of these analyses as baseline entries, sorted so that the file diffs well. */
export function baselineEntries(analyses: readonly FileAnalysis[], baselineFile: string): BaselineEntry[] {
  const dir = path.dirname(path.resolve(baselineFile));
  const entries = analyses.flatMap((analysis) => {
    const file = relativePath(analysis.file, dir);
    const prints = fingerprints(analysis, file);
    return analysis.findings.map((finding, i) => ({ file, ruleId: finding.ruleId, fingerprint: prints[i], message: finding.message }));
  });
  return entries.sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
}

/** Writes the baseline: what it records is exactly this run's findings, so fixed ones drop out. */
export function writeBaseline(file: string, analyses: readonly FileAnalysis[]): number {
  const content: BaselineFile = { version: BASELINE_VERSION, fingerprint: FINGERPRINT_KEY, findings: baselineEntries(analyses, file) };
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  } catch (error) {
    throw new BaselineError(`cannot write the baseline ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return content.findings.length;
}

/** The recorded identities (`file`, `fingerprint`) of a baseline file; a file that is not one is an error. */
export function readBaseline(file: string): Set<string> {
  let content: unknown;
  try {
    content = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist (write one with --write-baseline)' : error instanceof Error ? error.message : String(error);
    throw new BaselineError(`cannot read the baseline ${file}: ${reason}.`);
  }
  const baseline = content as Partial<BaselineFile> | null;
  if (typeof baseline !== 'object' || baseline === null || baseline.version !== BASELINE_VERSION || !Array.isArray(baseline.findings)) {
    throw new BaselineError(`${file} is not a prodready baseline (version ${BASELINE_VERSION}); write it again with --write-baseline.`);
  }
  if (baseline.fingerprint !== FINGERPRINT_KEY) {
    throw new BaselineError(`${file} records fingerprints of another kind (${String(baseline.fingerprint)}); write it again with --write-baseline.`);
  }
  return new Set(baseline.findings.filter((entry) => typeof entry?.file === 'string' && typeof entry.fingerprint === 'string').map((entry) => key(entry.file, entry.fingerprint)));
}

/** The analyses with the findings a baseline records taken out. */
export function withoutBaselined(analyses: readonly FileAnalysis[], recorded: ReadonlySet<string>, baselineFile: string): FileAnalysis[] {
  const dir = path.dirname(path.resolve(baselineFile));
  return analyses.map((analysis) => {
    const file = relativePath(analysis.file, dir);
    const prints = fingerprints(analysis, file);
    return { ...analysis, findings: analysis.findings.filter((_, i) => !recorded.has(key(file, prints[i]))) };
  });
}

/**
 * `--baseline OLD` and `--write-baseline NEW` on one run: OLD is read before NEW is written (they may be one file),
 * NEW records every finding, and what is left to report is what OLD (else NEW) does not record.
 */
export function applyBaselines(analyses: FileAnalysis[], files: { baseline?: string; writeBaseline?: string }, report: (written: number, file: string) => void): FileAnalysis[] {
  const recorded = files.baseline === undefined ? undefined : readBaseline(files.baseline);
  if (files.writeBaseline !== undefined) report(writeBaseline(files.writeBaseline, analyses), files.writeBaseline);
  const judgedBy = files.baseline ?? files.writeBaseline;
  if (judgedBy === undefined) return analyses;
  return withoutBaselined(analyses, recorded ?? readBaseline(judgedBy), judgedBy);
}

function key(file: string, fingerprint: string): string {
  return `${file}\u0000${fingerprint}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
