import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileAnalysis } from '../core/engine/analyzeFile';
import { ruleIds, rules, type Severity } from '../core/rules';
import { ruleDocsHref } from '../core/rules/describe';
import { relativePath, type Notice } from './report';

/**
 * The CLI's package folder (`dist/..`), where docs/rules ships: `helpUri` must be absolute (SARIF 2.1.0 §3.49.12),
 * so relative `meta.docs.url` references resolve against it; the help text keeps the reference as written.
 */
const packageRoot = pathToFileURL(path.join(__dirname, '..') + path.sep).href;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, as code-scanning services read it: one run, every rule described, paths relative to `%SRCROOT%`. */
export function toSarif(analyses: FileAnalysis[], cwd: string, version: string, notices: readonly Notice[] = []): object {
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results = analyses.flatMap((analysis) =>
    analysis.findings.map((finding) => {
      const { start, end } = analysis.lines.rangeOf(finding.span);
      return {
        ruleId: finding.ruleId,
        ruleIndex: index.get(finding.ruleId),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: relativePath(analysis.file, cwd), uriBaseId: '%SRCROOT%' },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'prodready',
            version,
            rules: ruleIds.map((id) => {
              const { meta } = rules[id];
              return {
                id,
                name: meta.name,
                shortDescription: { text: meta.docs.summary },
                fullDescription: { text: meta.docs.why },
                help: { text: `${meta.docs.summary} ${meta.docs.why} See ${meta.docs.url}.` },
                helpUri: ruleDocsHref(meta.docs.url, packageRoot),
                defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
                properties: { category: meta.category },
              };
            }),
          },
        },
        // Files skipped or read in part: the run succeeded, and says where it could not look.
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notices.map((notice) => ({
              level: 'warning',
              message: { text: `${notice.file}: ${notice.message}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: notice.file, uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).toString().replace(/\/?$/, '/')}` } },
        results,
      },
    ],
  };
}
