import { and, isNull, lt, or } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { deleteOldRateLimitHits } from '../http/rate-limit.ts';
import { signInFailures } from './auth-schema.ts';
import { deleteExpiredStaffSessions } from './staff-sessions.ts';
import { forgetOldDevices } from './trusted-devices.ts';

/**
 * Removes rows that can no longer matter: ended sessions, rate-limit windows over an hour old (daily
 * budgets: a day), failure counters that have been forgotten, browsers not seen for 180 days. Every read already ignores them; this only keeps the tables small.
 * Safe to run at any time from any process (at start-up, then every few minutes).
 */
export async function deleteStaleAuthState(
  db: DatabaseOrTransaction,
  options: {
    now: Date;
    config: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'loginLockoutMinutes'>;
  },
): Promise<{ sessions: number; rateLimitHits: number; signInFailures: number; devices: number }> {
  const { now, config } = options;
  const sessions = await deleteExpiredStaffSessions(db, { now, lifetime: config });
  const rateLimitHits = await deleteOldRateLimitHits(
    db,
    new Date(now.getTime() - 3_600_000),
    new Date(now.getTime() - 25 * 3_600_000),
  );
  const devices = await forgetOldDevices(db, now);
  const forgetBefore = new Date(now.getTime() - config.loginLockoutMinutes * 60_000);
  const failures = await db
    .delete(signInFailures)
    .where(
      and(
        lt(signInFailures.lastFailedAt, forgetBefore),
        or(isNull(signInFailures.lockedUntil), lt(signInFailures.lockedUntil, now)),
      ),
    );
  return { sessions, rateLimitHits, signInFailures: failures.rowCount ?? 0, devices };
}
