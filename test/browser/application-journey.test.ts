import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { cases } from '../../src/modules/cases/core/cases-schema.ts';
import { trackLinkTokenOf } from '../../src/modules/cases/core/track-url.ts';
import { aStaffMember, type TestStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { samplePdf } from '../../src/platform/uploads/upload-test-support.ts';
import {
  axeViolations,
  browserOrSkip,
  describeViolations,
  expectFocusedErrorSummary,
  expectNoSidewaysScrolling,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';
import { withEmailDelivery } from '../helpers/notification-delivery.ts';
import type { ReceivedMessage } from '../helpers/smtp-server.ts';
import { waitUntil } from '../helpers/wait-until.ts';

/**
 * Issue 11's journey, end to end through the real pages in Chromium on a 390×844 phone: a citizen applies
 * online for 道路挖掘許可 (road-excavation-permit: planning unit, NT$1,000 + NT$1,600 a square metre) with
 * its documents, proving the e-mail address with the code that arrives at the in-process SMTP server; a
 * planning handler accepts it and issues one deficiency notice with two items (a document and an answer);
 * the applicant follows the e-mail's link and supplements both; the handler asks for the fee and the
 * applicant pays it through the simulated provider; the handler approves with the permit PDF and closes;
 * the closing e-mail carries that PDF; the applicant rates the service on /track.
 *
 * Every page runs under the real Content-Security-Policy (no violation may show in the console), and axe
 * (WCAG 2.1 A/AA) runs on the very page the person sees, error states included: axe-core is evaluated
 * through the DevTools protocol, which the policy does not govern (an inline <script> would be refused).
 *
 * The steps share the case: each `it` is one step, in order.
 */

// The default test clock: Monday 2 March 2026, 10:00 in Taipei.
const { app: server, smtp } = await withEmailDelivery((environment) =>
  startBrowserTestServer({ environment }),
);

const phone = { width: 390, height: 844 };
const applicant = {
  name: '林美華',
  phone: '0912345678',
  email: 'lin.meihua@example.tw',
};
const service = { code: 'road-excavation-permit', name: '道路挖掘許可' };
const answers = {
  address: '苓雅區四維三路 2 號前人行道',
  length: '12',
  /** 3 m²: NT$1,000 + 3 × NT$1,600 = NT$5,800. */
  area: '3',
  startDate: '2026-12-15',
  correctedStartDate: '2027-01-11',
};
const notes = {
  trafficPlan: '未標示改道路線及夜間警示設施，請補附完整交通維持計畫。',
  startDate: '預定施工日期與路段封路期間衝突，請更正為 116 年 1 月 11 日以後。',
};
const decision = '核准挖掘，許可證如附件，施工期間請依許可證所載事項辦理。';
const comment = '全程線上辦理，不必跑櫃台，很方便。';

const permitPdf = samplePdf('Road excavation permit 1150302');

/** What the steps pass on. */
const journey = { caseNumber: '', lookupCode: '', caseId: '', handler: null as TestStaffMember | null };
/** Every Content-Security-Policy message seen on the journey's pages. */
const policyViolations: string[] = [];
/** The applicant's phone: one page (and its cookies) for the whole journey. */
let citizen: Page | null = null;

/** axe (WCAG 2.1 A/AA) on the page as it is, under its policy, which no message may have refused. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page, { underPolicy: true });
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
  assert.deepEqual(policyViolations, [], `${what}: no Content-Security-Policy violation`);
}

/** A phone page under the policy, watched. */
async function aPhonePage(browser: Browser): Promise<Page> {
  const context = await server.newContext(browser, { viewport: phone, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) policyViolations.push(message.text());
  });
  return page;
}

/** A step after the first: the browser (or the step skipped, as browserOrSkip) and the case step 1 opened. */
async function laterStep(t: TestContext): Promise<Browser | null> {
  const browser = await browserOrSkip(t);
  if (browser) assert.ok(journey.caseNumber && citizen, 'step 1 opened the case');
  return browser;
}

/** The handler signed in under the policy on a page of their own, at the case page. */
async function handlerAtCase(browser: Browser): Promise<Page> {
  assert.ok(journey.handler, 'step 2 made the handler');
  return server.staffPage(browser, journey.handler, casePath(), { policyViolations });
}

const casePath = () => `/staff/cases/${journey.caseNumber}`;
const url = (path: string) => `${server.baseUrl}${path}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Sends the page's own form (the one posting to where the page is) with its main button. */
async function continueOn(page: Page): Promise<void> {
  await page.click(`main form[action="${pathOf(page)}"] button[type="submit"]:not([name])`);
}

/** Opens an action on the case page (a <details>), fills it, sends it and waits for the result. */
async function act(page: Page, event: string, fill: (form: string) => Promise<void> = async () => {}) {
  const form = `#action-${event}`;
  await page.click(`${form} summary`);
  await fill(form);
  await page.click(`${form} button[type="submit"]`);
  await page.waitForURL(url(`${casePath()}?done=${event}`));
  await page.waitForSelector('#case-success');
}

