import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { mainOf } from '../../../test/helpers/html.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp-server.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../test/helpers/wait-until.ts';
import { auditLog } from '../../platform/auth/auth-schema.ts';
import { aStaffMember, signIn } from '../../platform/auth/auth-test-support.ts';
import { systemClock } from '../../platform/http/clock.ts';
import { type CaseReceivedData, caseTopics } from '../cases/index.ts';
import { notificationDeliveries } from './notifications-schema.ts';
import {
  deliverNotification,
  listDeliveries,
  notificationDeliveryQueue,
  queueNotification,
  startNotificationWorker,
} from './notifications-service.ts';
import { createEmailTransport, loggingSmsSender } from './transports.ts';

const mailFrom = 'OneWindow <no-reply@test.onewindow.tw>';

// The topic's own samples: the message a case's applicant gets, in each language.
const received: CaseReceivedData = caseTopics.received.template.sample['zh-TW'];
const receivedEn: CaseReceivedData = caseTopics.received.template.sample.en;

const silentLog = { info: () => {}, warn: () => {} };

/** What the messages below are about: a case's id (the delivery log points at a subject, not a row). */
function aCaseId(): string {
  return randomUUID();
}

/** The case-received message about a case of its own, as a use case would queue it. */
function receivedAbout(
  app: TestApp,
  recipient: string,
  options: { lang?: 'zh-TW' | 'en'; channel?: 'email' | 'sms' } = {},
) {
  const caseId = aCaseId();
  const { lang = 'zh-TW', channel = 'email' } = options;
  return {
    caseId,
    notification: {
      jobs: app.jobs,
      subject: { type: 'case', id: caseId },
      topic: caseTopics.received,
      channel,
      recipient,
      lang,
      data: lang === 'en' ? receivedEn : received,
      dedupeKey: `case.received:${caseId}:${channel}`,
    },
  };
}

