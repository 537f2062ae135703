import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_SERVICES } from '../../src/modules/catalogue/catalogue-demo-data.ts';
import { publishServiceVersion } from '../../src/modules/catalogue/catalogue-service.ts';
import { cliActor } from '../../src/platform/auth/audit-log.ts';
import {
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  problemsAfterSubmitting,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

describe('catalogue editing in a browser', () => {
  it('a web editor opens the edit page (no WCAG 2.1 AA violations), sends an invalid change, and the focused error summary lists every problem', async (context) => {
    await server.withStaffPage(context, { role: 'web_editor' }, '/staff/catalogue', async (page) => {
      await expectNoAxeViolations(page, 'the list of services');

      await page.click('a[href="/staff/catalogue/street-light-repair/edit"]');
      await page.waitForURL(/\/staff\/catalogue\/street-light-repair\/edit$/);
      assert.equal(await page.inputValue('#nameEn'), 'Street light repair');
      assert.equal(await page.inputValue('#deadline-amount'), '3');
      await expectNoAxeViolations(page, 'the edit page');

      await page.fill('#nameEn', '');
      await page.fill('#deadline-amount', '三天');
      await page.fill('#checklist-0-id', 'Not An Id');
      const problems = await problemsAfterSubmitting(page, 'button[name="action"][value="publish"]');
      assert.match(await page.title(), /^錯誤：編輯服務項目：路燈維修/);
      await expectFocusedErrorSummary(page);
      assert.deepEqual(problems, [
        '英文名稱：請填寫此欄位。',
        '天數或時數：請填寫整數，例如 7。',
        '第 1 項文件的識別碼：識別碼只能用小寫英文字母、數字及連字號（-），且不可超過 60 個字元。',
      ]);
      assert.equal(await page.inputValue('#deadline-amount'), '三天', 'what was typed is kept');
      await expectNoAxeViolations(page, 'the edit page with errors');

      // The summary's links lead to the inputs.
      await page.click('.govuk-error-summary__list a[href="#deadline-amount"]');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'deadline-amount');
    });
  });

  it('the new-service page and an earlier version have no WCAG 2.1 AA violations, in both languages', async (context) => {
    await server.withStaffPage(context, { role: 'web_editor' }, '/en/staff/catalogue/new', async (page) => {
      await expectNoAxeViolations(page, 'the English new-service page');
      await page.click('button[name="action"][value="publish"]');
      await page.waitForSelector('.govuk-error-summary');
      assert.ok(
        (await page.locator('.govuk-error-summary__list a').count()) >= 10,
        'every empty required input',
      );
      await expectNoAxeViolations(page, 'the English new-service page with errors');
      await page.goto(`${server.baseUrl}/staff/catalogue/new`);
      await expectNoAxeViolations(page, 'the new-service page');

      const [template] = DEMO_SERVICES;
      assert.ok(template);
      const definition = { ...template, code: 'browser-versions' };
      const now = server.clock.now();
      await publishServiceVersion(server.database.db, { definition, actor: cliActor, now });
      await publishServiceVersion(server.database.db, {
        definition: { ...definition, nameZh: `${definition.nameZh}（二）` },
        actor: cliActor,
        now,
      });
      await page.goto(`${server.baseUrl}/staff/catalogue/browser-versions/edit?version=1`);
      assert.match(
        (await page.locator('.govuk-inset-text').textContent()) ?? '',
        /這是第 1 版，已由第 2 版取代/,
      );
      assert.equal(await page.locator('main form[method="post"]').count(), 0, 'read-only');
      await expectNoAxeViolations(page, 'an earlier version');
    });
  });
});
