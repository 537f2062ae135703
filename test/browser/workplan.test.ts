import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getWorkPlan } from '../../src/modules/control/work-plans/work-plan-reads.ts';
import type { StaffRole } from '../../src/platform/auth/principal.ts';
import { browserOrSkip, expectNoAxeViolations, problemsAfterSubmitting } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

const unit = 'planning';
const planPath = `/staff/work-plans/2012/${unit}`;

/** A new staff member of `role` (of the plan's unit when the role has one), signed in and on `landing`. */
async function personAt(
  browser: Browser,
  contexts: BrowserContext[],
  role: StaffRole,
  landing: string,
): Promise<Page> {
  const hasUnit = role === 'unit_editor' || role === 'unit_head';
  const page = await server.staffPage(browser, { role, ...(hasUnit ? { unitCode: unit } : {}) }, landing);
  contexts.push(page.context());
  return page;
}

async function fillMethod(
  page: Page,
  method: string,
  targets: { indicator: string; baseline: string; target: string }[],
): Promise<void> {
  await page.fill('#itemText', '一、提升服務品質，深化服務績效');
  await page.fill('#focusText', '縮短申辦時間');
  await page.fill('#methodText', method);
  await page.check('#practiceIds');
  for (const [index, target] of targets.entries()) {
    const n = index + 1;
    await page.fill(`#target-${n}-indicator`, target.indicator);
    await page.fill(`#target-${n}-unitOfMeasure`, '%');
    await page.fill(`#target-${n}-baseline`, target.baseline);
    await page.fill(`#target-${n}-target`, target.target);
    await page.fill(`#target-${n}-measurement`, '每月統計');
  }
}

async function act(page: Page, action: string, done: string): Promise<void> {
  await page.goto(`${server.baseUrl}${planPath}`);
  await page.click(`main form[action="${planPath}/${action}"] button`);
  await page.waitForURL(new RegExp(`${planPath}\\?done=${done}$`));
}

