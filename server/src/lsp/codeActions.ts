import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { preferredFixes, type FileAnalysis } from '../core';
import { FIX_ALL_KIND, SOURCE, type DiagnosticData } from '../protocol';
import { toTextEdit } from './convert';
import type { Diagnostics } from './diagnostics';
import type { Session } from './session';

/**
 * Code actions: each diagnostic's quick fixes and its waiver, both built by the core and carried in
 * `Diagnostic.data`; and fix-all, every preferred fix of the current analysis that does not overlap another.
 */
export function registerCodeActions(session: Session, diagnostics: Diagnostics): void {
  session.connection.onCodeAction(
    session.guard.request('code actions', [], (params: CodeActionParams) => {
      const document = session.documents.get(params.textDocument.uri);
      if (!document) return [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) actions.push(...quickFixes(document, params.context.diagnostics));
      if (wants(FIX_ALL_KIND)) actions.push(...fixAllActions(document, diagnostics.current(document)));
      return actions;
    }),
  );
}

/** Only diagnostics this server published for the document's current version carry usable edits. */
function quickFixes(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (diagnostic.source !== SOURCE || !data || data.version !== document.version) continue;
    for (const fix of data.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred,
        edit: { changes: { [document.uri]: fix.edits } },
      });
    }
    if (data.suppress) {
      actions.push({ title: data.suppress.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: data.suppress.edits } } });
    }
  }
  return actions;
}

function fixAllActions(document: TextDocument, analysis: FileAnalysis | undefined): CodeAction[] {
  if (!analysis) return [];
  const chosen = preferredFixes(analysis.findings);
  if (chosen.length === 0) return [];
  const edits = chosen.flatMap((fix) => fix.edits).map((edit) => toTextEdit(document, edit));
  return [{ title: 'Fix all auto-fixable prodready problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } }];
}
