import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoAxeViolations, problemsAfterSubmitting } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

describe('spot checks in a browser', () => {
  it('the secretariat sends a bad check (every problem listed), corrects it, and sees the check and the list: no WCAG 2.1 AA violations', async (context) => {
    await server.withStaffPage(context, { role: 'secretariat' }, '/staff/checks/new', async (page) => {
      await expectNoAxeViolations(page, 'the new-check form');

      await page.fill('#checkDate', '115/2/30');
      await page.check('#kind');
      await page.fill('#subject', '服務電話');
      await page.fill('#score', '120');
      await page.fill('#action1Description', '接聽電話先報單位名稱');
      await page.fill('#action1Deadline', '下週');
      const problems = await problemsAfterSubmitting(page, 'main form button[type="submit"]');
      assert.match(await page.title(), /^錯誤：/);
      assert.deepEqual(problems, [
        '查核日期：請填寫正確的日期，例如 115/3/2 或 2026-03-02。',
        '受查核單位：請從清單選擇單位。',
        '分數（0–100）：分數請填 0 到 100 的整數。',
        '發現事項：請填寫此欄位。',
        '第 1 項：完成期限：請填寫正確的日期，例如 115/3/2 或 2026-03-02。',
      ]);
      await expectNoAxeViolations(page, 'the new-check form with errors');

      await page.fill('#checkDate', '115/3/1');
      await page.selectOption('#unitCode', 'road-maintenance');
      await page.fill('#score', '72');
      await page.fill('#findings', '接聽時未報單位名稱。');
      await page.fill('#action1Deadline', '115/3/20');
      await page.click('main form button[type="submit"]');
      await page.waitForURL(/\/staff\/checks\/[0-9a-f-]{36}\?done=saved$/);
      assert.match((await page.locator('h1').textContent()) ?? '', /電話禮貌測試：道路養護工程處/);
      await expectNoAxeViolations(page, 'a check’s page');

      const checkUrl = page.url().replace(/\?.*$/, '');
      // A correction: the reason is required once recorded; the corrections list shows before → after.
      await page.click('main a[href$="/edit"]');
      await page.waitForURL(/\/edit$/);
      await expectNoAxeViolations(page, 'the correction form');
      await page.fill('#score', '80');
      assert.deepEqual(await problemsAfterSubmitting(page, 'main form button[type="submit"]'), [
        '修正原因：請說明修正的原因。',
      ]);
      await expectNoAxeViolations(page, 'the correction form with errors');
      await page.fill('#reason', '錄音複聽後更正分數');
      await page.click('main form button[type="submit"]');
      await page.waitForURL(/\?done=revised$/);
      assert.match(
        (await page.locator('main table[aria-labelledby="revisions"]').textContent()) ?? '',
        /分數：72 → 80/,
      );
      await expectNoAxeViolations(page, 'a check with its corrections');

      await page.goto(`${server.baseUrl}/staff/checks?year=2026`);
      assert.equal(await page.locator('main table tbody tr').count(), 1);
      // The 2012 unit and today's are told apart (issue 14 §15): in the filter and in the table.
      const options = await page.locator('main select[name="unit"] option').allTextContents();
      assert.ok(
        options.includes('養護工程處（已改制，業務由道路養護工程處、公園處承接）'),
        options.join('|'),
      );
      assert.ok(options.includes('道路養護工程處（現行組織，承接養護工程處業務）'), options.join('|'));
      assert.equal(
        (await page.locator('main table tbody tr td').nth(1).textContent())?.trim(),
        '道路養護工程處（現行組織，承接養護工程處業務）',
      );
      await expectNoAxeViolations(page, 'the list of checks');

      // The unit's editor: its page, and a follow-up with a problem on the check's page.
      await server.withStaffPage(
        context,
        { role: 'unit_editor', unitCode: 'road-maintenance' },
        '/staff/unit-checks',
        async (unitPage) => {
          assert.equal(await unitPage.locator('main table tbody tr').count(), 1);
          await expectNoAxeViolations(unitPage, 'the unit’s checks');
          await unitPage.goto(checkUrl);
          await unitPage.fill('main form[enctype="multipart/form-data"] input[name="entryDate"]', '115/3/2');
          assert.deepEqual(
            await problemsAfterSubmitting(
              unitPage,
              'main form[enctype="multipart/form-data"] button[type="submit"]',
            ),
            ['辦理情形：請填寫此欄位。'],
          );
          await expectNoAxeViolations(unitPage, 'a follow-up with a problem');
        },
      );
    });
  });
});
