import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  caseActorOf,
  sidewalkPetition,
  testCasesContext,
} from '../../src/modules/cases/core/cases-test-support.ts';
import { openCase } from '../../src/modules/cases/core/open-case.ts';
import { aStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import {
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  expectNoSidewaysScrolling,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

/**
 * The citizen account (issue 11 §1) in Chromium at 360 px, without JavaScript's help needed: the sign-in page
 * with its problem, "check your e-mail", the link's page, "My cases" with two cases (one waiting for its fee),
 * the signed-in header on other pages (both languages) and signing out with its button by keyboard; axe finds
 * no WCAG 2.1 AA violation on any of them, and nothing scrolls sideways.
 */
describe('the citizen account in a browser', () => {
  it('sign in by e-mail link, see my cases, sign out: every page accessible at 360 px', async (t) => {
    const email = `browser-citizen-${Date.now()}@example.tw`;
    const clerk = caseActorOf(await aStaffMember(server.database.db, { role: 'counter_clerk' }));
    const first = await openCase(
      testCasesContext(server),
      sidewalkPetition({ applicantEmail: email }),
      clerk,
    );
    const second = await openCase(
      testCasesContext(server),
      sidewalkPetition({ applicantEmail: email.toUpperCase() }),
      clerk,
    );
    await server.database.db.execute(
      sql`update cases set state = 'awaiting_payment' where id = ${second.id}`,
    );

    await server.withAxePage(t, async (page) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${server.baseUrl}/account/sign-in`);
      await expectNoAxeViolations(page, '/account/sign-in');
      await expectNoSidewaysScrolling(page);

      await page.fill('#email', 'not an address');
      await page.click('main button[type="submit"]');
      await expectFocusedErrorSummary(page);
      await expectNoAxeViolations(page, '/account/sign-in with a problem');

      await page.fill('#email', email);
      await page.click('main button[type="submit"]');
      await page.waitForURL(`${server.baseUrl}/account/sign-in?sent=1`);
      await expectNoAxeViolations(page, 'check your e-mail');

      // The e-mail as the delivery log recorded it (the browser test server keeps mail in the outbox).
      const result = await server.database.db.execute(
        sql`select body_text from notification_deliveries where recipient = ${email} and topic = 'citizen.sign_in_link'`,
      );
      const body = String((result.rows[0] as { body_text?: string } | undefined)?.body_text ?? '');
      const link = /https?:\/\/[^\s/]+(\/account\/sign-in\/[A-Za-z0-9_-]{43})/.exec(body)?.[1];
      assert.ok(link, body);
      await page.goto(`${server.baseUrl}${link}`);
      await expectNoAxeViolations(page, 'the link’s page');
      await expectNoSidewaysScrolling(page);
      await page.click('main button[type="submit"]');
      await page.waitForURL(`${server.baseUrl}/account`);
      await expectNoAxeViolations(page, '/account');
      await expectNoSidewaysScrolling(page);
      const shown = await page
        .locator('[data-case]')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-case')));
      assert.deepEqual(shown.sort(), [first.caseNumber, second.caseNumber].sort());
      assert.match(
        (await page.locator(`[data-case="${second.caseNumber}"]`).textContent()) ?? '',
        /尚待繳費/,
      );

      // Signed in, every page's header says so (the address masked) with a sign-out button: accessible, at
      // 360 px without sideways scrolling, in both languages, and reached by the keyboard.
      const masked = `${email.slice(0, 1)}***@example.tw`;
      for (const [path, words] of [
        ['/', `已登入「我的案件」：${masked}`],
        ['/apply', `已登入「我的案件」：${masked}`],
        ['/en/track', masked],
      ] as const) {
        await page.goto(`${server.baseUrl}${path}`);
        const bar = page.locator('header .ow-staff-bar');
        assert.ok(((await bar.textContent()) ?? '').includes(words), `${path}: the header names ${words}`);
        assert.doesNotMatch((await bar.textContent()) ?? '', new RegExp(email.split('@')[0] ?? ''));
        await expectNoAxeViolations(page, `${path} signed in`);
        await expectNoSidewaysScrolling(page);
      }
      await page.goto(`${server.baseUrl}/`);
      let focusedIsSignOut = false;
      for (let tab = 0; tab < 40 && !focusedIsSignOut; tab++) {
        await page.keyboard.press('Tab');
        focusedIsSignOut = await page.evaluate(
          () => (document.activeElement?.closest('.ow-staff-bar__form') ?? null) !== null,
        );
      }
      assert.ok(focusedIsSignOut, 'the header’s sign-out button is reached with Tab');

      // Enter on the header's button signs out (the page's own form on /account is the other way).
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.baseUrl}/account/sign-in?out=1`);
      await expectNoAxeViolations(page, 'signed out');
      await page.goto(`${server.baseUrl}/account`);
      assert.equal(new URL(page.url()).pathname, '/account/sign-in');
    });
  });
});
