import { after, before } from 'node:test';
import { notificationsModule } from '../../src/modules/notifications/index.ts';
import { startModuleWorkers } from '../../src/platform/composition/compose.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp-server.ts';
import type { TestApp } from './test-app.ts';

const quietLog = { info: () => {}, warn: () => {}, error: () => {} };

/** The From address of the test apps that send e-mail. */
export const testMailFrom = 'OneWindow <no-reply@test.onewindow.tw>';

/**
 * The notifications module's delivery worker for the app under test, started as main.ts starts it: e-mail
 * goes to the app's SMTP_URL, SMS to a log nobody reads. Returns what stops it.
 */
export async function startNotificationDelivery(app: TestApp): Promise<() => Promise<void>> {
  const stops = await startModuleWorkers([notificationsModule], {
    db: app.database.db,
    jobs: app.jobs,
    clock: app.clock,
    config: app.config,
    files: app.files,
    log: quietLog,
  });
  return async () => {
    for (const stop of stops) await stop();
  };
}

/**
 * An app whose notices really go over SMTP: a test SMTP server starts first, `startApp` builds the app with
 * the environment that points at it (SMTP_URL, MAIL_FROM), and the delivery worker runs from before the
 * file's first test; after the last, the worker and the SMTP server stop. Call it at the top level.
 */
export async function withEmailDelivery<App extends TestApp>(
  startApp: (environment: Record<string, string>) => Promise<App>,
): Promise<{ app: App; smtp: TestSmtpServer }> {
  const smtp = await startSmtpServer();
  const app = await startApp({ SMTP_URL: smtp.url, MAIL_FROM: testMailFrom });
  let stopDelivery = async () => {};
  before(async () => {
    stopDelivery = await startNotificationDelivery(app);
  });
  after(async () => {
    await stopDelivery();
    await smtp.close();
  });
  return { app, smtp };
}