async function stateOf(): Promise<string> {
  const [row] = await server.database.db
    .select({ state: cases.state })
    .from(cases)
    .where(eq(cases.caseNumber, journey.caseNumber));
  assert.ok(row);
  return row.state;
}

const toApplicant = () => smtp.messages.filter((message) => message.envelopeTo.includes(applicant.email));

/** The one message to the applicant whose subject matches, once it has arrived. */
async function mailMatching(subject: RegExp): Promise<ReceivedMessage> {
  const [message, ...more] = await waitUntil(
    async () => toApplicant().filter((one) => subject.test(one.subject)),
    (found) => found.length >= 1,
    { what: `a message to the applicant: ${subject}`, timeoutMs: 30_000 },
  );
  assert.ok(message);
  assert.equal(more.length, 0, `one message ${subject}`);
  return message;
}

/** The first address of this site in a message, as a path and query (PUBLIC_BASE_URL is another host). */
function linkIn(message: ReceivedMessage, pattern: RegExp): string {
  const found = message.text.match(/https?:\/\/[^\s<>」）)]+/g) ?? [];
  const link = found.map((one) => new URL(one)).find((one) => pattern.test(`${one.pathname}${one.search}`));
  assert.ok(link, `a link ${pattern} in: ${message.text}`);
  return `${link.pathname}${link.search}${link.hash}`;
}

