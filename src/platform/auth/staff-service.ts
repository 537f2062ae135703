import { randomBytes } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/database.ts';
import type { Clock } from '../http/clock.ts';
import { DomainError, type FieldProblem } from '../http/errors.ts';
import { units } from '../reference/reference-schema.ts';
import type { Lang } from '../web/i18n.ts';
import {
  type AuditActor,
  noRequestOrigin,
  type RequestOrigin,
  recordAudit,
  systemActor,
} from './audit-log.ts';
import { staffProblemText } from './auth-messages.ts';
import { signInFailures, staff } from './auth-schema.ts';
import { hashPassword, passwordProblems } from './password.ts';
import { isStaffRole, roleNeedsUnit, type StaffRole, staffRoles } from './principal.ts';
import { isEmailFormatValid, normaliseEmail, signInFailureKey } from './staff-email.ts';
import { deleteSessionsOfStaff } from './staff-sessions.ts';

/**
 * Staff accounts as use cases (the CLI and, later, an admin screen call these). Every change is audited in
 * the same transaction. Input is checked completely before anything is written, and every problem is
 * reported at once (退件一次告知).
 */

const maximumDisplayNameLength = 100;

export interface StaffSummary {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  unitCode: string | null;
  isActive: boolean;
  hasTwoFactor: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

export interface CreateStaffInput {
  email: string;
  password: string;
  /** A string, not StaffRole: it comes from a command line or a form and is checked here. */
  role: string;
  unitCode?: string | null;
  displayName: string;
  actor: AuditActor;
  now?: Date;
  origin?: RequestOrigin;
  /** Language of the problem messages. */
  lang?: Lang;
}

type ProblemList = FieldProblem[];

function problem(lang: Lang, field: string, code: string, values?: Record<string, string>): FieldProblem {
  const key = `${field}.${code}` as Parameters<typeof staffProblemText>[1];
  return { field, code, message: staffProblemText(lang, key, values) };
}

function validationFailed(lang: Lang, problems: ProblemList): DomainError {
  const message =
    lang === 'en'
      ? 'The staff account has problems; see each item.'
      : '員工帳號資料有問題，請依各項說明修正。';
  return new DomainError('VALIDATION_FAILED', message, { problems });
}

export async function createStaff(db: DatabaseOrTransaction, input: CreateStaffInput): Promise<StaffSummary> {
  const lang = input.lang ?? 'zh-TW';
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim();
  const unitCode = input.unitCode?.trim() || null;
  const problems: ProblemList = [];

  if (email === '') problems.push(problem(lang, 'email', 'required'));
  else if (!isEmailFormatValid(email)) problems.push(problem(lang, 'email', 'invalid_format'));
  else if (await findStaffIdByEmail(db, email)) problems.push(problem(lang, 'email', 'duplicate'));

  if (displayName === '') problems.push(problem(lang, 'displayName', 'required'));
  else if ([...displayName].length > maximumDisplayNameLength)
    problems.push(problem(lang, 'displayName', 'too_long'));

  for (const code of passwordProblems(input.password, email)) problems.push(problem(lang, 'password', code));

  const role = input.role.trim();
  if (role === '') problems.push(problem(lang, 'role', 'required'));
  else if (!isStaffRole(role))
    problems.push(problem(lang, 'role', 'unknown_role', { roles: staffRoles.join(', ') }));

  if (unitCode === null && isStaffRole(role) && roleNeedsUnit(role)) {
    problems.push(problem(lang, 'unitCode', 'required_for_role'));
  } else if (unitCode !== null && !(await unitExists(db, unitCode))) {
    problems.push(problem(lang, 'unitCode', 'unknown_unit', { unitCode }));
  }

  if (problems.length > 0 || !isStaffRole(role)) throw validationFailed(lang, problems);

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(staff)
        .values({
          email,
          displayName,
          passwordHash,
          role,
          unitCode,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!created) throw new Error('createStaff: the insert returned no row');
      await recordAudit(tx, {
        occurredAt: now,
        actor: input.actor,
        action: 'staff.created',
        target: { type: 'staff', id: created.id },
        origin: input.origin ?? noRequestOrigin,
        details: { email, role, unitCode },
      });
      return toSummary(created);
    });
  } catch (error) {
    // Two creations of the same address at once: the unique index decides, the answer is the same.
    if (
      (error as { cause?: { code?: string } }).cause?.code === '23505' ||
      (error as { code?: string }).code === '23505'
    ) {
      throw validationFailed(lang, [problem(lang, 'email', 'duplicate')]);
    }
    throw error;
  }
}

