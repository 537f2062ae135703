import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNull,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { type PageWindow, pageOfRows } from '../../../platform/db/paging.ts';
import {
  administrativeClassifications,
  serviceClassifications,
  themeClassifications,
  units,
} from '../../../platform/reference/reference-schema.ts';
import { contentAttachments, contentItems, contentVersions } from './content-schema.ts';

/**
 * Reading the public content (issue 15 §1, §3): an item is public while it has a published version, is not
 * withdrawn, and `visible_from <= now < visible_until` (or no end); anything else is not found. Lists are
 * newest first (by the date it shows), a page at a time.
 */

export type ClassificationScheme = 'theme' | 'cake' | 'service';
export const classificationSchemes: readonly ClassificationScheme[] = ['theme', 'cake', 'service'];

export function isClassificationScheme(value: string): value is ClassificationScheme {
  return (classificationSchemes as readonly string[]).includes(value);
}

/** The condition every public read adds: published, not withdrawn, between its dates. */
export function publicItemCondition(now: Date): SQL {
  return and(
    sql`${contentItems.publishedVersion} is not null`,
    ne(contentItems.state, 'withdrawn'),
    or(isNull(contentItems.visibleFrom), lte(contentItems.visibleFrom, now)),
    or(isNull(contentItems.visibleUntil), gt(contentItems.visibleUntil, now)),
  ) as SQL;
}

const publishedVersionJoin = and(
  eq(contentVersions.itemId, contentItems.id),
  eq(contentVersions.version, contentItems.publishedVersion),
);

export type ItemRow = typeof contentItems.$inferSelect;
export type VersionRow = typeof contentVersions.$inferSelect;
export type AttachmentRow = Omit<typeof contentAttachments.$inferSelect, 'content'>;

// The list of attachments never reads their bytes (rows from before the file store may hold some).
const { content: _content, ...attachmentColumns } = getTableColumns(contentAttachments);

