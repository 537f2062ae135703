import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import type { CaseRow } from '../../src/modules/cases/core/case-actor.ts';
import {
  potholeReport,
  sidewalkPetition,
  testCasesContext,
} from '../../src/modules/cases/core/cases-test-support.ts';
import { openCase } from '../../src/modules/cases/core/open-case.ts';
import { aStaffMember, type TestStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { plainJpeg } from '../../src/platform/images/photo-test-support.ts';
import {
  browserOrSkip,
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  expectNoSidewaysScrolling,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';
import { TestClock } from '../helpers/test-app.ts';

/**
 * The staff console in Chromium: a handler signs in by keyboard, opens the unit queue and a case, and
 * sends an action with a missing reason. axe-core finds no WCAG 2.1 AA violation on any of these pages.
 */

const server = await startBrowserTestServer({ clock: new TestClock(new Date('2026-03-02T02:00:00Z')) });

describe('staff console in a real browser', () => {
  // The handler's session, for axe (which needs the CSP bypassed), shared by the tests below.
  let context: BrowserContext | null = null;
  let handler: TestStaffMember;
  let first: CaseRow;
  let pothole: CaseRow;

  before(async () => {
    const db = server.database.db;
    handler = await aStaffMember(db, { role: 'handler', displayName: '陳承辦' });
    first = await openCase(testCasesContext(server), sidewalkPetition({ subject: '中正三路人行道破損' }), {
      kind: 'system',
    });
    pothole = await openCase(
      testCasesContext(server),
      potholeReport({
        subject: '博愛二路坑洞',
        formData: { size: 'large' },
        applicantName: '李大華',
      }),
      { kind: 'system' },
    );
  });

  it('a handler signs in, opens the queue and a case page, and an action without its reason shows every problem; axe finds nothing', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await server.newAxePage(browser);
    context = page.context();

    await page.goto(`${server.baseUrl}/staff/cases/unit`);
    await page.waitForURL(/\/staff\/sign-in/);
    await page.fill('#email', handler.email);
    await page.fill('#password', handler.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/cases\/unit$/);
    assert.equal(await page.locator('h1').textContent(), '單位案件');
    const rows = await page.locator('tbody tr[data-case-number]').count();
    assert.equal(rows, 2);
    assert.equal(await page.locator('tbody tr[data-case-number] .govuk-tag').first().textContent(), '正常');
    await expectNoAxeViolations(page, 'the unit queue');

    await page.click(`a[href="/staff/cases/${first.caseNumber}"]`);
    await page.waitForURL(new RegExp(`/staff/cases/${first.caseNumber}$`));
    assert.equal(await page.locator('h1').textContent(), `案件 ${first.caseNumber}`);
    assert.match((await page.locator('#applicant').textContent()) ?? '', /王小明/);
    await expectNoAxeViolations(page, 'the case page');

    // Without JavaScript-only widgets: the action is a <details> with a plain form.
    await page.click('#action-reject summary');
    await page.click('#action-reject button[type="submit"]');
    await page.waitForSelector('.govuk-error-summary');
    await expectFocusedErrorSummary(page);
    assert.match(
      (await page.locator('.govuk-error-summary').textContent()) ?? '',
      /請填寫原因或需補正的事項/,
    );
    assert.equal(await page.locator('#action-reject').getAttribute('open'), '');
    await expectNoAxeViolations(page, 'the case page with a validation error');

    await page.goto(`${server.baseUrl}/en/staff/cases/${first.caseNumber}`);
    assert.equal(await page.locator('h1').textContent(), `Case ${first.caseNumber}`);
    await expectNoAxeViolations(page, 'the English case page');
    await page.close();
  });

  it('a supervisor’s unit queue (with the bulk-assignment checkboxes) and the supervision view have no axe violations', async (t) => {
    const supervisor = { role: 'supervisor', displayName: '林主管' } as const;
    await server.withStaffPage(t, supervisor, '/staff/supervision', async (page) => {
      await expectNoAxeViolations(page, 'the supervision view');
      await page.goto(`${server.baseUrl}/staff/cases/unit`);
      assert.equal(await page.locator('input[name="caseIds"]').count(), 2);
      await expectNoAxeViolations(page, 'the supervisor’s unit queue');
      // Nothing ticked, no officer chosen: both problems at once.
      await page.click('main form[method="post"] button[type="submit"]');
      await page.waitForSelector('.govuk-error-summary');
      assert.equal(await page.locator('.govuk-error-summary li').count(), 2);
      await expectNoAxeViolations(page, 'the unit queue with an assignment error');
    });
  });

  it('the queue fits a 320-pixel screen: the wide table scrolls in its own box, not the page', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser || context === null) return;
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto(`${server.baseUrl}/staff/cases/unit`);
    await expectNoSidewaysScrolling(page);
    await page.close();
  });

  // Last: the fix finishes the report, which leaves the queues the tests above count.
  it('a field report is dispatched to a crew, then marked fixed with the crew’s note; axe finds nothing', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser || context === null) return;
    const page = await context.newPage();
    const casePage = `${server.baseUrl}/staff/cases/${pothole.caseNumber}`;
    const state = () => page.locator('#summary [data-case-state]').getAttribute('data-case-state');
    try {
      await page.goto(casePage);
      assert.equal(await page.locator('#action-accept').count(), 0, 'a field report is not “accepted”');
      await page.click('#action-dispatch summary');
      await page.click('#action-dispatch button[type="submit"]');
      await page.waitForURL(`${casePage}?done=dispatch`);
      assert.equal(await state(), 'dispatched');
      await expectNoAxeViolations(page, 'the case page of a dispatched field report');

      // A fix needs an after-photo: the case page sends the crew to the crew page's form for it.
      await page.click('#action-mark_fixed summary');
      const toCrewPage = page.locator('#action-mark_fixed a');
      assert.equal(await toCrewPage.getAttribute('href'), `/staff/crew/${pothole.caseNumber}/fixed`);
      assert.match((await toCrewPage.textContent()) ?? '', /修復後照片/);
      await toCrewPage.click();
      await page.waitForURL(`${server.baseUrl}/staff/crew/${pothole.caseNumber}/fixed`);
      await page.setInputFiles('input[type="file"]', {
        name: 'after.jpg',
        mimeType: 'image/jpeg',
        buffer: await plainJpeg(640, 480),
      });
      await page.fill('textarea[name="resolution"]', '已以冷料填補坑洞。');
      await page.click('main button[type="submit"]');
      await page.waitForLoadState();
      await page.goto(casePage);
      assert.equal(await state(), 'fixed');
      // Closing a fixed report sends nothing, and says so.
      assert.match(
        (await page.locator('#action-close').textContent()) ?? '',
        /修復時已通知通報人，結案不另行通知。/,
      );
      await expectNoAxeViolations(page, 'the case page of a fixed field report');
    } finally {
      await page.close();
    }
  });
});
