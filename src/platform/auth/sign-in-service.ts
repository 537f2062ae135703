import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Database, DatabaseOrTransaction } from '../db/database.ts';
import { consumeRateLimit, rateLimitHitsSince } from '../http/rate-limit.ts';
import { anonymousActor, type RequestOrigin, recordAudit, staffActor } from './audit-log.ts';
import { signInFailures, staff } from './auth-schema.ts';
import { spendPasswordCheckTime, verifyPassword } from './password.ts';
import type { StaffPrincipal, StaffRole } from './principal.ts';
import { maskEmail, normaliseEmail, signInFailureKey } from './staff-email.ts';
import {
  createStaffSession,
  deleteStaffSession,
  type SessionLifetime,
  type StaffSessionRecord,
} from './staff-sessions.ts';
import { checkTotpCode, newTotpSecret } from './totp.ts';
import { deviceFailureKey, isTrustedDevice } from './trusted-devices.ts';

/**
 * Sign-in as use cases: password step, authenticator step, two-factor enrolment, sign-out. Every outcome,
 * good or bad, is audited. No web objects here: the routes turn outcomes into pages.
 */

export type SignInSettings = SessionLifetime & Pick<Config, 'loginMaxFailures' | 'loginLockoutMinutes'>;

/** Authenticator codes: a handful of tries a minute per account makes guessing 6 digits hopeless. */
const twoFactorAttemptsPerMinute = 5;

export type PasswordStepOutcome =
  | { kind: 'missing-fields'; fields: ('email' | 'password')[] }
  | { kind: 'invalid-credentials' }
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'code-required'; token: string }
  | { kind: 'signed-in'; token: string; principal: StaffPrincipal };

/**
 * Checks e-mail and password. Unknown address, wrong password and inactive account give the same outcome
 * in about the same time, and every address (known or not) is locked the same way after too many
 * failures, so the page never tells whether an account exists. On success the previous session (if any)
 * is replaced by a new one: a session id fixed before sign-in is worth nothing after it.
 *
 * No stranger can lock the rightful person out (issue 13, ADR 0014): the lockout of an address applies only
 * to browsers not trusted for the account. A browser where the person signed in fully before (the
 * `ow_device` cookie, trusted-devices.ts) is checked against its own budget instead — `loginMaxFailures`
 * wrong passwords per `loginLockoutMinutes` — so a copied cookie is no key either. The failure that starts
 * a lockout is answered like every other wrong password; it is audited as `staff.sign_in.locked`, and the
 * notifications module's scan e-mails the account's owner about it.
 *
 * The bound: a stranger gets `loginMaxFailures` (5) password guesses per account each `loginLockoutMinutes`
 * (15): at most 480 a day, against argon2id hashes of passwords checked against the common-password list,
 * and then the authenticator code (a second, separately limited step) for the roles that need one.
 */
