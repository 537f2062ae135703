import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { CaseRow } from '../../src/modules/cases/core/case-actor.ts';
import {
  caseActorOf,
  sidewalkPetition,
  testCasesContext,
} from '../../src/modules/cases/core/cases-test-support.ts';
import { requestExtension } from '../../src/modules/cases/core/extensions.ts';
import { openCase } from '../../src/modules/cases/core/open-case.ts';
import { trackUrlOf } from '../../src/modules/cases/core/track-url.ts';
import { transitionCase } from '../../src/modules/cases/core/transition-case.ts';
import type { CaseEvent } from '../../src/modules/cases/core/workflows.ts';
import { aStaffMember, type TestStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { expectNoAxeViolations } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';
import { TestClock } from '../helpers/test-app.ts';

/**
 * Issue 14, item 10: a reopen reason of 5,000 characters without a space widened the staff case page to
 * 8,135 px. Long words wrap everywhere (timeline, tables, summary lists); the page fits 360 px, only the
 * deliberate scroll boxes (.ow-table-scroll) scroll. Items 7 and 9 in the browser: the pointers to the unit
 * queue and to the extensions to approve, with axe.
 */

const server = await startBrowserTestServer({ clock: new TestClock(new Date('2026-03-02T02:00:00Z')) });

// The reason had 5,000 characters; a reason now takes at most 4,000 (fieldLimits.longText), as long a word.
const longWord = 'x'.repeat(4000);

/** The document's width against the viewport's, and the widest element that is not inside a scroll box. */
async function widths(page: Page) {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    let widest = { width: 0, what: '' };
    for (const element of document.querySelectorAll('main *')) {
      if (element.closest('.ow-table-scroll') !== null) continue;
      const right = element.getBoundingClientRect().right;
      if (right > widest.width)
        widest = { width: Math.round(right), what: `${element.tagName}.${element.className}` };
    }
    return { scroll: document.documentElement.scrollWidth, viewport, widest };
  });
}

