import { asc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { excluded, inBatches } from '../db/sql-helpers.ts';
import {
  ClassificationFileError,
  type ClassificationFileRow,
  type ClassificationKind,
  validateClassificationRows,
} from './classification-rows.ts';
import {
  administrativeClassifications,
  serviceClassifications,
  themeClassifications,
  units,
} from './reference-schema.ts';
import { SERVICE_CLASSIFICATIONS } from './service-classification.ts';
import { type BureauUnit, UNITS, type UnitCode } from './units.ts';

/** Keeps each INSERT well below Postgres' 65,535 bind-parameter limit whatever a file holds. */

function unitRow(unit: BureauUnit): typeof units.$inferInsert {
  return {
    code: unit.code,
    nameZh: unit.nameZh,
    nameEn: unit.nameEn,
    descriptionZh: unit.descriptionZh,
    descriptionEn: unit.descriptionEn,
    addressZh: unit.contact.addressZh,
    addressEn: unit.contact.addressEn,
    phone: unit.contact.phone,
    fax: unit.contact.fax,
    email: unit.contact.email,
    serviceHoursZh: unit.contact.serviceHoursZh,
    serviceHoursEn: unit.contact.serviceHoursEn,
    isActive: unit.isActive,
    activeFrom: unit.activeFrom,
    activeUntil: unit.activeUntil,
    succeededBy: [...unit.succeededBy],
    isContactVerified: unit.contact.isContactVerified,
    sortOrder: unit.sortOrder,
  };
}

/**
 * Inserts or refreshes the bureau's units from `UNITS`. Units removed from the data stay in the table:
 * stored cases may still reference them. Note that a re-seed overwrites contacts an admin edited.
 */
/** Returns the number of units written. */
export async function seedUnits(db: DatabaseOrTransaction): Promise<number> {
  await db
    .insert(units)
    .values(UNITS.map(unitRow))
    .onConflictDoUpdate({
      target: units.code,
      set: {
        nameZh: excluded(units.nameZh),
        nameEn: excluded(units.nameEn),
        descriptionZh: excluded(units.descriptionZh),
        descriptionEn: excluded(units.descriptionEn),
        addressZh: excluded(units.addressZh),
        addressEn: excluded(units.addressEn),
        phone: excluded(units.phone),
        fax: excluded(units.fax),
        email: excluded(units.email),
        serviceHoursZh: excluded(units.serviceHoursZh),
        serviceHoursEn: excluded(units.serviceHoursEn),
        isActive: excluded(units.isActive),
        activeFrom: excluded(units.activeFrom),
        activeUntil: excluded(units.activeUntil),
        succeededBy: excluded(units.succeededBy),
        isContactVerified: excluded(units.isContactVerified),
        sortOrder: excluded(units.sortOrder),
      },
    });
  return UNITS.length;
}

/** Returns the number of classifications written. */
export async function seedServiceClassifications(db: DatabaseOrTransaction): Promise<number> {
  await db
    .insert(serviceClassifications)
    .values(
      SERVICE_CLASSIFICATIONS.map(({ code, nameZh, nameEn, parentCode }) => ({
        code,
        nameZh,
        nameEn,
        parentCode,
      })),
    )
    .onConflictDoUpdate({
      target: serviceClassifications.code,
      set: {
        nameZh: excluded(serviceClassifications.nameZh),
        nameEn: excluded(serviceClassifications.nameEn),
        parentCode: excluded(serviceClassifications.parentCode),
      },
    });
  return SERVICE_CLASSIFICATIONS.length;
}

/** Units in display order; `activeOnly` hides units that no longer exist (for forms and contact pages). */
export async function listUnits(
  db: DatabaseOrTransaction,
  options: { activeOnly: boolean } = { activeOnly: false },
): Promise<BureauUnit[]> {
  const rows = await db
    .select()
    .from(units)
    .where(options.activeOnly ? eq(units.isActive, true) : undefined)
    .orderBy(asc(units.sortOrder), asc(units.code));
  return rows.map((row) => ({
    // The table is only written from `UNITS` through seedUnits, so its codes are UnitCodes.
    code: row.code as UnitCode,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    descriptionZh: row.descriptionZh,
    descriptionEn: row.descriptionEn,
    contact: {
      addressZh: row.addressZh,
      addressEn: row.addressEn,
      phone: row.phone,
      fax: row.fax,
      email: row.email,
      serviceHoursZh: row.serviceHoursZh,
      serviceHoursEn: row.serviceHoursEn,
      isContactVerified: row.isContactVerified,
    },
    isActive: row.isActive,
    activeFrom: row.activeFrom,
    activeUntil: row.activeUntil,
    succeededBy: row.succeededBy as UnitCode[],
    sortOrder: row.sortOrder,
  }));
}

const CLASSIFICATION_TABLES = {
  theme: themeClassifications,
  administrative: administrativeClassifications,
} as const;

/**
 * Validates an admin's 主題分類 or 施政分類 file and, only if every row is valid, upserts all rows in one
 * transaction (a savepoint inside a caller's transaction). Throws ClassificationFileError listing every
 * problem otherwise; nothing is written then.
 */
export async function loadClassificationFile(
  db: DatabaseOrTransaction,
  kind: ClassificationKind,
  rows: readonly ClassificationFileRow[],
): Promise<{ loaded: number }> {
  const validation = validateClassificationRows(rows);
  if (!validation.ok) throw new ClassificationFileError(validation.problems);
  const table = CLASSIFICATION_TABLES[kind];
  await db.transaction(async (tx) => {
    // Batches go parents first, and Postgres checks the parent reference at the end of each statement,
    // so a child never arrives before its parent.
    for (const batch of inBatches(validation.rows)) {
      await tx
        .insert(table)
        .values(batch.map(({ code, nameZh, nameEn, parentCode }) => ({ code, nameZh, nameEn, parentCode })))
        .onConflictDoUpdate({
          target: table.code,
          set: {
            nameZh: excluded(table.nameZh),
            nameEn: excluded(table.nameEn),
            parentCode: excluded(table.parentCode),
          },
        });
    }
  });
  return { loaded: validation.rows.length };
}
