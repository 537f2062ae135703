import { createHash, randomBytes } from 'node:crypto';
import { eq, lte, or, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { preparedPerHandle } from '../db/prepared-sql.ts';
import type { RequestOrigin } from './audit-log.ts';
import { staff, staffSessions } from './auth-schema.ts';
import type { StaffPrincipal } from './principal.ts';

/**
 * Staff sessions live in PostgreSQL (ADR 0004): any app process can check or end any session. The
 * browser holds a random token; the table holds only its SHA-256, so a copy of the table signs nobody in.
 */

export type SessionLifetime = Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>;

/** A session half-way through sign-in (password accepted, code not yet given) lasts this long at most. */
const pendingSessionMinutes = 10;
/** last_seen_at is rewritten at most this often: a write per request would be the cost of sessions. */
const lastSeenWriteIntervalMilliseconds = 60_000;

export interface StaffSessionRecord {
  id: string;
  staffId: string;
  csrfToken: string;
  isMfaComplete: boolean;
  expiresAt: Date;
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newRandomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The session row id of a cookie token; null for anything that is not one of our tokens. */
export function sessionIdFromToken(token: string | undefined): string | null {
  if (token === undefined || !tokenPattern.test(token)) return null;
  return createHash('sha256').update(token).digest('hex');
}

export async function createStaffSession(
  db: DatabaseOrTransaction,
  options: {
    staffId: string;
    isMfaComplete: boolean;
    now: Date;
    lifetime: SessionLifetime;
    origin: RequestOrigin;
  },
): Promise<{ token: string; session: StaffSessionRecord }> {
  const token = newRandomToken();
  const id = sessionIdFromToken(token) as string;
  const absoluteEnd = options.now.getTime() + options.lifetime.sessionAbsoluteHours * 3_600_000;
  const end = options.isMfaComplete
    ? absoluteEnd
    : Math.min(absoluteEnd, options.now.getTime() + pendingSessionMinutes * 60_000);
  const session: StaffSessionRecord = {
    id,
    staffId: options.staffId,
    csrfToken: newRandomToken(),
    isMfaComplete: options.isMfaComplete,
    expiresAt: new Date(end),
  };
  await db.insert(staffSessions).values({
    ...session,
    createdAt: options.now,
    lastSeenAt: options.now,
    ip: options.origin.ip,
    userAgent: options.origin.userAgent?.slice(0, 512) ?? null,
  });
  return { token, session };
}

export type SessionLookup =
  | { kind: 'active'; session: StaffSessionRecord; principal: StaffPrincipal }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/** findStaffSession's statement: every staff request runs it, so it is built once (prepared-sql.ts). */
const sessionQuery = preparedPerHandle((db) =>
  db
    .select({
      id: staffSessions.id,
      staffId: staffSessions.staffId,
      csrfToken: staffSessions.csrfToken,
      isMfaComplete: staffSessions.isMfaComplete,
      expiresAt: staffSessions.expiresAt,
      lastSeenAt: staffSessions.lastSeenAt,
      email: staff.email,
      displayName: staff.displayName,
      role: staff.role,
      unitCode: staff.unitCode,
      totpEnabledAt: staff.totpEnabledAt,
      isActive: staff.isActive,
    })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(eq(staffSessions.id, sql.placeholder('id')))
    .prepare('auth_staff_session'),
);

/**
 * The session behind a cookie token at `now`. An expired session (idle or past its absolute end) is
 * deleted and reported as such, so the sign-in page can say why; a deactivated account's sessions end.
 */
export async function findStaffSession(
  db: DatabaseOrTransaction,
  options: { token: string | undefined; now: Date; lifetime: SessionLifetime },
): Promise<SessionLookup> {
  const id = sessionIdFromToken(options.token);
  if (id === null) return { kind: 'unknown' };
  const [row] = await sessionQuery(db).execute({ id });
  if (!row) return { kind: 'unknown' };
  const now = options.now.getTime();
  if (!row.isActive) {
    await deleteStaffSession(db, id);
    return { kind: 'unknown' };
  }
  const idleLimit = options.lifetime.sessionIdleMinutes * 60_000;
  if (now >= row.expiresAt.getTime() || now - row.lastSeenAt.getTime() > idleLimit) {
    await deleteStaffSession(db, id);
    return { kind: 'expired' };
  }
  if (now - row.lastSeenAt.getTime() >= lastSeenWriteIntervalMilliseconds) {
    await db.update(staffSessions).set({ lastSeenAt: options.now }).where(eq(staffSessions.id, id));
  }
  return {
    kind: 'active',
    session: {
      id: row.id,
      staffId: row.staffId,
      csrfToken: row.csrfToken,
      isMfaComplete: row.isMfaComplete,
      expiresAt: row.expiresAt,
    },
    principal: {
      id: row.staffId,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      unitCode: row.unitCode,
      sessionId: row.id,
      hasTotp: row.totpEnabledAt !== null,
    },
  };
}

export async function deleteStaffSession(db: DatabaseOrTransaction, sessionId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, sessionId));
}

/** Ends every session of a person: after a password or two-factor reset nobody keeps an old session. */
export async function deleteSessionsOfStaff(db: DatabaseOrTransaction, staffId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.staffId, staffId));
}

/** Removes sessions that can no longer be used (housekeeping; expiry is enforced on every read anyway). */
export async function deleteExpiredStaffSessions(
  db: DatabaseOrTransaction,
  options: { now: Date; lifetime: SessionLifetime },
): Promise<number> {
  const idleSince = new Date(options.now.getTime() - options.lifetime.sessionIdleMinutes * 60_000);
  const result = await db
    .delete(staffSessions)
    .where(or(lte(staffSessions.expiresAt, options.now), lte(staffSessions.lastSeenAt, idleSince)));
  return result.rowCount ?? 0;
}
