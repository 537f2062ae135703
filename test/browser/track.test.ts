import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CaseRow } from '../../src/modules/cases/core/case-actor.ts';
import { storeAttachments } from '../../src/modules/cases/core/case-attachments.ts';
import {
  caseActorOf,
  potholeReport,
  sidewalkPetition,
  testCasesContext,
} from '../../src/modules/cases/core/cases-test-support.ts';
import { openCase } from '../../src/modules/cases/core/open-case.ts';
import { transitionCase } from '../../src/modules/cases/core/transition-case.ts';
import { aStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { uploadedPng } from '../../src/platform/uploads/upload-test-support.ts';
import {
  browserOrSkip,
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  tabUntilFocused,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

/**
 * An open case with a transfer, a public note and a photo; a closed one (the reopen form); and a fixed
 * field report (its "still not fixed" form).
 */
let openOne: CaseRow;
let closedOne: CaseRow;
let fixedOne: CaseRow;

before(async () => {
  const db = server.database.db;
  const clerk = caseActorOf(await aStaffMember(db, { role: 'counter_clerk' }));
  const roadHandler = caseActorOf(await aStaffMember(db, { role: 'handler' }));
  const parksHandler = caseActorOf(await aStaffMember(db, { role: 'handler', unitCode: 'parks' }));
  const context = () => testCasesContext(server);
  const move = (
    row: CaseRow,
    event: Parameters<typeof transitionCase>[1]['event'],
    input = {},
    actor = roadHandler,
  ) => transitionCase(context(), { caseId: row.id, expectedVersion: row.version, event, input }, actor);

  openOne = await openCase(
    context(),
    sidewalkPetition({ applicantAddress: '高雄市苓雅區四維三路2號5樓之3' }),
    clerk,
  );
  openOne = await move(openOne, 'transfer', { targetUnit: 'parks', reason: '地點在公園範圍內。' });
  openOne = await move(openOne, 'accept', {}, parksHandler);
  openOne = await move(openOne, 'start', { publicNote: '已派員現場勘查。' }, parksHandler);
  await storeAttachments(
    db,
    openOne.id,
    [uploadedPng('現場照片.png')],
    { staffId: clerk.id },
    server.clock.now(),
  );

  closedOne = await openCase(
    context(),
    sidewalkPetition({ applicantName: 'John Smith', applicantLang: 'en' }),
    clerk,
  );
  closedOne = await move(closedOne, 'accept');
  closedOne = await move(closedOne, 'start');
  closedOne = await move(closedOne, 'resolve', {
    resolution: 'The paving was relaid.\n\nThank you for the report.',
  });
  closedOne = await move(closedOne, 'close');

  fixedOne = await openCase(context(), potholeReport(), clerk);
  fixedOne = await move(fixedOne, 'dispatch', { publicNote: '已派維修班前往。' });
  fixedOne = await move(fixedOne, 'mark_fixed', { resolution: '已以冷料填補坑洞。' });
});

const trackUrl = (prefix: '' | '/en', row: CaseRow) =>
  `${server.baseUrl}${prefix}/track?${new URLSearchParams({ case: row.caseNumber, code: row.lookupCode }).toString()}`;

describe('the public look-up in a browser', () => {
  for (const prefix of ['', '/en'] as const) {
    it(`axe: zero WCAG 2.1 AA violations on ${prefix}/track empty, with an error, and with cases`, async (t) => {
      await server.withAxePage(t, async (page) => {
        const response = await page.goto(`${server.baseUrl}${prefix}/track`);
        assert.equal(response?.status(), 200);
        await expectNoAxeViolations(page, `${prefix}/track empty`);

        await page.click('main form[method="post"] button[type="submit"]');
        await page.waitForSelector('.govuk-error-summary');
        assert.equal(await page.locator('.govuk-error-summary li').count(), 2);
        await expectFocusedErrorSummary(page);
        await expectNoAxeViolations(page, `${prefix}/track with two problems`);

        await page.fill('#caseNumber', openOne.caseNumber);
        await page.fill('#lookupCode', 'ZZZZ2222');
        await page.click('main form[method="post"] button[type="submit"]');
        await page.waitForSelector('.govuk-error-summary');
        await expectNoAxeViolations(page, `${prefix}/track with "no such case"`);

        await page.goto(trackUrl(prefix, openOne));
        assert.equal(await page.locator('[data-state="in_progress"]').count(), 1);
        assert.equal(await page.locator('main form[action$="/track/attachment"]').count(), 1);
        assert.equal(await page.locator('main form[action$="/track/withdraw"]').count(), 1);
        await expectNoAxeViolations(page, `${prefix}/track with an open case`);

        await page.goto(trackUrl(prefix, closedOne));
        assert.equal(await page.locator('[data-state="closed"]').count(), 1);
        assert.equal(await page.locator('main form[action$="/track/reopen"]').count(), 1);
        await expectNoAxeViolations(page, `${prefix}/track with a closed case`);

        await page.goto(trackUrl(prefix, fixedOne));
        assert.equal(await page.locator('[data-state="fixed"]').count(), 1);
        assert.equal(await page.locator('main form[action$="/track/reopen"]').count(), 1);
        await expectNoAxeViolations(page, `${prefix}/track with a fixed field report`);

        await page.goto(trackUrl(prefix, closedOne));

        await page.click('main form[action$="/track/reopen"] button[type="submit"]');
        await page.waitForSelector('.govuk-error-summary');
        await expectNoAxeViolations(page, `${prefix}/track with a problem in the reopen form`);
      });
    });
  }

  it('the form is filled in and sent with the keyboard alone, under the Content-Security-Policy', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const policyViolations: string[] = [];
    const page = await server.newPolicyPage(browser, policyViolations);
    try {
      await page.goto(`${server.baseUrl}/track`);
      // From the top of the page (skip link, header, navigation…) to the case number field.
      await tabUntilFocused(page, 'caseNumber', 'the case number field');
      await page.keyboard.type(openOne.caseNumber);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'lookupCode');
      await page.keyboard.type(openOne.lookupCode.toLowerCase());
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-state="in_progress"]');
      assert.match(
        (await page.locator('h1').textContent()) ?? '',
        new RegExp(`案件 ${openOne.caseNumber} 辦理進度`),
      );
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, /王○明/);
      assert.match(main, /0912-\*\*\*-678/);
      assert.match(main, /已派員現場勘查。/);
      assert.doesNotMatch(main, /0912345678|王小明/);
      // The applicant's own address: the district and the road, nothing of the number or floor (issue 14).
      assert.match(main, /高雄市苓雅區四維三路/);
      assert.doesNotMatch(main, /四維三路[○0-9]|樓之|5樓/);
      assert.deepEqual(policyViolations, []);
    } finally {
      await page.context().close();
    }
  });
});
