import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import {
  administrativeClassifications,
  serviceClassifications,
  themeClassifications,
  units,
} from '../../../platform/reference/reference-schema.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { getCurrentServices, listServices } from '../../catalogue/index.ts';
import type { FaqEntryRow } from './faq-index.ts';
import { type FaqOrder, faqLimits, type KnownCodes } from './faq-rules.ts';
import { faqEntries, faqFeedback } from './faq-schema.ts';

/** The FAQ's reads: the public list and page, the service page's entries, the editors' list and choices. */

const usefulCount = sql<number>`(select count(*) from ${faqFeedback} f
  where f.faq_id = ${faqEntries.id} and f.is_useful)::int`;

export interface ListedEntry {
  number: number;
  unitCode: string;
  unitNameZh: string;
  unitNameEn: string;
  questionZh: string;
  questionEn: string | null;
  answerEn: string | null;
  isDemo: boolean;
  publishedAt: Date | null;
  usefulCount: number;
}

/**
 * Published entries, a page at a time, grouped by unit (the units' order), newest or most useful first
 * within each; `unitCode` keeps one unit's.
 */
export async function listPublishedEntries(
  db: DatabaseOrTransaction,
  options: { order: FaqOrder; unitCode: string | null; themeCode: string | null; page: number },
): Promise<{ entries: ListedEntry[]; total: number }> {
  const where = and(
    eq(faqEntries.state, 'published'),
    options.unitCode === null ? undefined : eq(faqEntries.unitCode, options.unitCode),
    options.themeCode === null
      ? undefined
      : sql`${faqEntries.themeCodes} @> array[${options.themeCode}]::text[]`,
  );
  const within =
    options.order === 'useful'
      ? [desc(usefulCount), desc(faqEntries.publishedAt), desc(faqEntries.number)]
      : [desc(faqEntries.publishedAt), desc(faqEntries.number)];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        number: faqEntries.number,
        unitCode: faqEntries.unitCode,
        unitNameZh: units.nameZh,
        unitNameEn: units.nameEn,
        questionZh: faqEntries.questionZh,
        questionEn: faqEntries.questionEn,
        answerEn: faqEntries.answerEn,
        isDemo: faqEntries.isDemo,
        publishedAt: faqEntries.publishedAt,
        usefulCount,
      })
      .from(faqEntries)
      .innerJoin(units, eq(units.code, faqEntries.unitCode))
      .where(where)
      .orderBy(asc(units.sortOrder), asc(units.code), ...within)
      .limit(faqLimits.pageSize)
      .offset((options.page - 1) * faqLimits.pageSize),
    db.select({ value: count() }).from(faqEntries).where(where),
  ]);
  return { entries: rows, total: total?.value ?? 0 };
}

/** The units that have published entries, in the units' order (the list's filter). */
export async function unitsWithEntries(
  db: DatabaseOrTransaction,
): Promise<{ code: string; nameZh: string; nameEn: string }[]> {
  return db
    .selectDistinct({
      code: units.code,
      nameZh: units.nameZh,
      nameEn: units.nameEn,
      sortOrder: units.sortOrder,
    })
    .from(faqEntries)
    .innerJoin(units, eq(units.code, faqEntries.unitCode))
    .where(eq(faqEntries.state, 'published'))
    .orderBy(asc(units.sortOrder), asc(units.code));
}

/** The theme classifications (主題分類) that published entries carry, by code (the list's other filter). */
export async function themesWithEntries(db: DatabaseOrTransaction): Promise<NamedCode[]> {
  return db
    .select({
      code: themeClassifications.code,
      nameZh: themeClassifications.nameZh,
      nameEn: themeClassifications.nameEn,
    })
    .from(themeClassifications)
    .where(
      sql`exists (select 1 from ${faqEntries} e where e.state = 'published'
        and e.theme_codes @> array[${themeClassifications.code}]::text[])`,
    )
    .orderBy(asc(themeClassifications.code));
}

export async function entryByNumber(db: DatabaseOrTransaction, number: number): Promise<FaqEntryRow | null> {
  const [row] = await db.select().from(faqEntries).where(eq(faqEntries.number, number));
  return row ?? null;
}

export interface NamedCode {
  code: string;
  nameZh: string;
  nameEn: string | null;
}

/** What an entry's public page shows beside its words: the unit's contact, services and classifications. */
export async function entryPageFacts(db: DatabaseOrTransaction, entry: FaqEntryRow) {
  const [unitRows, services, theme, cake, service] = await Promise.all([
    listUnits(db),
    getCurrentServices(db, entry.relatedServiceCodes),
    namesOf(db, themeClassifications, entry.themeCodes),
    namesOf(db, administrativeClassifications, entry.cakeCodes),
    namesOf(db, serviceClassifications, entry.serviceCodes),
  ]);
  const unit = unitRows.find((candidate) => candidate.code === entry.unitCode) ?? null;
  const byCode = new Map(services.map((found) => [found.code, found]));
  return {
    unit,
    // In the editor's order; a service no longer in the catalogue is left out.
    services: entry.relatedServiceCodes.flatMap((code) => {
      const found = byCode.get(code);
      return found === undefined ? [] : [{ code, nameZh: found.nameZh, nameEn: found.nameEn }];
    }),
    classifications: { theme, cake, service },
  };
}

type ClassificationTable =
  | typeof themeClassifications
  | typeof administrativeClassifications
  | typeof serviceClassifications;

async function namesOf(
  db: DatabaseOrTransaction,
  table: ClassificationTable,
  codes: readonly string[],
): Promise<NamedCode[]> {
  if (codes.length === 0) return [];
  return db
    .select({ code: table.code, nameZh: table.nameZh, nameEn: table.nameEn })
    .from(table)
    .where(inArray(table.code, [...codes]))
    .orderBy(asc(table.code));
}

