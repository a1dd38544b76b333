import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { editorAvailable, inDemoApp, screenshot, waitForFile } from './codeServer';

const missing = editorAvailable();
const skip = missing && !process.env.CI ? missing : false;

const THEMES = [
  ['light', 'Light Modern', 'vs'],
  ['dark', 'Dark Modern', 'vs-dark'],
  ['high-contrast', 'Dark High Contrast', 'hc-black'],
] as const;

/** Picks a colour theme the way a user does: Ctrl+K Ctrl+T, the theme's name, Enter. */
async function setTheme(page: Page, theme: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 900, y: 400 } });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input[placeholder^="Select Color Theme"]');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: theme }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
}

/** The side bar's width as VS Code lays it out (300 px unless the user drags it). */
async function sideBarWidth(page: Page): Promise<number> {
  return page.locator('.part.sidebar').evaluate((element) => Math.round(element.getBoundingClientRect().width));
}

describe('the prodready views in a real VS Code (code-server + Chromium)', { skip, timeout: 5 * 60_000 }, () => {
  it('checklist, inventory tree and ownership tree at 300 px; a tree item opens its call site; add an owner from the map', () =>
    inDemoApp('e2e-sidebar', async ({ page, workspace }) => {
      await page.locator('.activitybar [aria-label^="prodready"]').first().click({ timeout: 60_000 });
      // A webview is an iframe (VS Code's host page) holding the extension's page in #active-frame.
      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('.score-value').waitFor({ timeout: 90_000 });
      assert.match(await view.locator('.score-value').innerText(), /^\d+%$/);
      assert.equal(await view.locator('li.item').count(), 22);
      assert.match((await view.locator('[data-item="P.kpis"]').getAttribute('class')) ?? '', /status-pass/, 'the demo config declares a KPI');
      assert.match(await view.locator('[data-item="R.timeouts"] .summary').innerText(), /^0 of 7 call sites$/);
      assert.ok((await view.locator('.codicon').count()) >= 22, 'codicons mark the items');
      const width = await sideBarWidth(page);
      assert.ok(width <= 310, `the side bar is ${width} px`);
      await view.locator('details.evidence').first().evaluate((element) => ((element as unknown as { open: boolean }).open = true));
      const overflow = await view.locator('body').evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      assert.ok(overflow <= 0, `the checklist scrolls sideways by ${overflow} px`);
      await screenshot(page, 'e2e-sidebar-checklist');

      // The inventory and ownership trees, with their badges.
      const inventory = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'AI Inventory' }) });
      const ownership = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Ownership' }) });
      for (const pane of [inventory, ownership]) {
        const header = pane.locator('.pane-header');
        if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      }
      await inventory.locator('.monaco-list-row', { hasText: 'triage.ts' }).first().waitFor({ timeout: 60_000 });
      assert.ok((await inventory.locator('.codicon, .monaco-icon-label').count()) > 0);
      await ownership.locator('.monaco-list-row', { hasText: '@acme/support-ai' }).first().waitFor({ timeout: 60_000 });
      // Tree rows truncate with an ellipsis rather than scroll: no horizontal scrollbar in either view.
      assert.equal(await inventory.locator('.scrollbar.horizontal.visible').count(), 0, 'the inventory scrolls sideways');
      assert.equal(await ownership.locator('.scrollbar.horizontal.visible').count(), 0, 'the ownership map scrolls sideways');
      await screenshot(page, 'e2e-sidebar-trees');

      // A call site under its file opens the call.
      await inventory.locator('.monaco-list-row', { hasText: 'messages.create' }).first().click();
      await page.locator('.tab.active[aria-label*="triage.ts"]').waitFor({ timeout: 20_000 });
      const cursor = page.locator('#status\\.editor\\.selection');
      await cursor.waitFor({ timeout: 20_000 });
      assert.match(await cursor.innerText(), /Ln 6, Col 25/);
      await screenshot(page, 'e2e-sidebar-opened-call-site');

      // Name an owner for the unowned workers from the ownership map's context menu: the config gains a rule.
      const unowned = ownership.locator('.monaco-list-row', { hasText: '/workers/' }).first();
      await unowned.waitFor({ timeout: 20_000 });
      const input = page.locator('.quick-input-widget input');
      // The views refresh as the opened file is analysed: a menu opened on a row being replaced can close unseen.
      for (let attempt = 1; ; attempt++) {
        await unowned.click({ button: 'right' });
        await page.locator('.context-view .action-label', { hasText: 'Add Owner…' }).click();
        try {
          await input.waitFor({ state: 'visible', timeout: 10_000 });
          break;
        } catch (error) {
          if (attempt === 3) throw error;
          await page.keyboard.press('Escape');
        }
      }
      await input.fill('@acme/data');
      await page.keyboard.press('Enter');
      const saved = await waitForFile(path.join(workspace, '.prodready.json'), /"\/workers\/"/);
      assert.deepEqual(JSON.parse(saved).ownership.at(-1), { path: '/workers/', owners: ['@acme/data'] });
      await ownership.locator('.monaco-list-row', { hasText: '@acme/data' }).first().waitFor({ timeout: 60_000 });
      await screenshot(page, 'e2e-sidebar-ownership-rule');

      // The same views in light, dark and high-contrast themes.
      for (const [name, theme, bodyClass] of THEMES) {
        await setTheme(page, theme);
        await page.locator(`.monaco-workbench.${bodyClass}`).waitFor({ timeout: 30_000 });
        await view.locator('.score-value').waitFor({ timeout: 30_000 });
        await screenshot(page, `e2e-sidebar-${name}`);
      }
    }));
});
