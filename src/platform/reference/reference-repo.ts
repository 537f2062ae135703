import { asc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { excluded, inBatches } from '../db/sql-helpers.ts';
import {
  administrativeClassifications,
  serviceClassifications,
  themeClassifications,
  units,
} from './reference-schema.ts';
import { type Classification, SERVICE_CLASSIFICATIONS } from './service-classification.ts';
import { type BureauUnit, UNITS, type UnitCode } from './units.ts';

/** Keeps each INSERT well below Postgres' 65,535 bind-parameter limit whatever a file holds. */

export type ClassificationKind = 'theme' | 'administrative';

/**
 * One row as read from an admin's file (JSON or CSV parsed upstream): nothing about it is trusted yet,
 * hence `unknown`.
 */
export interface ClassificationFileRow {
  readonly code?: unknown;
  readonly nameZh?: unknown;
  readonly nameEn?: unknown;
  readonly parentCode?: unknown;
}

export type ClassificationProblemKind =
  | 'missing-code'
  | 'missing-name'
  | 'duplicate-code'
  | 'unknown-parent'
  | 'parent-cycle';

export interface ClassificationProblem {
  /** Position of the row in the file's rows, counting from 1 as an admin would. */
  readonly rowNumber: number;
  readonly code: string | null;
  readonly kind: ClassificationProblemKind;
  readonly message: string;
}

export type ClassificationValidation =
  | { readonly ok: true; readonly rows: Classification[] }
  | { readonly ok: false; readonly problems: ClassificationProblem[] };

export class ClassificationFileError extends Error {
  readonly code = 'CLASSIFICATION_FILE_INVALID';
  constructor(readonly problems: readonly ClassificationProblem[]) {
    super(
      `the classification file has ${problems.length} problem(s):\n` +
        problems.map((problem) => `  row ${problem.rowNumber}: ${problem.message}`).join('\n'),
    );
    this.name = 'ClassificationFileError';
  }
}

function cleanText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/**
 * Checks a whole file and reports every problem at once, so an admin fixes the file in one pass instead
 * of one error per upload. The file is the complete list: a parent must be another row of the same file.
 * Valid rows come back trimmed and ordered parents first, ready to insert under the self-references.
 */
export function validateClassificationRows(rows: readonly ClassificationFileRow[]): ClassificationValidation {
  const problems: ClassificationProblem[] = [];
  const firstRowByCode = new Map<string, number>();
  const cleaned: { rowNumber: number; row: Classification }[] = [];

  rows.forEach((raw, index) => {
    const rowNumber = index + 1;
    const code = cleanText(raw?.code);
    const nameZh = cleanText(raw?.nameZh);
    if (code === null) {
      problems.push({ rowNumber, code: null, kind: 'missing-code', message: 'the code is missing' });
    }
    if (nameZh === null) {
      problems.push({
        rowNumber,
        code,
        kind: 'missing-name',
        message: `the Chinese name is missing${code === null ? '' : ` (code ${code})`}`,
      });
    }
    if (code === null) return;
    const firstRow = firstRowByCode.get(code);
    if (firstRow !== undefined) {
      problems.push({
        rowNumber,
        code,
        kind: 'duplicate-code',
        message: `code ${code} is already used on row ${firstRow}`,
      });
      return;
    }
    firstRowByCode.set(code, rowNumber);
    cleaned.push({
      rowNumber,
      row: {
        code,
        nameZh: nameZh ?? '',
        nameEn: cleanText(raw?.nameEn),
        parentCode: cleanText(raw?.parentCode),
      },
    });
  });

  const parentOf = new Map(cleaned.map(({ row }) => [row.code, row.parentCode]));
  for (const { rowNumber, row } of cleaned) {
    if (row.parentCode === null) continue;
    if (!parentOf.has(row.parentCode)) {
      problems.push({
        rowNumber,
        code: row.code,
        kind: 'unknown-parent',
        message: `code ${row.code} names parent ${row.parentCode}, which is not in the file`,
      });
      continue;
    }
    // Walk up the parents; revisiting a code means the hierarchy loops and no class would be top-level.
    const seen = new Set<string>([row.code]);
    let ancestor: string | null | undefined = row.parentCode;
    while (ancestor !== null && ancestor !== undefined) {
      if (seen.has(ancestor)) {
        problems.push({
          rowNumber,
          code: row.code,
          kind: 'parent-cycle',
          message: `code ${row.code} is its own ancestor through parent ${row.parentCode}`,
        });
        break;
      }
      seen.add(ancestor);
      ancestor = parentOf.get(ancestor);
    }
  }

  if (problems.length > 0) {
    problems.sort((left, right) => left.rowNumber - right.rowNumber);
    return { ok: false, problems };
  }
  return { ok: true, rows: parentsFirst(cleaned.map(({ row }) => row)) };
}

/** Orders a cycle-free hierarchy so that every parent precedes its children, keeping file order otherwise. */
function parentsFirst(rows: Classification[]): Classification[] {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const depthOf = (row: Classification): number => {
    let depth = 0;
    let parentCode = row.parentCode;
    while (parentCode !== null) {
      depth += 1;
      parentCode = byCode.get(parentCode)?.parentCode ?? null;
    }
    return depth;
  };
  return rows
    .map((row, index) => ({ row, index, depth: depthOf(row) }))
    .sort((left, right) => left.depth - right.depth || left.index - right.index)
    .map(({ row }) => row);
}

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
