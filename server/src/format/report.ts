import * as path from 'node:path';
import { describeCostDelta, siteCost, type CostBasis, type CostDelta, type SiteCost } from '../core';
import type { FileAnalysis } from '../core/engine/analyzeFile';
import type { Severity } from '../core/rules';

/** The JSON contract (version 1): paths relative to `cwd`, lines and columns 1-based. */
export interface JsonReport {
  version: 1;
  callSites: {
    file: string;
    line: number;
    column: number;
    sdk: string;
    /** The API called (`chat.completions.create`), or the wrapper's name for sdk `wrapper`. */
    api: string;
    operation: string;
    model: string | null;
    /** How it was recognised: the import, the construction site, the wrapper. */
    recognizedBy: string;
    /** For sdk `wrapper`: the file of the AI call it makes. */
    wraps?: { file: string; sdk: string; api: string };
    /** For a generating call: its worst case per request (and per month with declared traffic), or why it is unknown. */
    cost?: JsonCost;
  }[];
  /** With `--baseline`: the worst-case cost of the change since the baseline. */
  costDelta?: CostDelta;
  /** Files skipped or read in part, one line each (present only when there are any); every other file was analysed as usual. */
  notices?: Notice[];
  findings: {
    ruleId: string;
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    message: string;
  }[];
}

export type JsonCost =
  | {
      usdPerRequest: number;
      usdPerMonth?: number;
      model: string;
      inputTokens: number;
      inputEstimated: true;
      outputTokens: number;
      prices: { inputUsdPerMillion: number; outputUsdPerMillion: number; source: string; asOf?: string };
    }
  | { unknown: string };

function jsonCost(cost: SiteCost): JsonCost {
  if (!cost.known) return { unknown: cost.reason };
  const { usdPerRequest, usdPerMonth, model, inputTokens, inputEstimated, outputTokens, price } = cost;
  return {
    usdPerRequest,
    ...(usdPerMonth !== undefined && { usdPerMonth }),
    model,
    inputTokens,
    inputEstimated,
    outputTokens,
    prices: { inputUsdPerMillion: price.input, outputUsdPerMillion: price.output, source: price.table.source, ...(price.table.asOf && { asOf: price.table.asOf }) },
  };
}

/** A file that could not be read or analysed (in full): what the run tells the reader instead of stopping. */
export interface Notice {
  file: string;
  message: string;
}

export function toJsonReport(analyses: FileAnalysis[], cwd: string, extra: { notices?: readonly Notice[]; basis?: CostBasis; costDelta?: CostDelta } = {}): JsonReport {
  const { notices = [], basis, costDelta } = extra;
  const report: JsonReport = { version: 1, callSites: [], findings: [], ...(notices.length > 0 ? { notices: notices.map((notice) => ({ ...notice })) } : {}), ...(costDelta && { costDelta }) };
  for (const analysis of analyses) {
    const file = relativePath(analysis.file, cwd);
    for (const site of analysis.facts.callSites) {
      const start = analysis.lines.positionAt(site.span.start);
      const cost = basis && site.sdk !== 'wrapper' ? siteCost(site, basis.prices, basis.requestsPerMonth) : undefined;
      report.callSites.push({
        file,
        line: start.line + 1,
        column: start.character + 1,
        sdk: site.sdk,
        api: site.api,
        operation: site.operation,
        model: site.model?.value ?? null,
        recognizedBy: site.recognizedBy,
        ...(site.wraps ? { wraps: { file: relativePath(site.wraps.file, cwd), sdk: site.wraps.sdk, api: site.wraps.api } } : {}),
        ...(cost && { cost: jsonCost(cost) }),
      });
    }
    for (const finding of analysis.findings) {
      const { start, end } = analysis.lines.rangeOf(finding.span);
      report.findings.push({
        ruleId: finding.ruleId,
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: finding.severity,
        message: finding.message,
      });
    }
  }
  return report;
}

export function relativePath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}

export function formatText(analyses: FileAnalysis[], cwd: string): string {
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let sites = 0;
  for (const analysis of analyses) {
    sites += analysis.facts.callSites.length;
    if (analysis.findings.length === 0) continue;
    out.push(relativePath(analysis.file, cwd));
    for (const finding of analysis.findings) {
      counts[finding.severity]++;
      const start = analysis.lines.positionAt(finding.span.start);
      const where = `${start.line + 1}:${start.character + 1}`.padEnd(8);
      out.push(`  ${where} ${finding.severity.padEnd(7)}  ${finding.message}  ${finding.ruleId}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const scanned = `${plural(analyses.length, 'file')}, ${plural(sites, 'AI call site')}`;
  const other = counts.info + counts.hint > 0 ? `, ${counts.info + counts.hint} info` : '';
  const summary = total === 0
    ? `No problems (${scanned}).`
    : `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}${other}) in ${scanned}.`;
  out.push(summary);
  return out.join('\n');
}

/** The cost of the change since the baseline: the total, then one line per call site. */
export function formatCostDelta(delta: CostDelta): string {
  return [describeCostDelta(delta), ...delta.changes.map((change) => `  ${change.text}`)].join('\n');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