describe('notifications over SMTP (queue, worker, retries)', () => {
  let subject: TestApp;
  let smtp: TestSmtpServer;
  const smsLines: Record<string, unknown>[] = [];

  before(async () => {
    subject = await buildTestApp();
    smtp = await startSmtpServer({
      refuseRecipient: (address) => (address.startsWith('refused.') ? '5.1.1 Mailbox unavailable' : null),
    });
    // Retries as in production (5, with back-off), but a second apart instead of 30 s and more.
    await subject.jobs.ensureQueue({
      ...notificationDeliveryQueue,
      retryLimit: 2,
      retryDelaySeconds: 1,
      retryDelayMaxSeconds: 1,
    });
    await startNotificationWorker({
      jobs: subject.jobs,
      db: subject.database.db,
      clock: systemClock,
      transports: {
        email: createEmailTransport({ smtpUrl: smtp.url, mailFrom }),
        sms: loggingSmsSender({ info: (details) => smsLines.push(details) }),
      },
      log: silentLog,
    });
  });
  after(async () => {
    await subject.app.close();
    await smtp.close();
  });

  const db = () => subject.database.db;
  const deliveryRow = async (id: string) => {
    const [row] = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id));
    assert.ok(row, `delivery ${id}`);
    return row;
  };
  const waitForState = (id: string, state: string, timeoutMs = 10_000) =>
    waitUntil(
      () => deliveryRow(id),
      (row) => row.state === state,
      { what: `delivery ${id} to be ${state}`, timeoutMs },
    );
  /** A delivery recorded without its job: a test calls deliverNotification itself. */
  const aDeliveryWithoutJob = async (recipient: string) => {
    const caseId = aCaseId();
    const [row] = await db()
      .insert(notificationDeliveries)
      .values({
        subjectType: 'case',
        subjectId: caseId,
        topic: 'case.received',
        channel: 'email',
        recipient,
        lang: 'zh-TW',
        subject: 's',
        bodyText: 't',
        dedupeKey: `manual:${caseId}`,
      })
      .returning();
    assert.ok(row);
    return row;
  };
  const messagesTo = (address: string) =>
    smtp.messages.filter((message) => message.envelopeTo.includes(address));

  it('the production queue policy: 5 retries with exponential back-off', () => {
    assert.equal(notificationDeliveryQueue.retryLimit, 5);
    assert.equal(notificationDeliveryQueue.retryBackoff, true);
    assert.equal(notificationDeliveryQueue.retryDelaySeconds, 30);
  });

  it('queue → the worker sends over SMTP: the zh-TW message arrives, the row is sent with 1 attempt', async () => {
    const { caseId, notification } = receivedAbout(subject, 'wang.xiaoming@example.com');
    const queued = await db().transaction((tx) => queueNotification(tx, notification));
    assert.equal(queued.isNew, true);
    const row = await waitForState(queued.deliveryId, 'sent');
    const [message] = messagesTo('wang.xiaoming@example.com');
    assert.ok(message);
    assert.equal(message.subject, '【高雄市政府工務局】已收到您的申請（案號 1150302-0042）');
    assert.equal(message.envelopeFrom, 'no-reply@test.onewindow.tw');
    assert.match(message.from, /no-reply@test\.onewindow\.tw/);
    assert.match(message.text, /我們已收到您的「路燈維修」申請，將由公園處辦理。/);
    assert.match(message.text, /查詢碼：K7PM-Q3/);
    assert.match(message.text, /承辦單位：公園處（電話 07-3368333）/);
    assert.match(message.text, /預計完成日期：民國115年3月5日/);
    assert.match(message.text, /https:\/\/onewindow\.example\.tw\/track/);
    // The log holds exactly what was sent.
    assert.equal(row.subject, message.subject);
    assert.equal(row.bodyText.trim(), message.text.trim());
    assert.equal(row.attempts, 1);
    assert.equal(row.lastError, null);
    assert.equal(row.subjectType, 'case');
    assert.equal(row.subjectId, caseId);
    assert.equal(row.lang, 'zh-TW');
    assert.ok(row.sentAt instanceof Date);
    assert.equal(row.nextAttemptAt, null);
  });

  it('an applicant who chose English gets the English message', async () => {
    const { notification } = receivedAbout(subject, 'jane.doe@example.com', { lang: 'en' });
    const queued = await db().transaction((tx) => queueNotification(tx, notification));
    await waitForState(queued.deliveryId, 'sent');
    const [message] = messagesTo('jane.doe@example.com');
    assert.ok(message);
    assert.equal(
      message.subject,
      'We have received your application (case 1150302-0042) – Public Works Bureau, Kaohsiung City Government',
    );
    assert.match(message.text, /for “Street light repair”\. Parks and Street Lights Office will handle it\./);
    assert.match(message.text, /Expected completion date: 5 March 2026/);
    assert.doesNotMatch(message.text, /[查詢碼預計]/);
  });

  it('the same dedupe key twice (a retried request, a second process) records and sends once', async () => {
    const caseId = aCaseId();
    const options = {
      jobs: subject.jobs,
      subject: { type: 'case', id: caseId },
      topic: caseTopics.extended,
      channel: 'email' as const,
      recipient: 'twice@example.com',
      lang: 'zh-TW' as const,
      data: { ...caseTopics.extended.template.sample['zh-TW'], caseNumber: '1150302-0043' },
      dedupeKey: `case.extended:${caseId}:2026-03-20`,
    };
    const [one, two] = await Promise.all([
      db().transaction((tx) => queueNotification(tx, options)),
      db().transaction((tx) => queueNotification(tx, options)),
    ]);
    assert.ok(one && two);
    assert.deepEqual([one.isNew, two.isNew].toSorted(), [false, true]);
    assert.equal(one.deliveryId, two.deliveryId);
    const third = await db().transaction((tx) => queueNotification(tx, options));
    assert.deepEqual(third, { deliveryId: one.deliveryId, isNew: false });
    await waitForState(one.deliveryId, 'sent');
    // Give a stray second job time to show itself.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(messagesTo('twice@example.com').length, 1);
    const rows = await db()
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.subjectId, caseId));
    assert.equal(rows.length, 1);
    const jobs = await subject.database.pool.query(
      "select count(*)::int as count from pgboss.job where name = 'notification.deliver' and data->>'deliveryId' = $1",
      [one.deliveryId],
    );
    assert.equal(jobs.rows[0].count, 1);
    assert.match(messagesTo('twice@example.com')[0]?.text ?? '', /延長原因：需會同管線單位現場會勘。/);
  });

  it('a retry of a delivery that was already sent sends nothing again', async () => {
    const { notification } = receivedAbout(subject, 'once@example.com');
    const queued = await db().transaction((tx) => queueNotification(tx, notification));
    await waitForState(queued.deliveryId, 'sent');
    // As pg-boss would after an expired attempt that had in fact sent the mail.
    const outcome = await deliverNotification(
      {
        db: db(),
        clock: systemClock,
        transports: {
          email: createEmailTransport({ smtpUrl: smtp.url, mailFrom }),
          sms: loggingSmsSender(silentLog),
        },
      },
      { data: { deliveryId: queued.deliveryId }, isLastAttempt: false, nextAttemptNotBefore: () => null },
    );
    assert.deepEqual(outcome, { kind: 'already-delivered' });
    assert.equal(messagesTo('once@example.com').length, 1);
    assert.equal((await deliveryRow(queued.deliveryId)).attempts, 1);
  });

  it('the database lost after the SMTP server took the mail: the retry records it sent and sends nothing again', async () => {
    // The attempts below are made by hand, as pg-boss would retry.
    const row = await aDeliveryWithoutJob('database.lost@example.com');
    const smtpTransport = createEmailTransport({ smtpUrl: smtp.url, mailFrom });
    let handedOver = 0;
    let cutConnection = true;
    const deps = {
      db: db(),
      clock: systemClock,
      transports: {
        email: {
          kind: 'smtp' as const,
          send: async (message: Parameters<typeof smtpTransport.send>[0]) => {
            await smtpTransport.send(message);
            handedOver += 1;
            if (!cutConnection) return;
            // The server has the mail; now the attempt's connection goes (as when PostgreSQL stops), before
            // its 'sent' is written.
            const cut = await subject.database.pool.query<{ cut: boolean }>(
              `select pg_terminate_backend(pid) as cut from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid()
                  and query like '%notification_deliveries%for update%'`,
            );
            assert.deepEqual(
              cut.rows.map((each) => each.cut),
              [true],
              "the attempt's own connection was cut",
            );
          },
          close: () => smtpTransport.close(),
        },
        sms: loggingSmsSender(silentLog),
      },
    };
    const job = { data: { deliveryId: row.id }, isLastAttempt: false, nextAttemptNotBefore: () => null };
    await assert.rejects(deliverNotification(deps, job), 'the first attempt cannot record its outcome');
    assert.equal((await deliveryRow(row.id)).state, 'queued', 'nothing was recorded');
    assert.equal(messagesTo('database.lost@example.com').length, 1);

    cutConnection = false;
    const outcome = await deliverNotification(deps, job);
    assert.deepEqual(outcome, { kind: 'sent' });
    const after = await deliveryRow(row.id);
    assert.equal(after.state, 'sent');
    assert.ok(after.sentAt instanceof Date);
    assert.equal(handedOver, 1, 'the retry did not hand the mail over again');
    assert.equal(messagesTo('database.lost@example.com').length, 1);
    // Recorded now: a later duplicate job finds it delivered, as any other.
    assert.deepEqual(await deliverNotification(deps, job), { kind: 'already-delivered' });
    assert.equal(handedOver, 1);
  });

  it('an SMTP server refusing the recipient: retried with back-off, then failed with the reason', async () => {
    const { notification } = receivedAbout(subject, 'refused.applicant@example.com');
    const queued = await db().transaction((tx) => queueNotification(tx, notification));
    const row = await waitForState(queued.deliveryId, 'failed', 20_000);
    // 1 attempt + 2 retries (this test's retryLimit), each one reaching the server.
    assert.equal(row.attempts, 3);
    assert.deepEqual(
      smtp.recipientAttempts.filter((address) => address === 'refused.applicant@example.com').length,
      3,
    );
    assert.match(row.lastError ?? '', /550/);
    assert.match(row.lastError ?? '', /Mailbox unavailable/);
    assert.equal(row.sentAt, null);
    assert.equal(row.nextAttemptAt, null);
    assert.equal(messagesTo('refused.applicant@example.com').length, 0);
    // pg-boss keeps no personal data about it: the job's error says where to look instead. (It settles
    // the job just after the handler has committed the row.)
    const job = await waitUntil(
      async () =>
        (
          await subject.database.pool.query<{ state: string; output: string }>(
            "select state, output::text as output from pgboss.job where name = 'notification.deliver' and data->>'deliveryId' = $1",
            [queued.deliveryId],
          )
        ).rows,
      (rows) => rows[0]?.state === 'failed',
      { what: 'pg-boss to settle the job as failed' },
    );
    assert.match(job[0]?.output ?? '', /last_error/);
    assert.doesNotMatch(job[0]?.output ?? '', /refused\.applicant/);
  });

  it('a failed attempt with retries left: queued again, with the reason and the earliest next attempt', async () => {
    // The delivery function is called by hand with a failing transport.
    const row = await aDeliveryWithoutJob('flaky@example.com');
    const now = new Date('2026-03-02T02:00:00Z');
    const outcome = await deliverNotification(
      {
        db: db(),
        clock: { now: () => now },
        transports: {
          email: {
            kind: 'smtp',
            send: async () => {
              throw new Error('connect ECONNREFUSED 127.0.0.1:25');
            },
            close: () => {},
          },
          sms: loggingSmsSender(silentLog),
        },
      },
      {
        data: { deliveryId: row.id },
        isLastAttempt: false,
        nextAttemptNotBefore: (at) => new Date(at.getTime() + 30_000),
      },
    );
    assert.deepEqual(outcome, {
      kind: 'failed',
      isFinal: false,
      reason: 'connect ECONNREFUSED 127.0.0.1:25',
    });
    const after = await deliveryRow(row.id);
    assert.equal(after.state, 'queued');
    assert.equal(after.attempts, 1);
    assert.equal(after.lastError, 'connect ECONNREFUSED 127.0.0.1:25');
    assert.equal(after.nextAttemptAt?.toISOString(), '2026-03-02T02:00:30.000Z');
  });

  it('a notification queued in a transaction that rolls back is never recorded nor sent', async () => {
    const { caseId, notification } = receivedAbout(subject, 'rolled.back@example.com');
    await assert.rejects(
      db().transaction(async (tx) => {
        await queueNotification(tx, notification);
        throw new Error('the case could not be saved');
      }),
      /the case could not be saved/,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(await listDeliveries(db(), { type: 'case', id: caseId }), []);
    const jobs = await subject.database.pool.query(
      "select count(*)::int as count from pgboss.job where name = 'notification.deliver' and created_on > now() - interval '1 minute' and data->>'deliveryId' not in (select id::text from notification_deliveries)",
    );
    assert.equal(jobs.rows[0].count, 0);
    assert.equal(messagesTo('rolled.back@example.com').length, 0);
    assert.equal(smtp.recipientAttempts.includes('rolled.back@example.com'), false);
  });

  it('SMS through the built-in sender: logged with the number masked, recorded as logged and not sent (issue 14)', async () => {
    const { notification } = receivedAbout(subject, '0912-345-678', { channel: 'sms' });
    const queued = await db().transaction((tx) => queueNotification(tx, notification));
    const row = await waitForState(queued.deliveryId, 'logged');
    assert.equal(row.attempts, 1);
    assert.equal(row.sentAt, null, 'nothing left the machine');
    assert.equal(
      row.bodyText,
      '工務局已收到您的「路燈維修」申請，案號1150302-0042，預計民國115年3月5日完成。進度查詢：https://onewindow.example.tw/track',
    );
    assert.deepEqual(smsLines.at(-1), { to: '0912-***-678', characters: [...row.bodyText].length });
    assert.doesNotMatch(JSON.stringify(smsLines), /345/);
  });

  it('an SMS gateway that really sends (isSending) records the SMS as sent', async () => {
    const sentTo: string[] = [];
    const [row] = await db()
      .insert(notificationDeliveries)
      .values({
        topic: 'case.received',
        channel: 'sms',
        recipient: '0912000111',
        lang: 'zh-TW',
        subject: '已收到',
        bodyText: '工務局已收到您的申請。',
        dedupeKey: `gateway-test:${randomUUID()}`,
      })
      .returning();
    assert.ok(row);
    const outcome = await deliverNotification(
      {
        db: db(),
        clock: systemClock,
        transports: {
          email: createEmailTransport({ smtpUrl: smtp.url, mailFrom }),
          sms: { isSending: true, send: async (to) => void sentTo.push(to) },
        },
      },
      { data: { deliveryId: row.id }, isLastAttempt: false, nextAttemptNotBefore: (now) => now },
    );
    assert.deepEqual(outcome, { kind: 'sent' });
    assert.deepEqual(sentTo, ['0912000111']);
    const after = await deliveryRow(row.id);
    assert.equal(after.state, 'sent');
    assert.ok(after.sentAt);
  });

  it("listDeliveries: one case's log, newest first, with state, attempts and reason", async () => {
    const caseId = aCaseId();
    const base = {
      jobs: subject.jobs,
      subject: { type: 'case', id: caseId },
      channel: 'email' as const,
      recipient: 'log.reader@example.com',
      lang: 'zh-TW' as const,
    };
    const first = await db().transaction((tx) =>
      queueNotification(tx, {
        ...base,
        topic: caseTopics.received,
        data: received,
        dedupeKey: `${caseId}:1`,
      }),
    );
    await waitForState(first.deliveryId, 'sent');
    const second = await db().transaction((tx) =>
      queueNotification(tx, {
        ...base,
        topic: caseTopics.transferred,
        data: {
          caseNumber: received.caseNumber,
          serviceName: received.serviceName,
          newUnitName: '新建工程處',
          newUnitPhone: '07-3368333',
          trackingUrl: received.trackingUrl,
        },
        dedupeKey: `${caseId}:2`,
      }),
    );
    await waitForState(second.deliveryId, 'sent');
    const log = await listDeliveries(db(), { type: 'case', id: caseId });
    assert.deepEqual(
      log.map((row) => [row.topic, row.state, row.attempts, row.recipient]),
      [
        ['case.transferred', 'sent', 1, 'log.reader@example.com'],
        ['case.received', 'sent', 1, 'log.reader@example.com'],
      ],
    );
    assert.equal(log[0]?.subject, '【高雄市政府工務局】您的案件已改由新建工程處辦理（案號 1150302-0042）');
    assert.equal(
      await listDeliveries(db(), { type: 'case', id: randomUUID() }).then((rows) => rows.length),
      0,
    );
  });
});

