import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { editorAvailable, inDemoApp, screenshot, waitForFile } from './codeServer';

const missing = editorAvailable();
const skip = missing && !process.env.CI ? missing : false;

describe('the readiness sidebar in a real VS Code (code-server + Chromium)', { skip, timeout: 5 * 60_000 }, () => {
  it('shows the checklist for the demo app; an inventory row opens the file at its call site', () =>
    inDemoApp('e2e-sidebar', async ({ page, workspace }) => {
      await page.locator('.activitybar [aria-label^="prodready"]').first().click({ timeout: 60_000 });
      // A webview is an iframe (VS Code's host page) holding the extension's page in #active-frame.
      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('.score-value').waitFor({ timeout: 90_000 });
      assert.match(await view.locator('.score-value').innerText(), /^\d+%$/);
      assert.equal(await view.locator('li.item').count(), 19);
      assert.match(await view.locator('[data-item="P.kpis"]').getAttribute('class') ?? '', /status-pass/, 'the demo config declares a KPI');
      assert.match(await view.locator('[data-item="R.timeouts"] .summary').innerText(), /^0 of 7 call sites$/);
      assert.match(await view.locator('[data-owner="@acme/support-ai"]').innerText(), /lib\/summarize\.ts/);
      await screenshot(page, 'e2e-sidebar-checklist');

      await view.locator('tr.site[data-file="lib/triage.ts"]').click();
      await page.locator('.tab.active[aria-label*="triage.ts"]').waitFor({ timeout: 20_000 });
      const cursor = page.locator('#status\\.editor\\.selection');
      await cursor.waitFor({ timeout: 20_000 });
      assert.match(await cursor.innerText(), /Ln 6, Col 25/);
      await screenshot(page, 'e2e-sidebar-opened-call-site');

      // Name an owner for the unowned workers from the ownership map: the config gains a rule, the checklist follows.
      const owners = () => view.locator('[data-item="P.owners"] .summary').innerText();
      const before = await owners();
      await view.locator('.unowned-groups li', { hasText: '/workers/' }).locator('button', { hasText: 'or a .prodready.json rule' }).click();
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 20_000 });
      await input.fill('@acme/data');
      await page.keyboard.press('Enter');
      const saved = await waitForFile(path.join(workspace, '.prodready.json'), /"\/workers\/"/);
      assert.deepEqual(JSON.parse(saved).ownership.at(-1), { path: '/workers/', owners: ['@acme/data'] });
      await view.locator('[data-owner="@acme/data"]').waitFor({ timeout: 60_000 });
      assert.notEqual(await owners(), before);
      await screenshot(page, 'e2e-sidebar-ownership-rule');
    }));
});