export async function signInWithPassword(
  db: Database,
  options: {
    email: string;
    password: string;
    now: Date;
    settings: SignInSettings;
    origin: RequestOrigin;
    previousSessionId: string | null;
    /** The browser's `ow_device` cookie (deviceIdOf), or null. */
    deviceId?: string | null;
  },
): Promise<PasswordStepOutcome> {
  const email = normaliseEmail(options.email);
  const missing: ('email' | 'password')[] = [];
  if (email === '') missing.push('email');
  if (options.password === '') missing.push('password');
  if (missing.length > 0) return { kind: 'missing-fields', fields: missing };

  const [account] = await db
    .select({
      id: staff.id,
      email: staff.email,
      displayName: staff.displayName,
      role: staff.role,
      unitCode: staff.unitCode,
      passwordHash: staff.passwordHash,
      isActive: staff.isActive,
      totpEnabledAt: staff.totpEnabledAt,
    })
    .from(staff)
    .where(eq(sql`lower(${staff.email})`, email));
  const failureKey = signInFailureKey(email);
  const attempt = { emailHash: failureKey, email: maskEmail(email) };
  const deviceId = options.deviceId ?? null;
  // Asked for an unknown address too (of an id no account has), so that the time taken says nothing.
  const trust = await deviceTrust(db, {
    deviceId,
    staffId: account?.id ?? '00000000-0000-0000-0000-000000000000',
    now: options.now,
    settings: options.settings,
  });
  const lockedUntil = trust.isTrusted ? null : await currentLockout(db, failureKey, options.now);
  if (lockedUntil !== null) {
    await recordAudit(db, {
      occurredAt: options.now,
      actor: anonymousActor,
      action: 'staff.sign_in.refused_locked',
      origin: options.origin,
      details: attempt,
    });
    return { kind: 'locked', retryAfterSeconds: secondsBetween(options.now, lockedUntil) };
  }

  let failure: 'unknown_email' | 'wrong_password' | 'inactive' | null = null;
  if (!account) {
    await spendPasswordCheckTime(options.password);
    failure = 'unknown_email';
  } else if (!(await verifyPassword(account.passwordHash, options.password))) {
    failure = 'wrong_password';
  } else if (!account.isActive) {
    failure = 'inactive';
  }

  if (failure !== null || !account) {
    // Every failure and the start of a lockout, about the account (when there is one) and from where.
    const auditAttempt = (action: string, details: Record<string, unknown>) =>
      recordAudit(db, {
        occurredAt: options.now,
        actor: anonymousActor,
        action,
        target: account ? { type: 'staff', id: account.id } : undefined,
        origin: options.origin,
        details: { ...attempt, ...details },
      });
    const reason = failure ?? 'unknown_email';
    if (trust.isTrusted && trust.failureKey !== null) {
      // The person's usual browser: its own budget, and the address's lockout is left alone.
      await consumeRateLimit(db, {
        key: trust.failureKey,
        limit: options.settings.loginMaxFailures,
        windowSeconds: options.settings.loginLockoutMinutes * 60,
        now: options.now,
      });
      await auditAttempt('staff.sign_in.failed', { reason, trustedBrowser: true, lockedUntil: null });
      return { kind: 'invalid-credentials' };
    }
    const lockedNow = await countFailure(db, failureKey, options.now, options.settings);
    await auditAttempt('staff.sign_in.failed', { reason, lockedUntil: lockedNow?.toISOString() ?? null });
    // The lockout starts: recorded for the owner's e-mail (the notifications module's scan sends it), and
    // this attempt is answered like every other wrong password.
    if (lockedNow !== null)
      await auditAttempt('staff.sign_in.locked', { lockedUntil: lockedNow.toISOString() });
    return { kind: 'invalid-credentials' };
  }

  const hasTotp = account.totpEnabledAt !== null;
  return db.transaction(async (tx) => {
    // A stranger's count stays when the person signs in from their usual browser (it would otherwise
    // give the stranger a fresh budget each time).
    if (!trust.isTrusted) await tx.delete(signInFailures).where(eq(signInFailures.emailHash, failureKey));
    if (options.previousSessionId !== null) await deleteStaffSession(tx, options.previousSessionId);
    const { token, session } = await createStaffSession(tx, {
      staffId: account.id,
      isMfaComplete: !hasTotp,
      now: options.now,
      lifetime: options.settings,
      origin: options.origin,
    });
    if (hasTotp) {
      await auditOwnAccount(tx, account, options, {
        action: 'staff.sign_in.password_accepted',
        details: { next: 'authenticator_code' },
      });
      return { kind: 'code-required', token };
    }
    return recordSignIn(tx, { account, token, sessionId: session.id, method: 'password', options });
  });
}

/**
 * Whether the browser is trusted for the account and still within its own budget of wrong passwords (the
 * window's count in rate_limit_hits under `failureKey`).
 */
async function deviceTrust(
  db: DatabaseOrTransaction,
  options: { deviceId: string | null; staffId: string; now: Date; settings: SignInSettings },
): Promise<{ isTrusted: boolean; failureKey: string | null }> {
  const { deviceId, now, settings } = options;
  if (deviceId === null) return { isTrusted: false, failureKey: null };
  const subject = `staff:${options.staffId}` as const;
  if (!(await isTrustedDevice(db, { deviceId, subject, now }))) return { isTrusted: false, failureKey: null };
  const key = deviceFailureKey(deviceId, subject);
  const windowMilliseconds = settings.loginLockoutMinutes * 60_000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMilliseconds) * windowMilliseconds);
  const [window] = await rateLimitHitsSince(db, { key, since: new Date(windowStart.getTime() - 1) });
  return { isTrusted: (window?.count ?? 0) < settings.loginMaxFailures, failureKey: key };
}

async function currentLockout(db: DatabaseOrTransaction, emailHash: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: signInFailures.lockedUntil })
    .from(signInFailures)
    .where(eq(signInFailures.emailHash, emailHash));
  return row?.lockedUntil && row.lockedUntil.getTime() > now.getTime() ? row.lockedUntil : null;
}

/**
 * Adds one failure in a single upsert (concurrent attempts on several processes all count). Failures
 * older than the lockout period, or from before an ended lockout, are forgotten. Returns the end of the
 * lockout when this failure started one.
 */
