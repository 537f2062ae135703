import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { decode, mainOf } from '../../../../test/helpers/html.ts';
import { withEmailDelivery } from '../../../../test/helpers/notification-delivery.ts';
import type { ReceivedMessage } from '../../../../test/helpers/smtp-server.ts';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../../test/helpers/wait-until.ts';
import { aSignedInMember, aStaffMember } from '../../../platform/auth/auth-test-support.ts';
import type { DomainError } from '../../../platform/http/errors.ts';
import { multipartForm, samplePdf, samplePng } from '../../../platform/uploads/upload-test-support.ts';
import { listDeliveries } from '../../notifications/notifications-service.ts';
import { issueNotice } from '../deficiency/deficiency-service.ts';
import { Visitor } from '../track/track-test-support.ts';
import type { CaseRow } from './case-actor.ts';
import { caseAttachments, cases } from './cases-schema.ts';
import { caseActorOf, moveCase, sidewalkPetition, testCasesContext } from './cases-test-support.ts';
import { openCase } from './open-case.ts';
import { trackLinkTokenOf } from './track-url.ts';

/**
 * Issue 11 §4, "told at every step": an application taken through accept → supplement received → the
 * decision with an issued PDF (the case page's multipart resolve form) → close → reopen, and rejections,
 * through the real app, database and SMTP server: each notice once, in the applicant's language, with its
 * own words; the decision is told at closing with the PDF attached (its MIME part and bytes checked).
 */

// Monday 2 March 2026, 10:00 in Taipei.
const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
const { app: subject, smtp } = await withEmailDelivery((environment) => buildTestApp({ environment, clock }));
const db = subject.database.db;
after(async () => {
  await subject.app.close();
});

const handlerMember = await aStaffMember(db, { role: 'handler', displayName: '陳申辦承辦' });
const supervisorMember = await aStaffMember(db, { role: 'supervisor', displayName: '林申辦股長' });
const handler = caseActorOf(handlerMember);
const supervisor = caseActorOf(supervisorMember);

/** An application (the sidewalk petition's service, made kind `application`, no fee) written to this address. */
async function anApplication(email: string, lang: 'zh-TW' | 'en'): Promise<CaseRow> {
  const opened = await openCase(
    testCasesContext(subject),
    sidewalkPetition({ applicantEmail: email, applicantLang: lang, applicantPhone: '' }),
    handler,
  );
  await db.execute(sql`update cases set kind = 'application' where id = ${opened.id}`);
  return current(opened.id);
}

async function current(id: string): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  assert.ok(row);
  return row;
}

const mailTo = (email: string) => smtp.messages.filter((message) => message.envelopeTo.includes(email));

/** Waits for the `count`-th message to the address and returns it. */
async function nthMail(email: string, count: number): Promise<ReceivedMessage> {
  const messages = await waitUntil(
    async () => mailTo(email),
    (received) => received.length >= count,
    { what: `${count} message(s) to ${email}`, timeoutMs: 20_000 },
  );
  const message = messages[count - 1];
  assert.ok(message);
  return message;
}

async function emailTopics(caseId: string): Promise<string[]> {
  return (await listDeliveries(db, { type: 'case', id: caseId }))
    .filter((delivery) => delivery.channel === 'email')
    .map((delivery) => delivery.topic)
    .sort();
}

