import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { refreshPetitionStats } from '../../src/modules/petitions/analysis/analysis-refresh.ts';
import { aStaffMember, type TestStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { axeViolations, browserOrSkip, describeViolations } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';
import { withEmailDelivery } from '../helpers/notification-delivery.ts';
import type { ReceivedMessage } from '../helpers/smtp-server.ts';
import { waitUntil } from '../helpers/wait-until.ts';

/**
 * Issue 16's journey in Chromium, through the real pages: a citizen writes to the director's mailbox in
 * English from a phone, proving the address with the code from the in-process SMTP server; the
 * Secretariat's supervisor accepts it, extends it once (the reason reaches the petitioner in writing), is
 * refused a Chinese answer, answers in English, approves and closes (the answer is e-mailed); the citizen
 * writes again on the same matter, which the handler finds linked with the earlier answer and declines by
 * citing it (行政程序法 §173), the repeat shown on its case page too and the reply printable as a letter; the
 * analysis page counts both. axe (WCAG 2.1 A/AA) runs on each page the
 * people see, error states included, under the real Content-Security-Policy. Each `it` is one step.
 */

// The default test clock: Monday 2 March 2026, 10:00 in Taipei.
const { app: server, smtp } = await withEmailDelivery((environment) =>
  startBrowserTestServer({ environment }),
);

const phone = { width: 390, height: 844 };
const citizen = { name: 'Alex Chen', email: 'alex.chen@example.com' };
const first = {
  subject: 'Dark street lights on Bo’ai Road',
  text: 'The street lights along Bo’ai 2nd Road near the Aozihdi MRT exit have been dark for two weeks. It is unsafe to walk there at night.',
};
const second = {
  subject: 'Street lights on Bo’ai Road still dark',
  text: 'The street lights along Bo’ai 2nd Road near the Aozihdi MRT exit are still dark. It is unsafe at night.',
};
const extensionReason = 'The lights are on a Taipower circuit; we need a joint site check with Taipower.';
const answer =
  'Dear Alex Chen, the street lights on Bo’ai 2nd Road were repaired on 9 March after a joint check with Taipower. Thank you for telling us.';

const journey = { firstNumber: '', secondNumber: '', supervisor: null as TestStaffMember | null };
const policyViolations: string[] = [];

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page, { underPolicy: true });
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
  assert.deepEqual(policyViolations, [], `${what}: no Content-Security-Policy violation`);
}

async function aPhonePage(browser: Browser): Promise<Page> {
  const context = await server.newContext(browser, { viewport: phone, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) policyViolations.push(message.text());
  });
  return page;
}

const url = (path: string) => `${server.baseUrl}${path}`;
const toCitizen = () => smtp.messages.filter((message) => message.envelopeTo.includes(citizen.email));

async function mailsMatching(subject: RegExp, count: number): Promise<ReceivedMessage[]> {
  return waitUntil(
    async () => toCitizen().filter((one) => subject.test(one.subject)),
    (found) => found.length >= count,
    { what: `${count} message(s) to the citizen: ${subject}`, timeoutMs: 30_000 },
  );
}

