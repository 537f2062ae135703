import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aStaffMember, currentCode } from '../../src/platform/auth/auth-test-support.ts';
import {
  browserOrSkip,
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  signInWithForm,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

describe('staff sign-in in a browser', () => {
  it('signs in with password and authenticator code by keyboard alone and lands on /staff showing the name', async (context) => {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const member = await aStaffMember(server.database.db, {
      role: 'supervisor',
      withTotp: true,
      displayName: '張美玲',
    });
    const policyViolations: string[] = [];
    const page = await server.newPolicyPage(browser, policyViolations);
    try {
      await page.goto(`${server.baseUrl}/staff/sign-in`);
      await page.focus('#email');
      await page.keyboard.type(member.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(member.password);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/staff\/sign-in\/verify$/);
      assert.equal(await page.locator('h1').textContent(), '輸入驗證碼');
      await page.focus('#code');
      await page.keyboard.type(await currentCode(member.totpSecret ?? '', server.clock));
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/staff$/);
      assert.match((await page.locator('main').textContent()) ?? '', /您以 張美玲 的身分登入/);
      assert.match((await page.locator('main').textContent()) ?? '', /主管/);
      assert.deepEqual(policyViolations, []);
    } finally {
      await page.context().close();
    }
  });

  it('the sign-in and code pages have no WCAG 2.1 AA violations, without and with an error shown; the error summary gets focus', async (context) => {
    await server.withAxePage(context, async (page) => {
      await page.goto(`${server.baseUrl}/staff/sign-in`);
      await expectNoAxeViolations(page, 'the sign-in page');

      await page.fill('#email', 'nobody@test.onewindow.tw');
      await page.fill('#password', 'a wrong password');
      await page.click('main form[method="post"] button');
      await page.waitForSelector('.govuk-error-summary');
      await expectFocusedErrorSummary(page);
      assert.equal(await page.inputValue('#email'), 'nobody@test.onewindow.tw');
      assert.equal(await page.inputValue('#password'), '');
      await expectNoAxeViolations(page, 'the sign-in page with an error');

      await page.goto(`${server.baseUrl}/en/staff/sign-in`);
      await page.click('main form[method="post"] button');
      await page.waitForSelector('.govuk-error-summary');
      assert.match(
        (await page.locator('.govuk-error-summary').textContent()) ?? '',
        /Enter your e-mail address/,
      );
      await expectNoAxeViolations(page, 'the English sign-in page with two errors');

      const member = await aStaffMember(server.database.db, { withTotp: true });
      await signInWithForm(page, `${server.baseUrl}/staff/sign-in`, member, /\/staff\/sign-in\/verify$/);
      await expectNoAxeViolations(page, 'the code step');
      await page.fill('#code', '000000');
      await page.click('main form[method="post"] button');
      await page.waitForSelector('.govuk-error-summary');
      await expectNoAxeViolations(page, 'the code step with an error');
    });
  });

  it('the two-factor enrolment page (QR code, key, code field) has no WCAG 2.1 AA violations', async (context) => {
    await server.withAxePage(context, async (page) => {
      const admin = await aStaffMember(server.database.db, { role: 'admin' });
      await signInWithForm(page, `${server.baseUrl}/staff/sign-in`, admin, /\/staff\/account\/two-factor$/);
      assert.equal(await page.locator('main svg[role="img"]').count(), 1);
      await expectNoAxeViolations(page, 'the enrolment page');
    });
  });
});