describe('long words in a real browser at 360 px (issue 14)', () => {
  let handler: TestStaffMember;
  let supervisor: TestStaffMember;
  let reopened: CaseRow;

  const step = async (row: CaseRow, event: CaseEvent, input: Record<string, string>, by: TestStaffMember) =>
    transitionCase(
      testCasesContext(server),
      { caseId: row.id, expectedVersion: row.version, event, input },
      caseActorOf(by),
    );

  before(async () => {
    const db = server.database.db;
    handler = await aStaffMember(db, { role: 'handler', displayName: '陳承辦' });
    supervisor = await aStaffMember(db, { role: 'supervisor', displayName: '林主管' });
    let row = await openCase(
      testCasesContext(server),
      sidewalkPetition({
        subject: `長字${longWord.slice(0, 190)}`,
        description: longWord,
        applicantType: 'company',
        applicantName: 'z'.repeat(100),
        applicantCompany: 'y'.repeat(200),
      }),
      { kind: 'system' },
    );
    row = await step(row, 'accept', {}, handler);
    row = await step(row, 'start', {}, handler);
    row = await step(row, 'resolve', { resolution: longWord }, handler);
    row = await step(row, 'close', {}, handler);
    reopened = await step(row, 'reopen', { reason: longWord }, supervisor);
  });

  it('the staff case page with a 4,000-character reopen reason without spaces fits 360 px; axe finds nothing', async (t) => {
    await server.withStaffPage(t, handler, `/staff/cases/${reopened.caseNumber}`, async (page) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.reload();
      assert.match(
        (await page.locator('#timeline').textContent()) ?? '',
        /x{100}/,
        'the reason is on the page',
      );
      const measured = await widths(page);
      assert.ok(
        measured.scroll <= 360,
        `scrollWidth ${measured.scroll} > 360 (widest: ${measured.widest.what} to ${measured.widest.width})`,
      );
      await expectNoAxeViolations(page, 'the case page with a long reopen reason');
      await page.goto(`${server.baseUrl}/en/staff/cases/${reopened.caseNumber}`);
      assert.ok((await widths(page)).scroll <= 360, 'the English case page fits too');
    });
  });

  it('the counter receipt and the /track result with the same long words fit 360 px', async (t) => {
    await server.withStaffPage(
      t,
      { role: 'counter_clerk' },
      `/staff/counter/receipt/${reopened.caseNumber}`,
      async (page) => {
        await page.setViewportSize({ width: 360, height: 740 });
        await page.reload();
        assert.match(
          (await page.locator('main').textContent()) ?? '',
          /y{200}/,
          'the receipt shows the long company name',
        );
        const receipt = await widths(page);
        assert.ok(
          receipt.scroll <= 360,
          `receipt: scrollWidth ${receipt.scroll} (widest: ${receipt.widest.what})`,
        );
        await expectNoAxeViolations(page, 'the receipt with long words');

        const track = new URL(trackUrlOf(server.baseUrl, reopened));
        await page.goto(track.toString());
        assert.match(
          (await page.locator('main').textContent()) ?? '',
          /x{100}/,
          '/track shows the reopen reason',
        );
        const tracked = await widths(page);
        assert.ok(
          tracked.scroll <= 360,
          `/track: scrollWidth ${tracked.scroll} (widest: ${tracked.widest.what})`,
        );
      },
    );
  });

  it('item 7 and 9: an empty “my cases” points to the unit’s unassigned cases; supervision lists the extensions to approve with their count; axe finds nothing', async (t) => {
    const waiting = await openCase(testCasesContext(server), sidewalkPetition({ subject: '等候分派' }), {
      kind: 'system',
    });
    await requestExtension(
      testCasesContext(server),
      { caseId: reopened.id, expectedVersion: reopened.version, amount: 2, reason: '需會同管線單位會勘' },
      caseActorOf(handler),
    );
    await server.withStaffPage(
      t,
      { role: 'handler', displayName: '新承辦' },
      '/staff/cases',
      async (page) => {
        const pointer = page.locator('#unit-waiting');
        assert.equal(await pointer.getAttribute('data-unit-waiting'), '1');
        await pointer.locator('a').click();
        await page.waitForURL(/\/staff\/cases\/unit\?unassigned=yes$/);
        assert.deepEqual(
          await page
            .locator('tbody tr[data-case-number]')
            .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case-number'))),
          [waiting.caseNumber],
        );
        await page.goto(`${server.baseUrl}/staff/cases`);
        await expectNoAxeViolations(page, 'my cases, empty, with the pointer to the unit queue');
      },
    );
    await server.withStaffPage(t, supervisor, '/staff/supervision', async (page) => {
      assert.equal(
        await page.locator('#extensions [data-pending-extensions]').getAttribute('data-pending-extensions'),
        '1',
      );
      assert.match((await page.locator('#extensions').textContent()) ?? '', /共 1 件展延申請等候核定/);
      assert.equal(
        await page.locator(`#pending-extensions tr[data-extension="${reopened.caseNumber}"]`).count(),
        1,
      );
      await expectNoAxeViolations(page, 'supervision with an extension to approve');
      await page.setViewportSize({ width: 360, height: 740 });
      assert.ok((await widths(page)).scroll <= 360, 'supervision fits 360 px');
      await page.goto(`${server.baseUrl}/staff/cases/unit`);
      assert.equal(await page.locator('#pending-extensions').getAttribute('data-pending-extensions'), '1');
      await page.locator('#pending-extensions a').click();
      await page.waitForURL(/extension=pending/);
      assert.deepEqual(
        await page
          .locator('tbody tr[data-case-number]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case-number'))),
        [reopened.caseNumber],
      );
      await expectNoAxeViolations(page, 'the unit queue filtered to extensions to approve');
    });
  });
});
