import { and, asc, desc, eq, inArray, isNotNull, isNull, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { auditLog, signInFailures, staff, staffInvitations } from '../../../platform/auth/auth-schema.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { pageWindow } from '../../../platform/db/paging.ts';

/** The reads behind the staff accounts pages: the list with its filters, a member, their recent activity. */

export interface StaffFilters {
  q: string;
  role: StaffRole | '';
  unit: string;
  active: 'yes' | 'no' | '';
  locked: 'yes' | 'no' | '';
  twoFactor: 'on' | 'off' | '';
}

export const noStaffFilters: StaffFilters = {
  q: '',
  role: '',
  unit: '',
  active: '',
  locked: '',
  twoFactor: '',
};

export const staffPageSize = 25;

/**
 * The end of the member's sign-in lockout, when one runs at `now`. `sign_in_failures` is keyed by
 * `signInFailureKey(email)` (platform/auth/staff-email.ts): SHA-256 of 'onewindow-sign-in:' and the normalised
 * address, which is how `staff.email` is stored, so the key is computed here in SQL (the list's lockout
 * filter and column; the DB test proves both sides agree).
 */
function lockedUntilOf(now: Date) {
  return sql<Date | null>`(select ${signInFailures.lockedUntil} from ${signInFailures}
    where ${signInFailures.emailHash} = encode(sha256(convert_to('onewindow-sign-in:' || ${staff.email}, 'UTF8')), 'hex')
      and ${signInFailures.lockedUntil} > ${now.toISOString()}::timestamptz)`.mapWith(
    signInFailures.lockedUntil,
  );
}

function likePattern(typed: string): string {
  return `%${typed.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export interface StaffListRow {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  unitCode: string | null;
  isActive: boolean;
  hasTwoFactor: boolean;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
}

/** What the list and the member page read of an account (the lockout aside: `lockedUntilOf`). */
const accountColumns = {
  id: staff.id,
  email: staff.email,
  displayName: staff.displayName,
  role: staff.role,
  unitCode: staff.unitCode,
  isActive: staff.isActive,
  totpEnabledAt: staff.totpEnabledAt,
  lastSignInAt: staff.lastSignInAt,
};

/** One page of the staff list, by name, with the total for numbered pages. */
export async function listStaffForAdmin(
  db: DatabaseOrTransaction,
  options: { filters: StaffFilters; page: number; now: Date; pageSize?: number },
): Promise<{ rows: StaffListRow[]; total: number; page: number; pageSize: number }> {
  const { filters, now } = options;
  const pageSize = options.pageSize ?? staffPageSize;
  const lockedUntil = lockedUntilOf(now);
  const conditions: SQL[] = [];
  if (filters.q !== '') {
    const pattern = likePattern(filters.q.normalize('NFKC'));
    conditions.push(
      or(sql`${staff.displayName} ilike ${pattern}`, sql`${staff.email} ilike ${pattern}`) as SQL,
    );
  }
  if (filters.role !== '') conditions.push(eq(staff.role, filters.role));
  if (filters.unit !== '') conditions.push(eq(staff.unitCode, filters.unit));
  if (filters.active !== '') conditions.push(eq(staff.isActive, filters.active === 'yes'));
  if (filters.locked !== '')
    conditions.push(filters.locked === 'yes' ? sql`${lockedUntil} is not null` : sql`${lockedUntil} is null`);
  if (filters.twoFactor !== '')
    conditions.push(
      filters.twoFactor === 'on' ? isNotNull(staff.totpEnabledAt) : isNull(staff.totpEnabledAt),
    );
  const where = conditions.length === 0 ? undefined : and(...conditions);
  const [counted] = await db.select({ total: sql<number>`count(*)::int` }).from(staff).where(where);
  const total = counted?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(options.page, lastPage);
  const window = pageWindow(page, pageSize);
  const rows = await db
    .select({ ...accountColumns, lockedUntil })
    .from(staff)
    .where(where)
    .orderBy(asc(staff.displayName), asc(staff.email))
    .limit(pageSize)
    .offset(window.offset);
  return {
    rows: rows.map(({ totpEnabledAt, ...row }) => ({ ...row, hasTwoFactor: totpEnabledAt !== null })),
    total,
    page,
    pageSize,
  };
}

export interface PendingInvitation {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  unitCode: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Invitations neither accepted nor withdrawn (expired ones too: they can be sent again), newest first. */
export async function listPendingInvitations(db: DatabaseOrTransaction): Promise<PendingInvitation[]> {
  return db
    .select({
      id: staffInvitations.id,
      email: staffInvitations.email,
      displayName: staffInvitations.displayName,
      role: staffInvitations.role,
      unitCode: staffInvitations.unitCode,
      createdAt: staffInvitations.createdAt,
      expiresAt: staffInvitations.expiresAt,
    })
    .from(staffInvitations)
    .where(and(isNull(staffInvitations.acceptedAt), isNull(staffInvitations.revokedAt)))
    .orderBy(desc(staffInvitations.createdAt))
    .limit(100);
}

export interface MemberDetails extends StaffListRow {
  isEnrolling: boolean;
  twoFactorSince: Date | null;
  createdAt: Date;
}

export async function findMemberForAdmin(
  db: DatabaseOrTransaction,
  staffId: string,
  now: Date,
): Promise<MemberDetails | null> {
  const [row] = await db
    .select({
      ...accountColumns,
      hasSecret: sql<boolean>`${staff.totpSecret} is not null`,
      lockedUntil: lockedUntilOf(now),
      createdAt: staff.createdAt,
    })
    .from(staff)
    .where(eq(staff.id, staffId));
  if (!row) return null;
  const { totpEnabledAt, hasSecret, ...rest } = row;
  return {
    ...rest,
    hasTwoFactor: totpEnabledAt !== null,
    twoFactorSince: totpEnabledAt,
    isEnrolling: totpEnabledAt === null && hasSecret,
  };
}

export interface ActivityRow {
  id: number;
  occurredAt: Date;
  action: string;
  actorLabel: string;
  targetType: string | null;
  ip: string | null;
}

/** The member's own sign-in steps (they are the actor) … */
const ownSignInActions = [
  'staff.sign_in.succeeded',
  'staff.sign_in.password_accepted',
  'staff.sign_in.two_factor_failed',
  'staff.signed_out',
  'staff.invitation_accepted',
];
/** … and the attempts on their address by whoever typed it (anonymous, the account as target). */
const attemptActions = ['staff.sign_in.failed', 'staff.sign_in.locked', 'staff.sign_in.refused_locked'];

/**
 * The member's last sign-ins (successes, failures, lockouts) and last actions, newest first, `limit` each.
 * Actions are found by the actor label (indexed: audit_log_actor_label_idx) and the staff id together.
 */
export async function staffActivity(
  db: DatabaseOrTransaction,
  member: { id: string; email: string },
  limit = 20,
): Promise<{ signIns: ActivityRow[]; actions: ActivityRow[] }> {
  const columns = {
    id: auditLog.id,
    occurredAt: auditLog.occurredAt,
    action: auditLog.action,
    actorLabel: auditLog.actorLabel,
    targetType: auditLog.targetType,
    ip: auditLog.ip,
  };
  const [signIns, actions] = await Promise.all([
    db
      .select(columns)
      .from(auditLog)
      .where(
        or(
          and(eq(auditLog.actorLabel, member.email), inArray(auditLog.action, ownSignInActions)),
          and(
            inArray(auditLog.action, attemptActions),
            eq(auditLog.targetType, 'staff'),
            eq(auditLog.targetId, member.id),
          ),
        ),
      )
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(limit),
    db
      .select(columns)
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorLabel, member.email),
          eq(auditLog.actorStaffId, member.id),
          notInArray(auditLog.action, ownSignInActions),
        ),
      )
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(limit),
  ]);
  return { signIns, actions };
}
