import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import {
  aStaffMember,
  csrfTokenIn,
  signIn,
  type TestBrowser,
  type TestStaffMember,
} from '../../../platform/auth/auth-test-support.ts';
import { listDistricts } from '../../../platform/geo/geo-repo.ts';
import { storedPng } from '../../../platform/uploads/upload-test-support.ts';
import { assignCases } from '../core/assignment.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { storeAttachments } from '../core/case-attachments.ts';
import { cases, caseTimeline } from '../core/cases-schema.ts';
import {
  caseActorOf,
  potholeReport,
  sidewalkPetition,
  testCasesContext,
} from '../core/cases-test-support.ts';
import type { OpenCaseInput } from '../core/intake-rules.ts';
import { openCase } from '../core/open-case.ts';
import { transitionCase } from '../core/transition-case.ts';

/**
 * The staff console over HTTP with real staff and real cases: queues and their filters, the case page's
 * actions (only what the state, role and unit allow), optimistic concurrency, bulk assignment, look-up
 * (audited) and the supervision counts.
 */

const hours = (n: number) => n * 3_600_000;

/** The case numbers of a queue page's rows, in order. */
function caseNumbersIn(html: string): string[] {
  return [...mainOf(html).matchAll(/<tr[^>]*data-case-number="([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('staff console: queues, case page, assignment, look-up', () => {
  // Monday 2 March 2026, 10:00 in Taipei.
  const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
  let subject: Awaited<ReturnType<typeof buildTestApp>>;
  let handler: TestStaffMember;
  let otherHandler: TestStaffMember;
  let supervisor: TestStaffMember;
  let parksHandler: TestStaffMember;
  let clerk: TestStaffMember;
  let admin: TestStaffMember;
  let sidewalkA: CaseRow;
  let potholeB: CaseRow;
  let sidewalkC: CaseRow;
  let districtCode: string;

  const open = (input: OpenCaseInput, at?: Date) =>
    openCase({ ...testCasesContext(subject), ...(at === undefined ? {} : { now: at }) }, input, {
      kind: 'system',
    });
  const reload = async (id: string): Promise<CaseRow> => {
    const [row] = await subject.database.db.select().from(cases).where(eq(cases.id, id));
    assert.ok(row);
    return row;
  };
  const timelineOf = (id: string) =>
    subject.database.db
      .select()
      .from(caseTimeline)
      .where(eq(caseTimeline.caseId, id))
      .orderBy(asc(caseTimeline.id));

  before(async () => {
    subject = await buildTestApp({ clock });
    const db = subject.database.db;
    handler = await aStaffMember(db, { role: 'handler', displayName: '陳承辦' });
    otherHandler = await aStaffMember(db, { role: 'handler', displayName: '吳承辦' });
    supervisor = await aStaffMember(db, { role: 'supervisor', displayName: '林主管' });
    parksHandler = await aStaffMember(db, { role: 'handler', unitCode: 'parks', displayName: '公園承辦' });
    clerk = await aStaffMember(db, { role: 'counter_clerk', displayName: '臨櫃人員' });
    admin = await aStaffMember(db, { role: 'admin', withTotp: true, clock });
    districtCode = (await listDistricts(db))[0]?.code ?? '';

    // Road maintenance: two 5-working-day petitions and a 4-hour pothole report in between (due first).
    sidewalkA = await open(sidewalkPetition({ subject: '人行道 A', districtCode }));
    clock.advance(hours(1));
    potholeB = await open(potholeReport({ subject: '坑洞 B' }));
    clock.advance(hours(1));
    sidewalkC = await open(
      sidewalkPetition({ subject: '人行道 C', applicantName: '李大華', applicantPhone: '0987654321' }),
    );
    // Not in the road maintenance queue: another unit's case, and a finished one.
    await open(
      sidewalkPetition({ serviceCode: 'street-light-repair', formData: { problem: 'out' }, subject: '路燈' }),
    );
    const finished = await open(sidewalkPetition({ subject: '已駁回' }));
    await transitionCase(
      testCasesContext(subject),
      { caseId: finished.id, expectedVersion: 1, event: 'reject', input: { reason: '重複通報' } },
      caseActorOf(handler),
    );
    // A is the handler's own case (accepting takes it).
    await transitionCase(
      testCasesContext(subject),
      { caseId: sidewalkA.id, expectedVersion: 1, event: 'accept', input: {} },
      caseActorOf(handler),
    );
  });
  after(() => subject.app.close());

  it('GET /staff/cases/unit lists only the unit’s open cases, nearest deadline first, with status in words and colour', async () => {
    const browser = await signIn(subject.app, handler, clock);
    const response = await browser.get('/staff/cases/unit');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(caseNumbersIn(response.body), [
      potholeB.caseNumber,
      sidewalkA.caseNumber,
      sidewalkC.caseNumber,
    ]);
    const main = mainOf(response.body);
    assert.match(main, /第 1–3 件，共 3 件/);
    assert.match(main, /<strong class="govuk-tag govuk-tag--green" data-status="on_track">正常<\/strong>/);
    assert.match(main, /陳承辦/, 'A shows its handler');
    assert.match(main, /尚未分派/);
    assert.match(main, new RegExp(`href="/staff/cases/${potholeB.caseNumber}"`));
    assert.doesNotMatch(main, /name="caseIds"/, 'a handler gets no bulk-assignment checkboxes');
    assert.equal(response.headers['cache-control'], 'no-store');

    const english = await browser.get('/en/staff/cases/unit');
    assert.equal(english.statusCode, 200);
    assert.match(mainOf(english.body), /Cases 1 to 3 of 3/);
    assert.match(mainOf(english.body), />On track</);
  });

  it('GET /staff/cases is the handler’s own queue; a supervisor is sent to the unit queue with the filters', async () => {
    const browser = await signIn(subject.app, handler, clock);
    const mine = await browser.get('/staff/cases');
    assert.equal(mine.statusCode, 200);
    assert.deepEqual(caseNumbersIn(mine.body), [sidewalkA.caseNumber]);
    assert.match(mainOf(mine.body), /<h1 class="govuk-heading-l">我的案件<\/h1>/);

    const supervising = await signIn(subject.app, supervisor, clock);
    const redirected = await supervising.get('/staff/cases?due=overdue');
    assert.equal(redirected.statusCode, 303);
    assert.equal(redirected.headers.location, '/staff/cases/unit?due=overdue');

    const clerkBrowser = await signIn(subject.app, clerk, clock);
    assert.equal((await clerkBrowser.get('/staff/cases/unit')).statusCode, 403);
  });

  it('filters in the URL narrow the queue; unknown values are ignored with a notice, never a 500', async () => {
    const browser = await signIn(subject.app, supervisor, clock);
    const numbers = async (query: string) =>
      caseNumbersIn((await browser.get(`/staff/cases/unit${query}`)).body);
    assert.deepEqual(await numbers('?service=pothole-report'), [potholeB.caseNumber]);
    assert.deepEqual(await numbers('?state=accepted'), [sidewalkA.caseNumber]);
    assert.deepEqual(await numbers(`?district=${districtCode}`), [sidewalkA.caseNumber]);
    assert.deepEqual(await numbers('?unassigned=yes'), [potholeB.caseNumber, sidewalkC.caseNumber]);
    assert.deepEqual(await numbers(`?handler=${handler.id}`), [sidewalkA.caseNumber]);
    assert.deepEqual(await numbers('?due=overdue'), []);

    const unknown = await browser.get(
      '/staff/cases/unit?state=lost&service=moon-base&district=99&due=yesterday&handler=nobody&page=zero',
    );
    assert.equal(unknown.statusCode, 200);
    const main = mainOf(unknown.body);
    assert.match(main, /沒有「lost」這個案件狀態，已忽略這個條件。/);
    assert.match(main, /沒有代碼為「moon-base」的申辦項目，已忽略這個條件。/);
    assert.match(main, /沒有代碼為「99」的行政區，已忽略這個條件。/);
    assert.match(main, /已忽略「yesterday」/);
    assert.match(main, /「nobody」不是本單位的承辦人/);
    assert.match(main, /頁碼「zero」不正確/);
    assert.equal(caseNumbersIn(unknown.body).length, 3, 'the ignored filters do not narrow the list');
    // A handler of another unit is not a known officer of this one.
    assert.match(
      mainOf((await browser.get(`/staff/cases/unit?handler=${parksHandler.id}`)).body),
      /不是本單位的承辦人/,
    );
  });

  it('the case page shows the details, the applicant in full and only the actions the state and role allow; the view is audited', async () => {
    const browser = await signIn(subject.app, handler, clock);
    const response = await browser.get(`/staff/cases/${sidewalkC.caseNumber}`);
    assert.equal(response.statusCode, 200);
    const main = mainOf(response.body);
    assert.match(main, /李大華/);
    assert.match(main, /0987-654-321/);
    assert.match(main, /道路養護陳情（第 1 版）/);
    assert.match(main, /位置類型/, 'form answers carry the labels of the service version');
    assert.match(main, /人行道<\/dd>/, 'a choice answer is shown by its label');
    assert.match(main, /data-checklist-item="location" data-received="false"/);
    assert.match(main, /data-timeline-kind="created"/);
    assert.match(main, /預定完成日/);
    assert.match(main, /民國115年3月/, 'dates in 民國 years');
    const actions = [...main.matchAll(/action="\/staff\/cases\/[^/]+\/events\/([a-z_]+)"/g)].map(
      (match) => match[1],
    );
    assert.deepEqual(actions.toSorted(), ['accept', 'forward', 'merge', 'reject', 'transfer']);
    assert.match(main, /申請展延/);
    // A field report follows its own workflow: a crew is dispatched, nothing is "accepted".
    const pothole = mainOf((await browser.get(`/staff/cases/${potholeB.caseNumber}`)).body);
    assert.deepEqual(
      [...pothole.matchAll(/action="\/staff\/cases\/[^/]+\/events\/([a-z_]+)"/g)]
        .map((match) => match[1])
        .toSorted(),
      ['dispatch', 'forward', 'merge', 'reject', 'transfer'],
    );
    const [audit] = await subject.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.view'), eq(auditLog.targetId, sidewalkC.id)));
    assert.equal(audit?.actorLabel, handler.email);

    // A clerk may record a withdrawal (on the applicant's behalf), nothing else.
    const clerkPage = await (await signIn(subject.app, clerk, clock)).get(
      `/staff/cases/${sidewalkC.caseNumber}`,
    );
    assert.deepEqual(
      [...mainOf(clerkPage.body).matchAll(/\/events\/([a-z_]+)"/g)].map((match) => match[1]),
      ['withdraw'],
    );
    // The admin reads, with no forms at all.
    const adminPage = await (await signIn(subject.app, admin, clock)).get(
      `/en/staff/cases/${sidewalkC.caseNumber}`,
    );
    assert.equal(adminPage.statusCode, 200);
    assert.doesNotMatch(mainOf(adminPage.body), /\/events\//);
    assert.match(mainOf(adminPage.body), /Administrators can read cases only\./);
    assert.match(mainOf(adminPage.body), /\d{1,2} March 2026/);
  });

  it('a handler of another unit may not read a case (least privilege: 403, nothing of it shown) and cannot act', async () => {
    const browser = await signIn(subject.app, parksHandler, clock);
    const page = await browser.get(`/staff/cases/${sidewalkC.caseNumber}`);
    assert.equal(page.statusCode, 403);
    const main = mainOf(page.body);
    assert.match(main, /您只能閱覽本單位的案件、曾由本單位辦理的案件，以及分派給您的案件/);
    assert.ok(!main.includes(sidewalkC.applicantName), 'no personal data');
    assert.doesNotMatch(main, /\/events\//);
    const home = await browser.get('/staff');
    const refused = await browser.post(`/staff/cases/${sidewalkC.caseNumber}/events/accept`, {
      _csrf: csrfTokenIn(home.body),
      version: '1',
    });
    assert.equal(refused.statusCode, 403);
    assert.equal((await reload(sidewalkC.id)).state, 'received');
    // The same handler in the unit whose case it is would see the actions; someone else's own case does not.
    const other = await (await signIn(subject.app, otherHandler, clock)).get(
      `/staff/cases/${sidewalkA.caseNumber}`,
    );
    assert.doesNotMatch(mainOf(other.body), /\/events\//);
    assert.equal((await browser.get('/staff/cases/9999999-0001')).statusCode, 404);
  });

  it('an action on a stale version → 409 with who changed it, the current state, what was typed kept, nothing changed', async () => {
    const target = await open(sidewalkPetition({ subject: '衝突測試' }));
    const browser = await signIn(subject.app, handler, clock);
    const page = await browser.get(`/staff/cases/${target.caseNumber}`);
    assert.match(page.body, /name="version" value="1"/);
    // The supervisor acts first.
    await transitionCase(
      testCasesContext(subject),
      { caseId: target.id, expectedVersion: 1, event: 'accept', input: { internalNote: '主管先受理' } },
      caseActorOf(supervisor),
    );
    const response = await browser.post(`/staff/cases/${target.caseNumber}/events/reject`, {
      _csrf: csrfTokenIn(page.body),
      version: '1',
      reason: '非本局權責，請洽環保局',
      internalNote: '已電話聯繫申請人',
    });
    assert.equal(response.statusCode, 409);
    const main = mainOf(response.body);
    assert.match(main, /本案在您開啟後已被林主管於 \d{2}:\d{2} 更新（目前狀態：已受理）/);
    assert.match(main, /data-case-state="accepted"/);
    assert.match(main, /非本局權責，請洽環保局/, 'what was typed is kept');
    assert.match(main, /已電話聯繫申請人/);
    assert.match(response.body, /<title>錯誤：/);
    const row = await reload(target.id);
    assert.equal(row.state, 'accepted');
    assert.equal(row.version, 2);
    const timeline = await timelineOf(target.id);
    assert.deepEqual(
      timeline.map((event) => event.kind),
      ['created', 'accept'],
    );
    assert.equal(
      timeline.some((event) => event.internalNote === '已電話聯繫申請人'),
      false,
    );
  });

  it('accept → 303 to the case page with a success banner; the case is accepted, taken and on the timeline', async () => {
    const target = await open(sidewalkPetition({ subject: '受理測試' }));
    const browser = await signIn(subject.app, handler, clock);
    const page = await browser.get(`/staff/cases/${target.caseNumber}`);
    const response = await browser.post(`/staff/cases/${target.caseNumber}/events/accept`, {
      _csrf: csrfTokenIn(page.body),
      version: '1',
      internalNote: '今日派員',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/staff/cases/${target.caseNumber}?done=accept`);
    const row = await reload(target.id);
    assert.equal(row.state, 'accepted');
    assert.equal(row.handlerId, handler.id);
    const last = (await timelineOf(target.id)).at(-1);
    assert.equal(last?.kind, 'accept');
    assert.equal(last?.fromState, 'received');
    assert.equal(last?.toState, 'accepted');
    assert.equal(last?.actorLabel, '陳承辦');
    assert.equal(last?.internalNote, '今日派員');
    const after = await browser.get(`/staff/cases/${target.caseNumber}?done=accept`);
    const main = mainOf(after.body);
    assert.match(main, /govuk-notification-banner--success/);
    assert.match(main, /已受理本案。/);
    assert.match(main, /data-timeline-kind="accept"/);
    assert.match(main, /已收件 → 已受理/);
    assert.match(main, /data-note="internal"><strong class="govuk-tag govuk-tag--grey">內部<\/strong>/);
    // Now the next steps are offered, not accept again.
    const actions = [...main.matchAll(/\/events\/([a-z_]+)"/g)].map((match) => match[1]);
    assert.ok(actions.includes('start'));
    assert.ok(!actions.includes('accept'));
  });

  it('a missing required input → 400 with an error summary linking to the field, values kept, nothing changed', async () => {
    const target = await open(sidewalkPetition({ subject: '驗證測試' }));
    const browser = await signIn(subject.app, handler, clock);
    const page = await browser.get(`/staff/cases/${target.caseNumber}`);
    const response = await browser.post(`/staff/cases/${target.caseNumber}/events/transfer`, {
      _csrf: csrfTokenIn(page.body),
      version: '1',
      targetUnit: '',
      reason: '',
      internalNote: '請公園處協助',
    });
    assert.equal(response.statusCode, 400);
    const main = mainOf(response.body);
    assert.match(main, /govuk-error-summary/);
    assert.match(main, /<a href="#transfer-targetUnit">請選擇要改分的單位。<\/a>/);
    assert.match(main, /<a href="#transfer-reason">請填寫原因或需補正的事項。<\/a>/);
    assert.match(main, /<details class="govuk-details" id="action-transfer" open data-event="transfer"/);
    assert.match(main, /請公園處協助/);
    assert.equal((await reload(target.id)).version, 1);
  });

  it('a supervisor assigns two ticked cases at once; a handler may not (403); no tick and no officer lists both problems', async () => {
    const first = await open(sidewalkPetition({ subject: '分派一' }));
    const second = await open(sidewalkPetition({ subject: '分派二' }));
    const browser = await signIn(subject.app, supervisor, clock);
    const queue = await browser.get('/staff/cases/unit');
    assert.match(mainOf(queue.body), new RegExp(`name="caseIds" type="checkbox" value="${first.id}"`));
    assert.match(mainOf(queue.body), new RegExp(`<option value="${otherHandler.id}"[^>]*>吳承辦</option>`));
    const token = csrfTokenIn(queue.body);
    const response = await subject.app.inject({
      method: 'POST',
      url: '/staff/cases/unit/assign',
      headers: { cookie: browser.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}&caseIds=${first.id}&caseIds=${second.id}&handlerId=${otherHandler.id}&returnQuery=${encodeURIComponent('state=received')}`,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(
      response.headers.location,
      `/staff/cases/unit?state=received&assigned=2&assignedTo=${otherHandler.id}`,
    );
    for (const id of [first.id, second.id]) {
      assert.equal((await reload(id)).handlerId, otherHandler.id);
      assert.equal((await timelineOf(id)).at(-1)?.kind, 'assigned');
    }
    const banner = await browser.get(response.headers.location as string);
    assert.match(mainOf(banner.body), /已將 2 件案件分派給 吳承辦。/);

    const empty = await browser.post('/staff/cases/unit/assign', {
      _csrf: token,
      handlerId: '',
      returnQuery: '',
    });
    assert.equal(empty.statusCode, 400);
    assert.match(mainOf(empty.body), /<a href="#handlerId">請選擇要指派的承辦人。<\/a>/);
    assert.match(mainOf(empty.body), /<a href="#caseIds">請至少勾選一件案件。<\/a>/);

    const handlerBrowser = await signIn(subject.app, handler, clock);
    const handlerPage = await handlerBrowser.get('/staff/cases/unit');
    const refused = await handlerBrowser.post('/staff/cases/unit/assign', {
      _csrf: csrfTokenIn(handlerPage.body),
      caseIds: first.id,
      handlerId: handler.id,
      returnQuery: '',
    });
    assert.equal(refused.statusCode, 403);
    assert.equal((await reload(first.id)).handlerId, otherHandler.id);
  });

  it('the look-up finds cases by phone and by number, and writes case.lookup to the audit log', async () => {
    const browser = await signIn(subject.app, clerk, clock);
    const first = await browser.get('/staff/lookup');
    assert.equal(first.statusCode, 200);
    assert.doesNotMatch(mainOf(first.body), /data-lookup-count/);

    const byPhone = await browser.get(`/staff/lookup?phone=${encodeURIComponent('0987-654-321')}`);
    assert.equal(byPhone.statusCode, 200);
    assert.deepEqual(caseNumbersIn(byPhone.body), [sidewalkC.caseNumber]);
    assert.match(mainOf(byPhone.body), new RegExp(`href="/staff/cases/${sidewalkC.caseNumber}"`));
    const byNumber = await browser.get(`/staff/lookup?caseNumber=${potholeB.caseNumber.replace('-', '')}`);
    assert.deepEqual(caseNumbersIn(byNumber.body), [potholeB.caseNumber]);

    const rows = await subject.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.lookup'), eq(auditLog.actorLabel, clerk.email)))
      .orderBy(asc(auditLog.id));
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[0]?.details, { by: ['phone'], matched: [sidewalkC.caseNumber] });

    const blank = await browser.get('/staff/lookup?caseNumber=&phone=&name=');
    assert.equal(blank.statusCode, 400);
    assert.match(mainOf(blank.body), /<a href="#caseNumber">請輸入案件編號、申請人電話或姓名其中一項。<\/a>/);
    const editor = await aStaffMember(subject.database.db, { role: 'web_editor' });
    assert.equal((await (await signIn(subject.app, editor, clock)).get('/staff/lookup')).statusCode, 403);
  });

  it('a handler asks for an extension, the supervisor approves it: the expected completion date moves', async () => {
    const target = await open(sidewalkPetition({ subject: '展延測試' }));
    const browser = await signIn(subject.app, handler, clock);
    const page = await browser.get(`/staff/cases/${target.caseNumber}`);
    const invalid = await browser.post(`/staff/cases/${target.caseNumber}/extensions`, {
      _csrf: csrfTokenIn(page.body),
      version: '1',
      amount: '很多天',
      reason: '',
    });
    assert.equal(invalid.statusCode, 400);
    assert.match(mainOf(invalid.body), /<a href="#extension-amount">展延天數必須是 1 到 60 的整數。<\/a>/);
    assert.match(mainOf(invalid.body), /<a href="#extension-reason">請填寫展延原因，申請人會看到。<\/a>/);
    assert.match(mainOf(invalid.body), /value="很多天"/);
    const asked = await browser.post(`/staff/cases/${target.caseNumber}/extensions`, {
      _csrf: csrfTokenIn(page.body),
      version: '1',
      amount: '３',
      reason: '需會同台電現場會勘',
    });
    assert.equal(asked.statusCode, 303);
    assert.equal(asked.headers.location, `/staff/cases/${target.caseNumber}?done=extension_requested`);

    const supervising = await signIn(subject.app, supervisor, clock);
    const decisionPage = await supervising.get(`/staff/cases/${target.caseNumber}`);
    const main = mainOf(decisionPage.body);
    assert.match(main, /陳承辦 申請展延 3 個工作天，原因：需會同台電現場會勘/);
    const extensionId = /action="\/staff\/cases\/[^/]+\/extensions\/([0-9a-f-]{36})"/.exec(main)?.[1] ?? '';
    const approved = await supervising.post(`/staff/cases/${target.caseNumber}/extensions/${extensionId}`, {
      _csrf: csrfTokenIn(decisionPage.body),
      version: String((await reload(target.id)).version),
      decision: 'approve',
      note: '同意',
    });
    assert.equal(approved.statusCode, 303);
    const row = await reload(target.id);
    assert.equal(row.extensionAmount, 3);
    assert.ok((row.expectedCompletionDate ?? '') > (target.expectedCompletionDate ?? ''));
    const after = mainOf((await supervising.get(approved.headers.location as string)).body);
    assert.match(after, /展延已核准/);
    assert.match(after, /data-extension-state="approved"/);
  });

  it('an attachment is served to staff with its sniffed type, as a download; nobody signed out gets it', async () => {
    const target = await open(sidewalkPetition({ subject: '附件測試' }));
    const [stored] = await storeAttachments(
      subject.database.db,
      target.id,
      [{ ...(await storedPng(subject.files, 'site.png', 'location')), checklistItemId: 'location' }],
      { staffId: null },
      clock.now(),
    );
    assert.ok(stored);
    const url = `/staff/cases/${target.caseNumber}/attachments/${stored.id}`;
    // A handler of the case's unit (least-privilege reading: another unit's handler is refused).
    const browser = await signIn(subject.app, handler, clock);
    const page = await browser.get(`/staff/cases/${target.caseNumber}`);
    assert.match(mainOf(page.body), new RegExp(`href="${url}">site.png</a>`));
    const file = await browser.get(url);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    // A download under a sandboxing policy, never shown inline as a page of ours (issue 13).
    assert.equal(
      file.headers['content-disposition'],
      `attachment; filename="site.png"; filename*=UTF-8''site.png`,
    );
    assert.equal(file.headers['content-security-policy'], "sandbox; default-src 'none'");
    assert.equal((await subject.app.inject({ method: 'GET', url })).statusCode, 303);
    assert.equal(
      (await browser.get(`/staff/cases/${target.caseNumber}/attachments/not-an-id`)).statusCode,
      404,
    );
  });

  it('after the pothole’s 4 hours the overdue filter finds it, tagged “已逾期” in words and red', async () => {
    clock.advance(hours(5));
    const browser = await signIn(subject.app, handler, clock);
    const response = await browser.get('/staff/cases/unit?due=overdue');
    assert.deepEqual(caseNumbersIn(response.body), [potholeB.caseNumber]);
    assert.match(
      mainOf(response.body),
      /<strong class="govuk-tag govuk-tag--red" data-status="overdue">已逾期<\/strong>/,
    );
  });
});

describe('staff console: supervision counts', () => {
  // Monday 2 March 2026, 10:00 in Taipei.
  const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
  let subject: Awaited<ReturnType<typeof buildTestApp>>;
  let first: TestStaffMember;
  let second: TestStaffMember;
  let supervisor: TestStaffMember;
  let overdue: CaseRow;

  before(async () => {
    subject = await buildTestApp({ clock });
    const db = subject.database.db;
    first = await aStaffMember(db, { role: 'handler', displayName: '甲承辦' });
    second = await aStaffMember(db, { role: 'handler', displayName: '乙承辦' });
    supervisor = await aStaffMember(db, { role: 'supervisor', displayName: '丙主管' });
    const at = (offset: number) => ({
      ...testCasesContext(subject),
      now: new Date(clock.now().getTime() + offset),
    });
    // Potholes (4 hours): received 5 h ago (overdue), 3.5 h ago (at risk: 80 % used), now (on track).
    overdue = await openCase(at(-hours(5)), potholeReport(), { kind: 'system' });
    const atRisk = await openCase(at(-hours(3.5)), potholeReport(), { kind: 'system' });
    const onTrack = await openCase(at(0), potholeReport(), { kind: 'system' });
    await openCase(at(0), sidewalkPetition(), { kind: 'system' });
    const context = testCasesContext(subject);
    await assignCases(
      context,
      { caseIds: [overdue.id, atRisk.id], handlerId: first.id },
      caseActorOf(supervisor),
    );
    await assignCases(context, { caseIds: [onTrack.id], handlerId: second.id }, caseActorOf(supervisor));
  });
  after(() => subject.app.close());

  /** A table row's three counts (open, at risk, overdue), as shown. */
  function countsOf(html: string, line: string): number[] {
    const row = new RegExp(`<tr[^>]*data-line="${line}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
    return [...row.matchAll(/data-count="[a-z]+">(?:<a[^>]*>)?(\d+)/g)].map((match) => Number(match[1]));
  }

  it('per unit and handler: open, at risk and overdue match the data; each number links to the filtered queue', async () => {
    const browser = await signIn(subject.app, supervisor, clock);
    const response = await browser.get('/staff/supervision');
    assert.equal(response.statusCode, 200);
    const main = mainOf(response.body);
    assert.match(main, /data-unit="road-maintenance"/);
    assert.deepEqual(countsOf(main, 'total'), [4, 1, 1]);
    assert.deepEqual(countsOf(main, first.id), [2, 1, 1]);
    assert.deepEqual(countsOf(main, second.id), [1, 0, 0]);
    assert.deepEqual(countsOf(main, 'unassigned'), [1, 0, 0]);
    const link = `/staff/cases/unit?handler=${first.id}&amp;due=overdue`;
    assert.match(main, new RegExp(link.replaceAll('?', '\\?')));
    const queue = await browser.get(link.replace('&amp;', '&'));
    assert.deepEqual(caseNumbersIn(queue.body), [overdue.caseNumber]);

    const secretariat = await aStaffMember(subject.database.db, { role: 'secretariat' });
    const all = await (await signIn(subject.app, secretariat, clock)).get('/en/staff/supervision');
    assert.equal(all.statusCode, 200);
    assert.match(mainOf(all.body), /unit=road-maintenance&amp;handler=/);
    assert.deepEqual(countsOf(mainOf(all.body), 'total'), [4, 1, 1]);
    const handlerBrowser: TestBrowser = await signIn(subject.app, first, clock);
    assert.equal((await handlerBrowser.get('/staff/supervision')).statusCode, 403);
  });
});
