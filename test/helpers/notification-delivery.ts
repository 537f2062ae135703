import { notificationsModule } from '../../src/modules/notifications/index.ts';
import { startModuleWorkers } from '../../src/platform/modules/compose.ts';
import type { TestApp } from './test-app.ts';

const quietLog = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The notifications module's delivery worker for the app under test, started as main.ts starts it: e-mail
 * goes to the app's SMTP_URL (build the app with a test SMTP server's URL there), SMS to a log nobody reads.
 * Returns what stops it.
 */
export async function startNotificationDelivery(app: TestApp): Promise<() => Promise<void>> {
  const stops = await startModuleWorkers([notificationsModule], {
    db: app.database.db,
    jobs: app.jobs,
    clock: app.clock,
    config: app.config,
    log: quietLog,
  });
  return async () => {
    for (const stop of stops) await stop();
  };
}

/** The From address of the test apps that send e-mail. */
export const testMailFrom = 'OneWindow <no-reply@test.onewindow.tw>';
