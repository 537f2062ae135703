import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { CaseRow } from '../../src/modules/cases/core/case-actor.ts';
import { caseAttachments, cases } from '../../src/modules/cases/core/cases-schema.ts';
import {
  caseActorOf,
  sidewalkPetition,
  testCasesContext,
} from '../../src/modules/cases/core/cases-test-support.ts';
import { openCase } from '../../src/modules/cases/core/open-case.ts';
import { transitionCase } from '../../src/modules/cases/core/transition-case.ts';
import { aStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { samplePdf } from '../../src/platform/uploads/upload-test-support.ts';
import { browserOrSkip, expectNoAxeViolations, expectNoSidewaysScrolling } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

/**
 * Issue 14 #1 in Chromium: a petition taken at the counter waits for a supplement. On /track, at 360 px, the
 * applicant reads what is needed and exactly how to deliver it (counter and hours, post, e-mail, the case
 * number); the counter clerk records 補正完成 with the delivered PDF attached. axe finds nothing.
 */

const server = await startBrowserTestServer();
const phone = { width: 360, height: 740 };
let waiting: CaseRow;

before(async () => {
  const db = server.database.db;
  const handler = caseActorOf(await aStaffMember(db, { role: 'handler', unitCode: 'road-maintenance' }));
  const context = () => testCasesContext(server);
  waiting = await openCase(context(), sidewalkPetition(), handler);
  for (const [event, input] of [
    ['accept', {}],
    ['request_supplement', { reason: '現場照片（含門牌）\n土地所有權狀影本' }],
  ] as const)
    waiting = await transitionCase(
      context(),
      { caseId: waiting.id, expectedVersion: waiting.version, event, input },
      handler,
    );
});

const trackUrl = (prefix: '' | '/en') =>
  `${server.baseUrl}${prefix}/track?${new URLSearchParams({ case: waiting.caseNumber, code: waiting.lookupCode }).toString()}`;

describe('delivering a supplement without an online form (issue 14 #1)', () => {
  it('/track at 360 px says what is needed and how to deliver it, in both languages; axe finds nothing', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await server.newAxePage(browser, { viewport: phone, isMobile: true, hasTouch: true });
    try {
      await page.goto(trackUrl(''));
      const section = page.locator('[data-supplement-ways]');
      assert.equal(await section.locator('h2').textContent(), '如何補正');
      assert.deepEqual(await section.locator('[data-supplement-items] li').allTextContents(), [
        '現場照片（含門牌）',
        '土地所有權狀影本',
      ]);
      const ways = await section.locator('ul li').allTextContents();
      assert.deepEqual(
        ways.map((way) => way.split('：')[0]),
        ['臨櫃送件', '郵寄', '電子郵件'],
      );
      assert.ok(ways.every((way) => way.includes(waiting.caseNumber) || way.startsWith('臨櫃送件')));
      assert.match(ways[0] ?? '', /802 高雄市苓雅區四維三路2號（週一至週五/);
      assert.match((await section.textContent()) ?? '', new RegExp(`請註明案號 ${waiting.caseNumber}`));
      assert.match(
        (await section.locator('[data-contact-unconfirmed]').textContent()) ?? '',
        /尚待本局確認.*請先來電 07-3368333 確認/,
      );
      await expectNoSidewaysScrolling(page, '/track waiting for a supplement at 360 px');
      await expectNoAxeViolations(page, '/track waiting for a supplement');

      await page.goto(trackUrl('/en'));
      assert.equal(await page.locator('[data-supplement-ways] h2').textContent(), 'How to send what we need');
      assert.match(
        (await page.locator('[data-supplement-ways]').textContent()) ?? '',
        /At the counter: No\. 2, Siwei 3rd Rd\..*By post:.*By e-mail: to pwb-road-maintenance@kcg\.gov\.tw/s,
      );
      await expectNoSidewaysScrolling(page, '/en/track waiting for a supplement at 360 px');
      await expectNoAxeViolations(page, '/en/track waiting for a supplement');
    } finally {
      await page.context().close();
    }
  });

  it('the counter clerk records 補正完成 with the delivered PDF; the file is kept on the case', async (t) => {
    const policyViolations: string[] = [];
    await server.withStaffPage(
      t,
      { role: 'counter_clerk' },
      `/staff/cases/${waiting.caseNumber}`,
      async (page, browser) => {
        await page.click('#action-supplement_received summary');
        await page.setInputFiles('#supplement_received-supplementFiles', {
          name: '土地所有權狀.pdf',
          mimeType: 'application/pdf',
          buffer: samplePdf('deed'),
        });
        await page.click('#action-supplement_received button[type="submit"]');
        await page.waitForURL(/\?done=supplement_received$/);
        const [row] = await server.database.db.select().from(cases).where(eq(cases.id, waiting.id));
        assert.equal(row?.state, 'in_progress');
        const files = await server.database.db
          .select({ fileName: caseAttachments.fileName })
          .from(caseAttachments)
          .where(and(eq(caseAttachments.caseId, waiting.id), eq(caseAttachments.purpose, 'supplement')));
        assert.deepEqual(files, [{ fileName: '土地所有權狀.pdf' }]);
        assert.match((await page.locator('main').textContent()) ?? '', /土地所有權狀\.pdf/);
        assert.deepEqual(policyViolations, []);

        // The form itself, for axe, on a case waiting again.
        const axe = await server.newAxePage(browser);
        try {
          const db = server.database.db;
          const handler = caseActorOf(
            await aStaffMember(db, { role: 'handler', unitCode: 'road-maintenance' }),
          );
          let another = await openCase(testCasesContext(server), sidewalkPetition(), handler);
          another = await transitionCase(
            testCasesContext(server),
            { caseId: another.id, expectedVersion: another.version, event: 'accept', input: {} },
            handler,
          );
          await transitionCase(
            testCasesContext(server),
            {
              caseId: another.id,
              expectedVersion: another.version,
              event: 'request_supplement',
              input: { reason: '現場照片' },
            },
            handler,
          );
          const cookies = await page.context().cookies();
          await axe.context().addCookies(cookies);
          await axe.goto(`${server.baseUrl}/staff/cases/${another.caseNumber}`);
          await axe.click('#action-supplement_received summary');
          assert.equal(
            await axe.locator('#supplement_received-supplementFiles').getAttribute('type'),
            'file',
          );
          await expectNoAxeViolations(axe, 'the case page with the 補正完成 form open');
        } finally {
          await axe.context().close();
        }
      },
      { policyViolations },
    );
  });
});
