import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { aStaffMember, currentCode } from '../../src/platform/auth/auth-test-support.ts';
import {
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  problemsAfterSubmitting,
  signInWithForm,
  tabUntilFocused,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

/**
 * An administrator signed in with the form and the authenticator code (admins must have two-factor on),
 * left on `path`.
 */
async function signInAdmin(page: Page, path: string): Promise<void> {
  const admin = await aStaffMember(server.database.db, {
    role: 'admin',
    withTotp: true,
    clock: server.clock,
  });
  await signInWithForm(
    page,
    `${server.baseUrl}/staff/sign-in?return=${encodeURIComponent(path)}`,
    admin,
    /\/staff\/sign-in\/verify(\?|$)/,
  );
  await page.fill('#code', await currentCode(admin.totpSecret ?? '', server.clock));
  await page.click('main form[method="post"] button');
  await page.waitForURL(`${server.baseUrl}${path}`);
}

describe('Open311 API keys in a browser', () => {
  it('an admin sees the keys, sends the form empty (every problem, focused summary), creates a key with the keyboard alone and sees it once, then the revoke page: no WCAG 2.1 AA violations on the way', async (context) => {
    await server.withAxePage(context, async (page) => {
      await signInAdmin(page, '/staff/api-keys');
      assert.equal(await page.locator('h1').textContent(), 'Open311 API 金鑰');
      await expectNoAxeViolations(page, 'the list of keys');

      const submit = 'main form[method="post"] button';
      // No name and a wrong rate: both listed at once.
      await page.fill('#rate', '0');
      assert.deepEqual(await problemsAfterSubmitting(page, submit), [
        '請填寫金鑰名稱。',
        '每分鐘上限須為 1 至 10000 的整數。',
      ]);
      await expectFocusedErrorSummary(page);
      await page.fill('#name', 'has space');
      await page.fill('#rate', '每分鐘很多');
      assert.deepEqual(await problemsAfterSubmitting(page, submit), [
        '名稱只能用英文字母、數字、點、連字號與底線，2 至 64 字，並以字母或數字開頭。',
        '每分鐘上限須為 1 至 10000 的整數。',
      ]);
      await expectFocusedErrorSummary(page);
      assert.equal(await page.inputValue('#rate'), '每分鐘很多', 'what was typed is kept');
      await expectNoAxeViolations(page, 'the form with errors');

      // The keyboard alone: Tab from the error summary to the name, type, Tab to the rate, type, Enter.
      await tabUntilFocused(page, 'name');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('kaohsiung-1999');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'rate');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('120');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#new-key');
      assert.match((await page.locator('#new-key-value').textContent()) ?? '', /^ow_[A-Za-z0-9_-]{32}$/);
      const row = page.locator('#api-keys tr[data-key="kaohsiung-1999"]');
      assert.equal(await row.locator('td.govuk-table__cell--numeric').textContent(), '120');
      assert.equal(await page.locator('.govuk-error-summary').count(), 0);
      await expectNoAxeViolations(page, 'the page showing the new key once');

      // The same list in English, with the key in it.
      await page.goto(`${server.baseUrl}/en/staff/api-keys`);
      assert.equal(await page.locator('#new-key').count(), 0, 'the key is shown only once');
      await expectNoAxeViolations(page, 'the English list with a key');

      await page.click('#api-keys tr[data-key="kaohsiung-1999"] a');
      await page.waitForURL(/\/en\/staff\/api-keys\/[0-9a-f-]{36}\/revoke$/);
      await expectNoAxeViolations(page, 'the revoke confirmation');
    });
  });
});