export interface Unit {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface NamedCode {
  code: string;
  nameZh: string;
  nameEn: string | null;
}

export interface PublicItem {
  item: ItemRow;
  version: VersionRow;
  unit: Unit;
  attachments: AttachmentRow[];
}

/** One public item with its published version, its unit and its attachments; null when not public. */
export async function findPublicItem(
  db: DatabaseOrTransaction,
  number: number,
  now: Date,
): Promise<PublicItem | null> {
  const [row] = await db
    .select({
      item: contentItems,
      version: contentVersions,
      unit: { code: units.code, nameZh: units.nameZh, nameEn: units.nameEn },
    })
    .from(contentItems)
    .innerJoin(contentVersions, publishedVersionJoin)
    .innerJoin(units, eq(units.code, contentItems.unitCode))
    .where(and(eq(contentItems.number, number), publicItemCondition(now)));
  if (!row) return null;
  const attachments = await db
    .select(attachmentColumns)
    .from(contentAttachments)
    .where(
      and(eq(contentAttachments.itemId, row.item.id), eq(contentAttachments.version, row.version.version)),
    )
    .orderBy(asc(contentAttachments.sortOrder), asc(contentAttachments.addedAt));
  return { ...row, attachments };
}

/** One attachment of a public item's published version (its bytes may still be in the row). */
export async function findPublicAttachment(
  db: DatabaseOrTransaction,
  number: number,
  attachmentId: string,
  now: Date,
): Promise<typeof contentAttachments.$inferSelect | null> {
  const [row] = await db
    .select({ attachment: contentAttachments })
    .from(contentAttachments)
    .innerJoin(
      contentItems,
      and(
        eq(contentItems.id, contentAttachments.itemId),
        eq(contentItems.publishedVersion, contentAttachments.version),
      ),
    )
    .where(
      and(eq(contentItems.number, number), eq(contentAttachments.id, attachmentId), publicItemCondition(now)),
    );
  return row?.attachment ?? null;
}

/** A line of a list: what a list shows of an item. */
export interface ListedItem {
  number: number;
  kind: string;
  unitCode: string;
  visibleFrom: Date | null;
  isDemo: boolean;
  titleZh: string;
  titleEn: string | null;
  summaryZh: string;
  summaryEn: string | null;
}

export interface ItemFilter {
  kind?: string;
  unitCode?: string;
  /** Items carrying any of these codes of the scheme (a code and the codes under it). */
  classification?: { scheme: ClassificationScheme; codes: readonly string[] };
  /** Shown in this year (and month, 1–12), in Taipei. */
  year?: number;
  month?: number;
  foiKind?: string;
  /** Items sharing a theme code or named by number (a topic page's related items), the topic left out. */
  related?: { themeCodes: readonly string[]; numbers: readonly number[]; exceptNumber: number };
}

const codeColumn = {
  theme: contentVersions.themeCodes,
  cake: contentVersions.cakeCodes,
  service: contentVersions.serviceCodes,
} as const;

const taipeiShownAt = sql`(${contentItems.visibleFrom} at time zone 'Asia/Taipei')`;

function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

function filterConditions(filter: ItemFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.kind !== undefined) conditions.push(eq(contentItems.kind, filter.kind));
  if (filter.unitCode !== undefined) conditions.push(eq(contentItems.unitCode, filter.unitCode));
  if (filter.foiKind !== undefined)
    conditions.push(sql`${contentItems.foiKinds} @> ${textArray([filter.foiKind])}`);
  if (filter.classification !== undefined) {
    const { scheme, codes } = filter.classification;
    conditions.push(codes.length === 0 ? sql`false` : sql`${codeColumn[scheme]} && ${textArray(codes)}`);
  }
  if (filter.year !== undefined)
    conditions.push(sql`extract(year from ${taipeiShownAt})::int = ${filter.year}`);
  if (filter.month !== undefined)
    conditions.push(sql`extract(month from ${taipeiShownAt})::int = ${filter.month}`);
  if (filter.related !== undefined) {
    const { themeCodes, numbers, exceptNumber } = filter.related;
    const either: SQL[] = [];
    if (themeCodes.length > 0) either.push(sql`${contentVersions.themeCodes} && ${textArray(themeCodes)}`);
    if (numbers.length > 0) either.push(inArray(contentItems.number, [...numbers]));
    conditions.push(either.length === 0 ? sql`false` : (or(...either) as SQL));
    conditions.push(ne(contentItems.number, exceptNumber));
  }
  return conditions;
}

/** One page of the public items that pass the filter, newest first. */
export async function listPublicItems(
  db: DatabaseOrTransaction,
  filter: ItemFilter,
  now: Date,
  window: PageWindow,
): Promise<{ rows: ListedItem[]; hasNextPage: boolean }> {
  const rows = await db
    .select({
      number: contentItems.number,
      kind: contentItems.kind,
      unitCode: contentItems.unitCode,
      visibleFrom: contentItems.visibleFrom,
      isDemo: contentItems.isDemo,
      titleZh: contentVersions.titleZh,
      titleEn: contentVersions.titleEn,
      summaryZh: contentVersions.summaryZh,
      summaryEn: contentVersions.summaryEn,
    })
    .from(contentItems)
    .innerJoin(contentVersions, publishedVersionJoin)
    .where(and(publicItemCondition(now), ...filterConditions(filter)))
    .orderBy(desc(contentItems.visibleFrom), desc(contentItems.number))
    .limit(window.limit)
    .offset(window.offset);
  return pageOfRows(rows, window);
}

/** How many public items each value of a grouping has: kind, unit, §7 kind, year, month of a year, codes. */
export type Grouping =
  | { by: 'kind' }
  | { by: 'unit' }
  | { by: 'foiKind' }
  | { by: 'year' }
  | { by: 'month'; year: number }
  | { by: 'code'; scheme: ClassificationScheme };

