// Runs inside the VS Code extension host: open a demo file, wait for AIR001, apply its quick-fix, see it go.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

function waitForDiagnostics(uri, predicate, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (predicate(diagnostics)) {
        subscription.dispose();
        clearTimeout(timer);
        resolve(diagnostics);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error('diagnostics did not arrive'));
    }, timeoutMs);
    check();
  });
}

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const uri = vscode.Uri.file(path.join(folder, 'lib', 'triage.ts'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const isTimeout = (d) => d.source === 'prodready' && (d.code === 'AIR001' || d.code?.value === 'AIR001');
  const [diagnostic] = (await waitForDiagnostics(uri, (all) => all.some(isTimeout))).filter(isTimeout);
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((action) => action.title === 'Add a 30 s timeout to this call');
  assert.ok(fix, 'the quick-fix is offered');
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.match(document.getText(), /\}, \{ timeout: 30000 \}\);/);
  await waitForDiagnostics(uri, (all) => !all.some(isTimeout));
};
