import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { decode, mainOf, summaryOf } from '../../../../test/helpers/html.ts';
import { withEmailDelivery } from '../../../../test/helpers/notification-delivery.ts';
import type { ReceivedMessage } from '../../../../test/helpers/smtp-server.ts';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../../test/helpers/wait-until.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import {
  aSignedInMember,
  aStaffMember,
  csrfTokenIn,
  signIn,
  type TestBrowser,
  type TestStaffMember,
} from '../../../platform/auth/auth-test-support.ts';
import { element, odfText, readOdfPackage } from '../../../platform/documents/documents-test-support.ts';
import { ODT_MEDIA_TYPE } from '../../../platform/documents/odt.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { multipartForm, samplePdf } from '../../../platform/uploads/upload-test-support.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { caseAttachments, cases } from '../core/cases-schema.ts';
import { caseActorOf, moveCase, staffApi, testCasesContext } from '../core/cases-test-support.ts';
import { openCase } from '../core/open-case.ts';
import { deficiencyNotices } from './deficiency-schema.ts';

/**
 * The one-time deficiency notice (issue 11 §2) through the real app, database and SMTP server: issuing it
 * (every problem at once; the notice and the state change together; the e-mail with every item, the date
 * and how to supplement), the .odt, the applicant's supplement on /track (refused while an item is missing,
 * nothing stored; complete: the clock runs again, the file and the corrected answer kept), the case page's
 * record of it, a second notice (a handler's waits for a supervisor), the clerk's paper supplement, closing
 * as not supplemented (only after the date) and the year's counts.
 */

// Monday 2 March 2026, 10:00 in Taipei.
const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
const { app: subject, smtp } = await withEmailDelivery((environment) => buildTestApp({ environment, clock }));
after(() => subject.app.close());
const db = subject.database.db;

const handlerMember = await aStaffMember(db, {
  role: 'handler',
  unitCode: 'building',
  displayName: '陳建管承辦',
});
const supervisorMember = await aStaffMember(db, {
  role: 'supervisor',
  unitCode: 'building',
  displayName: '林建管股長',
});
const clerkMember = await aStaffMember(db, { role: 'counter_clerk', displayName: '櫃台 王小姐' });
const secretariatMember = await aStaffMember(db, { role: 'secretariat', displayName: '秘書室 張先生' });
const intakeMember = await aStaffMember(db, { role: 'counter_clerk', displayName: '收件 李先生' });

/** Signed in now (the tests move the clock by days, past a session's life). */
const signedIn = (member: TestStaffMember) => signIn(subject.app, member, clock);

let applicants = 0;
/** An accepted application for 建築工程開工申報 (unit: building), e-mailing a fresh address. */
async function anAcceptedApplication(): Promise<{ row: CaseRow; email: string }> {
  const email = `applicant${++applicants}@example.tw`;
  const opened = await openCase(
    testCasesContext(subject),
    {
      serviceCode: 'building-construction-start',
      channel: 'counter',
      applicantType: 'company',
      applicantName: '王大明',
      applicantCompany: '大明建設股份有限公司',
      applicantEmail: email,
      applicantLang: 'zh-TW',
      consent: true,
      description: '申報建築工程開工。',
      formData: {
        'permit-number': '113高市工建築字第01234號',
        'start-date': '2026-12-01',
        'builder-name': '四維營造有限公司',
        'contact-phone': '07-1234567',
      },
      checklistReceived: ['construction-plan'],
    },
    caseActorOf(intakeMember),
  );
  const row = await moveCase(subject, opened, 'accept', {}, caseActorOf(handlerMember));
  return { row, email };
}

async function current(id: string): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  assert.ok(row);
  return row;
}

async function noticesOf(caseId: string) {
  return db
    .select()
    .from(deficiencyNotices)
    .where(eq(deficiencyNotices.caseId, caseId))
    .orderBy(deficiencyNotices.sequence);
}

const mailTo = (email: string) => smtp.messages.filter((message) => message.envelopeTo.includes(email));
/**
 * The message to `email` that `isIt` picks, once `count` have arrived: the workers send the notices of two
 * steps taken a moment apart in either order (accepted, then the notice at once), so a message is found by
 * what it says, not by its place.
 */
async function mailWith(
  email: string,
  count: number,
  isIt: (message: ReceivedMessage) => boolean,
): Promise<ReceivedMessage> {
  const messages = await waitUntil(
    async () => mailTo(email),
    (received) => received.length >= count && received.some(isIt),
    { what: `${count} message(s) to ${email}, one of them the one looked for`, timeoutMs: 20_000 },
  );
  const message = messages.findLast(isIt);
  assert.ok(message);
  return message;
}