describe('a unit’s work plan in a browser', () => {
  it('editor drafts two quantified methods, head approves, secretariat returns with two comments, editor fixes, head approves, secretariat accepts: no axe violations on the way', async (context) => {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const contexts: BrowserContext[] = [];
    try {
      // The editor starts the draft from the overview.
      const editor = await personAt(browser, contexts, 'unit_editor', '/staff/work-plans');
      await expectNoAxeViolations(editor, 'the unit’s work plan list');
      await editor.click('main form[action="/staff/work-plans/2012"] button');
      await editor.waitForURL(new RegExp(`${planPath}$`));
      await expectNoAxeViolations(editor, 'the new draft');

      // The first method, first with a target that is not a number.
      await editor.click(`main a[href="${planPath}/rows/new"]`);
      await editor.waitForURL(new RegExp(`${planPath}/rows/new$`));
      await expectNoAxeViolations(editor, 'the method form');
      // Nothing typed: each of the three empty texts is named, not 「請填寫此欄位」 three times (issue 14 §15).
      const empty = await problemsAfterSubmitting(editor, `main form[action="${planPath}/rows/new"] button`);
      assert.deepEqual(empty.slice(0, 3), ['請填寫實施要項。', '請填寫工作重點。', '請填寫工作(推動)方法。']);
      assert.ok(!empty.some((problem) => problem.includes('請填寫此欄位')), empty.join('\n'));
      await expectNoAxeViolations(editor, 'the empty method form with errors');
      await fillMethod(editor, '線上申辦一次完成', [
        { indicator: '線上申辦比率', baseline: '40', target: 'abc' },
        { indicator: '', baseline: '7', target: '5' },
      ]);
      assert.deepEqual(
        await problemsAfterSubmitting(editor, `main form[action="${planPath}/rows/new"] button`),
        ['目標 1：目標值請填數字，例如 95。', '目標 2：請填寫指標。'],
      );
      assert.match(await editor.title(), /^錯誤：/);
      await expectNoAxeViolations(editor, 'the method form with errors');
      await editor.fill('#target-1-target', '60');
      await editor.fill('#target-2-indicator', '平均辦理天數');
      await editor.click(`main form[action="${planPath}/rows/new"] button`);
      await editor.waitForURL(new RegExp(`${planPath}\\?done=saved$`));
      await expectNoAxeViolations(editor, 'the draft with one method');

      // The second method.
      await editor.click(`main a[href="${planPath}/rows/new"]`);
      await fillMethod(editor, '流程再造', [{ indicator: '簡化表單數', baseline: '0', target: '12' }]);
      await editor.click(`main form[action="${planPath}/rows/new"] button`);
      await editor.waitForURL(new RegExp(`${planPath}\\?done=saved$`));
      assert.equal(await editor.locator('main .ow-workplan-row').count(), 2);
      assert.equal(await editor.locator('main .ow-workplan-target').count(), 3);
      await act(editor, 'submit', 'submit');
      await expectNoAxeViolations(editor, 'the submitted work plan');

      // The head approves.
      const head = await personAt(browser, contexts, 'unit_head', planPath);
      await expectNoAxeViolations(head, 'the head’s review page');
      await act(head, 'approve', 'approve');
      await expectNoAxeViolations(head, 'the approved work plan');

      // The secretariat returns it with two comments, in one action.
      const secretariat = await personAt(browser, contexts, 'secretariat', '/staff/work-plans?year=2012');
      await expectNoAxeViolations(secretariat, 'the secretariat’s overview');
      assert.equal(
        await secretariat.locator('main tr[data-unit="planning"] td[data-state]').getAttribute('data-state'),
        'approved_by_head',
      );
      await secretariat.click(`main a[href="${planPath}"]`);
      await secretariat.waitForURL(new RegExp(`${planPath}$`));
      await expectNoAxeViolations(secretariat, 'the secretariat’s review page');
      const plan = await getWorkPlan(server.database.db, 2012, unit);
      const firstRow = plan?.rows[0];
      assert.ok(firstRow);
      await secretariat.fill('#comment-plan', '請補充計畫目標的依據。');
      await secretariat.fill(`#comment-${firstRow.id}`, '目標值偏低，請提高到 70%。');
      await secretariat.click(`main form[action="${planPath}/return"] button`);
      await secretariat.waitForURL(new RegExp(`${planPath}\\?done=return$`));
      await expectNoAxeViolations(secretariat, 'the returned work plan');
      const returned = await getWorkPlan(server.database.db, 2012, unit);
      assert.equal(returned?.state, 'returned');
      assert.equal(returned?.comments.length, 2);

      // The editor reads the comments, fixes the method and submits again.
      await editor.goto(`${server.baseUrl}${planPath}`);
      assert.equal(await editor.locator('main .ow-workplan-comment').count(), 2);
      await expectNoAxeViolations(editor, 'the returned work plan with comments');
      await editor.click(`main a[href="${planPath}/rows/${firstRow.id}"]`);
      await editor.waitForURL(new RegExp(`${planPath}/rows/${firstRow.id}$`));
      assert.equal(await editor.inputValue('#target-1-target'), '60');
      await expectNoAxeViolations(editor, 'the method edit form');
      await editor.fill('#target-1-target', '70');
      await editor.click(`main form[action="${planPath}/rows/${firstRow.id}"] button`);
      await editor.waitForURL(new RegExp(`${planPath}\\?done=saved$`));
      await act(editor, 'submit', 'submit');

      // The head approves again; the secretariat accepts and publishes.
      await act(head, 'approve', 'approve');
      await act(secretariat, 'accept', 'accept');
      await expectNoAxeViolations(secretariat, 'the accepted work plan');
      assert.equal((await getWorkPlan(server.database.db, 2012, unit))?.state, 'accepted');
      await act(secretariat, 'publish', 'publish');
      const published = await getWorkPlan(server.database.db, 2012, unit);
      assert.equal(published?.state, 'published');
      assert.deepEqual(
        published?.rows.map((row) => row.targets.map((target) => target.target)),
        [[70, 5], [12]],
      );

      // The public pages, in both languages.
      for (const path of [`/work-plans/2012/${unit}`, `/en/work-plans/2012/${unit}`, '/work-plans/2012']) {
        const response = await secretariat.goto(`${server.baseUrl}${path}`);
        assert.equal(response?.status(), 200, path);
        await expectNoAxeViolations(secretariat, path);
      }
      // Reachable by following links (issue 14 §15): site map → work plans → the year → the unit's plan,
      // and from the year's plan.
      await secretariat.goto(`${server.baseUrl}/sitemap`);
      await secretariat.click('main a[href="/work-plans"]');
      await secretariat.waitForURL(/\/work-plans$/);
      await expectNoAxeViolations(secretariat, '/work-plans');
      await secretariat.click('main a[href="/work-plans/2012"]');
      await secretariat.waitForURL(/\/work-plans\/2012$/);
      assert.equal(await secretariat.locator(`main a[href="/work-plans/2012/${unit}"]`).count(), 1);
      await secretariat.goto(`${server.baseUrl}/plans/2012`);
      await secretariat.click('#work-plans-link a');
      await secretariat.waitForURL(/\/work-plans\/2012$/);
      await secretariat.goto(`${server.baseUrl}/en/plans/2012`);
      await secretariat.click('#work-plans-link a');
      await secretariat.waitForURL(/\/en\/work-plans\/2012$/);
      assert.equal(await secretariat.locator(`main a[href="/en/work-plans/2012/${unit}"]`).count(), 1);
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
