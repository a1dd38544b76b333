// `npm run test:vscode`: the same extension in VS Code desktop through @vscode/test-electron, for machines
// that can download VS Code (this project's CI cannot; it runs the real-editor test in code-server instead).
// Set VSCODE_EXECUTABLE to use an installed VS Code rather than downloading one.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const workspace = mkdtempSync(join(tmpdir(), 'prodready-electron-'));
cpSync(join(root, 'examples', 'demo-app'), workspace, { recursive: true });

try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test', 'electron', 'suite.cjs'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version: '1.100.3' }),
  });
} catch (error) {
  console.error(`VS Code tests failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
