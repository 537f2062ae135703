import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mainOf } from '../../../../test/helpers/html.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp-server.ts';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../../test/helpers/wait-until.ts';
import { aStaffMember, signIn, type TestStaffMember } from '../../../platform/auth/auth-test-support.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { listDeliveries, startNotificationWorker } from '../../notifications/notifications-service.ts';
import { createEmailTransport, loggingSmsSender } from '../../notifications/transports.ts';
import { scanCaseReminders } from './case-reminders.ts';
import {
  caseActorOf,
  moveCase,
  potholeReport,
  sidewalkPetition,
  testCasesContext,
} from './cases-test-support.ts';
import { decideExtension, requestExtension } from './extensions.ts';
import { openCase } from './open-case.ts';

/**
 * What the applicant is told and when, through the real SMTP protocol (an in-process server), and the
 * deadline reminders to staff: each once, in the right language, with the right content.
 */

const taipei = (text: string) => new Date(`${text}+08:00`);
const clock = new TestClock(taipei('2026-04-07T09:00:00'));
const subject = await buildTestApp({ clock });
let smtp: TestSmtpServer;
const smsLines: Record<string, unknown>[] = [];
let handler: TestStaffMember;
let supervisor: TestStaffMember;

before(async () => {
  smtp = await startSmtpServer();
  await startNotificationWorker({
    jobs: subject.jobs,
    db: subject.database.db,
    clock: subject.clock,
    transports: {
      email: createEmailTransport({ smtpUrl: smtp.url, mailFrom: 'OneWindow <no-reply@test.onewindow.tw>' }),
      sms: loggingSmsSender({ info: (details) => smsLines.push(details) }),
    },
    log: { info: () => {}, warn: () => {} },
  });
  handler = await aStaffMember(subject.database.db, { role: 'handler', displayName: '陳承辦' });
  supervisor = await aStaffMember(subject.database.db, { role: 'supervisor', displayName: '林主管' });
});
after(async () => {
  await subject.app.close();
  await smtp.close();
});

const context = () => testCasesContext(subject);
const messagesTo = (address: string) =>
  smtp.messages.filter((message) => message.envelopeTo.includes(address));

