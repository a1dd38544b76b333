import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { firstSentence, ruleDocsHref, rules, type Finding, type RuleId, type Severity, type Span } from '../core';
import { SOURCE, type DiagnosticData } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The extension's folder (`dist/..`): rule pages ship there (`docs/rules`), so links work offline. */
const packageRoot = pathToFileURL(path.join(__dirname, '..') + path.sep).href;

/** Rule links by rule: every diagnostic of every keystroke carries one, and resolving a URL is not free. */
const docsUris = new Map<RuleId, string>();

/** The diagnostic's link: the rule's `meta.docs.url`, resolved against the extension's folder. */
export function ruleDocsUri(ruleId: RuleId): string {
  let uri = docsUris.get(ruleId);
  if (uri === undefined) docsUris.set(ruleId, (uri = ruleDocsHref(rules[ruleId].meta.docs.url, packageRoot)));
  return uri;
}

/** What turns offsets into positions: an open document, or the line index of a file read from disk. */
export interface Positions {
  positionAt(offset: number): { line: number; character: number };
}

export function toRange(document: Positions, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** A core edit as LSP sees it: offsets become positions in `document`. */
export function toTextEdit(document: Positions, edit: { span: Span; newText: string }): { range: Range; newText: string } {
  return { range: toRange(document, edit.span), newText: edit.newText };
}

/**
 * A finding as a diagnostic. Its message is the first sentence (what a Problems row shows); the rest is in the
 * hover and the rule's page. An open document's diagnostics name their finding in the analysis of its version (code
 * actions read the fixes and the waiver there); a file read from disk has no version to tie them to.
 */
export function toDiagnostic(document: Positions, finding: Finding, open?: { version: number; index: number }): Diagnostic {
  const data: DiagnosticData | undefined = open && { version: open.version, ruleId: finding.ruleId, finding: open.index };
  return {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUri(finding.ruleId) },
    message: firstSentence(finding.message),
    ...(data ? { data } : {}),
  };
}