describe('an online application from a phone, start to end (issue 11)', () => {
  it('1. the applicant applies online with the documents, proves the e-mail with the code and gets the case number', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await aPhonePage(browser);
    citizen = page;

    await page.goto(url('/apply'));
    await expectAccessible(page, '/apply');
    await page.click(`main a[href="/apply/${service.code}"]`);
    await page.waitForURL(url(`/apply/${service.code}`));
    assert.match((await page.locator('h1').textContent()) ?? '', /道路挖掘許可/);
    const costs = (await page.locator('#what-it-costs').textContent()) ?? '';
    assert.match(costs, /NT\$1,000/);
    assert.match(costs, /NT\$1,600/);
    await expectNoSidewaysScrolling(page, 'the start page at 390 px');
    await expectAccessible(page, 'the start page');
    await page.click(`main form[action="/apply/${service.code}"] button[type="submit"]`);
    await page.waitForURL(/\/apply\/d\/[A-Za-z0-9_-]{43}\/applicant$/);
    const draft = pathOf(page).replace(/\/applicant$/, '');
    await expectAccessible(page, 'the applicant page');

    // Sent empty: every problem listed at once, linked, the summary focused — and accessible.
    await continueOn(page);
    await page.waitForSelector('.govuk-error-summary');
    const problems = await page
      .locator('.govuk-error-summary__list a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    assert.ok(problems.includes('#applicantName'), problems.join(' '));
    assert.ok(problems.includes('#consent'), problems.join(' '));
    await expectFocusedErrorSummary(page);
    await expectNoSidewaysScrolling(page, 'the applicant page with problems');
    await expectAccessible(page, 'the applicant page with its problems');

    await page.check('input[name="applicantType"][value="person"]');
    await page.fill('#applicantName', applicant.name);
    await page.fill('#applicantPhone', applicant.phone);
    await page.check('input[name="consent"]');
    await continueOn(page);
    await page.waitForURL(url(`${draft}/contact`));
    await expectAccessible(page, 'the contact page');
    await page.check('input[name="contactKind"][value="email"]');
    await page.fill('#email', applicant.email);
    await continueOn(page);
    await page.waitForURL(url(`${draft}/code`));
    await expectAccessible(page, 'the code page');

    const codeMail = await mailMatching(/驗證碼/);
    const code = /(\d{6})/.exec(codeMail.subject)?.[1];
    assert.ok(code, codeMail.subject);
    assert.ok(codeMail.text.includes(code), 'the code is in the text too');
    // A mistyped code first: refused, named, and the page still accessible.
    await page.fill(
      '#code',
      code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10)),
    );
    await continueOn(page);
    await page.waitForSelector('.govuk-error-summary');
    assert.equal(pathOf(page), `${draft}/code`);
    assert.equal(await page.locator('.govuk-error-summary__list a').getAttribute('href'), '#code');
    await expectFocusedErrorSummary(page);
    await expectAccessible(page, 'the code page with a wrong code');
    await page.fill('#code', code);
    await continueOn(page);
    await page.waitForURL(url(`${draft}/answers-1`));
    await expectAccessible(page, 'the first answers page');
    await page.fill('#address', answers.address);
    await page.fill('#field-length-metres', answers.length);
    await page.fill('#field-area-square-metres', answers.area);
    await continueOn(page);
    await page.waitForURL(url(`${draft}/answers-2`));
    await expectAccessible(page, 'the second answers page');
    await page.fill('#field-start-date', answers.startDate);
    await page.check('input[name="field.purpose"][value="water"]');
    await continueOn(page);
    await page.waitForURL(url(`${draft}/documents`));
    assert.deepEqual(
      await page
        .locator('main [data-item]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-item'))),
      ['excavation-plan', 'traffic-plan'],
      'the documents asked, each once (the utility consent is checked online)',
    );
    await expectNoSidewaysScrolling(page, 'the documents page');
    await expectAccessible(page, 'the documents page');
    const upload = async (item: string, name: string) =>
      page.setInputFiles(`input[name="file.${item}"]`, {
        name,
        mimeType: 'application/pdf',
        buffer: samplePdf(name),
      });
    const sendDocuments = () =>
      page.click('main form[enctype="multipart/form-data"] button[type="submit"]:not([name])');
    // One of the two first: kept, the other named as missing.
    await upload('excavation-plan', 'site-plan.pdf');
    await sendDocuments();
    await page.waitForSelector('.govuk-error-summary');
    assert.deepEqual(
      await page
        .locator('.govuk-error-summary__list a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      ['#file-traffic-plan'],
    );
    assert.match(
      (await page.locator('#file-excavation-plan-uploaded').textContent()) ?? '',
      /site-plan\.pdf/,
    );
    await expectFocusedErrorSummary(page);
    await expectNoSidewaysScrolling(page, 'the documents page with a problem');
    await expectAccessible(page, 'the documents page with one uploaded and one missing');
    await upload('traffic-plan', 'traffic-plan.pdf');
    await sendDocuments();
    await page.waitForURL(url(`${draft}/check`));

    assert.equal(
      ((await page.locator('#fee-total').textContent()) ?? '').trim(),
      'NT$5,800',
      'the fee: 1,000 + 3 m² × 1,600',
    );
    const check = (await page.locator('main').textContent()) ?? '';
    for (const shown of [
      applicant.name,
      applicant.email,
      answers.address,
      'site-plan.pdf',
      'traffic-plan.pdf',
    ])
      assert.ok(check.includes(shown), `check your answers shows ${shown}`);
    await expectNoSidewaysScrolling(page, 'check your answers');
    await expectAccessible(page, 'check your answers');
    await continueOn(page);
    await page.waitForURL(url(`${draft}/done`));

    journey.caseNumber = ((await page.locator('#case-number').textContent()) ?? '').trim();
    journey.lookupCode = ((await page.locator('#lookup-code').textContent()) ?? '').trim();
    assert.match(journey.caseNumber, /^1150302-\d{4}$/);
    assert.match(journey.lookupCode, /^[A-Z0-9]{8}$/);
    await expectAccessible(page, 'the confirmation page');

    const [row] = await server.database.db
      .select()
      .from(cases)
      .where(eq(cases.caseNumber, journey.caseNumber));
    assert.ok(row);
    journey.caseId = row.id;
    assert.equal(row.channel, 'web');
    assert.equal(row.unitCode, 'planning');
    assert.equal(row.state, 'received');
    assert.equal(row.feeAmountTwd, 5800);
    assert.equal(row.applicantEmail, applicant.email);
    const stored = await server.database.pool.query(
      'select file_name, checklist_item_id, purpose, size_bytes from case_attachments where case_id = $1 order by file_name',
      [row.id],
    );
    assert.deepEqual(
      stored.rows.map((one) => [one.file_name, one.checklist_item_id, one.purpose, one.size_bytes]),
      [
        ['site-plan.pdf', 'excavation-plan', 'document', samplePdf('site-plan.pdf').length],
        ['traffic-plan.pdf', 'traffic-plan', 'document', samplePdf('traffic-plan.pdf').length],
      ],
    );

    const receipt = await mailMatching(/已收到您的申請/);
    assert.ok(receipt.subject.includes(journey.caseNumber));
    assert.ok(receipt.text.includes(journey.lookupCode), 'the receipt carries the lookup code');
    assert.ok(receipt.text.includes(service.name));
  });

  it('2. a planning handler accepts it and issues one deficiency notice with two items; the e-mail lists both', async (t) => {
    const browser = await laterStep(t);
    if (!browser) return;
    journey.handler = await aStaffMember(server.database.db, {
      role: 'handler',
      unitCode: 'planning',
      displayName: '規劃 吳承辦',
    });
    const page = await server.staffPage(browser, journey.handler, '/staff/cases/unit', { policyViolations });
    const row = page.locator(`tbody tr[data-case-number="${journey.caseNumber}"]`);
    assert.equal(await row.count(), 1, 'the online application is in the planning queue');
    await expectAccessible(page, 'the unit queue');
    await row.locator(`a[href="${casePath()}"]`).click();
    await page.waitForURL(url(casePath()));
    assert.equal(
      await page.locator('#summary [data-case-state]').getAttribute('data-case-state'),
      'received',
    );
    await expectAccessible(page, 'the case page of the new application');
    await act(page, 'accept');
    assert.equal(await stateOf(), 'accepted');

    await page.click('#action-request_supplement summary');
    await page.click(`#action-request_supplement a[href="${casePath()}/deficiency"]`);
    await page.waitForURL(url(`${casePath()}/deficiency`));
    await expectAccessible(page, 'the deficiency notice form');

    // Sent with nothing ticked: the problem listed, nothing issued.
    await continueOn(page);
    await page.waitForSelector('.govuk-error-summary');
    await expectFocusedErrorSummary(page);
    await expectAccessible(page, 'the deficiency notice form with its problem');
    assert.equal(await stateOf(), 'accepted');

    await page.check('input[name="tick.checklist.traffic-plan"]');
    await page.fill('input[name="note.checklist.traffic-plan"]', notes.trafficPlan);
    await page.check('input[name="tick.field.start-date"]');
    await page.fill('input[name="note.field.start-date"]', notes.startDate);
    await continueOn(page);
    await page.waitForURL(new RegExp(`${casePath()}/deficiency/[0-9a-f-]{36}\\?done=issued$`));
    const notice = (await page.locator('main').textContent()) ?? '';
    assert.ok(notice.includes(notes.trafficPlan) && notes.startDate && notice.includes(notes.startDate));
    await expectAccessible(page, 'the issued notice');
    assert.equal(await stateOf(), 'awaiting_supplement');
    await page.context().close();

    const mail = await mailMatching(/請補正文件或資料/);
    assert.ok(mail.subject.includes(journey.caseNumber));
    assert.ok(mail.text.includes(`交通維持計畫：${notes.trafficPlan}`), mail.text);
    assert.ok(mail.text.includes(`預定施工日期：${notes.startDate}`), mail.text);
  });

  it('3. the applicant follows the e-mail link and supplements both items; "supplement received" arrives', async (t) => {
    const browser = await laterStep(t);
    if (!browser || !citizen) return;
    const page = citizen;
    const mail = await mailMatching(/請補正文件或資料/);
    await page.goto(url(linkIn(mail, new RegExp(`case=${journey.caseNumber}`))));
    await page.waitForSelector(`main a[href^="/track/supplement?"]`);
    const track = (await page.locator('main').textContent()) ?? '';
    assert.ok(track.includes(notes.trafficPlan), 'the items on /track');
    await expectAccessible(page, '/track waiting for the supplement');
    await page.click(`main a[href^="/track/supplement?"]`);
    await page.waitForURL(/\/track\/supplement\?/);
    await expectNoSidewaysScrolling(page, 'the supplement page');
    await expectAccessible(page, 'the supplement page');

    // Only the document: the corrected date is asked for, named.
    const submit = 'main form[enctype="multipart/form-data"] button[type="submit"]';
    await page.setInputFiles('input[name="file.checklist.traffic-plan"]', {
      name: 'traffic-plan-v2.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('traffic-plan-v2.pdf'),
    });
    await page.click(submit);
    await page.waitForSelector('.govuk-error-summary');
    const missing = await page.locator('.govuk-error-summary__list a').allTextContents();
    assert.deepEqual(missing.length, 1, missing.join(' / '));
    assert.match(missing[0] ?? '', /預定施工日期/);
    await expectFocusedErrorSummary(page);
    await expectAccessible(page, 'the supplement page with its problem');

    await page.setInputFiles('input[name="file.checklist.traffic-plan"]', {
      name: 'traffic-plan-v2.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('traffic-plan-v2.pdf'),
    });
    await page.fill('input[name="answer.field.start-date"]', answers.correctedStartDate);
    await page.click(submit);
    await page.locator('main', { hasText: '已收到您的補正' }).waitFor();
    await expectAccessible(page, 'the supplement received page');
    assert.equal(await stateOf(), 'in_progress');

    const [row] = await server.database.db.select().from(cases).where(eq(cases.id, journey.caseId));
    assert.equal(row?.formData['start-date'], answers.correctedStartDate);
    const received = await mailMatching(/已收到您的補正資料/);
    assert.ok(received.subject.includes(journey.caseNumber));
  });

  it('4. the handler asks for the fee; the applicant pays it on /track through the simulator and gets the receipt', async (t) => {
    const browser = await laterStep(t);
    if (!browser || !citizen) return;
    const handlerPage = await handlerAtCase(browser);
    await act(handlerPage, 'request_payment');
    assert.equal(await stateOf(), 'awaiting_payment');
    await handlerPage.context().close();

    const asked = await mailMatching(/請繳納規費 NT\$5,800/);
    assert.ok(asked.subject.includes(journey.caseNumber));

    const page = citizen;
    await page.goto(url(linkIn(asked, new RegExp(`case=${journey.caseNumber}`))));
    await page.waitForSelector('[data-track-fee]');
    await expectAccessible(page, '/track waiting for the fee');
    await page.click('[data-track-fee] button[type="submit"]');
    await page.waitForSelector('[data-fee-total="5800"]');
    await expectNoSidewaysScrolling(page, '/track/payment');
    await expectAccessible(page, '/track/payment');
    await page.click('main form[action="/track/payment/start"] button[type="submit"]');
    await page.waitForSelector('[data-payment-simulator]');
    await expectAccessible(page, 'the payment simulator');
    await page.click('button[value="paid"]');
    await page.waitForSelector('[data-payment-return="paid"]');
    const receiptNumber = ((await page.locator('[data-receipt-number]').textContent()) ?? '').trim();
    assert.ok(receiptNumber, 'the receipt number is shown');
    await expectAccessible(page, 'back from the payment, paid');
    assert.equal(await stateOf(), 'in_progress');

    const receipt = await mailMatching(/繳費收據/);
    assert.ok(receipt.subject.includes(receiptNumber), receipt.subject);
    assert.ok(receipt.subject.includes(journey.caseNumber));
    assert.ok(receipt.text.includes('5,800'), receipt.text);
  });

  it('5. the handler approves with the permit PDF and closes: the closing e-mail carries that very PDF and the satisfaction link', async (t) => {
    const browser = await laterStep(t);
    if (!browser) return;
    const page = await handlerAtCase(browser);
    await page.click('#action-resolve summary');
    await page.fill('#action-resolve textarea[name="resolution"]', decision);
    await page.setInputFiles('#resolve-issuedDocument', {
      name: '道路挖掘許可證.pdf',
      mimeType: 'application/pdf',
      buffer: permitPdf,
    });
    await expectAccessible(page, 'the case page with the resolve form filled in');
    await page.click('#action-resolve button[type="submit"]');
    await page.waitForURL(url(`${casePath()}?done=resolve`));
    assert.equal(await stateOf(), 'resolved');
    await act(page, 'close');
    assert.equal(await stateOf(), 'closed');
    await expectAccessible(page, 'the case page of the closed application');
    await page.context().close();

    const closing = await mailMatching(/結案通知/);
    assert.ok(closing.subject.includes(journey.caseNumber));
    assert.ok(closing.text.includes(decision), 'the decision');
    assert.equal(closing.attachments.length, 1, 'the permit is attached');
    assert.equal(closing.attachments[0]?.fileName, '道路挖掘許可證.pdf');
    assert.equal(closing.attachments[0]?.mediaType, 'application/pdf');
    assert.equal(closing.attachments[0]?.content.length, permitPdf.length);
    assert.ok(closing.attachments[0]?.content.equals(permitPdf), 'the very bytes uploaded');
    assert.ok(
      closing.text.includes(
        `/track?case=${journey.caseNumber}&code=${journey.lookupCode}&t=${trackLinkTokenOf(journey.caseId, journey.lookupCode)}#satisfaction`,
      ),
      'the satisfaction link',
    );
  });

  it('6. the applicant rates the service on /track from the closing e-mail; a second visit shows it answered', async (t) => {
    const browser = await laterStep(t);
    if (!browser || !citizen) return;
    const page = citizen;
    const closing = await mailMatching(/結案通知/);
    await page.goto(url(linkIn(closing, /#?satisfaction|case=/)));
    await page.waitForSelector('[data-satisfaction="ask"]');
    assert.match((await page.locator('[data-resolution]').textContent()) ?? '', new RegExp(decision));
    await expectNoSidewaysScrolling(page, '/track, closed');
    await expectAccessible(page, '/track with the satisfaction question');

    const submit = 'main form[action$="/track/satisfaction"] button[type="submit"]';
    await page.fill('#comment', comment);
    await page.click(submit);
    await page.waitForSelector('.govuk-error-summary');
    await expectFocusedErrorSummary(page);
    assert.equal(await page.inputValue('#comment'), comment, 'what was typed is kept');
    await expectAccessible(page, '/track with the satisfaction problem');
    await page.check('main input[name="score"][value="5"]');
    await page.click(submit);
    await page.waitForSelector('[data-satisfaction="answered"]');
    await expectAccessible(page, '/track once answered');

    const answered = await server.database.pool.query(
      'select score, comment, service_code, unit_code, channel from satisfaction_answers where case_id = $1',
      [journey.caseId],
    );
    assert.deepEqual(answered.rows, [
      { score: 5, comment, service_code: service.code, unit_code: 'planning', channel: 'web' },
    ]);

    await page.goto(url(`/track?case=${journey.caseNumber}&code=${journey.lookupCode}`));
    await page.waitForSelector('[data-satisfaction="answered"]');
    assert.equal(await page.locator('[data-satisfaction="ask"]').count(), 0, 'asked once only');
    assert.deepEqual(policyViolations, []);

    // Every message the applicant got, each once, and nothing else.
    const subjects = toApplicant().map((message) => message.subject);
    const expectedSubjects = [
      /驗證碼/,
      /繼續填寫/,
      /已收到您的申請/,
      /您的案件已受理/,
      /請補正文件或資料/,
      /已收到您的補正資料/,
      /請繳納規費/,
      /繳費收據/,
      /結案通知/,
    ];
    for (const expected of expectedSubjects)
      assert.equal(
        subjects.filter((one) => expected.test(one)).length,
        1,
        `${expected} in ${subjects.join(' / ')}`,
      );
    assert.equal(subjects.length, expectedSubjects.length, subjects.join(' / '));
  });

  it('7. the staff results count the answer for the service and the unit', async (t) => {
    const browser = await laterStep(t);
    if (!browser) return;
    const page = await server.staffPage(browser, { role: 'secretariat' }, '/staff/satisfaction', {
      policyViolations,
    });
    for (const row of [
      page.locator(`[data-results="service"] [data-code="${service.code}"]`),
      page.locator('[data-results="unit"] [data-code="planning"]'),
    ]) {
      assert.equal(await row.count(), 1, 'the service and the unit are listed');
      assert.equal((await row.locator('[data-count]').textContent())?.trim(), '1');
      assert.equal((await row.locator('[data-average]').textContent())?.trim(), '5.0');
      assert.equal((await row.locator('[data-score="5"]').textContent())?.trim(), '1');
    }
    assert.match((await page.locator('[data-comments]').textContent()) ?? '', new RegExp(comment));
    await expectAccessible(page, 'the satisfaction results');
    await page.context().close();
  });
});