async function waitForMail(address: string, count: number) {
  const deadline = Date.now() + 15_000;
  while (messagesTo(address).length < count) {
    if (Date.now() > deadline) throw new Error(`waited for ${count} messages to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return messagesTo(address);
}

describe('notices to the applicant', () => {
  it('receipt, acceptance, supplement asked and received, extension, transfer and closing: each once, by e-mail and SMS, carrying what matters', async () => {
    const email = 'lin.applicant@example.tw';
    let row = await openCase(context(), sidewalkPetition({ applicantEmail: email }), caseActorOf(handler));
    const [receipt] = await waitForMail(email, 1);
    assert.match(receipt?.subject ?? '', new RegExp(row.caseNumber));
    assert.ok(receipt?.text.includes(row.lookupCode), 'the receipt carries the lookup code');
    assert.ok(receipt?.text.includes('道路養護陳情'));
    assert.ok(receipt?.text.includes(`case=${row.caseNumber}`), 'the tracking link has the case filled in');

    const actor = caseActorOf(handler);
    row = await moveCase(subject, row, 'accept', {}, actor);
    const accepted = (await waitForMail(email, 2))[1];
    assert.match(accepted?.subject ?? '', /您的案件已受理/);
    row = await moveCase(
      subject,
      row,
      'request_supplement',
      { reason: '破損處近照一張\n確切門牌號碼' },
      actor,
    );
    const supplement = (await waitForMail(email, 3))[2];
    assert.ok(
      supplement?.text.includes('破損處近照一張') && supplement.text.includes('確切門牌號碼'),
      'every missing item in one message',
    );

    row = await moveCase(subject, row, 'supplement_received', {}, actor);
    const supplementReceived = (await waitForMail(email, 4))[3];
    assert.match(supplementReceived?.subject ?? '', /已收到您的補正資料/);
    const asked = await requestExtension(
      context(),
      { caseId: row.id, expectedVersion: row.version, amount: 2, reason: '需會勘' },
      actor,
    );
    const approvedRow = await decideExtension(
      context(),
      {
        caseId: row.id,
        extensionId: asked.extensionId,
        approve: true,
        note: '',
        expectedVersion: row.version + 1,
      },
      caseActorOf(supervisor),
    );
    const extended = (await waitForMail(email, 5))[4];
    assert.ok(extended?.text.includes('需會勘'), 'the reason');
    const [year, month, day] = (approvedRow.expectedCompletionDate ?? '').split('-').map(Number);
    assert.ok(
      extended?.text.includes(`${(year ?? 0) - 1911}年${month}月${day}日`),
      `the new date in 民國: ${extended?.text}`,
    );

    row = await moveCase(
      subject,
      approvedRow,
      'transfer',
      { targetUnit: 'parks', reason: '公園內步道' },
      actor,
    );
    const transferred = (await waitForMail(email, 6))[5];
    assert.ok(transferred?.text.includes('公園'), transferred?.text);

    const parksHandler = await aStaffMember(subject.database.db, { role: 'handler', unitCode: 'parks' });
    const parks = caseActorOf(parksHandler);
    row = await moveCase(subject, row, 'accept', {}, parks);
    row = await moveCase(subject, row, 'start', {}, parks);
    row = await moveCase(subject, row, 'resolve', { resolution: '步道地磚已於 4 月 9 日更換。' }, parks);
    row = await moveCase(subject, row, 'close', {}, parks);
    const closing = (await waitForMail(email, 8)).find((message) => /結案通知/.test(message.subject));
    assert.ok(closing?.text.includes('步道地磚已於 4 月 9 日更換。'), '結案通知 carries the answer');

    // The built-in SMS sender only logs: the case page says so for each SMS, never 已寄出 (issue 14).
    await waitUntil(
      () => listDeliveries(subject.database.db, { type: 'case', id: row.id }),
      (rows) => rows.filter((d) => d.channel === 'sms').every((d) => d.state === 'logged'),
      { what: 'every SMS to be logged' },
    );
    const staff = await signIn(subject.app, parksHandler, subject.clock);
    const page = mainOf((await staff.get(`/staff/cases/${row.caseNumber}`)).body);
    const rows = [...page.matchAll(/<tr[^>]*data-delivery-topic="[^"]+"[^>]*>[\s\S]*?<\/tr>/g)].map(
      (m) => m[0],
    );
    const smsRows = rows.filter((html) => html.includes('簡訊'));
    assert.ok(smsRows.length >= 8, 'every SMS is listed');
    for (const html of smsRows) {
      assert.match(html, /已記錄，未寄出/);
      assert.doesNotMatch(html, /已寄出/);
    }
    assert.ok(
      rows.some((html) => html.includes('電子郵件') && html.includes('已寄出')),
      'e-mail is sent',
    );
    const deliveries = await listDeliveries(subject.database.db, { type: 'case', id: row.id });
    // The request for an extension went to the unit's supervisor, not to the applicant (issue 14 #9).
    const toSupervisors = deliveries.filter((d) => d.topic === 'case.extension_requested');
    assert.deepEqual(
      toSupervisors.map((d) => [d.channel, d.recipient]),
      [['email', supervisor.email]],
    );
    const emailTopics = deliveries
      .filter((d) => d.channel === 'email' && d.topic !== 'case.extension_requested')
      .map((d) => d.topic)
      .sort();
    assert.deepEqual(emailTopics, [
      'case.accepted',
      'case.accepted',
      'case.closed',
      'case.extended',
      'case.received',
      'case.supplement_received',
      'case.supplement_requested',
      'case.transferred',
    ]);
    assert.equal(
      deliveries.filter((d) => d.channel === 'sms').length,
      8,
      'the mobile number gets the same eight by SMS',
    );
    assert.ok(
      smsLines.every((line) => !JSON.stringify(line).includes('0912345678')),
      'the SMS log never holds the whole number',
    );
  });

  it('an English-speaking applicant is written to in English', async () => {
    const email = 'smith@example.com';
    const row = await openCase(
      context(),
      sidewalkPetition({
        applicantEmail: email,
        applicantLang: 'en',
        applicantName: 'John Smith',
        applicantPhone: '',
      }),
      caseActorOf(handler),
    );
    const [message] = await waitForMail(email, 1);
    assert.match(message?.subject ?? '', /received/i);
    assert.ok(message?.text.includes('Road maintenance petition'));
    assert.ok(message?.text.includes(`/en/track?case=${row.caseNumber}`));
  });

  it('a field report fixed and closed sends no case notice beyond the receipt (the reports module tells the reporter)', async () => {
    const email = 'pothole.reporter@example.tw';
    const actor = caseActorOf(handler);
    let row = await openCase(context(), potholeReport({ applicantEmail: email }), actor);
    row = await moveCase(subject, row, 'dispatch', {}, actor);
    row = await moveCase(subject, row, 'mark_fixed', { resolution: '已填補坑洞。' }, actor);
    row = await moveCase(subject, row, 'close', {}, actor);
    assert.equal(row.state, 'closed');
    await waitForMail(email, 1);
    const deliveries = await listDeliveries(subject.database.db, { type: 'case', id: row.id });
    assert.deepEqual(
      deliveries.map((delivery) => delivery.topic).sort(),
      ['case.received', 'case.received'],
      'only the receipt (e-mail and SMS)',
    );
  });

  it('a refused change sends nothing', async () => {
    const email = 'nobody.told@example.tw';
    const row = await openCase(context(), sidewalkPetition({ applicantEmail: email }), caseActorOf(handler));
    await assert.rejects(
      moveCase(subject, row, 'reject', {}, caseActorOf(handler)),
      (error: unknown) => error instanceof DomainError && error.code === 'VALIDATION_FAILED',
    );
    const deliveries = await listDeliveries(subject.database.db, { type: 'case', id: row.id });
    assert.deepEqual(
      deliveries.map((delivery) => delivery.topic).sort(),
      ['case.received', 'case.received'],
      'only the receipt (e-mail and SMS)',
    );
  });
});

describe('deadline reminders', () => {
  it('the handler when at risk, the supervisors when overdue; never twice; again after an extension', async () => {
    clock.current = taipei('2026-05-04T09:00:00'); // Monday
    const reminderDeps = () => ({
      db: subject.database.db,
      jobs: subject.jobs,
      clock,
      publicBaseUrl: 'https://onewindow.example.tw',
      calendarRegion: '64000',
    });
    let row = await openCase(context(), sidewalkPetition({ applicantEmail: '' }), caseActorOf(handler));
    row = await moveCase(subject, row, 'accept', {}, caseActorOf(handler));
    // Earlier tests left cases open and long overdue: their supervisors' reminders go out now.
    assert.equal((await scanCaseReminders(reminderDeps())).handler, 0, 'on track: nothing to the handler');

    // Due Monday 11 May (5 working days); at risk from the start of Friday 8 May.
    clock.current = taipei('2026-05-08T08:00:00');
    const first = await scanCaseReminders(reminderDeps());
    assert.ok(first.handler >= 1);
    const handlerMail = await waitForMail(handler.email, 1);
    assert.ok(handlerMail[0]?.text.includes(row.caseNumber));
    assert.ok(handlerMail[0]?.text.includes(`/staff/cases/${row.caseNumber}`));
    assert.deepEqual(await scanCaseReminders(reminderDeps()), { handler: 0, supervisor: 0 }, 'never twice');

    clock.current = taipei('2026-05-12T09:00:00');
    const late = await scanCaseReminders(reminderDeps());
    assert.ok(late.supervisor >= 1);
    await waitUntil(
      async () => messagesTo(supervisor.email).filter((message) => message.text.includes(row.caseNumber)),
      (messages) => messages.length === 1,
      { what: 'the overdue reminder to the supervisor' },
    );
    assert.ok(
      messagesTo(supervisor.email).some(
        (message) => message.text.includes(row.caseNumber) && message.text.includes('陳承辦'),
      ),
      'names the handler',
    );
    assert.equal((await scanCaseReminders(reminderDeps())).supervisor, 0, 'never twice');

    // An approved extension gives a new deadline, and a new reminder when that one is at risk.
    const asked = await requestExtension(
      context(),
      { caseId: row.id, expectedVersion: row.version, amount: 5, reason: '材料延誤' },
      caseActorOf(supervisor),
    );
    assert.equal(asked.approved, true, 'a supervisor’s own request is approved at once');
    clock.current = taipei('2026-05-15T08:00:00');
    const again = await scanCaseReminders(reminderDeps());
    assert.ok(again.handler >= 1, JSON.stringify(again));
    const handlerDeliveries = (
      await listDeliveries(subject.database.db, { type: 'case', id: row.id })
    ).filter(
      (delivery) => delivery.topic === 'case.reminder.handler' && delivery.recipient === handler.email,
    );
    assert.equal(handlerDeliveries.length, 2);
  });
});