async function countFailure(
  db: DatabaseOrTransaction,
  emailHash: string,
  now: Date,
  settings: SignInSettings,
): Promise<Date | null> {
  const lockoutMilliseconds = settings.loginLockoutMinutes * 60_000;
  const lockUntil = new Date(now.getTime() + lockoutMilliseconds);
  const forgetBefore = new Date(now.getTime() - lockoutMilliseconds);
  const previousStillCounts = sql`(${signInFailures.lastFailedAt} > ${forgetBefore}::timestamptz and (${signInFailures.lockedUntil} is null or ${signInFailures.lockedUntil} > ${now}::timestamptz))`;
  const newCount = sql`(case when ${previousStillCounts} then ${signInFailures.failureCount} + 1 else 1 end)`;
  const [row] = await db
    .insert(signInFailures)
    .values({
      emailHash,
      failureCount: 1,
      lastFailedAt: now,
      lockedUntil: settings.loginMaxFailures <= 1 ? lockUntil : null,
    })
    .onConflictDoUpdate({
      target: signInFailures.emailHash,
      set: {
        failureCount: newCount,
        lastFailedAt: now,
        lockedUntil: sql`case when ${newCount} >= ${settings.loginMaxFailures}::int then ${lockUntil}::timestamptz else null end`,
      },
    })
    .returning({ lockedUntil: signInFailures.lockedUntil });
  return row?.lockedUntil ?? null;
}

function secondsBetween(from: Date, to: Date): number {
  return Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000));
}

export type CodeStepOutcome =
  | { kind: 'no-pending-sign-in' }
  | { kind: 'missing-code' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'wrong-code' }
  | { kind: 'replayed-code' }
  | { kind: 'signed-in'; token: string; principal: StaffPrincipal };

/**
 * The authenticator step. A right code replaces the half-finished session with a complete one (a new id
 * again); a wrong or already used code is refused and audited.
 */
export async function signInWithCode(
  db: Database,
  options: {
    session: StaffSessionRecord | null;
    code: string;
    now: Date;
    settings: SignInSettings;
    origin: RequestOrigin;
  },
): Promise<CodeStepOutcome> {
  const pending = options.session;
  if (pending === null || pending.isMfaComplete) return { kind: 'no-pending-sign-in' };
  if (options.code.trim() === '') return { kind: 'missing-code' };
  const [account] = await db.select().from(staff).where(eq(staff.id, pending.staffId));
  if (!account || account.totpSecret === null || account.totpEnabledAt === null)
    return { kind: 'no-pending-sign-in' };

  const check = await checkCodeForAccount(db, {
    staffId: account.id,
    secret: account.totpSecret,
    lastTimeStep: account.totpLastTimeStep,
    code: options.code,
    now: options.now,
  });
  if (check.kind !== 'accepted') {
    if (check.kind !== 'rate-limited') {
      await auditOwnAccount(db, account, options, {
        action: 'staff.sign_in.two_factor_failed',
        details: { reason: check.kind === 'replayed-code' ? 'replayed_code' : 'wrong_code' },
      });
    }
    return check;
  }

  return db.transaction(async (tx) => {
    await deleteStaffSession(tx, pending.id);
    const { token, session } = await createStaffSession(tx, {
      staffId: account.id,
      isMfaComplete: true,
      now: options.now,
      lifetime: options.settings,
      origin: options.origin,
    });
    return recordSignIn(tx, {
      account,
      token,
      sessionId: session.id,
      method: 'password_and_authenticator',
      options,
    });
  });
}

/** Audits a step a staff member took on their own account: the actor and the target are the same person. */
function auditOwnAccount(
  db: DatabaseOrTransaction,
  account: { id: string; email: string },
  when: { now: Date; origin: RequestOrigin },
  entry: { action: string; details?: Record<string, unknown> },
): Promise<void> {
  return recordAudit(db, {
    occurredAt: when.now,
    actor: staffActor(account),
    action: entry.action,
    target: { type: 'staff', id: account.id },
    origin: when.origin,
    details: entry.details,
  });
}

/** The end of every successful sign-in: last sign-in time, the audit row, and who is now signed in. */
async function recordSignIn(
  tx: DatabaseOrTransaction,
  input: {
    account: { id: string; email: string; displayName: string; role: StaffRole; unitCode: string | null };
    token: string;
    sessionId: string;
    method: 'password' | 'password_and_authenticator';
    options: { now: Date; origin: RequestOrigin };
  },
) {
  const { account, options } = input;
  await tx.update(staff).set({ lastSignInAt: options.now }).where(eq(staff.id, account.id));
  await auditOwnAccount(tx, account, options, {
    action: 'staff.sign_in.succeeded',
    details: { method: input.method },
  });
  return {
    kind: 'signed-in' as const,
    token: input.token,
    principal: {
      id: account.id,
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      unitCode: account.unitCode,
      sessionId: input.sessionId,
      hasTotp: input.method === 'password_and_authenticator',
    },
  };
}

type CodeCheck =
  | { kind: 'accepted' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'wrong-code' }
  | { kind: 'replayed-code' };

/**
 * Rate limit, then the code, then claims the code's time step in one conditional update, so the same code
 * sent twice at once to two processes still signs in only once.
 */