/** Writes a petition on /en/mailbox, types the e-mailed code, and answers the case number. */
async function writeToTheMailbox(page: Page, petition: { subject: string; text: string }, codes: number) {
  await page.goto(url('/en/mailbox'));
  await page.check('input[name="typeCode"][value="director-mailbox"]');
  await page.fill('#subject', petition.subject);
  await page.fill('#text', petition.text);
  await page.fill('#place', 'Bo’ai 2nd Road, Aozihdi MRT exit 2');
  await page.fill('#name', citizen.name);
  await page.fill('#email', citizen.email);
  await page.click('main form button[type="submit"]');
  await page.waitForURL(/\/en\/mailbox\/confirm\//);
  const [mail] = (await mailsMatching(/Your petition code/, codes)).slice(codes - 1);
  const code = /Your code is: (\d{6})/.exec(mail?.text ?? '')?.[1];
  assert.ok(code, mail?.text);
  return code;
}

async function laterStep(t: TestContext): Promise<Browser | null> {
  const browser = await browserOrSkip(t);
  if (browser) assert.ok(journey.firstNumber && journey.supervisor, 'step 1 registered the petition');
  return browser;
}

const stateOf = async (number: string) =>
  String(
    (
      await server.database.db.execute<{ state: string }>(
        sql`select state from cases where case_number = ${number}`,
      )
    ).rows[0]?.state,
  );

describe('a petition to the director’s mailbox, in English, start to end (issue 16)', () => {
  it('1. the citizen writes in English from a phone, is told every problem at once, proves the address and is registered', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await aPhonePage(browser);
    await page.goto(url('/en/mailbox'));
    await expectAccessible(page, 'the mailbox');
    await page.click('main form button[type="submit"]');
    await page.waitForSelector('.govuk-error-summary');
    const summary = await page.textContent('.govuk-error-summary');
    assert.match(summary ?? '', /Write your petition\./);
    assert.match(summary ?? '', /Give an e-mail address or a mobile number/);
    await expectAccessible(page, 'the mailbox with its problems');

    const code = await writeToTheMailbox(page, first, 1);
    await expectAccessible(page, 'the code page');
    await page.fill('#code', code);
    await page.click('main form button[type="submit"]');
    await page.waitForSelector('.govuk-panel--confirmation');
    const panel = (await page.textContent('.govuk-panel--confirmation')) ?? '';
    journey.firstNumber = /Case number (\d{7}-\d{4})/.exec(panel)?.[1] ?? '';
    assert.ok(journey.firstNumber, panel);
    await expectAccessible(page, 'the registered page');
    await page.context().close();
    journey.supervisor = await aStaffMember(server.database.db, {
      role: 'supervisor',
      unitCode: 'secretariat',
      displayName: '秘書室主管',
    });
  });

  it('2. the supervisor accepts it and extends it once: the reason reaches the petitioner in writing', async (t) => {
    const browser = await laterStep(t);
    if (!browser || !journey.supervisor) return;
    const page = await server.staffPage(
      browser,
      journey.supervisor,
      `/en/staff/petitions/${journey.firstNumber}`,
      {
        policyViolations,
      },
    );
    assert.match((await page.textContent('main')) ?? '', /Answer in\s*English/);
    await expectAccessible(page, 'the petition page');
    await page.goto(url(`/en/staff/cases/${journey.firstNumber}`));
    await page.click('#action-accept summary');
    await page.click('#action-accept button[type="submit"]');
    await page.waitForURL(url(`/en/staff/cases/${journey.firstNumber}?done=accept`));
    await page.click('#extension-form summary');
    await page.fill('#extension-amount', '5');
    await page.fill('#extension-reason', extensionReason);
    await page.click('#extension-form button[type="submit"]');
    await page.waitForSelector('#case-success');
    await expectAccessible(page, 'the case page after the extension');
    // Waits for that letter itself: the acceptance notice goes out beside it, in either order.
    const [letter] = await waitUntil(
      async () => toCitizen().filter((one) => one.text.includes(extensionReason)),
      (found) => found.length >= 1,
      { what: 'the extension letter with its reason', timeoutMs: 30_000 },
    );
    assert.ok(letter, 'the extension letter with its reason');
    await page.context().close();
  });

  it('3. a Chinese answer is refused; the English one is approved and sent at closing', async (t) => {
    const browser = await laterStep(t);
    if (!browser || !journey.supervisor) return;
    const page = await server.staffPage(
      browser,
      journey.supervisor,
      `/en/staff/petitions/${journey.firstNumber}`,
      {
        policyViolations,
      },
    );
    const draft = await page.inputValue('#answer');
    assert.match(draft, /^Dear Alex Chen,/);
    await page.fill('#answer', '您好，路燈已修復，謝謝。');
    await page.click('form[action$="/answer"] button[type="submit"]');
    await page.waitForSelector('.govuk-error-summary');
    assert.match((await page.textContent('.govuk-error-summary')) ?? '', /must be in English/);
    await expectAccessible(page, 'the petition page with the refused answer');
    await page.fill('#answer', answer);
    await page.click('form[action$="/answer"] button[type="submit"]');
    await page.waitForURL(/done=answer/);
    assert.equal(await stateOf(journey.firstNumber), 'answer_pending');
    await page.goto(url(`/en/staff/cases/${journey.firstNumber}`));
    for (const event of ['approve_answer', 'close']) {
      await page.click(`#action-${event} summary`);
      await page.click(`#action-${event} button[type="submit"]`);
      await page.waitForURL(url(`/en/staff/cases/${journey.firstNumber}?done=${event}`));
    }
    assert.equal(await stateOf(journey.firstNumber), 'closed');
    const [closing] = await waitUntil(
      async () =>
        toCitizen().filter((one) => one.text.replace(/\s+/g, ' ').includes('were repaired on 9 March')),
      (found) => found.length >= 1,
      { what: 'the answer e-mailed at closing', timeoutMs: 30_000 },
    );
    assert.ok(closing, 'the answer e-mailed at closing');
    await page.context().close();
  });

  it('4. the same matter again: linked with the earlier answer, declined by citing it', async (t) => {
    const browser = await laterStep(t);
    if (!browser || !journey.supervisor) return;
    const citizenPage = await aPhonePage(browser);
    const code = await writeToTheMailbox(citizenPage, second, 2);
    await citizenPage.fill('#code', code);
    await citizenPage.click('main form button[type="submit"]');
    await citizenPage.waitForSelector('.govuk-panel--confirmation');
    journey.secondNumber =
      /Case number (\d{7}-\d{4})/.exec(
        (await citizenPage.textContent('.govuk-panel--confirmation')) ?? '',
      )?.[1] ?? '';
    assert.ok(journey.secondNumber);
    await citizenPage.context().close();

    const page = await server.staffPage(
      browser,
      journey.supervisor,
      `/en/staff/petitions/${journey.secondNumber}`,
      {
        policyViolations,
      },
    );
    const repeat = (await page.textContent(`[data-repeat="${journey.firstNumber}"]`)) ?? '';
    assert.match(repeat, /Same petitioner/);
    assert.match(repeat, /were repaired on 9 March/);
    await expectAccessible(page, 'the petition page with its repeat');
    assert.equal(await page.inputValue('#cited'), journey.firstNumber);
    assert.match(await page.inputValue('#reply'), new RegExp(`case ${journey.firstNumber}`));
    await page.click('form[action$="/decline"] button[type="submit"]');
    await page.waitForURL(/done=decline/);
    assert.equal(await stateOf(journey.secondNumber), 'rejected');
    const [cited] = await waitUntil(
      async () =>
        toCitizen().filter(
          (one) => one.text.includes(`(case ${journey.firstNumber})`) && one.text.includes('Article 173(2)'),
        ),
      (found) => found.length >= 1,
      { what: 'the decline citing the earlier reply', timeoutMs: 30_000 },
    );
    assert.ok(cited);
    // The case page shows the repeat with its earlier answer too; the reply prints as a letter, in English.
    await page.goto(url(`/en/staff/cases/${journey.secondNumber}`));
    assert.match(
      (await page.textContent(`#repeats [data-repeat="${journey.firstNumber}"]`)) ?? '',
      /were repaired on 9 March/,
    );
    await expectAccessible(page, 'the case page with the repeats section');
    await page.goto(url(`/en/staff/petitions/${journey.secondNumber}/letter`));
    const letter = (await page.textContent('#letter')) ?? '';
    assert.match(letter, /Our reference/);
    assert.match(letter, /under Article 173 of the Administrative Procedure Act/);
    assert.equal(await page.getAttribute('#letter', 'lang'), 'en');
    await expectAccessible(page, 'the reply letter');
    await page.context().close();
  });

  it('5. the analysis page counts both: one director’s-mailbox petition declined as a repeat, one answered', async (t) => {
    const browser = await laterStep(t);
    if (!browser || !journey.supervisor) return;
    // The roll-up the page reads is brought up to date by a scan every five minutes: run it now.
    await refreshPetitionStats(server.database.db, { now: new Date() });
    const secretariat = await aStaffMember(server.database.db, {
      role: 'secretariat',
      displayName: '秘書室',
    });
    const page = await server.staffPage(
      browser,
      secretariat,
      '/en/staff/petitions/analysis?from=2026-03&to=2026-03',
      {
        policyViolations,
      },
    );
    const row = page.locator('[data-table="type"] [data-code="director-mailbox"]');
    const figure = async (key: string) => (await row.locator(`[data-figure="${key}"]`).textContent())?.trim();
    assert.equal(await figure('colReceived'), '2');
    assert.equal(await figure('colFinished'), '2');
    assert.equal(await figure('colDeclined'), '1');
    assert.equal(await figure('colRepeats'), '1');
    await expectAccessible(page, 'the analysis page');
    await page.context().close();
  });
});
