import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp-server.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { aStaffMember, TestBrowser } from '../../platform/auth/auth-test-support.ts';
import { systemClock } from '../../platform/http/clock.ts';
import { notificationDeliveryQueue, startNotificationWorker } from './notifications-service.ts';
import { sendSignInAlerts } from './staff-alerts.ts';
import { createEmailTransport, loggingSmsSender } from './transports.ts';

/**
 * Issue 13 §3: a staff member is told by e-mail when their address is being guessed — once per lockout,
 * through a real SMTP conversation, whichever process runs the scan and however often.
 */

const silentLog = { info: () => {}, warn: () => {} };

describe('staff sign-in alerts', () => {
  let subject: TestApp;
  let smtp: TestSmtpServer;

  before(async () => {
    subject = await buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '10000' } });
    smtp = await startSmtpServer();
    await subject.jobs.ensureQueue({ ...notificationDeliveryQueue, retryLimit: 1, retryDelaySeconds: 1 });
    await startNotificationWorker({
      jobs: subject.jobs,
      db: subject.database.db,
      clock: systemClock,
      transports: {
        email: createEmailTransport({
          smtpUrl: smtp.url,
          mailFrom: 'OneWindow <no-reply@test.onewindow.tw>',
        }),
        sms: loggingSmsSender(silentLog),
      },
      log: silentLog,
    });
  });
  after(async () => {
    await subject.app.close();
    await smtp.close();
  });

  const context = () => ({ db: subject.database.db, jobs: subject.jobs, clock: subject.clock });

  it('5 wrong passwords from a stranger: the owner gets one e-mail saying so, however often the scan runs', async () => {
    const member = await aStaffMember(subject.database.db);
    const bystander = await aStaffMember(subject.database.db);
    const stranger = new TestBrowser(subject.app);
    for (let failure = 1; failure <= 5; failure += 1)
      await stranger.submitSignIn({ email: member.email, password: `guess ${failure}` });
    // Four wrong passwords for someone else start no lockout, and so no e-mail.
    for (let failure = 1; failure <= 4; failure += 1)
      await stranger.submitSignIn({ email: bystander.email, password: `guess ${failure}` });

    assert.equal(await sendSignInAlerts(context()), 1);
    assert.equal(await sendSignInAlerts(context()), 0, 'the same lockout is told once');
    const [message] = await smtp.waitForMessages(1);
    assert.deepEqual(message?.envelopeTo, [member.email]);
    assert.equal(message?.subject, '【工務單一窗口】您的帳號有多次登入失敗');
    assert.match(message?.text ?? '', /您平常使用的瀏覽器仍可照常登入/);
    assert.match(message?.text ?? '', new RegExp(`帳號：${member.email.replace('.', '\\.')}`));
    assert.match(message?.text ?? '', /暫停至：民國\d+年\d+月\d+日 \d\d:\d\d/);

    // A second lockout after the first ended is a new e-mail.
    subject.clock.advance(15 * 60_000 + 1000);
    for (let failure = 1; failure <= 5; failure += 1)
      await stranger.submitSignIn({ email: member.email, password: `again ${failure}` });
    assert.equal(await sendSignInAlerts(context()), 1);
    await smtp.waitForMessages(2);
    assert.equal(smtp.messages.filter((sent) => sent.envelopeTo.includes(bystander.email)).length, 0);
  });
});