describe('notifications without SMTP: the outbox and the staff pages', () => {
  let subject: TestApp;

  before(async () => {
    subject = await buildTestApp();
    assert.equal(subject.config.smtpUrl, null);
    await startNotificationWorker({
      jobs: subject.jobs,
      db: subject.database.db,
      clock: systemClock,
      transports: { email: createEmailTransport(subject.config), sms: loggingSmsSender(silentLog) },
      log: silentLog,
    });
  });
  after(() => subject.app.close());

  const queueReceipt = async (recipient: string, lang: 'zh-TW' | 'en' = 'zh-TW') => {
    const { notification } = receivedAbout(subject, recipient, { lang });
    const queued = await subject.database.db.transaction((tx) => queueNotification(tx, notification));
    return waitUntil(
      async () =>
        (
          await subject.database.db
            .select()
            .from(notificationDeliveries)
            .where(eq(notificationDeliveries.id, queued.deliveryId))
        )[0],
      (row) => row?.state === 'outbox',
      { what: 'the delivery to reach the outbox' },
    );
  };

  it("with no SMTP_URL the mail is kept in the outbox: state 'outbox', 1 attempt, nothing sent", async () => {
    const row = await queueReceipt('wang.outbox@example.com');
    assert.ok(row);
    assert.equal(row.attempts, 1);
    assert.equal(row.sentAt, null);
    assert.equal(row.lastError, null);
    assert.equal(row.subject, '【高雄市政府工務局】已收到您的申請（案號 1150302-0042）');
  });

  it('an admin reads the outbox (newest first, recipients masked) and a message in full; both languages', async () => {
    const older = await queueReceipt('older.one@example.com');
    const newer = await queueReceipt('newer.one@example.com', 'en');
    assert.ok(older && newer);
    const admin = await aStaffMember(subject.database.db, { role: 'admin', withTotp: true });
    const browser = await signIn(subject.app, admin, subject.clock);

    const list = await browser.get('/staff/outbox');
    assert.equal(list.statusCode, 200);
    assert.equal(list.headers['cache-control'], 'no-store');
    const main = mainOf(list.body);
    assert.match(main, /<h1 class="govuk-heading-l">通知寄送紀錄<\/h1>/);
    assert.match(main, /尚未設定郵件伺服器（SMTP_URL）/);
    assert.match(main, /n\*\*\*@example\.com/);
    assert.match(main, /o\*\*\*@example\.com/);
    assert.doesNotMatch(main, /newer\.one@|older\.one@/);
    assert.match(main, /寄件匣（未寄出）/);
    assert.match(main, /case\.received/);
    const ids = [...main.matchAll(/data-delivery-id="([^"]+)"/g)].map((match) => match[1]);
    assert.ok(ids.indexOf(newer.id) < ids.indexOf(older.id), 'newest first');
    assert.match(main, new RegExp(`href="/staff/outbox/${newer.id}"`));

    const english = await browser.get('/en/staff/outbox');
    assert.equal(english.statusCode, 200);
    assert.match(mainOf(english.body), /Notifications sent/);
    assert.match(mainOf(english.body), /Outbox \(not sent\)/);
    assert.match(mainOf(english.body), new RegExp(`href="/en/staff/outbox/${older.id}"`));

    const detail = await browser.get(`/staff/outbox/${older.id}`);
    assert.equal(detail.statusCode, 200);
    const detailMain = mainOf(detail.body);
    assert.match(detailMain, /older\.one@example\.com/);
    assert.match(detailMain, /【高雄市政府工務局】已收到您的申請（案號 1150302-0042）/);
    assert.match(detailMain, /查詢碼：K7PM-Q3/);
    assert.match(detailMain, /預計完成日期：民國115年3月5日/);
    const viewed = await subject.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'notification_delivery.viewed'));
    assert.deepEqual(
      viewed.map((entry) => [entry.actorStaffId, entry.targetId]),
      [[admin.id, older.id]],
    );

    const englishDetail = await browser.get(`/en/staff/outbox/${newer.id}`);
    assert.equal(englishDetail.statusCode, 200);
    assert.match(mainOf(englishDetail.body), /We have received your application/);

    // An SMS through the built-in sender says it was logged and not sent, never 已寄出 (issue 14).
    const { notification: sms } = receivedAbout(subject, '0912-345-679', { channel: 'sms' });
    const smsQueued = await subject.database.db.transaction((tx) => queueNotification(tx, sms));
    await waitUntil(
      async () =>
        (
          await subject.database.db
            .select()
            .from(notificationDeliveries)
            .where(eq(notificationDeliveries.id, smsQueued.deliveryId))
        )[0],
      (row) => row?.state === 'logged',
      { what: 'the SMS to be logged' },
    );
    const withSms = mainOf((await browser.get('/staff/outbox')).body);
    const smsRow = new RegExp(`<tr[^>]*data-delivery-id="${smsQueued.deliveryId}"[\\s\\S]*?</tr>`).exec(
      withSms,
    )?.[0];
    assert.ok(smsRow);
    assert.match(smsRow, /簡訊/);
    assert.match(smsRow, /已記錄，未寄出/);
    assert.doesNotMatch(smsRow, /已寄出/);
    const smsDetail = mainOf((await browser.get(`/en/staff/outbox/${smsQueued.deliveryId}`)).body);
    assert.match(smsDetail, /Logged, not sent/);
    assert.match(mainOf((await browser.get('/en/staff/outbox')).body), /Logged, not sent/);

    const missing = await browser.get(`/staff/outbox/${randomUUID()}`);
    assert.equal(missing.statusCode, 404);
    assert.match(mainOf(missing.body), /找不到這個頁面/);
    assert.equal((await browser.get('/staff/outbox/not-an-id')).statusCode, 404);
  });

  it('a handler may not read the outbox (403); signed out, it asks for sign-in', async () => {
    const row = await queueReceipt('private.person@example.com');
    assert.ok(row);
    const handler = await aStaffMember(subject.database.db, { role: 'handler' });
    const browser = await signIn(subject.app, handler, subject.clock);
    const list = await browser.get('/staff/outbox');
    assert.equal(list.statusCode, 403);
    assert.doesNotMatch(list.body, /p\*\*\*@example\.com|private\.person/);
    const detail = await browser.get(`/staff/outbox/${row.id}`);
    assert.equal(detail.statusCode, 403);
    assert.doesNotMatch(detail.body, /private\.person/);
    const anonymous = await subject.app.inject({ method: 'GET', url: '/staff/outbox' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/staff\/sign-in/);
  });

  it('the templates page shows every topic with its sample in both languages, to admins, secretariat and supervisors', async () => {
    const supervisor = await aStaffMember(subject.database.db, { role: 'supervisor' });
    const browser = await signIn(subject.app, supervisor, subject.clock);
    const page = await browser.get('/staff/notification-templates');
    assert.equal(page.statusCode, 200);
    const main = mainOf(page.body);
    const topics = [...main.matchAll(/<section[^>]*data-topic="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(topics, [
      'case.received',
      'case.accepted',
      'case.transferred',
      'case.extended',
      'case.supplement_requested',
      'case.supplement_received',
      'case.forwarded',
      'case.payment_requested',
      'case.payment_received',
      'case.payment_refunded',
      'case.closed',
      'case.rejected',
      'case.withdrawn',
      'case.merged',
      'case.reopened',
      'case.track_link',
      'case.extension_requested',
      'case.reminder.handler',
      'case.reminder.supervisor',
      'staff.sign_in_guessed',
      'application.code',
      'application.resume',
      'citizen.sign_in_link',
      'control.report_due',
      'control.report_missing',
      'control.annual_report_due',
      'control.annual_report_overdue',
      'report.confirm',
      'report.fixed',
      'petition.code',
      'petition.media_overdue',
      'administration.staff_invitation',
    ]);
    assert.match(main, /請確認您的通報（案號 1151205-0042）/);
    assert.match(main, /【績效成果報告逾期】115年度尚有 3 份未發布/);
    assert.match(main, /【高雄市政府工務局】已收到您的申請（案號 1150302-0042）/);
    assert.match(main, /We have received your application \(case 1150302-0042\)/);
    assert.match(
      main,
      /1\. 施工計畫書（須由建築師簽章）<br\/>2\. 營造業登記證影本<br\/>3\. 起造人身分證明文件影本/,
    );
    assert.match(main, /已移請高雄市政府水利局處理/);
    assert.match(main, /結案通知（案號 1150302-0042）/);
    assert.match(main, /經現場查看，路燈燈具故障/);
    assert.match(main, /【逾期案件】1150302-0042 已逾期 1 個工作天/);
    assert.match(main, /lang="en"/);

    const secretariat = await signIn(
      subject.app,
      await aStaffMember(subject.database.db, { role: 'secretariat' }),
      subject.clock,
      'en',
    );
    const english = await secretariat.get('/en/staff/notification-templates');
    assert.equal(english.statusCode, 200);
    assert.match(mainOf(english.body), /Notification templates/);

    const handler = await signIn(
      subject.app,
      await aStaffMember(subject.database.db, { role: 'handler' }),
      subject.clock,
    );
    assert.equal((await handler.get('/staff/notification-templates')).statusCode, 403);
  });

  it('the staff home links an admin to the outbox and the templates', async () => {
    const admin = await aStaffMember(subject.database.db, { role: 'admin', withTotp: true });
    const browser = await signIn(subject.app, admin, subject.clock);
    const home = await browser.get('/staff');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /href="\/staff\/outbox"/);
    assert.match(home.body, /href="\/staff\/notification-templates"/);
  });
});
