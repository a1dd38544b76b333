import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileAnalysis } from '../core/engine/analyzeFile';
import { ruleIds, rules, type RuleId, type Severity } from '../core/rules';
import { ruleDocsHref } from '../core/rules/describe';
import { fingerprints, FINGERPRINT_KEY } from './fingerprint';
import { relativePath, type Notice } from './report';

/**
 * The CLI's package folder (`dist/..`), where docs/rules ships: `helpUri` must be absolute (SARIF 2.1.0 §3.49.12),
 * so relative `meta.docs.url` references resolve against it.
 */
const packageRoot = pathToFileURL(path.join(__dirname, '..') + path.sep).href;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const CATEGORY_TAG = { P: 'governance', R: 'reliability', O: 'observability', D: 'deployment', U: 'governance' } as const;

/**
 * The security rules as GitHub code scanning ranks them: `security-severity` (a CVSS-like score: 9.0 and above
 * critical, 7.0 high, 4.0 medium) and the weakness each one is an instance of.
 */
const SECURITY: Partial<Record<RuleId, { severity: string; cwe: number }>> = {
  AIR005: { severity: '6.5', cwe: 359 }, // Exposure of Private Personal Information to an Unauthorized Actor
  AIR007: { severity: '8.0', cwe: 798 }, // Use of Hard-coded Credentials
  AIR009: { severity: '7.5', cwe: 1427 }, // Improper Neutralization of Input Used for LLM Prompting
  AIR010: { severity: '5.5', cwe: 1426 }, // Improper Validation of Generative AI Output
  AIR014: { severity: '8.0', cwe: 74 }, // Improper Neutralization of Special Elements in Output Used by a Downstream Component ('Injection')
};

/** The notification a skipped or partly read file is reported with. */
const SKIPPED_FILE = 'skipped-file';

export interface SarifOptions {
  version: string;
  notices?: readonly Notice[];
  /** A rule's docs page (Markdown), when it can be read. */
  docsPage?: (id: RuleId) => string | undefined;
  /** The results are what is left after a baseline: each is marked new. */
  baselined?: boolean;
}

/** SARIF 2.1.0 as code scanning reads it: one run, every rule described, paths relative to `%SRCROOT%`. */
export function toSarif(analyses: FileAnalysis[], cwd: string, options: SarifOptions): object {
  const { version, notices = [], docsPage = () => undefined, baselined = false } = options;
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results = analyses.flatMap((analysis) => {
    const uri = relativePath(analysis.file, cwd);
    const prints = fingerprints(analysis, uri);
    return analysis.findings.map((finding, i) => {
      const { start, end } = analysis.lines.rangeOf(finding.span);
      return {
        ruleId: finding.ruleId,
        ruleIndex: index.get(finding.ruleId),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
        ...(baselined ? { baselineState: 'new' } : {}),
      };
    });
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'prodready',
            version,
            ...(/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version) ? { semanticVersion: version } : {}),
            rules: ruleIds.map((id) => ruleDescriptor(id, docsPage(id))),
            notifications: [{ id: SKIPPED_FILE, shortDescription: { text: 'A file was skipped or read only in part; every other file was checked.' } }],
          },
        },
        // Files skipped or read in part: the run succeeded, and says where it could not look.
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notices.map((notice) => ({
              level: 'warning',
              descriptor: { id: SKIPPED_FILE, index: 0 },
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

function ruleDescriptor(id: RuleId, page: string | undefined): object {
  const { meta } = rules[id];
  const security = SECURITY[id];
  const tags = security ? ['security', `external/cwe/cwe-${security.cwe}`, 'ai'] : [CATEGORY_TAG[meta.category], 'ai'];
  const fallback = `${meta.docs.summary}\n\n${meta.docs.why}`;
  return {
    id,
    name: meta.name,
    shortDescription: { text: meta.docs.summary },
    fullDescription: { text: meta.docs.why },
    help: { text: page ? plainText(page) : fallback, markdown: page ?? fallback },
    helpUri: ruleDocsHref(meta.docs.url, packageRoot),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { category: meta.category, tags, ...(security ? { 'security-severity': security.severity } : {}) },
  };
}

/** A docs page read as text: headings, emphasis, code fences and inline code marks taken out. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^```\w*\n?/gm, '')
    .replace(/^#+\s*/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}
