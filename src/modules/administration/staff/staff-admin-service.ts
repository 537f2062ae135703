import { and, eq, isNull, sql } from 'drizzle-orm';
import type { StaffActorContext } from '../../../platform/auth/actor-context.ts';
import {
  type RequestOrigin,
  recordAudit,
  recordStaffAudit,
  staffActor,
} from '../../../platform/auth/audit-log.ts';
import { roleName, staffProblemText } from '../../../platform/auth/auth-messages.ts';
import { signInFailures, staff, staffInvitations } from '../../../platform/auth/auth-schema.ts';
import { hashPassword, passwordProblems } from '../../../platform/auth/password.ts';
import { roleNeedsUnit, type StaffRole } from '../../../platform/auth/principal.ts';
import {
  isEmailFormatValid,
  maskEmail,
  normaliseEmail,
  signInFailureKey,
} from '../../../platform/auth/staff-email.ts';
import { findUnitName, resetStaffTwoFactor } from '../../../platform/auth/staff-service.ts';
import {
  createStaffSession,
  deleteSessionsOfStaff,
  deleteStaffSession,
  type SessionLifetime,
} from '../../../platform/auth/staff-sessions.ts';
import type { Database, DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { queueNotification } from '../../notifications/index.ts';
import { staffAdminText as text, unitNameIn } from './staff-admin-messages.ts';
import { staffAdminPaths } from './staff-admin-paths.ts';
import {
  adminRuleRefusal,
  type InvitationState,
  invitationExpiryOf,
  invitationLifetimeHours,
  invitationStateOf,
  invitationTokenHash,
  newInvitationToken,
  refusalOf,
} from './staff-admin-rules.ts';
import { staffAdminTopics } from './templates/index.ts';

/**
 * Staff accounts administered from the staff pages (issue 17 §1): invitations (a one-time link, no password
 * ever shown or sent), role and unit, deactivation, two-factor reset and lockout release. Each use case is one
 * transaction with its audit row (`details: { before, after }`; e-mail addresses of others masked, never a
 * password or a token). The rules that keep someone able to administer are `adminRuleRefusal`'s, checked
 * under one advisory lock so that two admins demoting each other at once cannot both succeed.
 */

/** Serialises the changes that could leave no active administrator. */
const adminRuleLock = 4242017;

/** What a page hands a use case: who acts, when, from where, in which language. */
type Acting = Pick<StaffActorContext, 'staff' | 'auditActor' | 'origin' | 'now' | 'lang'>;

/** What sending an invitation needs beyond the database: the queue and the site's address for the link. */
export interface InvitationMail {
  jobs: Jobs;
  publicBaseUrl: string;
}

function invalid(lang: Lang, problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
}

function conflict(lang: Lang, key: Parameters<typeof text>[1]): DomainError {
  return new DomainError('CONFLICT', text(lang, key));
}

const refusalKeys = {
  last_admin: 'lastAdmin',
  own_admin_role: 'ownAdminRole',
  own_account: 'ownAccount',
} as const;

async function unitProblems(
  db: DatabaseOrTransaction,
  lang: Lang,
  role: StaffRole,
  unitCode: string | null,
): Promise<FieldProblem[]> {
  if (unitCode === null)
    return roleNeedsUnit(role)
      ? [{ field: 'unitCode', code: 'required_for_role', message: text(lang, 'unitRequired') }]
      : [];
  return (await findUnitName(db, unitCode)) === null
    ? [{ field: 'unitCode', code: 'unknown_unit', message: text(lang, 'unitUnknown') }]
    : [];
}

async function staffIdByEmail(db: DatabaseOrTransaction, email: string): Promise<string | null> {
  const [row] = await db
    .select({ id: staff.id })
    .from(staff)
    .where(eq(sql`lower(${staff.email})`, email));
  return row?.id ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

// ───────────────────────────── invitations ─────────────────────────────

export interface InviteStaffInput {
  email: string;
  displayName: string;
  role: StaffRole;
  /** '' or null: no unit. */
  unitCode: string | null;
}

/**
 * Invites a colleague: checks everything at once (address, an existing account, the unit the role needs),
 * replaces a pending invitation to the same address (its link stops working), stores the new one (only the
 * token's hash) and queues the e-mail with the link, all in one transaction.
 */
export async function inviteStaff(
  db: Database,
  options: { invitation: InviteStaffInput; acting: Acting; mail: InvitationMail },
): Promise<{ invitationId: string; expiresAt: Date }> {
  const { acting } = options;
  const lang = acting.lang;
  const email = normaliseEmail(options.invitation.email);
  const displayName = options.invitation.displayName.trim();
  const role = options.invitation.role;
  const unitCode = options.invitation.unitCode?.trim() || null;
  const problems: FieldProblem[] = [];
  if (!isEmailFormatValid(email))
    problems.push({
      field: 'email',
      code: 'invalid_format',
      message: staffProblemText(lang, 'email.invalid_format'),
    });
  else if ((await staffIdByEmail(db, email)) !== null)
    problems.push({ field: 'email', code: 'duplicate', message: staffProblemText(lang, 'email.duplicate') });
  problems.push(...(await unitProblems(db, lang, role, unitCode)));
  if (problems.length > 0) throw invalid(lang, problems);
  try {
    return await db.transaction(async (tx) => {
      const [pending] = await tx
        .update(staffInvitations)
        .set({ revokedAt: acting.now })
        .where(
          and(
            eq(sql`lower(${staffInvitations.email})`, email),
            isNull(staffInvitations.acceptedAt),
            isNull(staffInvitations.revokedAt),
          ),
        )
        .returning({ id: staffInvitations.id });
      if (pending) await auditInvitationRevoked(tx, acting, pending.id, 'replaced');
      const created = await createInvitation(tx, {
        invitation: { email, displayName, role, unitCode },
        acting,
        mail: options.mail,
      });
      await recordStaffAudit(tx, acting, {
        action: 'staff.invited',
        target: { type: 'staff_invitation', id: created.invitationId },
        details: {
          before: null,
          after: {
            email: maskEmail(email),
            role,
            unitCode,
            expiresAt: created.expiresAt.toISOString(),
          },
        },
      });
      return created;
    });
  } catch (error) {
    // The same address invited twice at once: the pending-invitation index decides.
    if (isUniqueViolation(error))
      throw invalid(lang, [
        { field: 'email', code: 'duplicate', message: text(lang, 'invitationNotPending') },
      ]);
    throw error;
  }
}

/** The invitation row and its e-mail (in the acting admin's language), inside the caller's transaction. */
async function createInvitation(
  tx: DatabaseOrTransaction,
  options: {
    invitation: { email: string; displayName: string; role: StaffRole; unitCode: string | null };
    acting: Acting;
    mail: InvitationMail;
  },
): Promise<{ invitationId: string; expiresAt: Date }> {
  const { invitation, acting } = options;
  const lang = acting.lang;
  const token = newInvitationToken();
  const expiresAt = invitationExpiryOf(acting.now);
  const [row] = await tx
    .insert(staffInvitations)
    .values({
      tokenHash: invitationTokenHash(token) as string,
      email: invitation.email,
      displayName: invitation.displayName,
      role: invitation.role,
      unitCode: invitation.unitCode,
      invitedBy: acting.staff.id,
      createdAt: acting.now,
      expiresAt,
    })
    .returning({ id: staffInvitations.id });
  if (!row) throw new Error('createInvitation: the insert returned no row');
  const unit = invitation.unitCode === null ? null : await findUnitName(tx, invitation.unitCode);
  const base = options.mail.publicBaseUrl.replace(/\/+$/, '');
  await queueNotification(tx, {
    jobs: options.mail.jobs,
    subject: { type: 'staff_invitation', id: row.id },
    topic: staffAdminTopics.invitation,
    channel: 'email',
    recipient: invitation.email,
    lang,
    data: {
      displayName: invitation.displayName,
      roleName: roleName(lang, invitation.role),
      unitName: unitNameIn(lang, unit),
      invitationUrl: `${base}${localePath(lang, staffAdminPaths.invitation(token))}`,
      expiresAt: formatPageDateTime(lang, expiresAt),
      hours: invitationLifetimeHours,
    },
    dedupeKey: `administration.staff_invitation:${row.id}:email`,
  });
  return { invitationId: row.id, expiresAt };
}

/** The audit row of a pending invitation whose link stopped working: replaced by a new one, or withdrawn. */
async function auditInvitationRevoked(
  tx: DatabaseOrTransaction,
  acting: Acting,
  invitationId: string,
  reason: 'replaced' | 'withdrawn',
): Promise<void> {
  await recordStaffAudit(tx, acting, {
    action: 'staff.invitation_revoked',
    target: { type: 'staff_invitation', id: invitationId },
    details: { reason, before: { state: 'pending' }, after: { state: 'revoked' } },
  });
}

/** Locks a pending invitation (accepted and revoked ones are not pending; an expired one still is). */
async function lockPendingInvitation(tx: DatabaseOrTransaction, invitationId: string, lang: Lang) {
  const [row] = await tx
    .select()
    .from(staffInvitations)
    .where(eq(staffInvitations.id, invitationId))
    .for('update');
  if (!row) throw new DomainError('NOT_FOUND', text(lang, 'invitationNotFound'));
  if (row.acceptedAt !== null || row.revokedAt !== null) throw conflict(lang, 'invitationNotPending');
  return row;
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(
  db: Database,
  options: { invitationId: string; acting: Acting },
): Promise<void> {
  const { acting } = options;
  await db.transaction(async (tx) => {
    const row = await lockPendingInvitation(tx, options.invitationId, acting.lang);
    await tx.update(staffInvitations).set({ revokedAt: acting.now }).where(eq(staffInvitations.id, row.id));
    await auditInvitationRevoked(tx, acting, row.id, 'withdrawn');
  });
}

/**
 * Sends a pending (or expired) invitation again: the old link is withdrawn and a new one, valid for the full
 * period, is e-mailed (only hashes are kept, so the old link cannot be sent again).
 */
export async function resendInvitation(
  db: Database,
  options: { invitationId: string; acting: Acting; mail: InvitationMail },
): Promise<{ invitationId: string; expiresAt: Date }> {
  const { acting } = options;
  return db.transaction(async (tx) => {
    const row = await lockPendingInvitation(tx, options.invitationId, acting.lang);
    if ((await staffIdByEmail(tx, row.email)) !== null) throw conflict(acting.lang, 'emailTaken');
    await tx.update(staffInvitations).set({ revokedAt: acting.now }).where(eq(staffInvitations.id, row.id));
    const created = await createInvitation(tx, {
      invitation: { email: row.email, displayName: row.displayName, role: row.role, unitCode: row.unitCode },
      acting,
      mail: options.mail,
    });
    await recordStaffAudit(tx, acting, {
      action: 'staff.invitation_resent',
      target: { type: 'staff_invitation', id: created.invitationId },
      details: {
        email: maskEmail(row.email),
        before: { invitationId: row.id, expiresAt: row.expiresAt.toISOString() },
        after: { invitationId: created.invitationId, expiresAt: created.expiresAt.toISOString() },
      },
    });
    return created;
  });
}

export interface InvitationView {
  state: InvitationState;
  invitation: {
    email: string;
    displayName: string;
    role: StaffRole;
    unitCode: string | null;
    expiresAt: Date;
  } | null;
}

/** The invitation a link names (none for a malformed or unknown token) and what it is worth at `now`. */
async function invitationOfToken(db: DatabaseOrTransaction, token: string, now: Date) {
  const tokenHash = invitationTokenHash(token);
  if (tokenHash === null) return { state: 'unknown' as const, row: null };
  const [row] = await db.select().from(staffInvitations).where(eq(staffInvitations.tokenHash, tokenHash));
  return { state: invitationStateOf(row ?? null, now), row: row ?? null };
}

/** What a link is worth at `now`, without using it (the page with the password form). Writes nothing. */
export async function findInvitationByToken(
  db: DatabaseOrTransaction,
  token: string,
  now: Date,
): Promise<InvitationView> {
  const { state, row } = await invitationOfToken(db, token, now);
  return {
    state,
    invitation:
      row && state === 'usable'
        ? {
            email: row.email,
            displayName: row.displayName,
            role: row.role,
            unitCode: row.unitCode,
            expiresAt: row.expiresAt,
          }
        : null,
  };
}

export type AcceptOutcome =
  | { kind: 'refused'; state: Exclude<InvitationState, 'usable'> }
  | { kind: 'accepted'; staffId: string; role: StaffRole; sessionToken: string };

/**
 * The invited person sets their password (the platform's policy, both entries the same; every problem at
 * once). In one transaction: the `staff` row with the invitation's name, role and unit, the invitation marked
 * accepted (so the link never works again), and a new session (any session the browser had is ended). The
 * route then sends the person to set up two-factor. A link that cannot be used writes nothing.
 */
export async function acceptInvitation(
  db: Database,
  options: {
    token: string;
    password: string;
    passwordAgain: string;
    now: Date;
    lang: Lang;
    origin: RequestOrigin;
    lifetime: SessionLifetime;
    previousSessionId: string | null;
  },
): Promise<AcceptOutcome> {
  const { now, lang } = options;
  const { state, row: found } = await invitationOfToken(db, options.token, now);
  if (state !== 'usable' || !found) return { kind: 'refused', state: refusalOf(state) };

  const problems: FieldProblem[] = passwordProblems(options.password, found.email).map((code) => ({
    field: 'password',
    code,
    message: staffProblemText(lang, `password.${code}`),
  }));
  if (options.passwordAgain !== options.password)
    problems.push({ field: 'passwordAgain', code: 'different', message: text(lang, 'passwordsDiffer') });
  if (problems.length > 0) throw invalid(lang, problems);
  const passwordHash = await hashPassword(options.password);

  return db.transaction(async (tx): Promise<AcceptOutcome> => {
    const [invitation] = await tx
      .select()
      .from(staffInvitations)
      .where(eq(staffInvitations.id, found.id))
      .for('update');
    const lockedState = invitationStateOf(invitation ?? null, now);
    if (lockedState !== 'usable' || !invitation) return { kind: 'refused', state: refusalOf(lockedState) };
    if ((await staffIdByEmail(tx, invitation.email)) !== null) throw conflict(lang, 'acceptTaken');
    const [created] = await tx
      .insert(staff)
      .values({
        email: invitation.email,
        displayName: invitation.displayName,
        passwordHash,
        role: invitation.role,
        unitCode: invitation.unitCode,
        lastSignInAt: now,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: staff.id, email: staff.email });
    if (!created) throw new Error('acceptInvitation: the insert returned no row');
    await tx
      .update(staffInvitations)
      .set({ acceptedAt: now, acceptedStaffId: created.id })
      .where(eq(staffInvitations.id, invitation.id));
    if (options.previousSessionId !== null) await deleteStaffSession(tx, options.previousSessionId);
    // No authenticator yet: the session is complete as a password sign-in's is; requireStaff sends an admin
    // to enrol before anything else, and the route offers enrolment to everyone else.
    const { token } = await createStaffSession(tx, {
      staffId: created.id,
      isMfaComplete: true,
      now,
      lifetime: options.lifetime,
      origin: options.origin,
    });
    await recordAudit(tx, {
      occurredAt: now,
      actor: staffActor(created),
      action: 'staff.invitation_accepted',
      target: { type: 'staff', id: created.id },
      origin: options.origin,
      details: {
        invitationId: invitation.id,
        before: null,
        after: { role: invitation.role, unitCode: invitation.unitCode, isActive: true },
      },
    });
    return { kind: 'accepted', staffId: created.id, role: invitation.role, sessionToken: token };
  });
}

// ───────────────────────────── members ─────────────────────────────

async function lockMember(tx: DatabaseOrTransaction, staffId: string, lang: Lang) {
  await tx.execute(sql`select pg_advisory_xact_lock(${adminRuleLock})`);
  const [member] = await tx.select().from(staff).where(eq(staff.id, staffId)).for('update');
  if (!member) throw new DomainError('NOT_FOUND', text(lang, 'staffNotFound'));
  const [admins] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(staff)
    .where(and(eq(staff.role, 'admin'), eq(staff.isActive, true), sql`${staff.id} <> ${staffId}`));
  return { member, otherActiveAdmins: admins?.count ?? 0 };
}

function refuseByAdminRule(
  acting: Acting,
  member: { id: string; role: StaffRole; isActive: boolean },
  next: { role: StaffRole; isActive: boolean },
  otherActiveAdmins: number,
): void {
  const refusal = adminRuleRefusal({ actorId: acting.staff.id, member, next, otherActiveAdmins });
  if (refusal !== null) throw conflict(acting.lang, refusalKeys[refusal]);
}

/**
 * A member's new role and unit (the unit a unit's role needs, a known one). Refused (CONFLICT): removing
 * one's own admin role, or the last active admin's. The change applies at the member's next request (the
 * session reads the role each time). Nothing changed: nothing written.
 */
export async function changeStaffRoleAndUnit(
  db: Database,
  options: { staffId: string; role: StaffRole; unitCode: string | null; acting: Acting },
): Promise<{ changed: boolean }> {
  const { acting, role } = options;
  const unitCode = options.unitCode?.trim() || null;
  const problems = await unitProblems(db, acting.lang, role, unitCode);
  if (problems.length > 0) throw invalid(acting.lang, problems);
  return db.transaction(async (tx) => {
    const { member, otherActiveAdmins } = await lockMember(tx, options.staffId, acting.lang);
    refuseByAdminRule(acting, member, { role, isActive: member.isActive }, otherActiveAdmins);
    if (member.role === role && member.unitCode === unitCode) return { changed: false };
    await tx.update(staff).set({ role, unitCode, updatedAt: acting.now }).where(eq(staff.id, member.id));
    await recordStaffAudit(tx, acting, {
      action: 'staff.role_changed',
      target: { type: 'staff', id: member.id },
      details: {
        before: { role: member.role, unitCode: member.unitCode },
        after: { role, unitCode },
      },
    });
    return { changed: true };
  });
}

/**
 * Deactivates a member: they cannot sign in, and every session of theirs ends in the same transaction (the
 * next request of an open browser goes to the sign-in page). Refused for oneself and the last active admin.
 */
export async function deactivateStaff(
  db: Database,
  options: { staffId: string; acting: Acting },
): Promise<void> {
  await setStaffActive(db, { ...options, isActive: false });
}

/** Reactivates a member: they sign in with their existing password (and authenticator). */
export async function reactivateStaff(
  db: Database,
  options: { staffId: string; acting: Acting },
): Promise<void> {
  await setStaffActive(db, { ...options, isActive: true });
}

async function setStaffActive(
  db: Database,
  options: { staffId: string; acting: Acting; isActive: boolean },
): Promise<void> {
  const { acting, isActive } = options;
  await db.transaction(async (tx) => {
    const { member, otherActiveAdmins } = await lockMember(tx, options.staffId, acting.lang);
    if (member.isActive === isActive)
      throw conflict(acting.lang, isActive ? 'alreadyActive' : 'alreadyInactive');
    refuseByAdminRule(acting, member, { role: member.role, isActive }, otherActiveAdmins);
    await tx.update(staff).set({ isActive, updatedAt: acting.now }).where(eq(staff.id, member.id));
    if (!isActive) await deleteSessionsOfStaff(tx, member.id);
    await recordStaffAudit(tx, acting, {
      action: isActive ? 'staff.reactivated' : 'staff.deactivated',
      target: { type: 'staff', id: member.id },
      details: { before: { isActive: member.isActive }, after: { isActive } },
    });
  });
}

/**
 * Forgets a member's authenticator (a lost phone) through the same use case as `staff:reset-2fa`: they
 * enrol again at their next sign-in and every session ends. Not one's own from here (the page would sign the
 * admin out mid-way): another admin does it.
 */
export async function resetMemberTwoFactor(
  db: Database,
  options: { staffId: string; acting: Acting },
): Promise<void> {
  const { acting } = options;
  if (options.staffId === acting.staff.id) throw conflict(acting.lang, 'ownAccount');
  const [member] = await db.select({ email: staff.email }).from(staff).where(eq(staff.id, options.staffId));
  if (!member) throw new DomainError('NOT_FOUND', text(acting.lang, 'staffNotFound'));
  await resetStaffTwoFactor(db, {
    email: member.email,
    actor: acting.auditActor,
    now: acting.now,
    origin: acting.origin,
    lang: acting.lang,
  });
}

/**
 * Ends a member's sign-in lockout early (the counter of failures for their address is removed). CONFLICT
 * when the address is not locked now.
 */
export async function releaseStaffLockout(
  db: Database,
  options: { staffId: string; acting: Acting },
): Promise<void> {
  const { acting } = options;
  await db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: staff.id, email: staff.email })
      .from(staff)
      .where(eq(staff.id, options.staffId));
    if (!member) throw new DomainError('NOT_FOUND', text(acting.lang, 'staffNotFound'));
    const [released] = await tx
      .delete(signInFailures)
      .where(
        and(
          eq(signInFailures.emailHash, signInFailureKey(member.email)),
          sql`${signInFailures.lockedUntil} > ${acting.now.toISOString()}::timestamptz`,
        ),
      )
      .returning({ lockedUntil: signInFailures.lockedUntil, failureCount: signInFailures.failureCount });
    if (!released) throw conflict(acting.lang, 'notLockedNow');
    await recordStaffAudit(tx, acting, {
      action: 'staff.lockout_released',
      target: { type: 'staff', id: member.id },
      details: {
        before: {
          lockedUntil: released.lockedUntil?.toISOString() ?? null,
          failureCount: released.failureCount,
        },
        after: { lockedUntil: null, failureCount: 0 },
      },
    });
  });
}