export async function listStaff(db: DatabaseOrTransaction): Promise<StaffSummary[]> {
  const rows = await db.select().from(staff).orderBy(asc(staff.role), asc(staff.email));
  return rows.map(toSummary);
}

/**
 * Sets a new password, lifts any sign-in lockout of the address and ends the person's sessions (whoever
 * knew the old password is signed out).
 */
export async function resetStaffPassword(
  db: DatabaseOrTransaction,
  input: {
    email: string;
    password: string;
    actor: AuditActor;
    now?: Date;
    origin?: RequestOrigin;
    lang?: Lang;
  },
): Promise<void> {
  const lang = input.lang ?? 'zh-TW';
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  const staffId = await findStaffIdByEmail(db, email);
  const problems: ProblemList = [];
  if (!staffId) problems.push(problem(lang, 'staff', 'not_found'));
  for (const code of passwordProblems(input.password, email)) problems.push(problem(lang, 'password', code));
  if (problems.length > 0 || !staffId) throw validationFailed(lang, problems);

  const passwordHash = await hashPassword(input.password);
  await resetAccount(db, staffId, input, {
    now,
    set: { passwordHash, passwordChangedAt: now },
    action: 'staff.password_reset',
    details: { lockoutCleared: true },
    // A new password also ends the lockout of earlier failed sign-ins.
    also: (tx) => tx.delete(signInFailures).where(eq(signInFailures.emailHash, signInFailureKey(email))),
  });
}

/** Forgets the authenticator (lost phone): the person enrols again at the next sign-in. */
export async function resetStaffTwoFactor(
  db: DatabaseOrTransaction,
  input: { email: string; actor: AuditActor; now?: Date; origin?: RequestOrigin; lang?: Lang },
): Promise<void> {
  const lang = input.lang ?? 'zh-TW';
  const now = input.now ?? new Date();
  const staffId = await findStaffIdByEmail(db, normaliseEmail(input.email));
  if (!staffId) throw validationFailed(lang, [problem(lang, 'staff', 'not_found')]);
  const [before] = await db
    .select({ enabledAt: staff.totpEnabledAt, secret: staff.totpSecret })
    .from(staff)
    .where(eq(staff.id, staffId));
  const twoFactorBefore = before?.enabledAt ? 'on' : before?.secret ? 'enrolling' : 'off';
  await resetAccount(db, staffId, input, {
    now,
    set: { totpSecret: null, totpEnabledAt: null, totpLastTimeStep: null },
    action: 'staff.two_factor.reset',
    details: { before: { twoFactor: twoFactorBefore }, after: { twoFactor: 'off' } },
  });
}

/**
 * An administrator's reset of an account, in one transaction: the row changed, every session of the person
 * ended (they sign in again with what was reset), the reset audited.
 */
async function resetAccount(
  db: DatabaseOrTransaction,
  staffId: string,
  by: { actor: AuditActor; origin?: RequestOrigin },
  reset: {
    now: Date;
    set: Partial<typeof staff.$inferInsert>;
    action: string;
    details?: Record<string, unknown>;
    also?: (tx: DatabaseOrTransaction) => Promise<unknown>;
  },
): Promise<void> {
  const { now } = reset;
  await db.transaction(async (tx) => {
    await tx
      .update(staff)
      .set({ ...reset.set, updatedAt: now })
      .where(eq(staff.id, staffId));
    await reset.also?.(tx);
    await deleteSessionsOfStaff(tx, staffId);
    await recordAudit(tx, {
      occurredAt: now,
      actor: by.actor,
      action: reset.action,
      target: { type: 'staff', id: staffId },
      origin: by.origin ?? noRequestOrigin,
      ...(reset.details === undefined ? {} : { details: reset.details }),
    });
  });
}

