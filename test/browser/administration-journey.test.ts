import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import {
  caseActorOf,
  sidewalkPetition,
  testCasesContext,
} from '../../src/modules/cases/core/cases-test-support.ts';
import { openCase } from '../../src/modules/cases/core/open-case.ts';
import { aStaffMember, currentCode } from '../../src/platform/auth/auth-test-support.ts';
import { loadWorkingCalendar } from '../../src/platform/calendar/calendar-service.ts';
import { localDate } from '../../src/platform/calendar/working-days.ts';
import { formatPageDate } from '../../src/platform/web/format-date.ts';
import { browserOrSkip, expectNoAxeViolations, signInWithForm } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';
import { withEmailDelivery } from '../helpers/notification-delivery.ts';
import { waitUntil } from '../helpers/wait-until.ts';

/**
 * Issue 17's journey in Chromium, through the real pages and a real SMTP conversation: the admin invites a
 * handler, who sets a password and two-factor from the e-mailed link; a typhoon day is declared for
 * tomorrow after a preview of the deadlines it moves, and an open case's expected date moves by one working
 * day on the staff case page and on /track; a template is edited and the next e-mail of that topic carries
 * the new text. axe (WCAG 2.1 A/AA) runs on every administration page on the way. Each `it` is one step.
 */

// The default test clock: Monday 2 March 2026, 10:00 in Taipei; "tomorrow" is Tuesday 3 March.
const { app: server, smtp } = await withEmailDelivery((environment) =>
  startBrowserTestServer({ environment }),
);
const url = (path: string) => `${server.baseUrl}${path}`;
const tomorrow = '2026-03-03';
const invitee = {
  email: 'new.handler@kcg.example.tw',
  name: '新進承辦人',
  password: 'a long and new passphrase 17',
};
const newSentence = '颱風期間，本局仍受理您的案件，謝謝您的耐心。';

/**
 * An administrator (two-factor on) signed in with the form and the code, left at `path`, on a page for axe.
 * A new one each time: the test clock stands still, and a code used once is refused as a replay.
 */
async function adminPage(browser: Browser, path: string): Promise<Page> {
  const admin = await aStaffMember(server.database.db, {
    role: 'admin',
    withTotp: true,
    clock: server.clock,
    displayName: '系統管理員',
  });
  const page = await server.newAxePage(browser);
  await signInWithForm(
    page,
    `${url('/staff/sign-in')}?return=${encodeURIComponent(path)}`,
    admin,
    /\/staff\/sign-in\/verify(\?|$)/,
  );
  await page.fill('#code', await currentCode(admin.totpSecret ?? '', server.clock));
  await page.click('main form[method="post"] button');
  await page.waitForURL(url(path));
  return page;
}

async function withAdmin(t: TestContext, path: string, body: (page: Page) => Promise<void>) {
  const browser = await browserOrSkip(t);
  if (!browser) return;
  const page = await adminPage(browser, path);
  try {
    await body(page);
  } finally {
    await page.context().close();
  }
}

const submitMain = (page: Page) => page.click('main form[method="post"] button[type="submit"]');

async function expectedDateOf(caseNumber: string): Promise<string> {
  const result = await server.database.db.execute<{ date: string }>(
    sql`select expected_completion_date::text as date from cases where case_number = ${caseNumber}`,
  );
  return String(result.rows[0]?.date);
}

