import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { caseAttachments, cases } from '../../src/modules/cases/core/cases-schema.ts';
import { samplePng } from '../../src/platform/uploads/upload-test-support.ts';
import { browserOrSkip, expectFocusedErrorSummary, expectNoAxeViolations } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

describe('counter intake in a browser', () => {
  it('a counter clerk picks a service, fills the form, attaches a scan and gets a printable receipt', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const clerk = { role: 'counter_clerk', displayName: '櫃台 陳先生' } as const;
    const policyViolations: string[] = [];
    const page = await server.staffPage(browser, clerk, '/staff', { policyViolations });

    await page.click('main a[href="/staff/counter"]');
    await page.waitForURL(/\/staff\/counter$/);
    await page.selectOption('#service', 'building-construction-start');
    await page.click('main form[action="/staff/counter/new"] button');
    await page.waitForURL(/\/staff\/counter\/new\?service=building-construction-start$/);
    assert.equal(await page.locator('h1').textContent(), '收件：建築工程開工申報');
    assert.equal(await page.isChecked('input[name="channel"][value="counter"]'), true);

    await page.check('#applicantType-2');
    await page.fill('#applicantName', '林美華');
    await page.fill('#applicantCompany', '美華建設有限公司');
    await page.fill('#applicantPhone', '0912 345 678');
    await page.fill('#applicantEmail', 'meihua@example.com');
    await page.fill('#description', '申報開工，施工計畫書當場掃描。');
    await page.fill('#field-permit-number', '113高市工建築字第04321號');
    await page.fill('#field-start-date', '115/4/1');
    await page.fill('#field-builder-name', '四維營造有限公司');
    await page.check('input[name="checklist"][value="construction-plan"]');
    await page.setInputFiles('#documents', {
      name: '施工計畫書.png',
      mimeType: 'image/png',
      buffer: samplePng(),
    });
    await page.check('#consent');
    await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
    await page.waitForURL(/\/staff\/counter\/receipt\/\d{7}-\d{4}$/);

    const caseNumber = page.url().split('/').pop() ?? '';
    assert.equal(await page.locator('#case-number').textContent(), caseNumber);
    const [row] = await server.database.db.select().from(cases).where(eq(cases.caseNumber, caseNumber));
    assert.ok(row);
    assert.equal(row.unitCode, 'building');
    assert.equal(row.formData['start-date'], '2026-04-01');
    assert.equal(await page.locator('#lookup-code').textContent(), row.lookupCode);
    assert.equal(await page.locator('.ow-receipt__qr svg[role="img"]').count(), 1);
    assert.match(
      (await page.locator('#receipt-applicant').textContent()) ?? '',
      /林美華（美華建設有限公司）/,
    );
    assert.match(
      (await page.locator('#receipt-missing-items').textContent()) ?? '',
      /營造業登記證及承攬手冊/,
    );
    const files = await server.database.db
      .select()
      .from(caseAttachments)
      .where(eq(caseAttachments.caseId, row.id));
    assert.deepEqual(
      files.map((file) => [file.fileName, file.mediaType]),
      [['施工計畫書.png', 'image/png']],
    );

    // With JavaScript the print button shows (print.js); printed, only the receipt is on paper, on one A4 page.
    assert.equal(await page.locator('button[data-print-button]').isVisible(), true);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.ow-header').isVisible(), false);
    assert.equal(await page.locator('.govuk-footer').isVisible(), false);
    assert.equal(await page.locator('button[data-print-button]').isVisible(), false);
    assert.equal(await page.locator('#case-number').isVisible(), true);
    const pdf = (await page.pdf({ format: 'A4', printBackground: false })).toString('latin1');
    const pageCount = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pageCount, 1, 'the receipt prints on one A4 page');
    assert.deepEqual(policyViolations, []);
  });

  it('axe: zero WCAG 2.1 AA violations on the service picker, the form with errors (summary focused) and the receipt', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await server.staffPage(browser, { role: 'counter_clerk' }, '/staff');

    await page.goto(`${server.baseUrl}/staff/counter?q=${encodeURIComponent('路燈')}`);
    await expectNoAxeViolations(page, 'the service picker with search results');

    await page.goto(`${server.baseUrl}/staff/counter/new?service=street-light-repair`);
    await expectNoAxeViolations(page, 'the intake form');
    await page.fill('#applicantEmail', 'not-an-e-mail');
    await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
    await page.waitForSelector('.govuk-error-summary');
    // Issue 14: the refused form is the answer to its post, so its address stays in the bar: no token in it.
    assert.doesNotMatch(page.url(), /_csrf/);
    assert.equal(new URL(page.url()).search, '?service=street-light-repair');
    await expectFocusedErrorSummary(page);
    const problems = await page.locator('.govuk-error-summary__list li').count();
    assert.ok(problems >= 4, `${problems} problems listed`);
    assert.equal(await page.inputValue('#applicantEmail'), 'not-an-e-mail');
    await expectNoAxeViolations(page, 'the intake form with errors');

    await page.fill('#applicantName', 'Jane Smith');
    await page.fill('#applicantEmail', 'jane@example.com');
    await page.check('#applicantLang-2');
    await page.fill('#description', 'The light at the junction is out.');
    await page.selectOption('#districtCode', '64000020');
    await page.fill('#address', 'Meishuguan Rd & Meishu E. 2nd Rd');
    await page.check('#field-problem');
    await page.check('#consent');
    await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
    // Issue 14: the applicant's language is the case's, not the clerk's session: the clerk stays on the
    // Chinese counter, the receipt on it (the applicant's copy) is in English, and "take the next request"
    // goes to the Chinese counter.
    await page.waitForURL(/\/staff\/counter\/receipt\/\d{7}-\d{4}$/);
    assert.doesNotMatch(page.url(), /\/en\//);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant-TW');
    assert.equal(await page.getAttribute('#receipt', 'lang'), 'en');
    assert.match((await page.locator('h1#receipt-title').textContent()) ?? '', /Applicant’s copy/);
    const next = page.locator('main a', { hasText: '受理下一件' });
    assert.equal(await next.getAttribute('href'), '/staff/counter');
    assert.match((await page.locator('.ow-header').textContent()) ?? '', /[\u4e00-\u9fff]/);
    await expectNoAxeViolations(page, 'the English receipt on the Chinese counter');
    const receiptUrl = page.url();
    await next.click();
    await page.waitForURL(/\/staff\/counter$/);
    assert.doesNotMatch(page.url(), /\/en\//);
    await page.goto(receiptUrl.replace('/staff/', '/en/staff/'));
    assert.equal(await page.getAttribute('#receipt', 'lang'), null, 'English page, English receipt');
    await expectNoAxeViolations(page, 'the English receipt on the English counter');
  });
});
