import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { cases } from '../../src/modules/cases/core/cases-schema.ts';
import { listDeliveries } from '../../src/modules/notifications/index.ts';
import { aStaffMember, type TestStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { browserOrSkip, expectNoAxeViolations, tabUntilFocused } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';
import { withEmailDelivery } from '../helpers/notification-delivery.ts';
import type { ReceivedMessage } from '../helpers/smtp-server.ts';
import { waitUntil } from '../helpers/wait-until.ts';

/**
 * The journey of issue 3 §9, end to end through the real pages in Chromium: a counter clerk takes a
 * walk-in petition (道路養護陳情, which follows the default workflow) and prints the receipt; the road-maintenance handler accepts it and transfers it
 * to 公園處; a parks handler accepts, starts, resolves and closes it; the applicant looks it up and sees
 * the masked, public timeline; the notices arrive at an in-process SMTP server. The journey runs under
 * the Content-Security-Policy (no violation may show in the console); the axe checks run in contexts
 * that bypass it, because axe-core is injected as an inline script.
 *
 * The steps share the case: each `it` is one step, in order.
 */

// The default test clock: Monday 2 March 2026, 10:00 in Taipei.
const { app: server, smtp } = await withEmailDelivery((environment) =>
  startBrowserTestServer({ environment }),
);

const applicant = {
  name: '王小明',
  maskedName: '王○明',
  phone: '0912345678',
  maskedPhone: '0912-***-678',
  email: 'wang.xiaoming@example.tw',
};
const transferReason = '破損處位於中央公園內的步道，屬公園處管轄。';
const internalNote = '內部備註-只給同仁看：里長來電關切，請優先處理。';
const answer = '經現場勘查，公園步道破損地磚已於 3 月 4 日全部更換完成，恢復平整。';

/** What the steps pass on. */
const journey = { caseNumber: '', lookupCode: '' };
/** Every Content-Security-Policy message seen on the journey's pages (which do not bypass it). */
const policyViolations: string[] = [];

/** `member` signed in on `path`: under the policy (watched), or in a context for axe that bypasses it. */
function signedInPage(
  browser: Browser,
  member: TestStaffMember,
  options: { bypassCSP: boolean; path: string },
): Promise<Page> {
  return server.staffPage(browser, member, options.path, options.bypassCSP ? {} : { policyViolations });
}

/** A step after the first: the browser (or the step skipped, as browserOrSkip) and the case step 1 opened. */
async function laterStep(t: TestContext): Promise<Browser | null> {
  const browser = await browserOrSkip(t);
  if (browser) assert.ok(journey.caseNumber, 'step 1 opened the case');
  return browser;
}

/** A new handler (of `details`' unit; road maintenance by default) signed in under the policy, at the unit queue. */
async function handlerAtUnitQueue(
  browser: Browser,
  details: { unitCode?: string; displayName: string },
): Promise<{ handler: TestStaffMember; page: Page }> {
  const handler = await aStaffMember(server.database.db, { role: 'handler', ...details });
  const page = await signedInPage(browser, handler, { bypassCSP: false, path: '/staff/cases/unit' });
  return { handler, page };
}

const casePath = () => `/staff/cases/${journey.caseNumber}`;

/** Opens an action on the case page (a <details>), fills it, sends it and waits for the result. */
async function act(
  page: Page,
  event: string,
  fill: (form: string) => Promise<void> = async () => {},
): Promise<void> {
  const form = `#action-${event}`;
  await page.click(`${form} summary`);
  await fill(form);
  await page.click(`${form} button[type="submit"]`);
  await page.waitForURL(`${server.baseUrl}${casePath()}?done=${event}`);
  await page.waitForSelector('#case-success');
}

async function stateOn(page: Page): Promise<string | null> {
  return page.locator('#summary [data-case-state]').getAttribute('data-case-state');
}

/** The applicant's messages, once `count` have arrived. */
async function mailToApplicant(count: number): Promise<ReceivedMessage[]> {
  return waitUntil(
    async () => smtp.messages.filter((message) => message.envelopeTo.includes(applicant.email)),
    (messages) => messages.length >= count,
    { what: `${count} message(s) to the applicant`, timeoutMs: 30_000 },
  );
}

describe('the whole journey of a case in a browser (issue 3 §9)', () => {
  it('1. a counter clerk takes a walk-in petition and gets the printable receipt', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const clerk = await aStaffMember(server.database.db, {
      role: 'counter_clerk',
      displayName: '櫃台 陳先生',
    });
    const page = await signedInPage(browser, clerk, { bypassCSP: false, path: '/staff/counter' });

    await page.selectOption('#service', 'road-maintenance-petition');
    await page.click('main form[action="/staff/counter/new"] button');
    await page.waitForURL(/\/staff\/counter\/new\?service=road-maintenance-petition$/);
    assert.equal(await page.locator('h1').textContent(), '收件：道路養護陳情');
    assert.equal(await page.isChecked('input[name="channel"][value="counter"]'), true);

    await page.fill('#applicantName', applicant.name);
    await page.fill('#applicantPhone', applicant.phone);
    await page.fill('#applicantEmail', applicant.email);
    await page.fill('#subject', '中央公園旁人行道地磚破損');
    await page.fill('#description', '民眾臨櫃反映：人行道地磚多處鬆動翹起，行人容易絆倒。');
    await page.selectOption('#districtCode', '64000020');
    await page.fill('#address', '中正三路 50 號前');
    await page.check('input[name="field.place-kind"][value="sidewalk"]');
    await page.check('input[name="checklist"][value="location"]');
    await page.check('#consent');
    await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
    await page.waitForURL(/\/staff\/counter\/receipt\/\d{7}-\d{4}$/);

    journey.caseNumber = (await page.locator('#case-number').getAttribute('data-case-number')) ?? '';
    journey.lookupCode = (await page.locator('#lookup-code').getAttribute('data-lookup-code')) ?? '';
    assert.match(journey.caseNumber, /^1150302-\d{4}$/);
    assert.match(journey.lookupCode, /^[A-Z0-9]{8}$/);
    assert.equal(page.url(), `${server.baseUrl}/staff/counter/receipt/${journey.caseNumber}`);
    // Shown in groups, copied as one string.
    assert.equal(await page.locator('#case-number').textContent(), journey.caseNumber);
    assert.equal(await page.locator('#lookup-code').textContent(), journey.lookupCode);
    assert.equal(await page.locator('.ow-receipt__qr svg[role="img"]').count(), 1);
    assert.equal(await page.locator('#receipt-applicant').textContent(), applicant.name);
    assert.match((await page.locator('#receipt-service').textContent()) ?? '', /道路養護陳情/);
    // 5 working days from Monday 2 March 2026: Monday 9 March.
    assert.equal(await page.locator('#receipt-expected').getAttribute('data-expected-date'), '2026-03-09');
    assert.equal(await page.locator('#receipt-expected strong').textContent(), '民國115年3月9日');
    assert.equal(await page.locator('button[data-print-button]').isVisible(), true);
    assert.deepEqual(policyViolations, []);
  });

  it('2. the road-maintenance handler finds it in the unit queue, accepts it and transfers it to 公園處', async (t) => {
    const browser = await laterStep(t);
    if (!browser) return;
    const { handler: roadHandler, page } = await handlerAtUnitQueue(browser, { displayName: '道養 李承辦' });

    const row = page.locator(`tbody tr[data-case-number="${journey.caseNumber}"]`);
    assert.equal(await row.count(), 1, 'the new case is in the unit queue');
    assert.match((await row.textContent()) ?? '', /中央公園旁人行道地磚破損/);

    // axe on the queue and on the case page as this handler sees them (a context that bypasses the CSP).
    const audit = await signedInPage(browser, roadHandler, { bypassCSP: true, path: '/staff/cases/unit' });
    await expectNoAxeViolations(audit, 'the unit queue');
    await audit.goto(`${server.baseUrl}${casePath()}`);
    assert.equal(await audit.locator(`#action-accept`).count(), 1);
    await expectNoAxeViolations(audit, 'the case page of a new case');
    await audit.context().close();

    await row.locator(`a[href="${casePath()}"]`).click();
    await page.waitForURL(`${server.baseUrl}${casePath()}`);
    assert.equal(await page.locator('h1').textContent(), `案件 ${journey.caseNumber}`);
    assert.equal(await stateOn(page), 'received');

    await act(page, 'accept');
    assert.equal(await stateOn(page), 'accepted');

    await act(page, 'transfer', async (form) => {
      await page.selectOption(`${form} select[name="targetUnit"]`, 'parks');
      await page.fill(`${form} textarea[name="reason"]`, transferReason);
      await page.fill(`${form} textarea[name="internalNote"]`, internalNote);
    });
    assert.equal(await stateOn(page), 'received', 'the new unit receives it');
    assert.match((await page.locator('#details').textContent()) ?? '', /公園處/);
    // Staff see the internal note, marked as such.
    assert.equal(
      (await page.locator('#timeline [data-note="internal"]').allTextContents()).some((note) =>
        note.includes(internalNote),
      ),
      true,
      'the internal note is on the staff timeline',
    );
    assert.equal(await page.locator('#actions form').count(), 0, 'nothing more for this handler to do');
    assert.deepEqual(policyViolations, []);
  });

  it('3. a parks handler finds it in the parks queue, accepts, starts, resolves with an answer and closes it', async (t) => {
    const browser = await laterStep(t);
    if (!browser) return;
    const { handler: parksHandler, page } = await handlerAtUnitQueue(browser, {
      unitCode: 'parks',
      displayName: '公園 張承辦',
    });

    const row = page.locator(`tbody tr[data-case-number="${journey.caseNumber}"]`);
    assert.equal(await row.count(), 1, 'the transferred case is in the parks queue');
    await row.locator(`a[href="${casePath()}"]`).click();
    await page.waitForURL(`${server.baseUrl}${casePath()}`);

    await act(page, 'accept');
    assert.equal(await stateOn(page), 'accepted');
    await act(page, 'start');
    assert.equal(await stateOn(page), 'in_progress');
    await act(page, 'resolve', async (form) => {
      await page.fill(`${form} textarea[name="resolution"]`, answer);
    });
    assert.equal(await stateOn(page), 'resolved');
    await act(page, 'close');
    assert.equal(await stateOn(page), 'closed');
    assert.match((await page.locator('#details').textContent()) ?? '', new RegExp(answer));
    assert.deepEqual(policyViolations, []);

    const audit = await signedInPage(browser, parksHandler, { bypassCSP: true, path: casePath() });
    await expectNoAxeViolations(audit, 'the case page of a closed case');
    await audit.context().close();
  });

  it('4. the applicant looks the case up with the keyboard and sees the masked, public record', async (t) => {
    const browser = await laterStep(t);
    if (!browser) return;
    const page = await server.newPolicyPage(browser, policyViolations);

    await page.goto(`${server.baseUrl}/track`);
    // From the top of the page (skip link, header, navigation…) to the case number field.
    await tabUntilFocused(page, 'caseNumber', 'the case number field');
    await page.keyboard.type(journey.caseNumber);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'lookupCode');
    await page.keyboard.type(journey.lookupCode);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-state="closed"]');

    assert.equal(await page.locator('h1').textContent(), `案件 ${journey.caseNumber} 辦理進度`);
    assert.equal(await page.locator('[data-state]').textContent(), '已結案');
    assert.match((await page.locator('[data-resolution]').textContent()) ?? '', new RegExp(answer));
    const timeline = await page.locator('[data-timeline] h3').allTextContents();
    assert.ok(
      timeline.includes('改由公園處辦理'),
      `the transfer is on the timeline: ${timeline.join(' / ')}`,
    );
    const main = (await page.locator('main').textContent()) ?? '';
    assert.ok(main.includes(transferReason), 'the transfer reason is told to the applicant');
    assert.ok(main.includes(applicant.maskedName), 'the masked name');
    assert.ok(main.includes(applicant.maskedPhone), 'the masked phone');
    assert.ok(!main.includes(applicant.name), 'never the full name');
    assert.ok(!main.includes(applicant.phone), 'never the full phone number');
    assert.ok(!main.includes('0912-345-678'), 'never the full phone number, formatted');
    assert.ok(!main.includes(applicant.email), 'never the full e-mail address');
    assert.ok(!main.includes('內部備註'), 'no internal note');
    assert.ok(!main.includes('里長來電關切'), 'no internal note');
    assert.ok(!main.includes('李承辦') && !main.includes('張承辦'), 'no staff names');
    assert.deepEqual(policyViolations, []);
  });

  it('5. the receipt, each acceptance, the transfer notice and the closing notice arrive by e-mail, each once', async () => {
    assert.ok(journey.caseNumber, 'step 1 opened the case');
    const messages = await mailToApplicant(5);
    const bySubject = (pattern: RegExp) => messages.filter((message) => pattern.test(message.subject));

    const receipts = bySubject(/已收到您的申請/);
    assert.equal(receipts.length, 1, 'one receipt');
    assert.ok(receipts[0]?.subject.includes(journey.caseNumber));
    assert.ok(receipts[0]?.text.includes(journey.lookupCode), 'the receipt carries the lookup code');
    assert.ok(receipts[0]?.text.includes('道路養護陳情'));
    assert.ok(receipts[0]?.text.includes('民國115年3月9日'), receipts[0]?.text);

    const transfers = bySubject(/改由公園處辦理/);
    assert.equal(transfers.length, 1, 'one transfer notice');
    assert.ok(transfers[0]?.subject.includes(journey.caseNumber));
    assert.ok(transfers[0]?.text.includes('公園處'));

    const acceptances = bySubject(/您的案件已受理/);
    assert.equal(acceptances.length, 2, 'one 受理通知 per unit that accepted it');
    assert.ok(
      acceptances.some((message) => message.text.includes('已由公園處受理')),
      'the second names 公園處',
    );

    const closings = bySubject(/結案通知/);
    assert.equal(closings.length, 1, 'one closing notice');
    assert.ok(closings[0]?.subject.includes(journey.caseNumber));
    assert.ok(closings[0]?.text.includes(answer), 'the closing notice carries the answer');

    assert.equal(messages.length, 5, messages.map((message) => message.subject).join(' / '));
    for (const message of messages) {
      assert.ok(!message.text.includes(internalNote), 'no internal note in a notice');
    }

    const [row] = await server.database.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.caseNumber, journey.caseNumber));
    assert.ok(row);
    const emails = (await listDeliveries(server.database.db, { type: 'case', id: row.id })).filter(
      (delivery) => delivery.channel === 'email',
    );
    assert.deepEqual(emails.map((delivery) => delivery.topic).sort(), [
      'case.accepted',
      'case.accepted',
      'case.closed',
      'case.received',
      'case.transferred',
    ]);
  });

  it('6. axe: zero WCAG 2.1 AA violations on the services list, a service page and the tracking page', async (t) => {
    const browser = await laterStep(t);
    if (!browser) return;
    const page = await server.newAxePage(browser);

    await page.goto(`${server.baseUrl}/services`);
    assert.equal(await page.locator('main a[href="/services/road-maintenance-petition"]').count(), 1);
    await expectNoAxeViolations(page, 'the services list');

    await page.click('main a[href="/services/road-maintenance-petition"]');
    await page.waitForURL(`${server.baseUrl}/services/road-maintenance-petition`);
    assert.match((await page.locator('h1').textContent()) ?? '', /道路養護陳情/);
    await expectNoAxeViolations(page, 'the service page');

    await page.goto(`${server.baseUrl}/track`);
    await expectNoAxeViolations(page, 'the tracking page, empty');

    await page.fill('#caseNumber', journey.caseNumber);
    await page.fill('#lookupCode', 'ZZZZ2222');
    await page.click('main form[method="post"] button[type="submit"]');
    await page.waitForSelector('.govuk-error-summary');
    assert.equal(await page.locator('[data-state]').count(), 0, 'nothing of the case is shown');
    await expectNoAxeViolations(page, 'the tracking page with a wrong lookup code');

    await page.fill('#caseNumber', journey.caseNumber);
    await page.fill('#lookupCode', journey.lookupCode);
    await page.click('main form[method="post"] button[type="submit"]');
    await page.waitForSelector('[data-state="closed"]');
    await expectNoAxeViolations(page, 'the tracking page with the case');
  });
});
