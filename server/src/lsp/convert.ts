import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsHref, rules, type Finding, type Fix, type RuleId, type Severity, type Span } from '../core';
import { SOURCE, type DiagnosticData } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The extension's folder (`dist/..`): rule pages ship there (`docs/rules`), so links work offline. */
const packageRoot = pathToFileURL(path.join(__dirname, '..') + path.sep).href;

/** The diagnostic's link: the rule's `meta.docs.url`, resolved against the extension's folder. */
export function ruleDocsUri(ruleId: RuleId): string {
  return ruleDocsHref(rules[ruleId].meta.docs.url, packageRoot);
}

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** A core edit as LSP sees it: offsets become positions in `document`. */
export function toTextEdit(document: TextDocument, edit: { span: Span; newText: string }): { range: Range; newText: string } {
  return { range: toRange(document, edit.span), newText: edit.newText };
}

/** `suppression` is the core's waiver of this finding (`suppressionFixes`); it travels with the diagnostic. */
export function toDiagnostic(document: TextDocument, finding: Finding, suppression: Fix): Diagnostic {
  const data: DiagnosticData = {
    version: document.version,
    ruleId: finding.ruleId,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      isPreferred: fix.isPreferred,
      edits: fix.edits.map((edit) => toTextEdit(document, edit)),
    })),
    suppress: { title: suppression.title, edits: suppression.edits.map((edit) => toTextEdit(document, edit)) },
  };
  return {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUri(finding.ruleId) },
    message: finding.message,
    data,
  };
}
