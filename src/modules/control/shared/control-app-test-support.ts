import { after } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import {
  aSignedInMember,
  aStaffMember,
  type TestBrowser,
  type TestStaffMember,
} from '../../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import type { ProgressReminderDeps } from '../progress/progress-reminders.ts';

/**
 * What the module's HTTP tests share to start: the app on a fresh database, and staff members signed in to it.
 * Call at a test file's top level: the test database helper and the app's closing register with node:test's after().
 */

/** The app for a file's tests, closed after them; sign-ins are many, so the rate limit is high. */
export async function controlTestApp(): Promise<TestApp> {
  const subject = await buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '10000' } });
  after(() => subject.app.close());
  return subject;
}

/** A staff member of the role (and unit): an admin with a second factor, as the sign-in asks of admins. */
export function staffMemberOf(
  subject: TestApp,
  role: StaffRole,
  unitCode?: string,
  displayName?: string,
): Promise<TestStaffMember> {
  return aStaffMember(subject.database.db, {
    role,
    withTotp: role === 'admin',
    clock: subject.clock,
    ...(displayName === undefined ? {} : { displayName }),
    ...(unitCode ? { unitCode } : {}),
  });
}

/** A browser signed in as a new staff member of the role (and unit), with the member it signed in as. */
export function signedInMember(
  subject: TestApp,
  role: StaffRole,
  unitCode?: string,
  displayName?: string,
): Promise<TestBrowser & { member: TestStaffMember }> {
  return aSignedInMember(subject, { role, unitCode, ...(displayName === undefined ? {} : { displayName }) });
}

/** What the reminders' scans need, from the test app. */
export function reminderDepsOf(subject: TestApp): ProgressReminderDeps {
  return {
    db: subject.database.db,
    jobs: subject.jobs,
    clock: subject.clock,
    publicBaseUrl: subject.config.publicBaseUrl,
  };
}