export interface DemoAccount {
  email: string;
  role: StaffRole;
  password: string;
}

const demoUnitCode = 'road-maintenance';
const demoDisplayNames: Record<StaffRole, string> = {
  admin: '示範管理員',
  secretariat: '示範秘書室',
  supervisor: '示範主管',
  handler: '示範承辦人',
  counter_clerk: '示範臨櫃人員',
  web_editor: '示範網站編輯',
  unit_editor: '示範單位管考承辦人',
  unit_head: '示範單位主管',
};

/**
 * One demo account per role, only on a database without any staff (so a fresh `npm start` can be explored
 * and an operator's real accounts are never touched). Safe to call at every start and from several
 * processes at once. The passwords are random and returned once, for main.ts to print.
 */
export async function createDemoStaff(
  db: DatabaseOrTransaction,
  options: { clock: Clock },
): Promise<DemoAccount[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4242003)`);
    const [existing] = await tx.select({ id: staff.id }).from(staff).limit(1);
    if (existing) return [];
    const accounts: DemoAccount[] = [];
    for (const role of staffRoles) {
      const account: DemoAccount = {
        email: `${role.replaceAll('_', '-')}@demo.onewindow.tw`,
        role,
        password: randomBytes(15).toString('base64url'),
      };
      await createStaff(tx, {
        ...account,
        displayName: demoDisplayNames[role],
        unitCode: roleNeedsUnit(role) ? demoUnitCode : null,
        actor: systemActor,
        now: options.clock.now(),
      });
      accounts.push(account);
    }
    // A second unit, so that a transfer can be tried end to end (road maintenance → parks); and the unit of
    // the demo's online applications with a fee (road excavation, utility pipelines: planning).
    const otherUnits = [
      { unitCode: 'parks', nameZh: '公園處' },
      { unitCode: 'planning', nameZh: '工程企劃處' },
    ] as const;
    for (const unit of otherUnits)
      for (const role of ['supervisor', 'handler'] as const) {
        const account: DemoAccount = {
          email: `${role}-${unit.unitCode}@demo.onewindow.tw`,
          role,
          password: randomBytes(15).toString('base64url'),
        };
        await createStaff(tx, {
          ...account,
          displayName: `${demoDisplayNames[role]}（${unit.nameZh}）`,
          unitCode: unit.unitCode,
          actor: systemActor,
          now: options.clock.now(),
        });
        accounts.push(account);
      }
    // A second web editor: the portal's content is approved by another editor than the one who wrote it.
    const secondEditor: DemoAccount = {
      email: 'web-editor-2@demo.onewindow.tw',
      role: 'web_editor',
      password: randomBytes(15).toString('base64url'),
    };
    await createStaff(tx, {
      ...secondEditor,
      displayName: `${demoDisplayNames.web_editor}（二）`,
      unitCode: roleNeedsUnit('web_editor') ? demoUnitCode : null,
      actor: systemActor,
      now: options.clock.now(),
    });
    accounts.push(secondEditor);
    return accounts;
  });
}

/** The unit's names for the staff home page; null when the code is unknown. */
export async function findUnitName(
  db: DatabaseOrTransaction,
  unitCode: string,
): Promise<{ nameZh: string; nameEn: string } | null> {
  const [unit] = await db
    .select({ nameZh: units.nameZh, nameEn: units.nameEn })
    .from(units)
    .where(eq(units.code, unitCode));
  return unit ?? null;
}

async function findStaffIdByEmail(
  db: DatabaseOrTransaction,
  normalisedEmail: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: staff.id })
    .from(staff)
    .where(eq(sql`lower(${staff.email})`, normalisedEmail));
  return row?.id ?? null;
}

async function unitExists(db: DatabaseOrTransaction, unitCode: string): Promise<boolean> {
  return (await findUnitName(db, unitCode)) !== null;
}

function toSummary(row: typeof staff.$inferSelect): StaffSummary {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    unitCode: row.unitCode,
    isActive: row.isActive,
    hasTwoFactor: row.totpEnabledAt !== null,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
  };
}
