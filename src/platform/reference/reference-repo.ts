import { asc, count, eq, ilike, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { excluded, inBatches } from '../db/sql-helpers.ts';
import {
  type ClassificationDiff,
  ClassificationFileError,
  type ClassificationFileRow,
  type ClassificationKind,
  diffClassifications,
  validateClassificationRows,
} from './classification-rows.ts';
import {
  administrativeClassifications,
  serviceClassifications,
  themeClassifications,
  units,
} from './reference-schema.ts';
import { type Classification, SERVICE_CLASSIFICATIONS } from './service-classification.ts';
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

/** Every code of a scheme as kept, in code order. */
export async function readClassifications(
  db: DatabaseOrTransaction,
  kind: ClassificationKind,
): Promise<Classification[]> {
  const table = CLASSIFICATION_TABLES[kind];
  return db
    .select({ code: table.code, nameZh: table.nameZh, nameEn: table.nameEn, parentCode: table.parentCode })
    .from(table)
    .orderBy(asc(table.code));
}

/**
 * Makes a scheme's codes those of a checked file (`validateClassificationRows`' rows, parents first): every
 * row inserted or refreshed, then the codes the file no longer has removed (their children are either
 * removed too or moved under a code of the file by then). Run it in the caller's transaction; it answers
 * what changed. Services keep the codes they were given: a removed code stays on a service until an editor
 * changes it (the catalogue's check then asks for a known one).
 */
export async function replaceClassifications(
  tx: DatabaseOrTransaction,
  kind: ClassificationKind,
  rows: readonly Classification[],
): Promise<ClassificationDiff> {
  const table = CLASSIFICATION_TABLES[kind];
  const diff = diffClassifications(await readClassifications(tx, kind), rows);
  // Only what is new or changed, in the file's order (parents first): Postgres checks the parent reference
  // at the end of each statement, so a child never arrives before its parent.
  const written = new Set([...diff.added, ...diff.changed.map(({ after }) => after)].map((row) => row.code));
  for (const batch of inBatches(rows.filter((row) => written.has(row.code)))) {
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
  // Children before parents, so each statement leaves no child without its parent.
  const removedCodes = new Set(diff.removed.map((row) => row.code));
  const removedByCode = new Map(diff.removed.map((entry) => [entry.code, entry]));
  const depthOf = (row: Classification): number => {
    let depth = 0;
    let parent = row.parentCode;
    while (parent !== null && removedCodes.has(parent) && depth < removedCodes.size) {
      depth += 1;
      parent = removedByCode.get(parent)?.parentCode ?? null;
    }
    return depth;
  };
  const deepestFirst = [...diff.removed].sort((left, right) => depthOf(right) - depthOf(left));
  for (const batch of inBatches(deepestFirst))
    await tx.delete(table).where(
      inArray(
        table.code,
        batch.map((row) => row.code),
      ),
    );
  return diff;
}

/**
 * Validates an admin's 主題分類 or 施政分類 file and, only if every row is valid, makes the scheme's codes
 * those of the file in one transaction (a savepoint inside a caller's transaction): `replaceClassifications`.
 * Throws ClassificationFileError listing every problem otherwise; nothing is written then. The command line
 * calls it; the admin page checks, previews and loads through the same two functions.
 */
export async function loadClassificationFile(
  db: DatabaseOrTransaction,
  kind: ClassificationKind,
  rows: readonly ClassificationFileRow[],
): Promise<{ loaded: number; diff: ClassificationDiff }> {
  const validation = validateClassificationRows(rows);
  if (!validation.ok) throw new ClassificationFileError(validation.problems);
  const diff = await db.transaction((tx) => replaceClassifications(tx, kind, validation.rows));
  return { loaded: validation.rows.length, diff };
}

/** A LIKE pattern that finds `text` anywhere, its own % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export interface ClassificationListRow extends Classification {
  parentNameZh: string | null;
  parentNameEn: string | null;
}

/**
 * A page of a scheme's codes in code order (a code's children follow it when codes are hierarchical, as
 * the government's are), each with its parent's names; `search` finds a code or either name containing it.
 */
export async function browseClassifications(
  db: DatabaseOrTransaction,
  kind: ClassificationKind,
  options: { search: string; page: number; pageSize: number },
): Promise<{ rows: ClassificationListRow[]; total: number }> {
  const table = CLASSIFICATION_TABLES[kind];
  const parent = alias(table, 'parent');
  const pattern = containsPattern(options.search);
  const where =
    options.search === ''
      ? undefined
      : or(ilike(table.code, pattern), ilike(table.nameZh, pattern), ilike(table.nameEn, pattern));
  const [counted] = await db.select({ total: count() }).from(table).where(where);
  const rows = await db
    .select({
      code: table.code,
      nameZh: table.nameZh,
      nameEn: table.nameEn,
      parentCode: table.parentCode,
      parentNameZh: parent.nameZh,
      parentNameEn: parent.nameEn,
    })
    .from(table)
    .leftJoin(parent, eq(parent.code, table.parentCode))
    .where(where)
    .orderBy(asc(table.code))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { rows, total: counted?.total ?? 0 };
}

/** How many codes each scheme holds. */
export async function classificationCounts(
  db: DatabaseOrTransaction,
): Promise<Record<ClassificationKind, number>> {
  const [theme] = await db.select({ total: count() }).from(themeClassifications);
  const [administrative] = await db.select({ total: count() }).from(administrativeClassifications);
  return { theme: theme?.total ?? 0, administrative: administrative?.total ?? 0 };
}