describe('the applicant is told at every step of an application', () => {
  it('accepted, supplement received, decided with the permit attached at closing, reopened: each once, in Chinese', async () => {
    const email = 'applicant.zh@example.tw';
    let row = await anApplication(email, 'zh-TW');
    assert.match((await nthMail(email, 1)).subject, /已收到您的申請/);

    row = await moveCase(subject, row, 'accept', {}, handler);
    const acceptedDate = row.expectedCompletionDate ?? '';
    const accepted = await nthMail(email, 2);
    assert.equal(accepted.subject, `【高雄市政府工務局】您的案件已受理（案號 ${row.caseNumber}）`);
    assert.match(accepted.text, /已由道路養護工程處受理/);
    const [year, month, day] = (row.expectedCompletionDate ?? '').split('-').map(Number);
    assert.ok(
      accepted.text.includes(`預計完成日期：民國${(year ?? 0) - 1911}年${month}月${day}日`),
      accepted.text,
    );

    // An application's supplement is asked for with the one-time notice (a bare request_supplement is refused).
    await assert.rejects(
      moveCase(subject, row, 'request_supplement', { reason: '土地使用同意書' }, handler),
      (error: DomainError) => error.problems[0]?.code === 'notice_required',
    );
    const notice: Record<string, string> = { 'other.1': '土地使用同意書', supplementBy: '2026-03-20' };
    await issueNotice(
      testCasesContext(subject),
      { caseId: row.id, expectedVersion: row.version, posted: (name) => notice[name] ?? '' },
      handler,
    );
    row = await current(row.id);
    assert.equal(row.state, 'awaiting_supplement');
    await nthMail(email, 3);
    clock.current = new Date('2026-03-04T02:00:00Z'); // two days later the supplement comes in
    row = await moveCase(subject, row, 'supplement_received', {}, handler);
    const received = await nthMail(email, 4);
    assert.match(received.subject, /已收到您的補正資料/);
    assert.match(received.text, /處理期限自今日起恢復計算/);
    const [newYear, newMonth, newDay] = (row.expectedCompletionDate ?? '').split('-').map(Number);
    assert.ok(
      received.text.includes(`新的預計完成日期：民國${(newYear ?? 0) - 1911}年${newMonth}月${newDay}日`),
      received.text,
    );
    assert.ok((row.expectedCompletionDate ?? '') > acceptedDate, 'the days waited move the date');

    // The decision on the case page, with the permit it issues (multipart, CSRF in the action's query).
    const browser = await aSignedInMember(subject, { role: 'handler', displayName: '吳申辦承辦' });
    await db.update(cases).set({ handlerId: null }).where(eq(cases.id, row.id));
    row = await current(row.id);
    const page = await browser.get(`/staff/cases/${row.caseNumber}`);
    assert.equal(page.statusCode, 200);
    const action = /<form method="post" action="([^"]*\/resolve)" enctype="multipart\/form-data"/.exec(
      page.body,
    )?.[1];
    assert.ok(action, 'the resolve form is a multipart form');
    assert.match(mainOf(page.body), /name="issuedDocument" type="file" multiple/);
    const answer = '核准挖掘，許可證如附件，施工期間請依許可證所載事項辦理。';
    const pdf = samplePdf();
    const resolved = await browser.postMultipart(
      decode(action),
      multipartForm({ version: String(row.version), resolution: answer, internalNote: '' }, [
        { field: 'issuedDocument', name: '挖掘許可證.pdf', type: 'application/pdf', content: pdf },
      ]),
    );
    assert.equal(resolved.statusCode, 303, resolved.body);
    assert.equal(resolved.headers.location, `/staff/cases/${row.caseNumber}?done=resolve`);
    row = await current(row.id);
    assert.equal(row.state, 'resolved');
    assert.equal(row.resolution, answer);
    const issued = await db
      .select()
      .from(caseAttachments)
      .where(and(eq(caseAttachments.caseId, row.id), eq(caseAttachments.purpose, 'issued')));
    assert.deepEqual(
      issued.map((file) => [file.fileName, file.mediaType, file.sizeBytes]),
      [['挖掘許可證.pdf', 'application/pdf', pdf.length]],
    );
    assert.deepEqual(
      await emailTopics(row.id),
      ['case.accepted', 'case.received', 'case.supplement_received', 'case.supplement_requested'],
      'the decision is not sent before closing',
    );

    row = await moveCase(subject, row, 'close', {}, caseActorOf(browser.member));
    const closing = await nthMail(email, 5);
    assert.equal(closing.subject, `【高雄市政府工務局】結案通知（案號 ${row.caseNumber}）`);
    assert.ok(closing.text.includes(answer), 'the decision');
    assert.match(closing.text, /本局核發的文件附於本郵件[^\n]*\n挖掘許可證\.pdf/);
    assert.ok(
      closing.text.includes(
        `/track?case=${row.caseNumber}&code=${row.lookupCode}&t=${trackLinkTokenOf(row.id, row.lookupCode)}#satisfaction`,
      ),
      'the satisfaction link carries the number and the code',
    );
    assert.equal(closing.attachments.length, 1, 'the permit is attached');
    assert.equal(closing.attachments[0]?.fileName, '挖掘許可證.pdf');
    assert.equal(closing.attachments[0]?.mediaType, 'application/pdf');
    assert.ok(closing.attachments[0]?.content.equals(pdf), 'the very bytes uploaded');

    // /track lists the permit for download with the lookup code, marked as issued by the bureau.
    const visitor = new Visitor(subject.app);
    const tracked = await visitor.lookUp(row.caseNumber, row.lookupCode);
    assert.match(mainOf(tracked.body), /挖掘許可證\.pdf[\s\S]*?data-issued[^>]*>本局核發的文件</);
    const download = await visitor.submitForm(tracked, '/track/attachment', {
      attachmentId: issued[0]?.id ?? '',
    });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.ok(download.rawPayload.equals(pdf), 'the same bytes from /track');

    // The applicant asks for it to be worked on again, within the window.
    row = await moveCase(subject, row, 'reopen', { reason: '許可證上的地址有誤。' }, { kind: 'applicant' });
    const reopened = await nthMail(email, 6);
    assert.match(reopened.subject, /您的案件已重新處理/);
    assert.match(
      reopened.text,
      /我們已收到您的要求，「道路養護陳情」案件已重新處理，理由如下：\n\n許可證上的地址有誤。/,
    );

    assert.deepEqual(await emailTopics(row.id), [
      'case.accepted',
      'case.closed',
      'case.received',
      'case.reopened',
      'case.supplement_received',
      'case.supplement_requested',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(mailTo(email).length, 6, 'each once');
  });

  it('in English: accepted, closed without a document, reopened by the supervisor, then not accepted with the reasons', async () => {
    const email = 'applicant.en@example.com';
    let row = await anApplication(email, 'en');
    await nthMail(email, 1);
    row = await moveCase(subject, row, 'accept', {}, handler);
    const accepted = await nthMail(email, 2);
    assert.match(accepted.subject, /^Your case has been accepted \(case \d{7}-\d{4}\)/);
    assert.match(accepted.text, /Road Maintenance Engineering Office has accepted your case/);
    assert.match(accepted.text, /Expected completion date: \d{1,2} [A-Z][a-z]+ 2026/);

    row = await moveCase(subject, row, 'start', {}, handler);
    row = await moveCase(
      subject,
      row,
      'resolve',
      { resolution: 'The tiles were relaid on 3 March.' },
      handler,
    );
    row = await moveCase(subject, row, 'close', {}, handler);
    const closing = await nthMail(email, 3);
    assert.match(closing.subject, /^Your case is closed/);
    assert.match(closing.text, /Our answer:\n\nThe tiles were relaid on 3 March\./);
    assert.doesNotMatch(closing.text, /attached/);
    assert.match(closing.text, /Tell us how we did/);
    assert.equal(closing.attachments.length, 0);

    row = await moveCase(subject, row, 'reopen', { reason: 'One tile is still loose.' }, supervisor);
    const reopened = await nthMail(email, 4);
    assert.match(reopened.subject, /^Your case has been reopened/);
    assert.match(
      reopened.text,
      /The unit has reopened your case about “Road maintenance petition”\. The reason:\n\nOne tile is still loose\./,
    );

    row = await moveCase(
      subject,
      row,
      'reject',
      { reason: 'The pavement belongs to a private building.' },
      handler,
    );
    const rejected = await nthMail(email, 5);
    assert.match(rejected.subject, /^Your request was not accepted/);
    assert.match(
      rejected.text,
      /was not accepted \(rejected\), for these reasons:\n\nThe pavement belongs to a private building\./,
    );
    assert.doesNotMatch(rejected.text, /is closed/);
    assert.deepEqual(await emailTopics(row.id), [
      'case.accepted',
      'case.closed',
      'case.received',
      'case.rejected',
      'case.reopened',
    ]);
  });

  it('a rejection says 不予受理（駁回） with the reason, never 結案', async () => {
    const email = 'applicant.rejected@example.tw';
    let row = await anApplication(email, 'zh-TW');
    await nthMail(email, 1);
    row = await moveCase(subject, row, 'reject', { reason: '本案非屬本局權管。' }, handler);
    const rejected = await nthMail(email, 2);
    assert.equal(rejected.subject, `【高雄市政府工務局】不予受理（駁回）通知（案號 ${row.caseNumber}）`);
    assert.match(rejected.text, /不予受理（駁回），理由如下：\n\n本案非屬本局權管。/);
    assert.doesNotMatch(rejected.text, /結案/);
    assert.deepEqual(await emailTopics(row.id), ['case.received', 'case.rejected']);
  });

  it('a resolve form with a file that is not a document keeps nothing and lists every problem at once', async () => {
    let row = await anApplication('applicant.badfile@example.tw', 'zh-TW');
    row = await moveCase(subject, row, 'accept', {}, handler);
    row = await moveCase(subject, row, 'start', {}, handler);
    await db.update(cases).set({ handlerId: null }).where(eq(cases.id, row.id));
    row = await current(row.id);
    const browser = await aSignedInMember(subject, { role: 'handler' });
    const page = await browser.get(`/staff/cases/${row.caseNumber}`);
    const action = /action="([^"]*\/resolve)"/.exec(page.body)?.[1];
    assert.ok(action);
    const refused = await browser.postMultipart(
      decode(action),
      multipartForm({ version: String(row.version), resolution: '', internalNote: '' }, [
        {
          field: 'issuedDocument',
          name: 'permit.pdf',
          type: 'application/pdf',
          content: Buffer.from('<html><script>alert(1)</script></html>'),
        },
      ]),
    );
    assert.equal(refused.statusCode, 400);
    const main = mainOf(refused.body);
    assert.match(main, /請填寫處理結果（答復內容），結案通知會附上。/);
    assert.match(main, /「permit\.pdf」不是可接受的檔案類型/);
    assert.match(main, /id="resolve-issuedDocument"/);
    const stored = await current(row.id);
    assert.equal(stored.state, 'in_progress');
    assert.equal(stored.version, row.version);
    const files = await db.select().from(caseAttachments).where(eq(caseAttachments.caseId, row.id));
    assert.equal(files.length, 0, 'nothing kept');

    // A good image but no answer: the answer's problem, and still nothing kept.
    const noAnswer = await browser.postMultipart(
      decode(action),
      multipartForm({ version: String(row.version), resolution: '', internalNote: '' }, [
        { field: 'issuedDocument', name: 'letter.png', type: 'image/png', content: samplePng() },
      ]),
    );
    assert.equal(noAnswer.statusCode, 400);
    assert.equal(
      (await db.select().from(caseAttachments).where(eq(caseAttachments.caseId, row.id))).length,
      0,
    );
  });
});
