import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../core/rules';
import { indentAt } from '../core/model';
import type { Span } from '../core/model';
import { SOURCE, type DiagnosticData } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rule pages ship with the extension (`docs/rules`, beside `dist/`), so links work offline. */
const docsRoot = path.join(__dirname, '..', 'docs', 'rules');

export function ruleDocsUri(ruleId: string): string {
  return pathToFileURL(path.join(docsRoot, `${ruleId}.md`)).toString();
}

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const subject = document.positionAt(finding.subjectSpan.start);
  const text = document.getText();
  const data: DiagnosticData = {
    version: document.version,
    ruleId: finding.ruleId,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      isPreferred: fix.isPreferred,
      edits: fix.edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText })),
    })),
    suppress: { line: subject.line, indent: indentAt(text, finding.subjectSpan.start) },
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
