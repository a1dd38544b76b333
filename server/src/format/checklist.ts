import type { ItemStatus, ReadinessReport } from '../core/readiness';

const MARK: Record<ItemStatus, string> = { pass: '✓', fail: '✗', unknown: '?' };

/** The checklist for the terminal, after the findings. */
export function formatChecklist(report: ReadinessReport): string {
  const out = [`Readiness ${report.score}%: ${report.passed} pass, ${report.failed} fail, ${report.unknown} unknown.`];
  for (const category of report.categories) {
    out.push(`  ${category.id} ${category.title}`);
    for (const item of category.items) out.push(`    ${MARK[item.status]} ${item.title}: ${item.summary}`);
  }
  return out.join('\n');
}