/** The published entries about one service (its page's section), newest first. */
export async function entriesForService(
  db: DatabaseOrTransaction,
  serviceCode: string,
  limit = 10,
): Promise<Pick<FaqEntryRow, 'number' | 'questionZh' | 'questionEn' | 'answerEn'>[]> {
  return db
    .select({
      number: faqEntries.number,
      questionZh: faqEntries.questionZh,
      questionEn: faqEntries.questionEn,
      answerEn: faqEntries.answerEn,
    })
    .from(faqEntries)
    .where(
      and(
        eq(faqEntries.state, 'published'),
        sql`${faqEntries.relatedServiceCodes} @> array[${serviceCode}]::text[]`,
      ),
    )
    .orderBy(desc(faqEntries.publishedAt), desc(faqEntries.number))
    .limit(limit);
}

export interface StaffListedEntry {
  id: string;
  number: number;
  state: string;
  questionZh: string;
  unitNameZh: string;
  unitNameEn: string;
  isDemo: boolean;
  yes: number;
  no: number;
}

/** Every entry for the editors, newest change first, with its yes and no counts. */
export async function listEntriesForStaff(
  db: DatabaseOrTransaction,
  options: { page: number },
): Promise<{ entries: StaffListedEntry[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: faqEntries.id,
        number: faqEntries.number,
        state: faqEntries.state,
        questionZh: faqEntries.questionZh,
        unitNameZh: units.nameZh,
        unitNameEn: units.nameEn,
        isDemo: faqEntries.isDemo,
      })
      .from(faqEntries)
      .innerJoin(units, eq(units.code, faqEntries.unitCode))
      .orderBy(desc(faqEntries.updatedAt), desc(faqEntries.number))
      .limit(faqLimits.pageSize)
      .offset((options.page - 1) * faqLimits.pageSize),
    db.select({ value: count() }).from(faqEntries),
  ]);
  const counts = await feedbackCounts(
    db,
    rows.map((row) => row.id),
  );
  return {
    entries: rows.map((row) => ({ ...row, ...(counts.get(row.id) ?? { yes: 0, no: 0 }) })),
    total: total?.value ?? 0,
  };
}

/** Yes and no counts of the given entries. */
export async function feedbackCounts(
  db: DatabaseOrTransaction,
  ids: readonly string[],
): Promise<Map<string, { yes: number; no: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      faqId: faqFeedback.faqId,
      yes: sql<number>`count(*) filter (where ${faqFeedback.isUseful})::int`,
      no: sql<number>`count(*) filter (where not ${faqFeedback.isUseful})::int`,
    })
    .from(faqFeedback)
    .where(inArray(faqFeedback.faqId, [...ids]))
    .groupBy(faqFeedback.faqId);
  return new Map(rows.map((row) => [row.faqId, { yes: row.yes, no: row.no }]));
}

export interface StaffComment {
  number: number;
  questionZh: string;
  isUseful: boolean;
  comment: string;
  lang: string;
  createdAt: Date;
}

/** The latest comments (staff only: what citizens typed), of every entry or of one. */
export async function latestComments(
  db: DatabaseOrTransaction,
  options: { faqId?: string; limit: number },
): Promise<StaffComment[]> {
  const conditions: SQL[] = [isNotNull(faqFeedback.comment), sql`${faqFeedback.comment} <> ''`];
  if (options.faqId !== undefined) conditions.push(eq(faqFeedback.faqId, options.faqId));
  const rows = await db
    .select({
      number: faqEntries.number,
      questionZh: faqEntries.questionZh,
      isUseful: faqFeedback.isUseful,
      comment: faqFeedback.comment,
      lang: faqFeedback.lang,
      createdAt: faqFeedback.createdAt,
    })
    .from(faqFeedback)
    .innerJoin(faqEntries, eq(faqEntries.id, faqFeedback.faqId))
    .where(and(...conditions))
    .orderBy(desc(faqFeedback.createdAt))
    .limit(options.limit);
  return rows.map((row) => ({ ...row, comment: row.comment ?? '' }));
}

/** What the editor may pick: active units, the catalogue's current services, the loaded classifications. */
export async function editorChoices(db: DatabaseOrTransaction, lang: Lang) {
  const [unitRows, services, theme, cake, service] = await Promise.all([
    listUnits(db, { activeOnly: true }),
    listServices(db, { lang }),
    allOf(db, themeClassifications),
    allOf(db, administrativeClassifications),
    allOf(db, serviceClassifications),
  ]);
  return {
    units: unitRows.map((unit) => ({ code: unit.code as string, nameZh: unit.nameZh, nameEn: unit.nameEn })),
    services: services.map((found) => ({ code: found.code, nameZh: found.nameZh, nameEn: found.nameEn })),
    theme,
    cake,
    service,
  };
}

export type EditorChoices = Awaited<ReturnType<typeof editorChoices>>;

function allOf(db: DatabaseOrTransaction, table: ClassificationTable): Promise<NamedCode[]> {
  return db
    .select({ code: table.code, nameZh: table.nameZh, nameEn: table.nameEn })
    .from(table)
    .orderBy(asc(table.code));
}

export function knownCodesOf(choices: EditorChoices): KnownCodes {
  const codes = (list: readonly { code: string }[]) => new Set(list.map((item) => item.code));
  return {
    units: codes(choices.units),
    services: codes(choices.services),
    theme: codes(choices.theme),
    cake: codes(choices.cake),
    service: codes(choices.service),
  };
}
