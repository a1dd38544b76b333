import * as vscode from 'vscode';
import { ClientCommands } from '../../server/src/protocol';

/** Rule ids with their pages, as shipped in the extension (docs/rules/AIRxxx.md). */
async function ruleIds(extensionUri: vscode.Uri): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extensionUri, 'docs', 'rules'));
  return entries.map(([name]) => /^(AIR\d{3})\.md$/.exec(name)?.[1]).filter((id): id is string => id !== undefined).sort();
}

/**
 * A rule's page, rendered by VS Code's own Markdown preview from the copy in the extension: offline, themed, and
 * not the raw Markdown. Without an id, the user picks the rule.
 */
export async function showRuleDocumentation(extensionUri: vscode.Uri, ruleId?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' && /^AIR\d{3}$/.test(ruleId) ? ruleId : undefined;
  id ??= await vscode.window.showQuickPick(await ruleIds(extensionUri), { title: 'Show Rule Documentation', placeHolder: 'AIR001' });
  if (!id) return;
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`));
}

/** After the waiver comment is inserted: its placeholder reason is selected, ready to be typed over. */
export async function selectRange(uri: unknown, range: unknown): Promise<void> {
  const target = range as { start: { line: number; character: number }; end: { line: number; character: number } } | undefined;
  if (typeof uri !== 'string' || !target?.start || !target.end) return;
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri);
  if (!editor) return;
  const selection = new vscode.Selection(target.start.line, target.start.character, target.end.line, target.end.character);
  editor.selection = selection;
  editor.revealRange(selection);
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
}

/** Every safe fix in the active file, as fix-all on save would apply them. */
export async function fixAllInFile(): Promise<void> {
  if (!vscode.window.activeTextEditor) return;
  await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.prodready', apply: 'first' });
}

/** The diagnostic's rule link runs the docs command instead of opening the raw page. */
export function docsLinkOf(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${ClientCommands.showRuleDocumentation}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}
