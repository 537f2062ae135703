import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoAxeViolations, problemsAfterSubmitting } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

describe('the annual performance reports in a browser', () => {
  it('the secretariat reads the list and a unit’s report, and a bad narrative lists its problem: no WCAG 2.1 AA violations', async (context) => {
    await server.withStaffPage(context, { role: 'secretariat' }, '/staff/reports?year=2012', async (page) => {
      // The 2012 reports were due on 1 February 2013: the list warns and marks each one overdue.
      assert.match(
        (await page.locator('.govuk-warning-text').textContent()) ?? '',
        /已逾期限 民國102年2月1日/,
      );
      assert.ok((await page.locator('main table tbody tr').count()) > 2);
      await expectNoAxeViolations(page, 'the list of reports');

      await page.click('main table a[href="/staff/reports/2012/road-maintenance"]');
      await page.waitForURL(/\/staff\/reports\/2012\/road-maintenance$/);
      assert.match((await page.locator('h1').textContent()) ?? '', /101 年度績效成果報告：道路養護工程處/);
      assert.ok((await page.locator('main table caption').count()) >= 5);
      await expectNoAxeViolations(page, 'a unit’s report');

      assert.deepEqual(
        await problemsAfterSubmitting(page, 'form[action$="/narrative"] button[type="submit"]'),
        ['請填寫綜合說明'],
      );
      await expectNoAxeViolations(page, 'a report with a refused narrative');

      await page.fill('#narrative', '本年度各項作法均已推動。');
      await page.click('form[action$="/narrative"] button[type="submit"]');
      await page.waitForURL(/\?done=saved$/);
      assert.match((await page.locator('main').textContent()) ?? '', /本年度各項作法均已推動。/);
    });
  });
});
