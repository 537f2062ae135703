import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../../platform/db/database.ts';
import type { petitionTypes } from './petitions-schema.ts';

/**
 * Petition types: each a catalogue service of kind `petition` (its unit, target deadline, names and
 * steps), with the petition rules of petitions-schema.ts: the outer limit, whether the answer needs a
 * supervisor's approval, whether the reporter's identity is confidential (檢舉), whether the mailbox offers it.
 */
export type PetitionType = typeof petitionTypes.$inferSelect & {
  nameZh: string;
  nameEn: string;
  unitCode: string;
};

/** The seeded rules of the demo petition services (the catalogue's demo data); an admin changes them. */
const demoTypes: readonly Omit<typeof petitionTypes.$inferInsert, 'updatedAt'>[] = [
  { serviceCode: 'director-mailbox', outerLimitWorkingDays: 30, needsAnswerApproval: true },
  { serviceCode: 'road-maintenance-petition', outerLimitWorkingDays: 30, needsAnswerApproval: false },
  {
    serviceCode: 'illegal-building-report',
    outerLimitWorkingDays: 30,
    needsAnswerApproval: true,
    isConfidential: true,
  },
];

export async function seedPetitionTypes(tx: Transaction): Promise<number> {
  let written = 0;
  for (const type of demoTypes) {
    const inserted = await tx.execute(sql`
      insert into petition_types
        (service_code, outer_limit_working_days, needs_answer_approval, is_confidential, is_on_mailbox, updated_at)
      select s.code, ${type.outerLimitWorkingDays ?? 30}, ${type.needsAnswerApproval ?? true},
             ${type.isConfidential ?? false}, true, now()
        from services s
        join service_versions v on v.service_code = s.code and v.version = s.current_version
       where s.code = ${type.serviceCode} and v.kind = 'petition'
      on conflict do nothing`);
    written += inserted.rowCount ?? 0;
  }
  forgetPetitionTypes();
  return written;
}

/**
 * Kept in the process for a few seconds: every petition registered and every mailbox form reads the types
 * (as the case intake keeps its reference data, cases/core/case-reference-cache.ts). A change made in this
 * process (`petitions:type`) is seen at once (`forgetPetitionTypes`); one made in another within 5 s.
 */
const freshForMs = 5_000;
let kept: { at: number; types: Promise<PetitionType[]> } | null = null;

export function forgetPetitionTypes(): void {
  kept = null;
}

/** Every petition type with its service's names and unit, in the order of the names. */
export function listPetitionTypes(db: DatabaseOrTransaction): Promise<PetitionType[]> {
  if (kept !== null && Date.now() - kept.at < freshForMs) return kept.types;
  const types = readPetitionTypes(db);
  kept = { at: Date.now(), types };
  // A failed read is not kept.
  types.catch(() => {
    if (kept?.types === types) kept = null;
  });
  return types;
}

async function readPetitionTypes(db: DatabaseOrTransaction): Promise<PetitionType[]> {
  const rows = await db.execute<{
    service_code: string;
    outer_limit_working_days: number;
    needs_answer_approval: boolean;
    is_confidential: boolean;
    is_on_mailbox: boolean;
    updated_at: Date;
    name_zh: string;
    name_en: string;
    unit_code: string;
  }>(sql`
    select t.*, v.name_zh, v.name_en, v.unit_code
      from petition_types t
      join services s on s.code = t.service_code
      join service_versions v on v.service_code = s.code and v.version = s.current_version
     order by (t.service_code = 'director-mailbox') desc, v.name_zh`);
  return rows.rows.map((row) => ({
    serviceCode: row.service_code,
    outerLimitWorkingDays: row.outer_limit_working_days,
    needsAnswerApproval: row.needs_answer_approval,
    isConfidential: row.is_confidential,
    isOnMailbox: row.is_on_mailbox,
    updatedAt: new Date(row.updated_at),
    nameZh: row.name_zh,
    nameEn: row.name_en,
    unitCode: row.unit_code,
  }));
}