async function checkCodeForAccount(
  db: DatabaseOrTransaction,
  options: { staffId: string; secret: string; lastTimeStep: number | null; code: string; now: Date },
): Promise<CodeCheck> {
  const limit = await consumeRateLimit(db, {
    key: `two-factor:staff:${options.staffId}`,
    limit: twoFactorAttemptsPerMinute,
    windowSeconds: 60,
    now: options.now,
  });
  if (!limit.allowed) return { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  const result = await checkTotpCode({
    secret: options.secret,
    code: options.code,
    now: options.now,
    lastTimeStep: options.lastTimeStep,
  });
  if (result.outcome === 'wrong') return { kind: 'wrong-code' };
  if (result.outcome === 'replayed') return { kind: 'replayed-code' };
  const claimed = await db
    .update(staff)
    .set({ totpLastTimeStep: result.timeStep })
    .where(
      and(
        eq(staff.id, options.staffId),
        or(isNull(staff.totpLastTimeStep), lt(staff.totpLastTimeStep, result.timeStep)),
      ),
    )
    .returning({ id: staff.id });
  return claimed.length === 1 ? { kind: 'accepted' } : { kind: 'replayed-code' };
}

export type EnrolmentState =
  | { kind: 'enabled'; enabledAt: Date }
  | { kind: 'pending'; secret: string; email: string };

/**
 * The enrolment page's state. A new secret is stored (not yet enabled) the first time, and shown again on
 * every reload until confirmed, so a QR code scanned a minute ago stays valid.
 */
export async function startTwoFactorEnrolment(
  db: DatabaseOrTransaction,
  options: { staffId: string },
): Promise<EnrolmentState> {
  const [account] = await db
    .select({ email: staff.email, totpSecret: staff.totpSecret, totpEnabledAt: staff.totpEnabledAt })
    .from(staff)
    .where(eq(staff.id, options.staffId));
  if (!account) throw new Error('startTwoFactorEnrolment: no such staff member');
  if (account.totpEnabledAt !== null) return { kind: 'enabled', enabledAt: account.totpEnabledAt };
  if (account.totpSecret !== null)
    return { kind: 'pending', secret: account.totpSecret, email: account.email };
  const secret = newTotpSecret();
  // Two tabs opening the page at once keep the first secret written.
  const [stored] = await db
    .update(staff)
    .set({ totpSecret: secret })
    .where(and(eq(staff.id, options.staffId), isNull(staff.totpSecret)))
    .returning({ totpSecret: staff.totpSecret });
  if (stored?.totpSecret) return { kind: 'pending', secret: stored.totpSecret, email: account.email };
  return startTwoFactorEnrolment(db, options);
}

export type EnrolmentOutcome =
  | { kind: 'enabled' }
  | { kind: 'already-enabled' }
  | { kind: 'missing-code' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'wrong-code' }
  | { kind: 'replayed-code' };

/** Turns two-factor on once the person proves their app produces the right codes. */
export async function confirmTwoFactorEnrolment(
  db: Database,
  options: { staff: Pick<StaffPrincipal, 'id' | 'email'>; code: string; now: Date; origin: RequestOrigin },
): Promise<EnrolmentOutcome> {
  const [account] = await db.select().from(staff).where(eq(staff.id, options.staff.id));
  if (!account) throw new Error('confirmTwoFactorEnrolment: no such staff member');
  if (account.totpEnabledAt !== null) return { kind: 'already-enabled' };
  if (options.code.trim() === '') return { kind: 'missing-code' };
  if (account.totpSecret === null) return { kind: 'wrong-code' };
  const check = await checkCodeForAccount(db, {
    staffId: account.id,
    secret: account.totpSecret,
    lastTimeStep: account.totpLastTimeStep,
    code: options.code,
    now: options.now,
  });
  if (check.kind !== 'accepted') return check;
  await db.transaction(async (tx) => {
    await tx
      .update(staff)
      .set({ totpEnabledAt: options.now, updatedAt: options.now })
      .where(eq(staff.id, account.id));
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: staffActor(options.staff),
      action: 'staff.two_factor.enabled',
      target: { type: 'staff', id: account.id },
      origin: options.origin,
    });
  });
  return { kind: 'enabled' };
}

/**
 * Ends the session on the server (the old cookie is worthless afterwards) and records it. Works for a
 * half-finished sign-in too, whose person is not "signed in" yet.
 */
export async function signOut(
  db: Database,
  options: { session: StaffSessionRecord; now: Date; origin: RequestOrigin },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: staff.id, email: staff.email })
      .from(staff)
      .where(eq(staff.id, options.session.staffId));
    await deleteStaffSession(tx, options.session.id);
    if (!account) return;
    await auditOwnAccount(tx, account, options, { action: 'staff.signed_out' });
  });
}
