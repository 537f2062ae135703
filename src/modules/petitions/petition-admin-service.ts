import { asc, eq, sql } from 'drizzle-orm';
import {
  type AuditActor,
  noRequestOrigin,
  type RequestOrigin,
  recordAudit,
} from '../../platform/auth/audit-log.ts';
import { staff } from '../../platform/auth/auth-schema.ts';
import { normaliseEmail } from '../../platform/auth/staff-email.ts';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { units } from '../../platform/reference/reference-schema.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { defaultPetitionRules, type PetitionRules, typeRuleProblems } from './petition-admin-form.ts';
import { petitionAdminText as text } from './petition-admin-messages.ts';
import { forgetPetitionTypes } from './petition-types.ts';
import { petitionOfficers, petitionTypes } from './petitions-schema.ts';

/**
 * The petition types' rules and the designated officers (issue 17): the use cases of the admin pages
 * (petition-admin-routes.tsx) and of the commands (`petitions:type`, `petitions:officer`) alike. Every change
 * is audited in its transaction; a type's change clears the types kept in the process (`forgetPetitionTypes`).
 */

interface Acting {
  actor: AuditActor;
  origin?: RequestOrigin;
  now: Date;
  lang: Lang;
}

/** A catalogue service of kind petition, with its rules when it is a petition type (null when not yet). */
export interface PetitionService {
  serviceCode: string;
  nameZh: string;
  nameEn: string;
  unitCode: string;
  unitNameZh: string;
  unitNameEn: string;
  rules: PetitionRules | null;
}

type PetitionServiceRow = {
  code: string;
  name_zh: string;
  name_en: string;
  unit_code: string;
  unit_name_zh: string | null;
  unit_name_en: string | null;
  outer_limit_working_days: number | null;
  needs_answer_approval: boolean | null;
  is_confidential: boolean | null;
  is_on_mailbox: boolean | null;
};

// The catalogue's services and versions are read, never written, here: a petition type is a catalogue service
// of kind petition (as petition-types.ts reads them); units are the platform's reference data.
const petitionServicesQuery = (code: string | null) => sql`
  select s.code, v.name_zh, v.name_en, v.unit_code, u.name_zh as unit_name_zh, u.name_en as unit_name_en,
         t.outer_limit_working_days, t.needs_answer_approval, t.is_confidential, t.is_on_mailbox
    from services s
    join service_versions v on v.service_code = s.code and v.version = s.current_version
    left join units u on u.code = v.unit_code
    left join petition_types t on t.service_code = s.code
   where v.kind = 'petition' ${code === null ? sql`` : sql`and s.code = ${code}`}
   order by (s.code = 'director-mailbox') desc, v.name_zh, s.code`;

function petitionServiceOf(row: PetitionServiceRow): PetitionService {
  return {
    serviceCode: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    unitCode: row.unit_code,
    unitNameZh: row.unit_name_zh ?? row.unit_code,
    unitNameEn: row.unit_name_en ?? row.unit_code,
    rules:
      row.outer_limit_working_days === null
        ? null
        : {
            outerLimitWorkingDays: row.outer_limit_working_days,
            needsAnswerApproval: row.needs_answer_approval === true,
            isConfidential: row.is_confidential === true,
            isOnMailbox: row.is_on_mailbox === true,
          },
  };
}

/** Every catalogue service of kind petition (the director's mailbox first), each with its rules or null. */
export async function listPetitionServices(db: DatabaseOrTransaction): Promise<PetitionService[]> {
  const rows = await db.execute<PetitionServiceRow>(petitionServicesQuery(null));
  return rows.rows.map(petitionServiceOf);
}

/** One catalogue service of kind petition, or null (no such service, or of another kind). */
export async function findPetitionService(
  db: DatabaseOrTransaction,
  code: string,
): Promise<PetitionService | null> {
  const rows = await db.execute<PetitionServiceRow>(petitionServicesQuery(code));
  const [row] = rows.rows;
  return row === undefined ? null : petitionServiceOf(row);
}

const ruleKeys = ['outerLimitWorkingDays', 'needsAnswerApproval', 'isConfidential', 'isOnMailbox'] as const;

/**
 * Makes a catalogue service of kind petition a petition type, or changes its rules: the rules not given keep
 * their value (the table's defaults for a new type). New petitions follow them; open petitions keep theirs
 * (the intake copies them onto the case). Audited as `petition.type_set` with the changed rules before and
 * after (before null for a new type); nothing changed, nothing written.
 */
