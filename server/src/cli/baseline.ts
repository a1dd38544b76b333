import * as fs from 'node:fs';
import * as path from 'node:path';
import { costDelta, siteCost, type CostBasis, type CostDelta, type CostRecord, type FileAnalysis } from '../core';
import { fingerprints, FINGERPRINT_KEY, siteFingerprints } from '../format/fingerprint';
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
  /** Each generating call site's model, output bound and worst case, for the cost of the next change (absent in older baselines). */
  callSites?: CostRecord[];
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

/** Every generating call site's worst case, by fingerprint, sorted so that the file diffs well. */
export function costRecords(analyses: readonly FileAnalysis[], baselineFile: string, basis: CostBasis): CostRecord[] {
  const dir = path.dirname(path.resolve(baselineFile));
  const records = analyses.flatMap((analysis) => {
    const file = relativePath(analysis.file, dir);
    const costs = analysis.facts.callSites.flatMap((site) => {
      const cost = site.sdk === 'wrapper' ? undefined : siteCost(site, basis.prices);
      return cost ? [{ site, cost }] : [];
    });
    const prints = siteFingerprints(analysis, file, costs.map(({ site }) => site));
    return costs.map(({ site, cost }, i): CostRecord => ({
      file,
      fingerprint: prints[i],
      line: analysis.lines.positionAt(site.span.start).line + 1,
      ...(cost.model !== undefined && { model: cost.model }),
      ...(cost.outputTokens !== undefined && { outputTokens: cost.outputTokens, outputOption: cost.outputOption }),
      ...(cost.known && { usdPerRequest: cost.usdPerRequest }),
    }));
  });
  return records.sort((a, b) => compare(a.file, b.file) || a.line - b.line);
}

/** Writes the baseline: what it records is exactly this run's findings, so fixed ones drop out. */
export function writeBaseline(file: string, analyses: readonly FileAnalysis[], basis: CostBasis): number {
  const content: BaselineFile = { version: BASELINE_VERSION, fingerprint: FINGERPRINT_KEY, findings: baselineEntries(analyses, file), callSites: costRecords(analyses, file, basis) };
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  } catch (error) {
    throw new BaselineError(`cannot write the baseline ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return content.findings.length;
}

/** What a baseline file records: finding identities (`file`, `fingerprint`) and, in newer ones, call-site costs. */
export interface Baseline {
  findings: Set<string>;
  callSites?: CostRecord[];
}

/** Reads a baseline file; a file that is not one is an error. */
export function readBaseline(file: string): Baseline {
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
  const findings = new Set(baseline.findings.filter((entry) => typeof entry?.file === 'string' && typeof entry.fingerprint === 'string').map((entry) => key(entry.file, entry.fingerprint)));
  return Array.isArray(baseline.callSites) ? { findings, callSites: baseline.callSites.filter(isCostRecord) } : { findings };
}

function isCostRecord(entry: unknown): entry is CostRecord {
  const record = entry as Partial<CostRecord> | null;
  const optional = (value: unknown, type: string) => value === undefined || typeof value === type;
  return (
    typeof record === 'object' && record !== null && typeof record.file === 'string' && typeof record.fingerprint === 'string' && typeof record.line === 'number' &&
    optional(record.model, 'string') && optional(record.outputTokens, 'number') && optional(record.outputOption, 'string') && optional(record.usdPerRequest, 'number')
  );
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
 * NEW records every finding, and what is left to report is what OLD (else NEW) does not record. With `--baseline`,
 * the worst-case cost of the change since OLD comes back too.
 */
export function applyBaselines(
  analyses: FileAnalysis[],
  files: { baseline?: string; writeBaseline?: string },
  basis: CostBasis,
  report: (written: number, file: string) => void,
): { analyses: FileAnalysis[]; costDelta?: CostDelta } {
  const recorded = files.baseline === undefined ? undefined : readBaseline(files.baseline);
  if (files.writeBaseline !== undefined) report(writeBaseline(files.writeBaseline, analyses, basis), files.writeBaseline);
  const judgedBy = files.baseline ?? files.writeBaseline;
  if (judgedBy === undefined) return { analyses };
  const remaining = withoutBaselined(analyses, (recorded ?? readBaseline(judgedBy)).findings, judgedBy);
  if (!recorded || files.baseline === undefined) return { analyses: remaining };
  const delta = recorded.callSites
    ? costDelta(recorded.callSites, costRecords(analyses, files.baseline, basis), basis.requestsPerMonth)
    : { changes: [], totalUsdPerRequest: 0, unknown: 0, note: 'The baseline records no call-site costs (written by an older prodready); write it again with --write-baseline.' };
  return { analyses: remaining, costDelta: delta };
}

function key(file: string, fingerprint: string): string {
  return `${file}\u0000${fingerprint}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
