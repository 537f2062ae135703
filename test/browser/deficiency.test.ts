import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CaseRow } from '../../src/modules/cases/core/case-actor.ts';
import { caseActorOf, testCasesContext } from '../../src/modules/cases/core/cases-test-support.ts';
import { openCase } from '../../src/modules/cases/core/open-case.ts';
import { transitionCase } from '../../src/modules/cases/core/transition-case.ts';
import { aStaffMember, type TestStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { samplePdf } from '../../src/platform/uploads/upload-test-support.ts';
import {
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  problemsAfterSubmitting,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

/**
 * Issue 11 §2 in a browser: the handler's issuing form (nothing ticked → the problem, then the notice), the
 * notice page, the applicant's supplement on /track (a missing item listed, then complete) and the counts
 * page: every page and error state with zero WCAG 2.1 AA violations.
 */
let row: CaseRow;
let handlerMember: TestStaffMember;

before(async () => {
  const db = server.database.db;
  handlerMember = await aStaffMember(db, { role: 'handler', unitCode: 'building' });
  const context = () => testCasesContext(server);
  const opened = await openCase(
    context(),
    {
      serviceCode: 'building-construction-start',
      channel: 'counter',
      applicantType: 'person',
      applicantName: '王大明',
      applicantEmail: 'browser.applicant@example.tw',
      applicantLang: 'zh-TW',
      consent: true,
      description: '申報建築工程開工。',
      formData: {
        'permit-number': '113高市工建築字第01234號',
        'start-date': '2026-12-01',
        'builder-name': '四維營造有限公司',
        'contact-phone': '07-1234567',
      },
    },
    caseActorOf(handlerMember),
  );
  row = await transitionCase(
    context(),
    { caseId: opened.id, expectedVersion: opened.version, event: 'accept', input: {} },
    caseActorOf(handlerMember),
  );
});

describe('the deficiency notice in a browser', () => {
  it('the handler issues it: nothing ticked is listed and focused, then the notice page; no violations', async (t) => {
    await server.withStaffPage(
      t,
      handlerMember,
      `/staff/cases/${row.caseNumber}/deficiency`,
      async (page) => {
        await expectNoAxeViolations(page, 'the issuing form');
        const submit = 'main form[method="post"] button[type="submit"]';
        assert.deepEqual(await problemsAfterSubmitting(page, submit), [
          '請至少勾選一項須補正的項目，或填寫其他事項。',
        ]);
        await expectFocusedErrorSummary(page);
        await expectNoAxeViolations(page, 'the issuing form with its problem');
        await page.check('#tick-checklist-construction-plan');
        await page.fill('#note-checklist-construction-plan', '缺監造人簽章頁');
        await page.check('#tick-field-permit-number');
        await page.fill('#note-field-permit-number', '字號與建管系統不符');
        await page.click(submit);
        await page.waitForSelector('#notice');
        assert.equal(await page.locator('#notice-items [data-item]').count(), 2);
        await expectNoAxeViolations(page, 'the notice page');
      },
    );
  });

  it('the applicant supplements on /track: a missing item listed, then complete; no violations', async (t) => {
    await server.withAxePage(t, async (page) => {
      const query = new URLSearchParams({ case: row.caseNumber, code: row.lookupCode });
      await page.goto(`${server.baseUrl}/track?${query.toString()}`);
      await page.waitForSelector('[data-deficiency-notice]');
      await expectNoAxeViolations(page, '/track with the notice');
      await page.click('[data-deficiency-notice] a.govuk-button');
      await page.waitForSelector('form[enctype="multipart/form-data"]');
      await expectNoAxeViolations(page, 'the supplement form');
      // The applicant's own A4 copy of the notice, and back to the form from it.
      await page.click('#notice-copies a:not([download])');
      await page.waitForURL(/\/track\/supplement\/notice\?/);
      assert.match((await page.locator('main').textContent()) ?? '', /缺監造人簽章頁/);
      await expectNoAxeViolations(page, 'the applicant’s copy of the notice');
      await page.goBack();
      await page.waitForSelector('form[enctype="multipart/form-data"]');
      const submit = 'main form[enctype="multipart/form-data"] button[type="submit"]';
      await page.fill('#answer-field-permit-number', '113高市工建築字第01243號');
      assert.deepEqual(await problemsAfterSubmitting(page, submit), ['「施工計畫書」請上傳補正的文件。']);
      await expectFocusedErrorSummary(page);
      assert.equal(await page.inputValue('#answer-field-permit-number'), '113高市工建築字第01243號');
      await expectNoAxeViolations(page, 'the supplement form with its problem');
      await page.setInputFiles('#file-checklist-construction-plan', {
        name: '施工計畫書.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf(),
      });
      await page.click(submit);
      await page.waitForSelector('.govuk-notification-banner--success');
      await expectNoAxeViolations(page, '/track after the supplement');
    });
  });

  it('the counts page; no violations', async (t) => {
    await server.withStaffPage(t, { role: 'secretariat' }, '/staff/deficiency-notices', async (page) => {
      assert.equal(await page.locator('#by-service [data-code="building-construction-start"]').count(), 1);
      await expectNoAxeViolations(page, 'the counts page');
    });
  });
});