describe('administration without a terminal (issue 17)', () => {
  it('1. the admin invites a handler, who sets a password and two-factor from the e-mailed link', async (t) => {
    await withAdmin(t, '/staff/admin/staff', async (page) => {
      await expectNoAxeViolations(page, 'the staff accounts list');
      await page.goto(url('/staff/admin/staff/invite'));
      await submitMain(page);
      await page.waitForSelector('.govuk-error-summary');
      await expectNoAxeViolations(page, 'the invitation form with its problems');
      await page.fill('#email', invitee.email);
      await page.fill('#displayName', invitee.name);
      await page.selectOption('#role', 'handler');
      await page.selectOption('#unitCode', 'road-maintenance');
      await submitMain(page);
      await page.waitForURL(/\/staff\/admin\/staff(\?|$)/);
      assert.match((await page.textContent('main')) ?? '', new RegExp(invitee.email.replace('.', '\\.')));
      await expectNoAxeViolations(page, 'the list with the pending invitation');
    });

    const [mail] = await waitUntil(
      async () => smtp.messages.filter((one) => one.envelopeTo.includes(invitee.email)),
      (found) => found.length >= 1,
      { what: 'the invitation e-mail', timeoutMs: 30_000 },
    );
    assert.match(mail?.subject ?? '', /員工帳號邀請/);
    assert.doesNotMatch(mail?.text ?? '', /password|密碼：/i, 'no password is ever sent');
    const link = /\/(?:en\/)?staff\/invitation\/[A-Za-z0-9_-]{43}/.exec(mail?.text ?? '')?.[0];
    assert.ok(link, mail?.text);

    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await server.newAxePage(browser);
    try {
      await page.goto(url(link));
      await expectNoAxeViolations(page, 'the invitation page');
      await page.fill('#password', invitee.password);
      await page.fill('#passwordAgain', invitee.password);
      await submitMain(page);
      await page.waitForURL(/\/staff\/account\/two-factor$/);
      await expectNoAxeViolations(page, 'two-factor set-up after the invitation');
      const secret = ((await page.textContent('code.app-setup-key')) ?? '').replace(/\s+/g, '');
      assert.match(secret, /^[A-Z2-7]{16,}$/);
      await page.fill('#code', await currentCode(secret, server.clock));
      await page.click('main form[method="post"] button');
      await page.waitForURL(/\/staff\/account\/two-factor\?done=1$/);
      const member = await server.database.db.execute<{ role: string; unit: string; totp: boolean }>(
        sql`select role, unit_code as unit, totp_enabled_at is not null as totp from staff where email = ${invitee.email}`,
      );
      assert.deepEqual(member.rows, [{ role: 'handler', unit: 'road-maintenance', totp: true }]);
      // The link was for once.
      const again = await page.goto(url(link));
      assert.equal(again?.status(), 410);
    } finally {
      await page.context().close();
    }
  });

  it('2. a typhoon day declared for tomorrow moves an open case’s expected date by one working day, on the staff page and on /track', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const db = server.database.db;
    const clerk = caseActorOf(await aStaffMember(db, { role: 'counter_clerk' }));
    const opened = await openCase(testCasesContext(server), sidewalkPetition(), clerk);
    const before = await expectedDateOf(opened.caseNumber);
    assert.ok(before > tomorrow, `the case is due after tomorrow (${before})`);

    await withAdmin(t, '/staff/admin/calendar', async (page) => {
      await expectNoAxeViolations(page, 'the calendar page');
      await page.goto(url('/staff/admin/calendar/day'));
      await expectNoAxeViolations(page, 'the declaration form');
      await page.fill('#date', tomorrow);
      await page.check('input[name="state"][value="closed"]');
      await page.check('input[name="scope"][value="region"]');
      await page.fill('#reason', '颱風停止上班（高雄市政府公告）');
      await submitMain(page);
      await page.waitForSelector(
        'main form button[value="confirm"], main form input[name="step"][value="confirm"]',
        {
          state: 'attached',
        },
      );
      const preview = (await page.textContent('main')) ?? '';
      assert.match(preview, new RegExp(opened.caseNumber), 'the case is among those that move');
      await expectNoAxeViolations(page, 'the preview of the deadlines that move');
      await page.click('main form:has(input[name="step"][value="confirm"]) button[type="submit"]');
      await page.waitForURL(/\/staff\/admin\/calendar\?year=2026/);
      assert.equal(await page.locator('.govuk-notification-banner--success').count(), 1);
      await expectNoAxeViolations(page, 'the calendar after the declaration');

      // Declared twice: refused, nothing written.
      await page.goto(url('/staff/admin/calendar/day'));
      await page.fill('#date', tomorrow);
      await page.check('input[name="state"][value="closed"]');
      await page.check('input[name="scope"][value="region"]');
      await page.fill('#reason', '再宣布一次');
      await submitMain(page);
      await page.waitForSelector('.govuk-error-summary');
      await expectNoAxeViolations(page, 'the declaration refused as already in force');
    });

    const after = await expectedDateOf(opened.caseNumber);
    const calendar = await loadWorkingCalendar(db, { region: server.config.calendarRegion });
    assert.equal(calendar.isWorkingDay(localDate(tomorrow)), false);
    assert.equal(calendar.workingDaysBetween(localDate(before), localDate(after)), 1, `${before} → ${after}`);

    const supervisor = await aStaffMember(db, { role: 'supervisor', unitCode: 'road-maintenance' });
    const staffPage = await server.staffPage(browser, supervisor, `/staff/cases/${opened.caseNumber}`);
    try {
      const main = (await staffPage.textContent('main')) ?? '';
      assert.ok(main.includes(formatPageDate('zh-TW', after)), `the staff page shows ${after}`);
      assert.ok(!main.includes(formatPageDate('zh-TW', before)) || before === after);
      const track = `/track?${new URLSearchParams({ case: opened.caseNumber, code: opened.lookupCode })}`;
      await staffPage.goto(url(track));
      const trackMain = (await staffPage.textContent('main')) ?? '';
      assert.ok(trackMain.includes(formatPageDate('zh-TW', after)), `/track shows ${after}`);
    } finally {
      await staffPage.context().close();
    }
  });

  it('3. a template is edited, and the next e-mail of that topic carries the new text', async (t) => {
    await withAdmin(t, '/staff/notification-templates/case.received', async (page) => {
      await expectNoAxeViolations(page, 'the template editor');
      const text = await page.inputValue('#textZh');
      const [greeting, ...rest] = text.split('\n\n');
      await page.fill('#textZh', [greeting, newSentence, ...rest].join('\n\n'));
      await page.fill('#textEn', `${(await page.inputValue('#textEn')).trim()}\n\n{{nope}}`);
      await page.click('button[name="intent"][value="save"]');
      await page.waitForSelector('.govuk-error-summary');
      assert.match((await page.textContent('.govuk-error-summary')) ?? '', /nope/);
      await expectNoAxeViolations(page, 'the editor refusing an unknown variable');
      await page.fill('#textEn', (await page.inputValue('#textEn')).replace('\n\n{{nope}}', ''));
      await page.click('button[name="intent"][value="preview"]');
      await page.waitForSelector('[data-preview]');
      assert.ok(((await page.textContent('[data-preview]')) ?? '').includes(newSentence));
      await expectNoAxeViolations(page, 'the editor with its preview');
      await page.click('button[name="intent"][value="save"]');
      await page.waitForURL(/saved=1/);
      await expectNoAxeViolations(page, 'the editor after saving version 1');
    });

    const db = server.database.db;
    const clerk = caseActorOf(await aStaffMember(db, { role: 'counter_clerk' }));
    const applicantEmail = 'typhoon.applicant@example.tw';
    const opened = await openCase(testCasesContext(server), sidewalkPetition({ applicantEmail }), clerk);
    const [mail] = await waitUntil(
      async () => smtp.messages.filter((one) => one.envelopeTo.includes(applicantEmail)),
      (found) => found.length >= 1,
      { what: 'the case-received e-mail', timeoutMs: 30_000 },
    );
    assert.ok(mail?.text.includes(newSentence), mail?.text);
    assert.ok(mail?.text.includes(opened.caseNumber), 'the variables are filled');
    const version = await db.execute<{ version: number | null }>(
      sql`select template_version as version from notification_deliveries where topic = 'case.received' and recipient = ${applicantEmail}`,
    );
    assert.deepEqual(version.rows, [{ version: 1 }]);
  });

  it('4. axe: zero violations on the other administration pages (units, routing, classifications, petition types and officers, audit)', async (t) => {
    await withAdmin(t, '/staff/admin/units', async (page) => {
      await expectNoAxeViolations(page, 'the units list');
      for (const [path, what] of [
        ['/staff/admin/units/road-maintenance', 'a unit’s page'],
        ['/staff/admin/routing', 'the routing rules'],
        ['/staff/admin/routing/new', 'a new routing rule'],
        ['/staff/admin/classifications', 'the classification codes'],
        ['/staff/admin/classifications/load', 'loading a classification file'],
        ['/staff/admin/calendar/load', 'loading a year’s calendar'],
        ['/staff/notification-templates', 'the templates list'],
        ['/staff/petitions/types', 'the petition types'],
        ['/staff/petitions/types/director-mailbox', 'a petition type’s rules'],
        ['/staff/petitions/officers', 'the designated officers'],
        ['/staff/audit?area=calendar', 'the audit log filtered by area'],
        ['/en/staff/admin/staff', 'the staff accounts list in English'],
        ['/en/staff/admin/calendar', 'the calendar in English'],
      ] as const) {
        const response = await page.goto(url(path));
        assert.equal(response?.status(), 200, path);
        await expectNoAxeViolations(page, what);
      }
      // A member's page: the handler invited in step 1 (or any member), with its forms.
      const member = await server.database.db.execute<{ id: string }>(
        sql`select id from staff where role = 'handler' order by created_at limit 1`,
      );
      const id = member.rows[0]?.id;
      if (id) {
        await page.goto(url(`/staff/admin/staff/${id}`));
        await expectNoAxeViolations(page, 'a member’s page');
      }
      // The routing form refused with every problem, and its preview.
      await page.goto(url('/staff/admin/routing/new'));
      await page.click('main form button[name="step"][value="preview"]');
      await page.waitForSelector('.govuk-error-summary');
      await expectNoAxeViolations(page, 'the routing form with its problems');
    });
  });
});