/** The two-item notice of the tests: the construction plan (a document) and the permit number (a field). */
async function issueTwoItems(row: CaseRow, extra: Record<string, string> = {}, member?: TestBrowser) {
  member ??= await signedIn(handlerMember);
  const page = await member.get(`/staff/cases/${row.caseNumber}/deficiency`);
  assert.equal(page.statusCode, 200);
  return member.post(`/staff/cases/${row.caseNumber}/deficiency`, {
    _csrf: csrfTokenIn(page.body),
    version: String((await current(row.id)).version),
    'tick.checklist.construction-plan': 'yes',
    'note.checklist.construction-plan': '缺監造人簽章頁',
    'tick.field.permit-number': 'yes',
    'note.field.permit-number': '字號與建管系統不符，請更正',
    supplementBy: '115/3/17',
    ...extra,
  });
}

/** An anonymous visitor: the CSRF cookie of the page they opened, and a multipart post to its form. */
async function applicantSupplement(row: CaseRow, fields: Record<string, string>, withFile: boolean) {
  const page = await subject.app.inject({
    method: 'GET',
    url: `/track/supplement?case=${row.caseNumber}&code=${row.lookupCode}`,
    remoteAddress: '198.51.100.77',
  });
  assert.equal(page.statusCode, 200, page.body);
  const cookie = /ow_csrf=([^;]+)/.exec(String(page.headers['set-cookie']))?.[1];
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(page.body)?.[1];
  assert.ok(cookie && action);
  // As the browser sends the page's form: its hidden token first (the double-submit cookie's value).
  const form = multipartForm(
    {
      _csrf: cookie,
      caseNumber: row.caseNumber,
      lookupCode: row.lookupCode,
      version: String((await current(row.id)).version),
      ...fields,
    },
    withFile
      ? [
          {
            field: 'file.checklist.construction-plan',
            name: '施工計畫書簽章頁.pdf',
            type: 'application/pdf',
            content: samplePdf(),
          },
        ]
      : [],
  );
  return subject.app.inject({
    method: 'POST',
    url: decode(action),
    remoteAddress: '198.51.100.77',
    headers: { cookie: `ow_csrf=${cookie}` },
    payload: form,
  });
}

const counted = { first: 0, second: 0, online: 0, counter: 0, lapsed: 0 };

