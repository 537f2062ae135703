import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import type { CaseRow } from '../../src/modules/cases/core/case-actor.ts';
import { storeAttachments } from '../../src/modules/cases/core/case-attachments.ts';
import {
  caseActorOf,
  sidewalkReport,
  testCasesContext,
} from '../../src/modules/cases/core/cases-test-support.ts';
import { openCase } from '../../src/modules/cases/core/open-case.ts';
import { transitionCase } from '../../src/modules/cases/core/transition-case.ts';
import { aStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { samplePng } from '../../src/platform/uploads/upload-test-support.ts';
import { browserOrSkip, closeBrowser, expectNoAxeViolations } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/test-server.ts';

// Top level: the test database helper's clean-up must be registered outside any hook.
const server = await startTestServer();
after(async () => {
  await closeBrowser();
  await server.stop();
});

/** An open case with a transfer, a public note and a photo; and a closed one (the reopen form). */
let openOne: CaseRow;
let closedOne: CaseRow;

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

  openOne = await openCase(context(), sidewalkReport(), clerk);
  openOne = await move(openOne, 'transfer', { targetUnit: 'parks', reason: '地點在公園範圍內。' });
  openOne = await move(openOne, 'accept', {}, parksHandler);
  openOne = await move(openOne, 'start', { publicNote: '已派員現場勘查。' }, parksHandler);
  const png = samplePng();
  await storeAttachments(
    db,
    openOne.id,
    [
      {
        fieldName: 'attachments',
        fileName: '現場照片.png',
        mediaType: 'image/png',
        extension: 'png',
        sizeBytes: png.length,
        content: png,
      },
    ],
    { staffId: clerk.id },
    server.clock.now(),
  );

  closedOne = await openCase(
    context(),
    sidewalkReport({ applicantName: 'John Smith', applicantLang: 'en' }),
    clerk,
  );
  closedOne = await move(closedOne, 'accept');
  closedOne = await move(closedOne, 'start');
  closedOne = await move(closedOne, 'resolve', {
    resolution: 'The paving was relaid.\n\nThank you for the report.',
  });
  closedOne = await move(closedOne, 'close');
});

const trackUrl = (prefix: '' | '/en', row: CaseRow) =>
  `${server.baseUrl}${prefix}/track?${new URLSearchParams({ case: row.caseNumber, code: row.lookupCode }).toString()}`;

describe('the public look-up in a browser', () => {
  // axe-core is injected as an inline script, which our CSP rightly blocks: these pages bypass it.
  let axeContext: BrowserContext | null = null;
  after(async () => {
    await axeContext?.close();
  });

  for (const prefix of ['', '/en'] as const) {
    it(`axe: zero WCAG 2.1 AA violations on ${prefix}/track empty, with an error, and with cases`, async (t) => {
      const browser = await browserOrSkip(t);
      if (!browser) return;
      axeContext ??= await browser.newContext({ bypassCSP: true });
      const page = await axeContext.newPage();
      try {
        const response = await page.goto(`${server.baseUrl}${prefix}/track`);
        assert.equal(response?.status(), 200);
        await expectNoAxeViolations(page, `${prefix}/track empty`);

        await page.click('main form[method="post"] button[type="submit"]');
        await page.waitForSelector('.govuk-error-summary');
        assert.equal(await page.locator('.govuk-error-summary li').count(), 2);
        assert.equal(
          await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
          true,
          'focus is on the error summary',
        );
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

        await page.click('main form[action$="/track/reopen"] button[type="submit"]');
        await page.waitForSelector('.govuk-error-summary');
        await expectNoAxeViolations(page, `${prefix}/track with a problem in the reopen form`);
      } finally {
        await page.close();
      }
    });
  }

  it('the form is filled in and sent with the keyboard alone, under the Content-Security-Policy', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await browser.newPage();
    const policyViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    try {
      await page.goto(`${server.baseUrl}/track`);
      // From the top of the page, Tab until the case number field has focus (skip link, header, navigation…).
      let presses = 0;
      while ((await page.evaluate(() => document.activeElement?.id)) !== 'caseNumber') {
        await page.keyboard.press('Tab');
        presses += 1;
        assert.ok(presses < 80, 'the case number field is reachable with Tab');
      }
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
      assert.deepEqual(policyViolations, []);
    } finally {
      await page.close();
    }
  });
});
