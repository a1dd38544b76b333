import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES, LineIndex, preferredFixes, suppressionFixes, WAIVER_REASON_PLACEHOLDER, withRuleLevel, type FileAnalysis, type Finding, type Fix, type RuleId } from '../core';
import { ClientCommands, FIX_ALL_KIND, SOURCE, type DiagnosticData } from '../protocol';
import { toRange, toTextEdit } from './convert';
import type { Diagnostics } from './diagnostics';
import { filePathOf } from './guard';
import type { Session } from './session';

/**
 * Code actions. Quick fixes in the order a user wants them: every fix first (the preferred, safe one at the top),
 * then for each rule once: ignore it for this line (the reason selected to type over), turn it off in
 * .prodready.json, show its documentation. Fixes and waivers are built by the core; a diagnostic's `data` names its
 * finding in the analysis of the document's version. Fix-all applies every preferred fix of the current analysis
 * that does not overlap another.
 */
export function registerCodeActions(session: Session, diagnostics: Diagnostics): void {
  session.connection.onCodeAction(
    session.guard.request('code actions', [], (params: CodeActionParams) => {
      const document = session.documents.get(params.textDocument.uri);
      if (!document) return [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
      const actions: CodeAction[] = [];
      const analysis = diagnostics.current(document);
      if (wants(CodeActionKind.QuickFix)) actions.push(...quickFixes(session, document, analysis, params.context.diagnostics));
      if (wants(FIX_ALL_KIND)) actions.push(...fixAllActions(document, analysis));
      return actions;
    }),
  );
}

/** Only diagnostics this server published for the document's current version name a finding of its analysis. */
function quickFixes(session: Session, document: TextDocument, analysis: FileAnalysis | undefined, diagnostics: Diagnostic[]): CodeAction[] {
  if (!analysis) return [];
  const ours: { diagnostic: Diagnostic; finding: Finding }[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as Partial<DiagnosticData> | undefined;
    const finding = diagnostic.source === SOURCE && data?.version === document.version && typeof data.finding === 'number' ? analysis.findings[data.finding] : undefined;
    // The document analysed again at the same version (a module it imports changed): the finding must still be that one.
    if (finding && finding.ruleId === data?.ruleId && sameRange(diagnostic.range, toRange(document, finding.span))) ours.push({ diagnostic, finding });
  }
  const fixes: CodeAction[] = [];
  const seenFixes = new Set<string>();
  for (const { diagnostic, finding } of ours) {
    for (const fix of finding.fixes) {
      if (seenFixes.has(fix.title)) continue;
      seenFixes.add(fix.title);
      const edits = fix.edits.map((edit) => toTextEdit(document, edit));
      fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit: { changes: { [document.uri]: edits } } });
    }
  }
  // Stable: the preferred fix first, the others in the order the rules offered them.
  fixes.sort((a, b) => Number(Boolean(b.isPreferred)) - Number(Boolean(a.isPreferred)));

  const perRule: CodeAction[] = [];
  const seenRules = new Set<string>();
  const suppression = suppressionFixes(analysis, document.getText());
  for (const { diagnostic, finding } of ours) {
    const { ruleId } = finding;
    if (seenRules.has(ruleId)) continue;
    seenRules.add(ruleId);
    perRule.push(ignoreAction(session, document, diagnostic, suppression(finding)));
    const disable = disableAction(session, document, diagnostic, ruleId);
    if (disable) perRule.push(disable);
    if (session.clientCommands.has(ClientCommands.showRuleDocumentation)) {
      const title = `Show documentation for ${ruleId}`;
      perRule.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: ClientCommands.showRuleDocumentation, arguments: [ruleId] } });
    }
  }
  return [...fixes, ...perRule];
}

/** The waiver comment above the call; where the client can select text, the placeholder reason is selected. */
function ignoreAction(session: Session, document: TextDocument, diagnostic: Diagnostic, waiver: Fix): CodeAction {
  const edits = waiver.edits.map((edit) => toTextEdit(document, edit));
  const action: CodeAction = { title: waiver.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: edits } } };
  const [comment] = edits;
  const at = comment?.newText.lastIndexOf(WAIVER_REASON_PLACEHOLDER) ?? -1;
  if (session.clientCommands.has(ClientCommands.selectRange) && at >= 0 && comment.range.start.character === 0) {
    // The comment is a new line inserted at the start of `line`: after the edit the placeholder is on that line.
    const { line } = comment.range.start;
    const range = { start: { line, character: at }, end: { line, character: at + WAIVER_REASON_PLACEHOLDER.length } };
    action.command = { title: 'Type the reason', command: ClientCommands.selectRange, arguments: [document.uri, range] };
  }
  return action;
}

/** `"rules": { "<id>": "off" }` in the .prodready.json in force (its open editor's text first), or a new one at the folder's root. */
function disableAction(session: Session, document: TextDocument, diagnostic: Diagnostic, ruleId: RuleId): CodeAction | undefined {
  const file = filePathOf(document.uri);
  if (file === undefined) return undefined;
  const loaded = session.configOf(document.uri);
  const configFile = loaded?.file ?? path.join(session.folderOf(file) ?? path.dirname(file), CONFIG_FILE_NAMES[0]);
  const configUri = pathToFileURL(configFile).toString();
  const open = session.documents.get(configUri);
  const text = open?.getText() ?? loaded?.text;
  const written = withRuleLevel(text, ruleId, 'off');
  if (!written.ok) return undefined;
  const lines = new LineIndex(text ?? '');
  const edits = written.edits.map((edit) => toTextEdit(lines, { span: { start: edit.offset, end: edit.offset + edit.length }, newText: edit.content }));
  const edit: WorkspaceEdit =
    text === undefined
      ? { documentChanges: [{ kind: 'create', uri: configUri, options: { ignoreIfExists: true } }, { textDocument: { uri: configUri, version: null }, edits }] }
      : { documentChanges: [{ textDocument: { uri: configUri, version: open?.version ?? null }, edits }] };
  return { title: `Disable ${ruleId} in ${path.basename(configFile)}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}

function fixAllActions(document: TextDocument, analysis: FileAnalysis | undefined): CodeAction[] {
  if (!analysis) return [];
  const chosen = preferredFixes(analysis.findings);
  if (chosen.length === 0) return [];
  const edits = chosen.flatMap((fix) => fix.edits).map((edit) => toTextEdit(document, edit));
  return [{ title: 'Fix all auto-fixable prodready problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } }];
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
