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
import { roadExcavationLines } from '../../src/modules/cases/payment/payment-test-support.ts';
import { aStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { expectFocusedErrorSummary, expectNoAxeViolations } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

/** Two applications waiting for a fee of NT$5,000: one paid online, one at the counter. */
let online: CaseRow;
let counter: CaseRow;

before(async () => {
  const db = server.database.db;
  const clerk = caseActorOf(await aStaffMember(db, { role: 'counter_clerk' }));
  const handler = caseActorOf(await aStaffMember(db, { role: 'handler' }));
  const context = () => testCasesContext(server);
  const awaiting = async () => {
    const opened = await openCase(context(), sidewalkPetition(), clerk);
    const [row] = await db
      .update(cases)
      .set({ kind: 'application', feeAmountTwd: 5000, feeLines: roadExcavationLines })
      .where(eq(cases.id, opened.id))
      .returning();
    assert.ok(row);
    const move = (at: CaseRow, event: 'accept' | 'request_payment') =>
      transitionCase(context(), { caseId: at.id, expectedVersion: at.version, event, input: {} }, handler);
    return move(await move(row, 'accept'), 'request_payment');
  };
  online = await awaiting();
  counter = await awaiting();
});

const stateOf = async (row: CaseRow) => {
  const [current] = await server.database.db.select().from(cases).where(eq(cases.id, row.id));
  return current?.state;
};

describe('paying the fee in a browser', () => {
  it('/track → the fee → Pay → the simulator (模擬付款) → back paid: axe finds nothing on any page', async (t) => {
    await server.withAxePage(t, async (page) => {
      const query = new URLSearchParams({ case: online.caseNumber, code: online.lookupCode });
      await page.goto(`${server.baseUrl}/track?${query.toString()}`);
      assert.equal(await page.locator('[data-track-fee]').count(), 1);
      await expectNoAxeViolations(page, '/track waiting for the fee');
      await page.click('[data-track-fee] button[type="submit"]');
      await page.waitForSelector('[data-fee-total="5000"]');
      await expectNoAxeViolations(page, '/track/payment');
      await page.click('main form[action="/track/payment/start"] button[type="submit"]');
      await page.waitForSelector('[data-payment-simulator]');
      assert.match((await page.locator('h1').textContent()) ?? '', /模擬付款/);
      await expectNoAxeViolations(page, '/payment-simulator');
      await page.click('button[value="paid"]');
      await page.waitForSelector('[data-payment-return="paid"]');
      await expectNoAxeViolations(page, '/payment/return (paid)');
      assert.equal(await stateOf(online), 'in_progress');
    });
  });

  it('a counter clerk records a payment: the form, its problems, then done — axe finds nothing', async (t) => {
    await server.withStaffPage(
      t,
      { role: 'counter_clerk' },
      `/staff/cases/${counter.caseNumber}/payment`,
      async (page) => {
        assert.equal(await page.locator('[data-amount-due="5000"]').count(), 1);
        await expectNoAxeViolations(page, 'the payment page');
        await page.click('main form button[type="submit"]');
        await page.waitForSelector('.govuk-error-summary');
        assert.equal(await page.locator('.govuk-error-summary li').count(), 2);
        await expectFocusedErrorSummary(page);
        await expectNoAxeViolations(page, 'the payment page with two problems');
        await page.check('input[name="method"][value="cash"]');
        await page.fill('input[name="receiptNumber"]', `A${counter.caseNumber}`);
        await page.click('main form button[type="submit"]');
        await page.waitForSelector('[data-payment-state="paid"]');
        await expectNoAxeViolations(page, 'the payment page after recording');
        assert.equal(await stateOf(counter), 'in_progress');
      },
    );
  });
});