describe('the one-time deficiency notice', () => {
  let row: CaseRow;
  let email: string;
  let noticeId: string;

  it('the case page of an application links its supplement request to the notice page', async () => {
    ({ row, email } = await anAcceptedApplication());
    const handler = await signedIn(handlerMember);
    const page = await handler.get(`/staff/cases/${row.caseNumber}`);
    const main = mainOf(page.body);
    assert.match(main, new RegExp(`href="/staff/cases/${row.caseNumber}/deficiency"`));
    assert.doesNotMatch(
      main,
      /action="[^"]*\/events\/request_supplement"/,
      'no free-text form for an application',
    );
  });

  it('lists every problem of the form at once, keeps what was typed, and writes nothing', async () => {
    const handler = await signedIn(handlerMember);
    const page = await handler.get(`/staff/cases/${row.caseNumber}/deficiency`);
    assert.match(mainOf(page.body), /建造執照字號/);
    assert.match(mainOf(page.body), /目前填寫：113高市工建築字第01234號/);
    assert.match(mainOf(page.body), /value="2026-03-17"/, 'the date proposed 15 days on');
    const response = await handler.post(`/staff/cases/${row.caseNumber}/deficiency`, {
      _csrf: csrfTokenIn(page.body),
      version: String(row.version),
      'tick.checklist.construction-plan': 'yes',
      'note.checklist.construction-plan': '',
      'other.1': '請附委任書',
      supplementBy: '2026-03-01',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      summaryOf(response.body).map(([, message]) => message),
      ['施工計畫書：請說明這一項缺少或錯誤的地方。', '補正期限：補正期限必須在今天之後。'],
    );
    assert.match(mainOf(response.body), /value="請附委任書"/);
    assert.equal((await noticesOf(row.id)).length, 0);
    assert.equal((await current(row.id)).state, 'accepted');
  });

  it('issues a notice with two items: the case waits (no due date), the applicant gets every item, the date and how to supplement', async () => {
    const response = await issueTwoItems(row);
    assert.equal(response.statusCode, 303, response.body);
    const [notice] = await noticesOf(row.id);
    assert.ok(notice);
    noticeId = notice.id;
    assert.equal(
      response.headers.location,
      `/staff/cases/${row.caseNumber}/deficiency/${notice.id}?done=issued`,
    );
    assert.equal(notice.state, 'issued');
    assert.equal(notice.sequence, 1);
    assert.equal(notice.supplementBy, '2026-03-17');
    assert.equal(notice.unitCode, 'building');
    assert.equal(notice.serviceCode, 'building-construction-start');
    assert.deepEqual(
      notice.items.map((item) => [item.key, item.note]),
      [
        ['checklist:construction-plan', '缺監造人簽章頁'],
        ['field:permit-number', '字號與建管系統不符，請更正'],
      ],
    );
    counted.first++;
    const waiting = await current(row.id);
    assert.equal(waiting.state, 'awaiting_supplement');
    assert.equal(waiting.dueAt, null);

    // received, accepted, the notice
    const mail = await mailWith(email, 3, (message) => /請補正文件或資料/.test(message.subject));
    assert.match(mail.subject, /請補正文件或資料/);
    assert.ok(mail.text.includes('施工計畫書：缺監造人簽章頁'), mail.text);
    assert.ok(mail.text.includes('建造執照字號：字號與建管系統不符，請更正'));
    assert.ok(mail.text.includes('民國115年3月17日'), 'the date');
    assert.match(mail.text, /補正方式（請註明案號 \d{7}-\d{4}）/);
    assert.match(mail.text, /線上補正/);
    assert.match(mail.text, /臨櫃送件：.+（.+）/);
    assert.ok(mail.text.includes(`case=${row.caseNumber}`), 'the tracking link');

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'deficiency.issue'), eq(auditLog.targetId, row.id)));
    assert.deepEqual(audit?.details, { noticeId: notice.id, sequence: 1, items: 2 });

    const handler = await signedIn(handlerMember);
    const page = await handler.get(`/staff/cases/${row.caseNumber}/deficiency/${notice.id}?done=issued`);
    const main = mainOf(page.body);
    assert.match(main, /高雄市政府工務局/);
    assert.match(main, /class="ow-report"/, 'printed on A4 by the report rules');
    assert.match(main, /缺監造人簽章頁/);
    assert.match(main, /已開立補正通知並通知申請人/);
  });

  it('the .odt parses and carries the case number and every item with its note', async () => {
    const handler = await signedIn(handlerMember);
    const response = await handler.get(`/staff/cases/${row.caseNumber}/deficiency/${noticeId}/notice.odt`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], ODT_MEDIA_TYPE);
    const content = readOdfPackage((response as unknown as { rawPayload: Buffer }).rawPayload, ODT_MEDIA_TYPE)
      .xml['content.xml'];
    assert.ok(content);
    const text = odfText(element(content, 'office:body'));
    for (const expected of [
      row.caseNumber,
      '缺監造人簽章頁',
      '字號與建管系統不符，請更正',
      '民國115年3月17日',
    ])
      assert.ok(text.includes(expected), `${expected} in the document`);
  });

  it('the applicant has their own copy: the supplement page links the A4 notice and the .odt, behind the number and code', async () => {
    const query = `case=${row.caseNumber}&code=${row.lookupCode}`;
    const form = await subject.app.inject({ method: 'GET', url: `/track/supplement?${query}` });
    const copies = /<ul class="govuk-list" id="notice-copies">([\s\S]*?)<\/ul>/.exec(form.body)?.[1] ?? '';
    assert.deepEqual(
      [...copies.matchAll(/href="([^"]+)"/g)].map((match) => decode(match[1] ?? '')),
      [`/track/supplement/notice?${query}`, `/track/supplement/notice.odt?${query}`],
    );
    const print = await subject.app.inject({ method: 'GET', url: `/track/supplement/notice?${query}` });
    assert.equal(print.statusCode, 200);
    assert.equal(print.headers['cache-control'], 'no-store');
    for (const expected of [row.caseNumber, '缺監造人簽章頁', '字號與建管系統不符，請更正'])
      assert.ok(mainOf(print.body).includes(expected), `${expected} on the A4 copy`);
    const english = await subject.app.inject({ method: 'GET', url: `/en/track/supplement/notice?${query}` });
    assert.match(english.body, /lang="en"/);
    const odt = await subject.app.inject({ method: 'GET', url: `/track/supplement/notice.odt?${query}` });
    assert.equal(odt.statusCode, 200);
    assert.equal(odt.headers['content-type'], ODT_MEDIA_TYPE);
    assert.match(String(odt.headers['content-disposition']), /^attachment;/);
    const content = readOdfPackage((odt as unknown as { rawPayload: Buffer }).rawPayload, ODT_MEDIA_TYPE).xml[
      'content.xml'
    ];
    assert.ok(content && odfText(element(content, 'office:body')).includes('缺監造人簽章頁'));
    // A wrong code is answered as /track answers it: no notice, no document.
    const wrong = await subject.app.inject({
      method: 'GET',
      url: `/track/supplement/notice.odt?case=${row.caseNumber}&code=ZZZZZZZZ`,
      remoteAddress: '198.51.100.91',
    });
    assert.notEqual(wrong.statusCode, 200);
    assert.notEqual(wrong.headers['content-type'], ODT_MEDIA_TYPE);
    assert.ok(!wrong.body.includes('缺監造人簽章頁'));
  });

  it('/track shows the items; a supplement missing an item is refused naming it, nothing stored', async () => {
    const result = await subject.app.inject({
      method: 'GET',
      url: `/track?case=${row.caseNumber}&code=${row.lookupCode}`,
    });
    assert.match(mainOf(result.body), /需要您補正/);
    assert.match(mainOf(result.body), /缺監造人簽章頁/);
    assert.match(mainOf(result.body), /href="\/track\/supplement\?case=/);

    const refused = await applicantSupplement(row, {}, true);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(
      summaryOf(refused.body).map(([, message]) => message),
      ['建造執照字號：請填寫更正後的內容。'],
    );
    assert.equal((await current(row.id)).state, 'awaiting_supplement');
    const stored = await db.select().from(caseAttachments).where(eq(caseAttachments.caseId, row.id));
    assert.equal(stored.length, 0);
    assert.equal((await noticesOf(row.id))[0]?.state, 'issued');
  });

  it('the applicant supplements both items online: the case runs again, the file and the corrected answer are kept', async () => {
    clock.current = new Date('2026-03-04T02:00:00Z');
    const done = await applicantSupplement(
      row,
      { 'answer.field.permit-number': '113高市工建築字第01243號' },
      true,
    );
    assert.equal(done.statusCode, 200, done.body);
    assert.match(mainOf(done.body), /已收到您的補正/);
    const after = await current(row.id);
    assert.equal(after.state, 'in_progress');
    assert.ok(after.dueAt !== null, 'the clock runs again');
    assert.equal(after.formData['permit-number'], '113高市工建築字第01243號');
    const [file] = await db.select().from(caseAttachments).where(eq(caseAttachments.caseId, row.id));
    assert.equal(file?.purpose, 'supplement');
    assert.equal(file?.deficiencyNoticeId, noticeId);
    assert.equal(file?.checklistItemId, 'construction-plan');
    const [notice] = await noticesOf(row.id);
    assert.equal(notice?.state, 'supplemented');
    assert.equal(notice?.supplementedVia, 'online');
    assert.deepEqual(notice?.supplement, [
      { key: 'checklist:construction-plan', attachmentIds: [file?.id] },
      {
        key: 'field:permit-number',
        attachmentIds: [],
        previousAnswer: '113高市工建築字第01234號',
        answer: '113高市工建築字第01243號',
      },
    ]);
    counted.online++;
    // The notice is answered: the applicant's copy now says there is no open notice.
    const copy = await subject.app.inject({
      method: 'GET',
      url: `/track/supplement/notice.odt?case=${row.caseNumber}&code=${row.lookupCode}`,
    });
    assert.equal(copy.statusCode, 409);
    assert.match(copy.body, /補正/);
    // …but /track keeps the notice that was sent, with its outcome and the applicant's copy of it.
    const tracked = mainOf(
      (
        await subject.app.inject({
          method: 'GET',
          url: `/track?case=${row.caseNumber}&code=${row.lookupCode}`,
        })
      ).body,
    );
    assert.doesNotMatch(tracked, /需要您補正/);
    assert.match(tracked, /補正通知紀錄/);
    assert.match(tracked, /第 1 次補正通知，民國115年3月\d+日 寄出：已於 民國115年3月4日 補正。/);
    const pastHref = new RegExp(
      `href="(/track/supplement/notice\\?case=${row.caseNumber}&amp;code=${row.lookupCode}&amp;notice=${noticeId})"`,
    ).exec(tracked)?.[1];
    assert.ok(pastHref !== undefined, 'the past notice links its copy');
    const past = await subject.app.inject({ method: 'GET', url: pastHref.replaceAll('&amp;', '&') });
    assert.equal(past.statusCode, 200);
    assert.match(mainOf(past.body), /缺監造人簽章頁/);
    assert.match(mainOf(past.body), new RegExp(`href="/track\\?case=${row.caseNumber}&amp;code=`));
    const pastOdt = await subject.app.inject({
      method: 'GET',
      url: `/track/supplement/notice.odt?case=${row.caseNumber}&code=${row.lookupCode}&notice=${noticeId}`,
    });
    assert.equal(pastOdt.statusCode, 200);
    assert.equal(pastOdt.headers['content-type'], 'application/vnd.oasis.opendocument.text');
    // Another notice id, or one that is not this case's, gives nothing.
    const other = await subject.app.inject({
      method: 'GET',
      url: `/track/supplement/notice?case=${row.caseNumber}&code=${row.lookupCode}&notice=00000000-0000-4000-8000-000000000000`,
    });
    assert.equal(other.statusCode, 409);
    assert.match(mainOf(other.body), /govuk-error-summary[\s\S]*本案目前沒有待補正的通知/);
    assert.doesNotMatch(mainOf(other.body), /id="notice-title"/);

    const handler = await signedIn(handlerMember);
    const page = mainOf((await handler.get(`/staff/cases/${row.caseNumber}`)).body);
    assert.match(page, /申請人線上補正/);
    assert.match(page, /原填寫：113高市工建築字第01234號 → 更正為：113高市工建築字第01243號/);
    assert.match(
      page,
      new RegExp(`href="/staff/cases/${row.caseNumber}/attachments/${file?.id}">施工計畫書簽章頁.pdf`),
    );
  });

  it('a second notice needs a reason and a supervisor: the handler’s waits (case unchanged), then is approved and sent', async () => {
    const noReason = await issueTwoItems(row);
    assert.equal(noReason.statusCode, 400);
    assert.match(mainOf(noReason.body), /再次通知須說明理由/);

    const drafted = await issueTwoItems(row, {
      approvalReason: '第一次漏列施工計畫書之交通維持計畫。',
      supplementBy: '115/3/20',
    });
    assert.equal(drafted.statusCode, 303);
    const second = (await noticesOf(row.id))[1];
    assert.equal(second?.state, 'pending_approval');
    assert.equal(second?.sequence, 2);
    assert.equal((await current(row.id)).state, 'in_progress', 'the case is unchanged until approved');

    // The handler cannot approve their own second notice.
    const handler = await signedIn(handlerMember);
    const page = await handler.get(`/staff/cases/${row.caseNumber}/deficiency/${second?.id}`);
    assert.doesNotMatch(mainOf(page.body), /name="decision"/);
    const byHandler = await handler.post(`/staff/cases/${row.caseNumber}/deficiency/${second?.id}/decision`, {
      _csrf: csrfTokenIn(page.body),
      version: String((await current(row.id)).version),
      decision: 'approve',
    });
    assert.equal(byHandler.statusCode, 403);
    assert.equal((await noticesOf(row.id))[1]?.state, 'pending_approval');

    const supervisor = await signedIn(supervisorMember);
    const supervisorPage = await supervisor.get(`/staff/cases/${row.caseNumber}/deficiency/${second?.id}`);
    assert.match(mainOf(supervisorPage.body), /第一次漏列施工計畫書之交通維持計畫。/);
    const approved = await supervisor.post(
      `/staff/cases/${row.caseNumber}/deficiency/${second?.id}/decision`,
      {
        _csrf: csrfTokenIn(supervisorPage.body),
        version: String((await current(row.id)).version),
        decision: 'approve',
        note: '',
      },
    );
    assert.equal(approved.statusCode, 303);
    assert.equal((await noticesOf(row.id))[1]?.state, 'issued');
    assert.equal((await current(row.id)).state, 'awaiting_supplement');
    counted.second++;
    // … the notice, supplement received, the second notice
    const mail = await mailWith(email, 5, (message) => message.text.includes('民國115年3月20日'));
    assert.match(mail.subject, /請補正文件或資料/);
  });

  it('closing as not supplemented is refused before the date, allowed after it; the notice lapses and the applicant is told', async () => {
    const waiting = await current(row.id);
    await assert.rejects(
      moveCase(subject, waiting, 'close_unsupplemented', {}, caseActorOf(handlerMember)),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'VALIDATION_FAILED' &&
        error.problems.some((problem) => problem.message.includes('補正期限（2026-03-20）尚未屆滿')),
    );
    assert.equal((await current(row.id)).state, 'awaiting_supplement');
    clock.current = new Date('2026-03-21T02:00:00Z');
    const closed = await moveCase(subject, waiting, 'close_unsupplemented', {}, caseActorOf(handlerMember));
    assert.equal(closed.state, 'rejected');
    assert.equal((await noticesOf(row.id))[1]?.state, 'lapsed');
    counted.lapsed++;
    const mail = await mailWith(email, 6, (message) => message.text.includes('您未於補正期限'));
    assert.ok(mail.text.includes('您未於補正期限（民國115年3月20日）前補正，依規定不予受理。'), mail.text);
    assert.doesNotMatch(mail.text, /結案/, 'not accepted, never "closed" (issue 14)');
  });
});

