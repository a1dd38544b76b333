// Starts a real VS Code (code-server 4.100.3) with the packaged extension, and Debian Chromium to drive it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../repoRoot';

export const REPO = REPO_ROOT;
export const CODE_SERVER = path.join(REPO, '.cache', 'code-server', 'node_modules', '.bin', 'code-server');
export const VSIX = path.join(REPO, 'prodready.vsix');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.join(REPO, 'test-results');

export function editorAvailable(): string | undefined {
  if (!fs.existsSync(CODE_SERVER)) return `code-server is not installed (run test/e2e/install-code-server.sh)`;
  if (!fs.existsSync(CHROMIUM)) return 'Debian chromium is not installed';
  if (!fs.existsSync(VSIX)) return 'prodready.vsix is not packaged (npm run package)';
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHttp(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

export interface EditorSession {
  page: Page;
  workspace: string;
  log: () => string;
  close: () => Promise<void>;
}

/** A workspace copy, code-server with the .vsix installed, and a Chromium page on the workbench. */
export async function openEditor(sourceFolder: string, initialSettings: Record<string, unknown> = {}): Promise<EditorSession> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-e2e-'));
  const workspace = path.join(home, 'workspace');
  fs.cpSync(sourceFolder, workspace, { recursive: true });
  const userData = path.join(home, 'user-data');
  const extensions = path.join(home, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  const settingsFile = path.join(userData, 'User', 'settings.json');
  const baseSettings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'prodready.debounceMs': 50,
    'files.autoSave': 'afterDelay',
    'files.autoSaveDelay': 200,
  };
  fs.writeFileSync(settingsFile, JSON.stringify({ ...baseSettings, ...initialSettings }));
  execFileSync(CODE_SERVER, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', VSIX], { stdio: 'pipe', timeout: 120_000 });

  const port = await freePort();
  let output = '';
  const server: ChildProcess = spawn(
    CODE_SERVER,
    ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    if (server.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (!process.env.KEEP_E2E) fs.rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, Date.now() + 60_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Every status bar text naming prodready from the first paint on, to see the item while the workspace is
    // indexed. VS Code's own progress item ("prodready: 1/6 files") can sit before ours, so each item counts.
    await page.addInitScript({
      content: `window.__prodreadyStatus = [];
        setInterval(() => {
          const seen = window.__prodreadyStatus;
          for (const element of document.querySelectorAll('.statusbar-item')) {
            const text = (element.textContent || '').trim();
            if (/prodready/.test(text) && !seen.includes(text)) seen.push(text);
          }
        }, 20);`,
    });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    return { page, workspace, log: () => output, close };
  } catch (error) {
    await close();
    throw new Error(`${(error as Error).message}\n--- code-server output ---\n${output}`);
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Opens the demo app in a fresh editor, runs `steps`, and on failure saves a screenshot and the server's log. */
export async function inDemoApp(name: string, steps: (session: EditorSession) => Promise<void>, settings: Record<string, unknown> = {}): Promise<void> {
  const session = await openEditor(path.join(REPO, 'examples', 'demo-app'), settings);
  try {
    await steps(session);
  } catch (error) {
    await screenshot(session.page, `${name}-failure`).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n--- code-server output ---\n${session.log().slice(-4000)}`);
  } finally {
    await session.close();
  }
}

/** The file's text once it matches `pattern` (what the editor saved), or after 20 s whatever it holds. */
export async function waitForFile(file: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (pattern.test(text) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
