import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import {
  aStaffMember,
  csrfTokenIn,
  signIn,
  type TestStaffMember,
} from '../../../platform/auth/auth-test-support.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { cases } from '../core/cases-schema.ts';
import { caseActorOf, sidewalkPetition, testCasesContext } from '../core/cases-test-support.ts';
import { openCase } from '../core/open-case.ts';
import { transitionCase } from '../core/transition-case.ts';
import type { CaseEvent } from '../core/workflows.ts';

/**
 * Issue 14's queue items: where a new handler's work waits (7), the deadline status of answered and
 * finished cases (8), the extensions waiting for a supervisor (9) and the automatic subject on English
 * pages (16).
 */

/** One queue row's cells, by its case number. */
function rowOf(html: string, caseNumber: string): string {
  return new RegExp(`<tr[^>]*data-case-number="${caseNumber}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
}

describe('staff console, issue 14: queues, deadline status, extensions to approve', () => {
  // Monday 2 March 2026, 10:00 in Taipei.
  const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
  let subject: Awaited<ReturnType<typeof buildTestApp>>;
  let newHandler: TestStaffMember;
  let handler: TestStaffMember;
  let supervisor: TestStaffMember;
  let secondSupervisor: TestStaffMember;
  let parksSupervisor: TestStaffMember;
  let waitingA: CaseRow;

  const context = () => testCasesContext(subject);
  const open = (overrides: Parameters<typeof sidewalkPetition>[0] = {}) =>
    openCase(context(), sidewalkPetition(overrides), { kind: 'system' });
  const reload = async (id: string): Promise<CaseRow> => {
    const [row] = await subject.database.db.select().from(cases).where(eq(cases.id, id));
    assert.ok(row);
    return row;
  };
  const step = async (row: CaseRow, event: CaseEvent, input: Record<string, string> = {}, by = handler) =>
    transitionCase(
      context(),
      { caseId: row.id, expectedVersion: (await reload(row.id)).version, event, input },
      caseActorOf(by),
    );

  before(async () => {
    subject = await buildTestApp({ clock });
    const db = subject.database.db;
    newHandler = await aStaffMember(db, { role: 'handler', displayName: '新承辦' });
    handler = await aStaffMember(db, { role: 'handler', displayName: '陳承辦' });
    supervisor = await aStaffMember(db, { role: 'supervisor', displayName: '林主管' });
    secondSupervisor = await aStaffMember(db, { role: 'supervisor', displayName: '黃主管' });
    parksSupervisor = await aStaffMember(db, {
      role: 'supervisor',
      unitCode: 'parks',
      displayName: '公園主管',
    });
    // Two new cases wait unassigned in road maintenance; one of another unit does not count.
    waitingA = await open({ subject: '等候分派 A' });
    await open({ subject: '等候分派 B' });
    await open({ serviceCode: 'street-light-repair', formData: { problem: 'out' }, subject: '路燈' });
  });
  after(() => subject.app.close());

  it('item 7: a new handler’s empty “my cases” says how many cases wait unassigned in the unit queue, with a link', async () => {
    const browser = await signIn(subject.app, newHandler, clock);
    const mine = await browser.get('/staff/cases');
    assert.equal(mine.statusCode, 200);
    const main = mainOf(mine.body);
    assert.match(main, /data-queue-empty="true"/);
    assert.match(main, /data-unit-waiting="2"/, 'the unit’s two unassigned cases, not the other unit’s');
    assert.match(main, /有 2 件新案件尚未分派，在「單位案件」等候受理/);
    assert.match(
      main,
      /<a class="govuk-link" href="\/staff\/cases\/unit\?unassigned=yes">查看 2 件尚未分派的案件<\/a>/,
    );
    const english = mainOf((await browser.get('/en/staff/cases')).body);
    assert.match(
      english,
      /href="\/en\/staff\/cases\/unit\?unassigned=yes">See the 2 cases not yet assigned<\/a>/,
    );
    // The link leads to exactly those cases.
    const unit = mainOf((await browser.get('/staff/cases/unit?unassigned=yes')).body);
    assert.match(unit, /共 2 件|第 1–2 件，共 2 件/);
    assert.match(unit, new RegExp(`data-case-number="${waitingA.caseNumber}"`));

    // Once one is taken, the count follows.
    await step(waitingA, 'accept', {}, handler);
    const after = mainOf((await browser.get('/staff/cases')).body);
    assert.match(after, /data-unit-waiting="1"/);
  });

  it('item 8: a resolved case says answered, a closed one closed (in time), never 暫停計算（待補正）', async () => {
    const row = await open({ subject: '辦結測試' });
    await step(row, 'accept');
    await step(row, 'start');
    await step(row, 'resolve', { resolution: '已修復人行道地磚。' });
    const browser = await signIn(subject.app, handler, clock);
    const resolvedPage = mainOf((await browser.get(`/staff/cases/${row.caseNumber}`)).body);
    assert.match(resolvedPage, /data-status="answered">已辦結（待結案）</);
    assert.doesNotMatch(resolvedPage, /待補正）|data-status="paused"/);
    assert.match(resolvedPage, /停止計算（已辦結）/);
    assert.match(resolvedPage, /data-in-time="yes"/);
    const queue = mainOf((await browser.get('/staff/cases/unit')).body);
    assert.match(rowOf(queue, row.caseNumber), /data-status="answered">已辦結（待結案）</);
    const english = mainOf((await browser.get(`/en/staff/cases/${row.caseNumber}`)).body);
    assert.match(english, /data-status="answered">Answered \(to be closed\)</);

    await step(row, 'close');
    const closedPage = mainOf((await browser.get(`/staff/cases/${row.caseNumber}`)).body);
    assert.match(closedPage, /data-status="finished">已結案</);
    assert.doesNotMatch(closedPage, /待補正）/);
    assert.match(closedPage, /data-in-time="yes">如期（/);
    assert.doesNotMatch(closedPage, /仍在暫停/, 'the pause resolving opened is not “still paused”');
    assert.match(closedPage, /辦結後的時間不計入處理期限/);
  });

  it('item 9: an extension request e-mails each supervisor of the unit (no other unit’s) and is listed with a count', async () => {
    const row = await open({ subject: '展延待核定' });
    await step(row, 'accept');
    const browser = await signIn(subject.app, handler, clock);
    const page = await browser.get(`/staff/cases/${row.caseNumber}`);
    const asked = await browser.post(`/staff/cases/${row.caseNumber}/extensions`, {
      _csrf: csrfTokenIn(page.body),
      version: String((await reload(row.id)).version),
      amount: '3',
      reason: '需會同台電現場會勘',
    });
    assert.equal(asked.statusCode, 303);

    const deliveries = await subject.database.pool.query<{
      recipient: string;
      subject: string;
      body_text: string;
    }>(
      `select recipient, subject, body_text from notification_deliveries
       where topic = 'case.extension_requested' and subject_id = $1 order by recipient`,
      [row.id],
    );
    assert.deepEqual(
      deliveries.rows.map((delivery) => delivery.recipient),
      [supervisor.email, secondSupervisor.email].toSorted(),
    );
    assert.ok(!deliveries.rows.some((delivery) => delivery.recipient === parksSupervisor.email));
    const mail = deliveries.rows[0];
    assert.equal(mail?.subject, `【展延待核定】${row.caseNumber} 申請展延 3 個工作天`);
    assert.match(mail?.body_text ?? '', /陳承辦為「道路養護陳情」案件申請展延 3 個工作天/);
    assert.match(mail?.body_text ?? '', new RegExp(`/staff/cases/${row.caseNumber}`));
    assert.doesNotMatch(
      mail?.body_text ?? '',
      /王小明|0912345678|wang@example\.tw|台電/,
      'no applicant data, no reason',
    );

    const supervising = await signIn(subject.app, supervisor, clock);
    const supervision = mainOf((await supervising.get('/staff/supervision')).body);
    assert.match(supervision, /<h2 class="govuk-heading-m" id="extensions-heading">展延待核定<\/h2>/);
    assert.match(supervision, /data-pending-extensions="1">共 1 件展延申請等候核定/);
    assert.match(
      supervision,
      new RegExp(`data-extension="${row.caseNumber}"[\\s\\S]*?陳承辦[\\s\\S]*?3 個工作天`),
    );
    const unitQueue = mainOf((await supervising.get('/staff/cases/unit')).body);
    assert.match(unitQueue, /data-pending-extensions="1"/);
    assert.match(unitQueue, /href="\/staff\/cases\/unit\?extension=pending">查看 1 件展延待核定的案件<\/a>/);
    const filtered = mainOf((await supervising.get('/staff/cases/unit?extension=pending')).body);
    assert.deepEqual(
      [...filtered.matchAll(/<tr[^>]*data-case-number="([^"]+)"/g)].map((match) => match[1]),
      [row.caseNumber],
    );
    // Another unit's supervisor sees none of it.
    const parks = mainOf(
      (await (await signIn(subject.app, parksSupervisor, clock)).get('/staff/supervision')).body,
    );
    assert.match(parks, /data-pending-extensions="0"/);
  });

  it('item 16: the automatic subject (the service’s name) is in English on English pages', async () => {
    const row = await open({ subject: '' });
    assert.equal(row.subject, '道路養護陳情', 'stored as the service’s name at intake');
    const browser = await signIn(subject.app, handler, clock);
    const english = mainOf((await browser.get('/en/staff/cases/unit')).body);
    const cells = [
      ...rowOf(english, row.caseNumber).matchAll(/<td class="govuk-table__cell">([^<]*)<\/td>/g),
    ].map((match) => match[1]);
    assert.doesNotMatch(rowOf(english, row.caseNumber), /道路養護陳情/);
    assert.ok(
      cells.length >= 2 && cells[0] !== '' && cells[0] === cells[1],
      'the subject is the service’s English name',
    );
    const chinese = mainOf((await browser.get('/staff/cases/unit')).body);
    assert.match(rowOf(chinese, row.caseNumber), /<td class="govuk-table__cell">道路養護陳情<\/td>/);
    const casePage = mainOf((await browser.get(`/en/staff/cases/${row.caseNumber}`)).body);
    assert.doesNotMatch(casePage, /道路養護陳情/);
    // A subject the applicant wrote is theirs, in their words.
    const written = await open({ subject: '人行道 D' });
    const again = mainOf((await browser.get('/en/staff/cases/unit')).body);
    assert.match(rowOf(again, written.caseNumber), /<td class="govuk-table__cell">人行道 D<\/td>/);
    // The look-up, in English: the service's English name; in Chinese, the stored subject.
    const lookup = mainOf((await browser.get(`/en/staff/lookup?caseNumber=${row.caseNumber}`)).body);
    assert.match(lookup, new RegExp(`data-case-number="${row.caseNumber}"`));
    assert.doesNotMatch(lookup, /道路養護陳情/);
    const lookupZh = mainOf((await browser.get(`/staff/lookup?caseNumber=${row.caseNumber}`)).body);
    assert.match(lookupZh, /<td class="govuk-table__cell">道路養護陳情<\/td>/);
  });
});
