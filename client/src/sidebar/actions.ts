import * as vscode from 'vscode';
import { CODEOWNERS_LOCATIONS } from '../../../server/src/core/ownership/codeowners';
import { codeownersLine, parseOwners, patternProblem, withOwnershipRule } from '../../../server/src/core/ownership/write';

// What the sidebar's buttons do to the workspace. Each edit goes through a WorkspaceEdit (undoable) and is
// saved, so the server's file watcher sees it and the checklist updates.

export async function openAt(folder: vscode.Uri, file: string, line: number, column: number): Promise<void> {
  const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, file), { selection: new vscode.Range(position, position), preview: true });
}

const STARTER_CONFIG = `{
  "kpis": [],
  "ownership": [],
  "raci": {}
}
`;

/** Opens the folder's .prodready.json, creating a starter one (the JSON schema then completes the rest). */
export async function createConfig(folder: vscode.Uri): Promise<void> {
  const uri = vscode.Uri.joinPath(folder, '.prodready.json');
  if (!(await exists(uri))) {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(STARTER_CONFIG) });
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(uri);
}

/**
 * Asks who owns `pattern`: owners as CODEOWNERS writes them, or undefined when the user cancels. A pattern that
 * cannot be written is refused first, with a message, before anything is asked.
 */
async function askOwners(pattern: string): Promise<string[] | undefined> {
  const problem = patternProblem(pattern);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  const answer = await vscode.window.showInputBox({
    title: `Owner of ${pattern}`,
    prompt: 'A GitHub/GitLab user (@name), team (@org/team) or an email. Several owners: separate with spaces.',
    placeHolder: '@org/team',
    validateInput: (value) => {
      const owners = parseOwners(value);
      return owners.ok ? undefined : owners.error;
    },
  });
  if (answer === undefined) return undefined;
  const owners = parseOwners(answer);
  return owners.ok ? owners.value : undefined;
}

/**
 * Adds `{ "path": pattern, "owners": [...] }` to the `ownership` rules of the folder's .prodready.json (created if
 * missing). Only the rule is inserted (comments and formatting stay), in one undoable edit; a file that is not valid
 * JSON is left alone.
 */
export async function addOwnershipRule(folder: vscode.Uri, pattern: string): Promise<void> {
  const owners = await askOwners(pattern);
  if (!owners) return;
  const uri = vscode.Uri.joinPath(folder, '.prodready.json');
  const existing = (await exists(uri)) ? await vscode.workspace.openTextDocument(uri) : undefined;
  const written = withOwnershipRule(existing?.getText(), pattern, owners);
  if (!written.ok) {
    void vscode.window.showErrorMessage(written.error);
    if (existing) await vscode.window.showTextDocument(existing);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  if (existing) {
    for (const { offset, length, content } of written.edits) edit.replace(uri, new vscode.Range(existing.positionAt(offset), existing.positionAt(offset + length)), content);
  } else {
    edit.createFile(uri, { contents: new TextEncoder().encode(written.value) });
  }
  await vscode.workspace.applyEdit(edit);
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  await vscode.window.showTextDocument(document);
}

/**
 * Asks who owns `pattern` and appends `pattern owner` to the repository's CODEOWNERS (creating .github/CODEOWNERS).
 * The path is escaped as CODEOWNERS reads it (`\ `, `\#`); a name it cannot hold is refused, never written.
 */
export async function addCodeownersLine(folder: vscode.Uri, pattern: string): Promise<void> {
  const owners = await askOwners(pattern);
  if (!owners) return;
  const line = codeownersLine(pattern, owners);
  if (!line.ok) {
    void vscode.window.showErrorMessage(line.error);
    return;
  }
  let uri: vscode.Uri | undefined;
  for (const location of CODEOWNERS_LOCATIONS) {
    const candidate = vscode.Uri.joinPath(folder, location);
    if (await exists(candidate)) {
      uri = candidate;
      break;
    }
  }
  uri ??= vscode.Uri.joinPath(folder, '.github', 'CODEOWNERS');
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: true });
  await vscode.workspace.applyEdit(edit);
  const document = await vscode.workspace.openTextDocument(uri);
  const end = document.lineAt(document.lineCount - 1).range.end;
  const separator = document.getText().length > 0 && !document.getText().endsWith('\n') ? '\n' : '';
  const append = new vscode.WorkspaceEdit();
  append.insert(uri, end, `${separator}${line.value}\n`);
  await vscode.workspace.applyEdit(append);
  await document.save();
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(document.lineCount - 2, 0, document.lineCount - 2, 0), preview: true });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