export async function countPublicItems(
  db: DatabaseOrTransaction,
  grouping: Grouping,
  now: Date,
): Promise<Map<string, number>> {
  const key: SQL = (() => {
    switch (grouping.by) {
      case 'kind':
        return sql`${contentItems.kind}`;
      case 'unit':
        return sql`${contentItems.unitCode}`;
      case 'foiKind':
        return sql`unnest(${contentItems.foiKinds})`;
      case 'year':
        return sql`extract(year from ${taipeiShownAt})::int::text`;
      case 'month':
        return sql`extract(month from ${taipeiShownAt})::int::text`;
      case 'code':
        return sql`unnest(${codeColumn[grouping.scheme]})`;
    }
  })();
  const conditions = [publicItemCondition(now)];
  if (grouping.by === 'month')
    conditions.push(sql`extract(year from ${taipeiShownAt})::int = ${grouping.year}`);
  const rows = await db
    .select({ key: sql<string>`${key}`.as('key'), count: sql<number>`count(*)::int` })
    .from(contentItems)
    .innerJoin(contentVersions, publishedVersionJoin)
    .where(and(...conditions))
    .groupBy(sql`1`);
  return new Map(rows.filter((row) => row.key !== null).map((row) => [String(row.key), row.count]));
}

const schemeTables = {
  theme: themeClassifications,
  cake: administrativeClassifications,
  service: serviceClassifications,
} as const;

/**
 * For each class of a scheme, how many public items carry it or a class under it (each item counted once
 * per class, however many of its codes fall under it).
 */
export async function countByClassificationTree(
  db: DatabaseOrTransaction,
  scheme: ClassificationScheme,
  now: Date,
): Promise<Map<string, number>> {
  const table = schemeTables[scheme];
  const result = await db.execute<{ code: string; count: number }>(sql`
    with recursive tree(ancestor, code) as (
      select ${table.code}, ${table.code} from ${table}
      union all
      select tree.ancestor, child.code from tree join ${table} as child on child.parent_code = tree.code
    )
    select tree.ancestor as code, count(distinct ${contentItems.id})::int as count
    from ${contentItems}
    join ${contentVersions} on ${publishedVersionJoin}
    cross join lateral unnest(${codeColumn[scheme]}) as held(code)
    join tree on tree.code = held.code
    where ${publicItemCondition(now)}
    group by tree.ancestor`);
  return new Map(result.rows.map((row) => [row.code, Number(row.count)]));
}

/** A code and every code under it, from the scheme's list. */
export function codeAndBelow(
  classes: readonly { code: string; parentCode: string | null }[],
  code: string,
): string[] {
  const found = [code];
  for (let index = 0; index < found.length; index += 1) {
    for (const entry of classes) if (entry.parentCode === found[index]) found.push(entry.code);
  }
  return found;
}

/** The classification list of a scheme, in code order. */
export async function classificationsOf(
  db: DatabaseOrTransaction,
  scheme: ClassificationScheme,
): Promise<(NamedCode & { parentCode: string | null })[]> {
  const table = schemeTables[scheme];
  return db
    .select({ code: table.code, nameZh: table.nameZh, nameEn: table.nameEn, parentCode: table.parentCode })
    .from(table)
    .orderBy(asc(table.code));
}

/** The names of the codes an item carries, per scheme (a code missing from the tables is shown bare). */
export async function namesOfCodes(
  db: DatabaseOrTransaction,
  codes: Readonly<Record<ClassificationScheme, readonly string[]>>,
): Promise<Record<ClassificationScheme, NamedCode[]>> {
  const named = async (
    table: typeof themeClassifications | typeof administrativeClassifications | typeof serviceClassifications,
    wanted: readonly string[],
  ): Promise<NamedCode[]> => {
    if (wanted.length === 0) return [];
    const rows = await db
      .select({ code: table.code, nameZh: table.nameZh, nameEn: table.nameEn })
      .from(table)
      .where(inArray(table.code, [...wanted]));
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return wanted.map((code) => byCode.get(code) ?? { code, nameZh: code, nameEn: null });
  };
  return {
    theme: await named(themeClassifications, codes.theme),
    cake: await named(administrativeClassifications, codes.cake),
    service: await named(serviceClassifications, codes.service),
  };
}

/** The bureau's units in their order (active first), with contacts for the §7 kind 3 page. */
export async function listUnitsWithContacts(db: DatabaseOrTransaction) {
  return db.select().from(units).orderBy(desc(units.isActive), asc(units.sortOrder));
}
