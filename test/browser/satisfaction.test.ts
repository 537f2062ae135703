import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { CaseRow } from '../../src/modules/cases/core/case-actor.ts';
import { cases } from '../../src/modules/cases/core/cases-schema.ts';
import {
  caseActorOf,
  sidewalkPetition,
  testCasesContext,
} from '../../src/modules/cases/core/cases-test-support.ts';
import { openCase } from '../../src/modules/cases/core/open-case.ts';
import { transitionCase } from '../../src/modules/cases/core/transition-case.ts';
import { aStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import {
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  problemsAfterSubmitting,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

/**
 * Issue 11 §4 in a browser: the satisfaction question on /track (empty → the problem, then answered → thanks),
 * the staff results page (with an answer, and with a bad period), and the case page's resolve form with its
 * optional file sent empty: every page and error state with zero WCAG 2.1 AA violations.
 */
let closedOne: CaseRow;
let inProgress: CaseRow;

before(async () => {
  const db = server.database.db;
  const handler = caseActorOf(await aStaffMember(db, { role: 'handler' }));
  const context = () => testCasesContext(server);
  const move = (row: CaseRow, event: Parameters<typeof transitionCase>[1]['event'], input = {}) =>
    transitionCase(context(), { caseId: row.id, expectedVersion: row.version, event, input }, handler);
  closedOne = await openCase(context(), sidewalkPetition(), handler);
  closedOne = await move(closedOne, 'accept');
  closedOne = await move(closedOne, 'start');
  closedOne = await move(closedOne, 'resolve', { resolution: '已更換破損地磚。' });
  closedOne = await move(closedOne, 'close');
  inProgress = await openCase(context(), sidewalkPetition(), handler);
  inProgress = await move(inProgress, 'accept');
  inProgress = await move(inProgress, 'start');
  // Nobody's case of the unit: any of its handlers may decide it.
  await db.update(cases).set({ handlerId: null }).where(eq(cases.id, inProgress.id));
});

describe('satisfaction and the issued document in a browser', () => {
  it('the applicant answers on /track: the missing score is listed and focused, then thanks; no violations', async (t) => {
    await server.withAxePage(t, async (page) => {
      const query = new URLSearchParams({ case: closedOne.caseNumber, code: closedOne.lookupCode });
      await page.goto(`${server.baseUrl}/track?${query.toString()}#satisfaction`);
      assert.equal(await page.locator('[data-satisfaction="ask"]').count(), 1);
      await expectNoAxeViolations(page, '/track with the satisfaction question');
      const submit = 'main form[action$="/track/satisfaction"] button[type="submit"]';
      await page.fill('#comment', '說明清楚。');
      assert.deepEqual(await problemsAfterSubmitting(page, submit), ['請選擇滿意度']);
      await expectFocusedErrorSummary(page);
      assert.equal(await page.inputValue('#comment'), '說明清楚。', 'what was typed is kept');
      await expectNoAxeViolations(page, '/track with the satisfaction problem');
      await page.check('main input[name="score"][value="5"]');
      await page.click(submit);
      await page.waitForSelector('[data-satisfaction="answered"]');
      await expectNoAxeViolations(page, '/track once answered');
    });
  });

  it('the secretariat reads the results, and a bad period is listed; no violations', async (t) => {
    await server.withStaffPage(t, { role: 'secretariat' }, '/staff/satisfaction', async (page) => {
      assert.equal(await page.locator('[data-results="unit"] [data-code="road-maintenance"]').count(), 1);
      await expectNoAxeViolations(page, 'the satisfaction results');
      await page.fill('#from', '2026-13-01');
      await page.click('main form[method="get"] button[type="submit"]');
      await page.waitForSelector('.govuk-error-summary');
      await expectNoAxeViolations(page, 'the results with a bad period');
    });
  });

  it('the resolve form with its optional file, sent without an answer: the problem listed; no violations', async (t) => {
    await server.withStaffPage(
      t,
      { role: 'handler' },
      `/staff/cases/${inProgress.caseNumber}`,
      async (page) => {
        await page.click('#action-resolve summary');
        assert.equal(await page.locator('#resolve-issuedDocument').count(), 1);
        await expectNoAxeViolations(page, 'the case page with the resolve form open');
        await page.click('#action-resolve form button[type="submit"]');
        await page.waitForSelector('.govuk-error-summary');
        await expectNoAxeViolations(page, 'the resolve form with a problem');
      },
    );
  });
});
