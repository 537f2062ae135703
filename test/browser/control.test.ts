import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPlan } from '../../src/modules/control/plans/plan-reads.ts';
import {
  browserOrSkip,
  expectNoAxeViolations,
  expectNoSidewaysScrolling,
  problemsAfterSubmitting,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

describe('the service-quality plans in a browser', () => {
  for (const path of ['/plans', '/plans/2012', '/en/plans', '/en/plans/2012']) {
    it(`axe: zero WCAG 2.1 AA violations on ${path}`, (context) =>
      server.expectAccessiblePublicPage(context, path));
  }

  it('the plan reads on a 360-pixel phone screen without horizontal scrolling, in both languages', async (context) => {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const browserContext = await server.newContext(browser, { viewport: { width: 360, height: 740 } });
    try {
      const page = await browserContext.newPage();
      for (const path of ['/plans/2012', '/en/plans/2012']) {
        await page.goto(`${server.baseUrl}${path}`);
        await expectNoSidewaysScrolling(page, path);
      }
      // The contents lead to the items.
      await page.goto(`${server.baseUrl}/plans/2012`);
      const headings = await page.locator('main h3').allTextContents();
      assert.deepEqual(headings.slice(0, 2), [
        '一、提升服務品質，深化服務績效',
        '二、便捷服務程序，確保流程透明',
      ]);
    } finally {
      await browserContext.close();
    }
  });

  it('a unit editor’s staff home: each performance link says where it goes (issue 14 §15)', async (context) => {
    await server.withStaffPage(
      context,
      { role: 'unit_editor', unitCode: 'road-maintenance' },
      '/staff',
      async (page) => {
        const link = page.locator('main a[href="/staff/work-plans"]');
        assert.equal(await link.count(), 1);
        const label = (await link.textContent()) ?? '';
        assert.match(label, /^本單位工作計畫：/);
        assert.doesNotMatch(label, /管考|執行計畫進度|年度績效報告/, 'not the words of other pages');
        await link.click();
        await page.waitForURL(/\/staff\/work-plans$/);
        assert.match((await page.locator('h1').textContent()) ?? '', /工作計畫/);
        await expectNoAxeViolations(page, 'the unit’s work plans, from the staff home');
      },
    );
  });

  it('the secretariat edits a practice through the plain forms: the edit page, its error summary and the overview have no violations', async (context) => {
    await server.withStaffPage(context, { role: 'secretariat' }, '/staff/plans', async (page) => {
      await expectNoAxeViolations(page, 'the list of plans');

      // Copy 2012 to a new year, then open a practice of the draft.
      await page.fill('#toYear', '2028');
      await page.click('main form[action="/staff/plans/copy"] button');
      await page.waitForURL(/\/staff\/plans\/2028\?copied=1$/);
      await expectNoAxeViolations(page, 'the draft’s overview');
      const plan = await getPlan(server.database.db, 2028);
      const practice = plan?.items[0]?.strategies[1]?.practices[8];
      assert.ok(practice);
      await page.click(`a[href="/staff/plans/2028/practices/${practice.id}"]`);
      await page.waitForURL(new RegExp(`/staff/plans/2028/practices/${practice.id}$`));
      assert.equal(await page.inputValue('#number'), '9');
      // The third choice, 「不訂期限」 (ids as GOV.UK numbers them: deadlineKind, deadlineKind-2, deadlineKind-3).
      assert.equal(await page.inputValue('#deadlineKind-3'), 'none');
      assert.equal(await page.isChecked('#deadlineKind-3'), true);
      await expectNoAxeViolations(page, 'the practice edit page');

      await page.fill('#text', '');
      await page.check('#deadlineKind');
      await page.fill('#deadlineRocYear', '117');
      await page.fill('#deadlineMonth', '13');
      await page.check('#everyUnit');
      await page.check('#unitCodes');
      const problems = await problemsAfterSubmitting(
        page,
        'main form[method="post"] button.govuk-button:not(.govuk-button--warning)',
      );
      assert.match(await page.title(), /^錯誤：編輯推動作法 一\(二\)9/);
      assert.deepEqual(problems, [
        '推動作法內容：請填寫此欄位。',
        '月：月份請填 1 到 12。',
        '承辦單位：已勾選「本局各單位暨所屬機關」，就不必再勾選個別單位；請擇一。',
      ]);
      assert.equal(await page.inputValue('#deadlineMonth'), '13', 'what was typed is kept');
      await expectNoAxeViolations(page, 'the practice edit page with errors');
    });
  });
});