export async function savePetitionType(
  db: Database,
  options: Acting & { serviceCode: string; change: Partial<PetitionRules> },
): Promise<PetitionService & { rules: PetitionRules }> {
  const { lang } = options;
  const problems = typeRuleProblems(options.change, lang);
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', text(lang, 'typeInvalid'), { problems });
  const saved = await db.transaction(async (tx) => {
    const service = await findPetitionService(tx, options.serviceCode);
    if (service === null) throw new DomainError('NOT_FOUND', text(lang, 'typeNotFound'));
    // Locks the type's row: two saves at once each record what the other left.
    await tx.execute(
      sql`select 1 from petition_types where service_code = ${service.serviceCode} for update`,
    );
    const current = (await findPetitionService(tx, service.serviceCode))?.rules ?? null;
    const given = Object.entries(options.change).filter(([, value]) => value !== undefined);
    const rules: PetitionRules = { ...(current ?? defaultPetitionRules), ...Object.fromEntries(given) };
    const changed = current === null ? ruleKeys : ruleKeys.filter((key) => rules[key] !== current[key]);
    if (changed.length === 0) return { ...service, rules };
    await tx
      .insert(petitionTypes)
      .values({ serviceCode: service.serviceCode, ...rules, updatedAt: options.now })
      .onConflictDoUpdate({ target: petitionTypes.serviceCode, set: { ...rules, updatedAt: options.now } });
    const pick = (from: PetitionRules) => Object.fromEntries(changed.map((key) => [key, from[key]]));
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'petition.type_set',
      target: { type: 'service', id: service.serviceCode },
      origin: options.origin ?? noRequestOrigin,
      details: { before: current === null ? null : pick(current), after: pick(rules) },
    });
    return { ...service, rules };
  });
  forgetPetitionTypes();
  return saved;
}

/** A designated officer, as the officers' page lists them. */
export interface PetitionOfficer {
  staffId: string;
  displayName: string;
  email: string;
  unitCode: string | null;
  unitNameZh: string | null;
  unitNameEn: string | null;
  isActive: boolean;
  designatedAt: Date;
}

/** The officers designated to see confidential reporters' identities, longest-serving first. */
export async function listPetitionOfficers(db: DatabaseOrTransaction): Promise<PetitionOfficer[]> {
  return db
    .select({
      staffId: petitionOfficers.staffId,
      displayName: staff.displayName,
      email: staff.email,
      unitCode: staff.unitCode,
      unitNameZh: units.nameZh,
      unitNameEn: units.nameEn,
      isActive: staff.isActive,
      designatedAt: petitionOfficers.designatedAt,
    })
    .from(petitionOfficers)
    .innerJoin(staff, eq(staff.id, petitionOfficers.staffId))
    .leftJoin(units, eq(units.code, staff.unitCode))
    .orderBy(asc(petitionOfficers.designatedAt), asc(staff.displayName));
}

/** The staff account with this e-mail address (as typed: normalised here), or null. */
export async function findStaffByEmail(
  db: DatabaseOrTransaction,
  email: string,
): Promise<{ id: string; displayName: string; isActive: boolean } | null> {
  const [member] = await db
    .select({ id: staff.id, displayName: staff.displayName, isActive: staff.isActive })
    .from(staff)
    .where(eq(staff.email, normaliseEmail(email)));
  return member ?? null;
}

/**
 * Designates an active staff member, by e-mail, to see confidential reporters' identities. Refused: no such
 * account, a deactivated one (VALIDATION_FAILED, `email` `unknown` / `inactive`), one already designated
 * (CONFLICT, `email` `already_designated`). Audited as `petition.officer_designated` (the member's id).
 */
export async function designatePetitionOfficer(
  db: Database,
  options: Acting & { email: string },
): Promise<{ staffId: string; displayName: string }> {
  const { lang } = options;
  return db.transaction(async (tx) => {
    const member = await findStaffByEmail(tx, options.email);
    if (member === null || !member.isActive)
      throw new DomainError('VALIDATION_FAILED', text(lang, 'officerInvalid'), {
        problems: [
          member === null
            ? { field: 'email', code: 'unknown', message: text(lang, 'staffUnknown') }
            : { field: 'email', code: 'inactive', message: text(lang, 'staffInactive') },
        ],
      });
    const inserted = await tx
      .insert(petitionOfficers)
      .values({ staffId: member.id, designatedAt: options.now })
      .onConflictDoNothing()
      .returning({ staffId: petitionOfficers.staffId });
    if (inserted.length === 0)
      throw new DomainError('CONFLICT', text(lang, 'alreadyDesignated'), {
        problems: [{ field: 'email', code: 'already_designated', message: text(lang, 'alreadyDesignated') }],
      });
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'petition.officer_designated',
      target: { type: 'staff', id: member.id },
      origin: options.origin ?? noRequestOrigin,
    });
    return { staffId: member.id, displayName: member.displayName };
  });
}

/**
 * Ends a designation: the member no longer sees confidential reporters' identities. NOT_FOUND when the member
 * is not designated (ended already). Audited as `petition.officer_removed`.
 */
export async function endPetitionOfficerDesignation(
  db: Database,
  options: Acting & { staffId: string },
): Promise<{ staffId: string; displayName: string }> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(petitionOfficers)
      .where(eq(petitionOfficers.staffId, options.staffId))
      .returning({ staffId: petitionOfficers.staffId });
    if (removed.length === 0) throw new DomainError('NOT_FOUND', text(options.lang, 'officerNotFound'));
    const [member] = await tx
      .select({ displayName: staff.displayName })
      .from(staff)
      .where(eq(staff.id, options.staffId));
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'petition.officer_removed',
      target: { type: 'staff', id: options.staffId },
      origin: options.origin ?? noRequestOrigin,
    });
    return { staffId: options.staffId, displayName: member?.displayName ?? '' };
  });
}
