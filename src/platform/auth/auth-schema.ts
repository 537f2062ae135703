import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz } from '../db/columns.ts';
import { units } from '../reference/reference-schema.ts';
import { type StaffRole, staffRoles, unitRoles } from './principal.ts';

/**
 * Staff accounts, their sessions, sign-in failures, rate-limit counters and the audit log. ADR 0004
 * explains why sessions and counters live in PostgreSQL: every app process sees the same state.
 */

/** `'admin', 'secretariat', …` for the CHECK: the role list in principal.ts is the only source. */
const roleList = sql.raw(staffRoles.map((role) => `'${role}'`).join(', '));
const unitRoleList = sql.raw(unitRoles.map((role) => `'${role}'`).join(', '));

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored normalised (trimmed, NFKC, lower case); the unique index on lower() guards it anyway. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id, PHC string format (parameters and salt inside). */
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    unitCode: text('unit_code').references(() => units.code),
    /**
     * Base32 TOTP secret. Set but not enabled (totp_enabled_at null) while the person is enrolling, so
     * the QR code stays the same when the enrolment page is reloaded.
     */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamptz('totp_enabled_at'),
    /** The RFC 6238 time step of the last accepted code: a code from that step or earlier is a replay. */
    totpLastTimeStep: bigint('totp_last_time_step', { mode: 'number' }),
    isActive: boolean('is_active').notNull().default(true),
    lastSignInAt: timestamptz('last_sign_in_at'),
    passwordChangedAt: timestamptz('password_changed_at').notNull().defaultNow(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('staff_email_lower_unique').on(sql`lower(${table.email})`),
    index('staff_unit_code_idx').on(table.unitCode),
    check('staff_role_known', sql`${table.role} in (${roleList})`),
    // Supervisors and handlers work a unit's queue; without a unit they would see nothing.
    check(
      'staff_unit_for_unit_roles',
      sql`${table.role} not in (${unitRoleList}) or ${table.unitCode} is not null`,
    ),
  ],
);

export const staffSessions = pgTable(
  'staff_sessions',
  {
    /** SHA-256 (hex) of the cookie token: a database leak gives no usable cookie. */
    id: text('id').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull(),
    /** Written at most once a minute (spares a write per request); the idle timeout counts from it. */
    lastSeenAt: timestamptz('last_seen_at').notNull(),
    /** Absolute end, whatever the activity. */
    expiresAt: timestamptz('expires_at').notNull(),
    /** False between the password and the authenticator code: such a session signs nobody in. */
    isMfaComplete: boolean('is_mfa_complete').notNull(),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [
    index('staff_sessions_staff_id_idx').on(table.staffId),
    index('staff_sessions_expires_at_idx').on(table.expiresAt),
  ],
);

/**
 * Invitations to join as staff (issue 17): an admin names the address, role and unit; the person sets their
 * own password through a one-time link (only the SHA-256 of its token is kept) before `expires_at`. Accepting
 * creates the `staff` row and fills `accepted_staff_id`; a new invitation to the same address revokes the
 * pending one. No password is ever shown or sent.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 (hex) of the link's token. */
    tokenHash: text('token_hash').notNull(),
    /** Normalised as `staff.email` is. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    unitCode: text('unit_code').references(() => units.code),
    invitedBy: uuid('invited_by').references(() => staff.id),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    acceptedStaffId: uuid('accepted_staff_id').references(() => staff.id),
    revokedAt: timestamptz('revoked_at'),
  },
  (table) => [
    uniqueIndex('staff_invitations_token_hash_unique').on(table.tokenHash),
    // One pending invitation per address.
    uniqueIndex('staff_invitations_pending_email_unique')
      .on(sql`lower(${table.email})`)
      .where(sql`${table.acceptedAt} is null and ${table.revokedAt} is null`),
    check('staff_invitations_role_known', sql`${table.role} in (${roleList})`),
    check(
      'staff_invitations_unit_for_unit_roles',
      sql`${table.role} not in (${unitRoleList}) or ${table.unitCode} is not null`,
    ),
  ],
);

/**
 * Failed sign-ins per e-mail address, keyed by a hash of the normalised address, whether or not an
 * account has it: an unknown address locks exactly like a known one, so lockout reveals nothing.
 */
export const signInFailures = pgTable('sign_in_failures', {
  emailHash: text('email_hash').primaryKey(),
  failureCount: integer('failure_count').notNull(),
  lastFailedAt: timestamptz('last_failed_at').notNull(),
  lockedUntil: timestamptz('locked_until'),
});

/**
 * Browsers that proved who holds them (ADR 0014): a staff member who signed in fully (password and second
 * factor), an applicant who opened their case with its number and code. The browser keeps a random id in the
 * `ow_device` cookie; only its SHA-256 is stored. A lockout that strangers can cause (too many wrong
 * passwords for an e-mail, too many wrong codes for a case number) does not apply to a browser trusted for
 * that account or case, so the rightful person is never locked out by someone else.
 * `subject`: `staff:<staff id>` or `case:<case id>`.
 */
export const trustedDevices = pgTable(
  'trusted_devices',
  {
    deviceHash: text('device_hash').notNull(),
    subject: text('subject').notNull(),
    grantedAt: timestamptz('granted_at').notNull(),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.deviceHash, table.subject] }),
    index('trusted_devices_last_seen_at_idx').on(table.lastSeenAt),
  ],
);

/** Fixed-window counters (one row per key and window), shared by every app process. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').notNull(),
    windowStart: timestamptz('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.key, table.windowStart] }),
    index('rate_limit_hits_window_start_idx').on(table.windowStart),
  ],
);

/**
 * Who did what, when, from where. Append-only: migrations/0001_audit_log_append_only.sql installs a trigger that refuses
 * UPDATE, DELETE and TRUNCATE, so not even the application can rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamptz('occurred_at').notNull(),
    actorStaffId: uuid('actor_staff_id').references(() => staff.id),
    /** The staff e-mail, or 'cli' for the command line, or 'system'. */
    actorLabel: text('actor_label').notNull(),
    /** Dotted verb, e.g. 'staff.sign_in.succeeded'. */
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    index('audit_log_occurred_at_idx').on(table.occurredAt.desc(), table.id.desc()),
    index('audit_log_action_idx').on(table.action, table.occurredAt.desc()),
    index('audit_log_actor_label_idx').on(table.actorLabel, table.occurredAt.desc()),
  ],
);