describe('a supplement brought in on paper, and the counts', () => {
  let counterCase: CaseRow | undefined;

  it('the counter clerk ticks every item brought in (refused while one is not), and the case runs again', async () => {
    clock.current = new Date('2026-03-23T02:00:00Z');
    const clerkAgain = await signedIn(clerkMember);
    const { row } = await anAcceptedApplication();
    assert.equal((await issueTwoItems(row, { supplementBy: '115/4/7' })).statusCode, 303);
    counted.first++;
    const [notice] = await noticesOf(row.id);
    assert.ok(notice);
    const casePage = mainOf((await clerkAgain.get(`/staff/cases/${row.caseNumber}`)).body);
    assert.match(
      casePage,
      new RegExp(`href="/staff/cases/${row.caseNumber}/deficiency/${notice.id}/counter"`),
    );
    const english = await clerkAgain.get(`/en/staff/cases/${row.caseNumber}/deficiency/${notice.id}`);
    assert.match(mainOf(english.body), /Deficiency notice \(told once\)/);
    assert.match(mainOf(english.body), /What is needed/);
    const page = await clerkAgain.get(`/staff/cases/${row.caseNumber}/deficiency/${notice.id}/counter`);
    assert.equal(page.statusCode, 200);
    const action = decode(
      /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(page.body)?.[1] ?? '',
    );
    const version = String((await current(row.id)).version);
    const missing = await clerkAgain.postMultipart(
      action,
      multipartForm({ version, 'brought.checklist.construction-plan': 'yes' }),
    );
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(
      summaryOf(missing.body).map(([, message]) => message),
      ['「建造執照字號」尚未勾選已補正。'],
    );
    assert.equal((await current(row.id)).state, 'awaiting_supplement');

    const recorded = await clerkAgain.postMultipart(
      action,
      multipartForm({
        version,
        'brought.checklist.construction-plan': 'yes',
        'brought.field.permit-number': 'yes',
      }),
    );
    assert.equal(recorded.statusCode, 303);
    assert.equal((await current(row.id)).state, 'in_progress');
    const [after] = await noticesOf(row.id);
    assert.equal(after?.state, 'supplemented');
    assert.equal(after?.supplementedVia, 'counter');
    counted.counter++;
    counterCase = row;
  });

  it('a supervisor refuses a second notice with a note (required); the case stays as it was', async () => {
    assert.ok(counterCase);
    const english = await (await signedIn(handlerMember)).get(
      `/en/staff/cases/${counterCase.caseNumber}/deficiency`,
    );
    assert.match(mainOf(english.body), /Issue the deficiency notice \(told once\)/);
    assert.match(mainOf(english.body), /Why another notice is needed/);
    const drafted = await issueTwoItems(counterCase, {
      approvalReason: '承造人資料另有缺漏。',
      supplementBy: '115/4/10',
    });
    assert.equal(drafted.statusCode, 303);
    const second = (await noticesOf(counterCase.id))[1];
    assert.equal(second?.state, 'pending_approval');
    const supervisor = await signedIn(supervisorMember);
    const page = await supervisor.get(`/staff/cases/${counterCase.caseNumber}/deficiency/${second?.id}`);
    const decide = (note: string) =>
      supervisor.post(`/staff/cases/${counterCase?.caseNumber}/deficiency/${second?.id}/decision`, {
        _csrf: csrfTokenIn(page.body),
        version: '0',
        decision: 'refuse',
        note,
      });
    const withoutNote = await decide('');
    assert.equal(withoutNote.statusCode, 400);
    assert.deepEqual(
      summaryOf(withoutNote.body).map(([, message]) => message),
      ['退回時請說明理由。'],
    );
    assert.equal((await noticesOf(counterCase.id))[1]?.state, 'pending_approval');
    const refused = await decide('第一次通知已足夠，請依原通知辦理。');
    assert.equal(refused.statusCode, 303);
    const after = (await noticesOf(counterCase.id))[1];
    assert.equal(after?.state, 'refused');
    assert.equal(after?.decisionNote, '第一次通知已足夠，請依原通知辦理。');
    assert.equal((await current(counterCase.id)).state, 'in_progress');
  });

  it('a withdrawn case withdraws its open notice', async () => {
    const { row } = await anAcceptedApplication();
    assert.equal((await issueTwoItems(row, { supplementBy: '115/4/7' })).statusCode, 303);
    counted.first++;
    await moveCase(subject, await current(row.id), 'withdraw', {}, { kind: 'applicant' });
    assert.equal((await noticesOf(row.id))[0]?.state, 'withdrawn');
  });

  it('the bare supplement_received event (the staff API) also closes the issued notice', async () => {
    const { row } = await anAcceptedApplication();
    assert.equal((await issueTwoItems(row, { supplementBy: '115/4/7' })).statusCode, 303);
    counted.first++;
    await moveCase(subject, await current(row.id), 'supplement_received', {}, caseActorOf(handlerMember));
    const [notice] = await noticesOf(row.id);
    assert.equal(notice?.state, 'supplemented');
    assert.equal(notice?.supplementedVia, 'counter');
    assert.equal(notice?.supplement, null, 'no items recorded that way');
    counted.counter++;
  });

  it('the counts page gives the year’s notices per service and per unit', async () => {
    const secretariatAgain = await signedIn(secretariatMember);
    const page = await secretariatAgain.get('/staff/deficiency-notices?year=2026');
    assert.equal(page.statusCode, 200);
    const main = mainOf(page.body);
    const rowOf = (table: string, code: string) => {
      const section = main.slice(main.indexOf(`id="${table}"`));
      const match = new RegExp(`data-code="${code}">([\\s\\S]*?)</tr>`).exec(section);
      assert.ok(match?.[1], `${code} in ${table}`);
      return [...match[1].matchAll(/govuk-table__cell--numeric">(\d+)</g)].map((cell) => Number(cell[1]));
    };
    const expected = [counted.first, counted.second, counted.online, counted.counter, counted.lapsed];
    assert.deepEqual(expected, [4, 1, 1, 2, 1]);
    assert.deepEqual(rowOf('by-service', 'building-construction-start'), expected);
    assert.deepEqual(rowOf('by-unit', 'building'), expected);
    assert.match(main, /建築工程開工申報/);

    const empty = await secretariatAgain.get('/staff/deficiency-notices?year=2025');
    assert.match(mainOf(empty.body), /這一年沒有開立補正通知/);
    const bad = await secretariatAgain.get('/en/staff/deficiency-notices?year=abc');
    assert.equal(bad.statusCode, 400);
    assert.match(mainOf(bad.body), /Enter a year between 2000 and 2100/);
    const forbidden = await (await aSignedInMember(subject, { role: 'handler', unitCode: 'building' })).get(
      '/staff/deficiency-notices',
    );
    assert.equal(forbidden.statusCode, 403);
  });
});

describe('the notice through the staff JSON API', () => {
  type Listed = {
    version: number;
    mayIssue: boolean;
    isSecond: boolean;
    needsApproval: boolean;
    defaultSupplementBy: string;
    candidates: { key: string; currentAnswer: string | null }[];
    notices: { id: string; state: string }[];
  };
  type Issued = {
    outcome: string;
    state: string;
    version: number;
    notice: { id: string; sequence: number; state: string; items: { key: string; note: string }[] };
  };
  const problemsOf = (response: { json(): unknown }) =>
    (response.json() as { errors: { field: string; code: string }[] }).errors.map(
      (problem) => `${problem.field} ${problem.code}`,
    );

  it('lists the candidates, refuses a bare request_supplement and every bad item at once (nothing written), issues; a second waits for a supervisor', async () => {
    const { row, email } = await anAcceptedApplication();
    const handler = await staffApi(subject.app, handlerMember, clock);
    const url = `/api/staff/cases/${row.caseNumber}/deficiency-notices`;
    const listed = await handler.get(url);
    assert.equal(listed.statusCode, 200, listed.body);
    const first = listed.json() as Listed;
    assert.deepEqual([first.mayIssue, first.isSecond, first.notices.length], [true, false, 0]);
    assert.equal(
      first.candidates.find((candidate) => candidate.key === 'field:permit-number')?.currentAnswer,
      '113高市工建築字第01234號',
    );
    assert.ok(first.candidates.some((candidate) => candidate.key === 'checklist:construction-plan'));

    const bare = await handler.post(`/api/staff/cases/${row.caseNumber}/events`, {
      event: 'request_supplement',
      expectedVersion: row.version,
      reason: '缺施工計畫書',
    });
    assert.equal(bare.statusCode, 400, bare.body);
    assert.deepEqual(problemsOf(bare), ['event notice_required']);
    assert.match(bare.body, /deficiency-notices/);

    const bad = await handler.post(url, {
      expectedVersion: row.version,
      items: [
        { key: 'checklist:no-such-item', note: '缺' },
        { key: 'field:permit-number', note: '' },
        { key: 'field:permit-number', note: '重複' },
      ],
      otherItems: ['   '],
      supplementBy: '2020-01-01',
    });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.deepEqual(problemsOf(bad).sort(), [
      'items[0].key unknown',
      'items[1].note required',
      'items[2].key duplicate',
      'otherItems[0] required',
      'supplementBy past',
    ]);
    assert.equal((await noticesOf(row.id)).length, 0);
    assert.equal((await current(row.id)).state, 'accepted');

    const issued = await handler.post(url, {
      expectedVersion: row.version,
      items: [{ key: 'checklist:construction-plan', note: '缺監造人簽章頁' }],
      otherItems: ['請附工地現場照片'],
      supplementBy: first.defaultSupplementBy,
    });
    assert.equal(issued.statusCode, 201, issued.body);
    const notice = issued.json() as Issued;
    assert.deepEqual(
      [notice.outcome, notice.state, notice.notice.state, notice.notice.sequence],
      ['issued', 'awaiting_supplement', 'issued', 1],
    );
    assert.deepEqual(
      notice.notice.items.map((item) => `${item.key} ${item.note}`),
      ['checklist:construction-plan 缺監造人簽章頁', 'other:1 請附工地現場照片'],
    );
    const told = await waitUntil(
      async () => mailTo(email).find((message) => message.text.includes('缺監造人簽章頁')),
      (message) => message !== undefined,
      { what: 'the notice e-mail', timeoutMs: 20_000 },
    );
    assert.match(told?.text ?? '', /請附工地現場照片/);
    const open = await handler.post(url, {
      expectedVersion: notice.version,
      otherItems: ['再一項'],
      supplementBy: first.defaultSupplementBy,
    });
    assert.equal(open.statusCode, 403, 'the case waits for the supplement: no notice now');

    // The supplement arrives; a second notice needs a reason, and the handler's waits for a supervisor.
    const running = await moveCase(
      subject,
      await current(row.id),
      'supplement_received',
      {},
      caseActorOf(handlerMember),
    );
    const second = { otherItems: ['簽章頁日期與申報日不符'], supplementBy: first.defaultSupplementBy };
    const noReason = await handler.post(url, { expectedVersion: running.version, ...second });
    assert.deepEqual(problemsOf(noReason), ['approvalReason required']);
    const drafted = await handler.post(url, {
      expectedVersion: running.version,
      ...second,
      approvalReason: '補正後的簽章頁日期有誤',
    });
    assert.equal(drafted.statusCode, 201, drafted.body);
    const draft = drafted.json() as Issued;
    assert.deepEqual(
      [draft.outcome, draft.state, draft.notice.state],
      ['drafted', 'in_progress', 'pending_approval'],
    );
    const pending = await handler.post(url, {
      expectedVersion: draft.version,
      ...second,
      approvalReason: '再試一次',
    });
    assert.equal(pending.statusCode, 409, 'one notice open at a time (this one waits for approval)');
    const decision = `${url}/${draft.notice.id}/decision`;
    const byHandler = await handler.post(decision, { expectedVersion: draft.version, approve: true });
    assert.equal(byHandler.statusCode, 403, byHandler.body);
    const supervisor = await staffApi(subject.app, supervisorMember, clock);
    const approved = await supervisor.post(decision, { expectedVersion: draft.version, approve: true });
    assert.equal(approved.statusCode, 200, approved.body);
    const answer = approved.json() as Issued;
    assert.deepEqual(
      [answer.outcome, answer.state, answer.notice.state],
      ['approved', 'awaiting_supplement', 'issued'],
    );
    const after = (await handler.get(url)).json() as Listed;
    assert.deepEqual(
      after.notices.map((listedNotice) => listedNotice.state),
      ['supplemented', 'issued'],
    );
    assert.equal(after.mayIssue, false, 'the case waits for the supplement');
  });
});
