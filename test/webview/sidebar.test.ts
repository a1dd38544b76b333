// The readiness webview in headless Chromium: the real page and script, a stand-in acquireVsCodeApi, fixture
// data full of hostile strings. Screenshots land in test-results/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderSidebarHtml } from '../../client/src/sidebar/html';
import type { ExtensionMessage } from '../../client/src/sidebar/messages';
import { buildReadiness } from '../../server/src/core/readiness';
import { REPO_ROOT } from '../repoRoot';
import { demoCall, fixtureWorkspace, goodCall } from '../unit/readiness/fixtureWorkspace';
import { THEMES, type ThemeKind } from './themes';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(REPO_ROOT, 'test-results');
const SCRIPT = path.join(REPO_ROOT, 'dist', 'webview', 'sidebar.js');
const skip = !fs.existsSync(CHROMIUM) && !process.env.CI ? 'Debian chromium is not installed' : false;

const HOSTILE_FILE = '<img src=x onerror="window.__xss=1">';
const HOSTILE_OWNER = '<script>window.__xss=2</script>';

/** Data as the server would send it, plus what a hostile workspace could put in it. */
function fixtureMessage(): ExtensionMessage {
  const snapshot = fixtureWorkspace({
    'src/ai/good.ts': goodCall,
    [`src/${HOSTILE_FILE}.ts`]: demoCall,
    'src/web/anthropic.ts': `import Anthropic from '@anthropic-ai/sdk';\nconst claude = new Anthropic();\nexport const tag = (t: string) => claude.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 50, messages: [{ role: 'user', content: t }] });\n`,
    '.github/CODEOWNERS': '/src/ai/ @ml-platform\n',
    '.prodready.json': JSON.stringify({ kpis: [{ name: `deflection ${HOSTILE_FILE}`, target: '<b>30%</b>' }], raci: { cost: { responsible: '@finops', accountable: HOSTILE_OWNER } } }),
  });
  const readiness = buildReadiness(snapshot);
  // A workspace string the core would never produce as evidence, as a malicious payload might.
  readiness.categories[1].items[0].evidence.push({ label: HOSTILE_OWNER, file: `src/${HOSTILE_FILE}.ts`, line: 1, column: 1, status: 'fail' });
  return { type: 'data', readiness };
}

describe('readiness webview in Chromium', { skip, timeout: 120_000 }, () => {
  let server: http.Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  before(async () => {
    server = http.createServer((request, response) => {
      const files: Record<string, [string, string]> = {
        '/sidebar.js': [SCRIPT, 'text/javascript'],
        '/sidebar.css': [path.join(REPO_ROOT, 'media', 'sidebar.css'), 'text/css'],
        '/codicon.css': [path.join(REPO_ROOT, 'dist', 'webview', 'codicon.css'), 'text/css'],
        '/codicon.ttf': [path.join(REPO_ROOT, 'dist', 'webview', 'codicon.ttf'), 'font/ttf'],
      };
      const file = files[(request.url ?? '').split('?')[0]];
      if (file) {
        response.writeHead(200, { 'content-type': file[1] }).end(fs.readFileSync(file[0]));
      } else {
        const html = renderSidebarHtml({ cspSource: origin, nonce: 'test-nonce-1234', scriptUri: `${origin}/sidebar.js`, styleUri: `${origin}/sidebar.css`, codiconUri: `${origin}/codicon.css` });
        response.writeHead(200, { 'content-type': 'text/html' }).end(html);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    // The default width of VS Code's sidebar.
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w.__posted = [];
      w.__violations = [];
      let state: unknown;
      document.addEventListener('securitypolicyviolation', (event) => (w.__violations as string[]).push(`${event.violatedDirective} ${event.blockedURI}`));
      w.acquireVsCodeApi = () => ({
        postMessage: (message: unknown) => (w.__posted as unknown[]).push(message),
        getState: () => state,
        setState: (next: unknown) => (state = next),
      });
    });
    await page.goto(origin);
    await page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));
    await page.evaluate((message) => window.postMessage(message, '*'), fixtureMessage());
    await page.locator('.score-value').waitFor();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  const posted = () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);

  it('shows the score, every checklist item grouped P.R.O.D.U, and what it would take to pass', async () => {
    assert.match(await page.locator('.score-value').innerText(), /^\d+%$/);
    assert.deepEqual(await page.locator('.category h3').allInnerTexts(), ['P · Problem', 'R · Reliability', 'O · Observability', 'D · Deployment', 'U · Use & governance']);
    assert.equal(await page.locator('li.item').count(), 22);
    assert.match(await page.locator('[data-item="R.timeouts"] .summary').innerText(), /^1 of 3 call sites$/);
    assert.ok((await page.locator('.to-pass li').count()) > 0);
  });

  it('renders hostile workspace strings as text: no element, no script, no CSP violation', async () => {
    const kpis = await page.locator('[data-item="P.kpis"]').innerText();
    assert.ok(kpis.includes(`deflection ${HOSTILE_FILE} (<b>30%</b>)`), kpis);
    await page.locator('[data-item="R.timeouts"] details.evidence summary').click();
    assert.equal(await page.locator('[data-item="R.timeouts"] .evidence-label', { hasText: HOSTILE_OWNER }).count(), 1);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('#app script, #app b').count(), 0);
    assert.equal(await page.locator('#app a, #app [href], #app [src], #app iframe').count(), 0, 'no link or embed built from workspace text');
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
  });

  it('every counted call site is evidence, grouped fail, unknown, pass; each opens its place', async () => {
    const timeouts = page.locator('[data-item="R.timeouts"]');
    assert.deepEqual(await timeouts.locator('.evidence-group').allInnerTexts(), ['Fail (3)', 'Pass (1)']);
    await timeouts.locator('.evidence-pass + ul button.link').first().click();
    const messages = (await posted()) as { type: string; file?: string }[];
    assert.deepEqual(messages.at(-1), { type: 'open', file: 'src/ai/good.ts', line: 5, column: 28 });
  });

  it('fits the 300 px sidebar: no horizontal scroll, codicons from the bundled font, secondary buttons', async () => {
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(widths.scroll <= widths.client, `page is ${widths.scroll} px wide in a ${widths.client} px view`);
    assert.ok(await page.evaluate(async () => (await document.fonts.load('16px codicon')).length > 0), 'the codicon font loaded');
    assert.ok((await page.locator('.codicon').count()) > 19);
    assert.equal(await page.locator('button:not(.secondary):not(.link):not(.icon-button)').count(), 0, 'no primary buttons');
  });

  for (const theme of Object.keys(THEMES) as ThemeKind[]) {
    it(`is readable in ${theme.replace('vscode-', '')} theme (screenshot)`, async () => {
      await page.evaluate(
        ({ kind, variables }) => {
          document.body.className = kind;
          for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(name, value);
          window.scrollTo(0, 0);
        },
        { kind: theme, variables: THEMES[theme] },
      );
      const colours = await page.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return { text: style('.item-title').color, background: style('body').backgroundColor, failMark: style('.status-fail .mark').color };
      });
      assert.notEqual(colours.text, colours.background, 'text differs from the background');
      assert.notEqual(colours.failMark, colours.text, 'a failing mark has its own colour');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const name = `webview-${theme.replace('vscode-', '')}`;
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-full.png`), fullPage: true });
    });
  }
});
