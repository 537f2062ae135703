import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import {
  administrativeClassifications,
  serviceClassifications,
  themeClassifications,
} from '../../../platform/reference/reference-schema.ts';
import { searchDocuments } from '../../../platform/search/search-schema.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { contentKindNames, isContentKind } from '../content/content-kinds.ts';
import { contentItems, contentVersions } from '../content/content-schema.ts';

/**
 * What the feeds and the sitemap read. Public only: an item's published version, shown now (between its
 * visible_from and visible_until by the app's clock), not withdrawn; the sitemap reads the search index,
 * which holds every public thing of every module (content, FAQ, services, plans).
 */

/** Entries per feed (the newest). */
export const feedEntryCount = 50;

export interface FeedItem {
  readonly number: number;
  readonly kind: string;
  readonly titleZh: string;
  readonly titleEn: string | null;
  readonly summaryZh: string;
  readonly summaryEn: string | null;
  readonly published: Date;
  readonly updated: Date;
  readonly themeCodes: readonly string[];
  readonly cakeCodes: readonly string[];
  readonly serviceCodes: readonly string[];
}

/** The condition "the public sees this item now". */
function isPublicAt(now: Date) {
  return and(
    isNotNull(contentItems.publishedVersion),
    ne(contentItems.state, 'withdrawn'),
    or(isNull(contentItems.visibleFrom), lte(contentItems.visibleFrom, now)),
    or(isNull(contentItems.visibleUntil), gt(contentItems.visibleUntil, now)),
  );
}

/** The newest public items of one kind ('news', 'announcement'), newest first. */
export async function newestPublicItems(
  db: DatabaseOrTransaction,
  options: { kind: string; now: Date; limit?: number },
): Promise<FeedItem[]> {
  const rows = await db
    .select({
      number: contentItems.number,
      kind: contentItems.kind,
      visibleFrom: contentItems.visibleFrom,
      createdAt: contentItems.createdAt,
      titleZh: contentVersions.titleZh,
      titleEn: contentVersions.titleEn,
      summaryZh: contentVersions.summaryZh,
      summaryEn: contentVersions.summaryEn,
      reviewedAt: contentVersions.reviewedAt,
      editedAt: contentVersions.editedAt,
      themeCodes: contentVersions.themeCodes,
      cakeCodes: contentVersions.cakeCodes,
      serviceCodes: contentVersions.serviceCodes,
    })
    .from(contentItems)
    .innerJoin(
      contentVersions,
      and(
        eq(contentVersions.itemId, contentItems.id),
        eq(contentVersions.version, contentItems.publishedVersion),
      ),
    )
    .where(and(eq(contentItems.kind, options.kind), isPublicAt(options.now)))
    .orderBy(sql`${contentItems.visibleFrom} desc nulls last`, desc(contentItems.number))
    .limit(options.limit ?? feedEntryCount);
  return rows.map((row) => {
    const published = row.visibleFrom ?? row.reviewedAt ?? row.createdAt;
    const approved = row.reviewedAt ?? row.editedAt;
    return {
      number: row.number,
      kind: row.kind,
      titleZh: row.titleZh,
      titleEn: row.titleEn,
      summaryZh: row.summaryZh,
      summaryEn: row.summaryEn,
      published,
      updated: new Date(Math.max(approved.getTime(), published.getTime())),
      themeCodes: row.themeCodes,
      cakeCodes: row.cakeCodes,
      serviceCodes: row.serviceCodes,
    };
  });
}

type Names = ReadonlyMap<string, { readonly zh: string; readonly en: string | null }>;

/** The names of the classification codes the items carry (three small look-ups, whatever the count). */
export async function classificationNames(
  db: DatabaseOrTransaction,
  items: readonly FeedItem[],
): Promise<{ theme: Names; cake: Names; service: Names }> {
  const codes = (pick: (item: FeedItem) => readonly string[]) => [...new Set(items.flatMap(pick))];
  const themeCodes = codes((item) => item.themeCodes);
  const cakeCodes = codes((item) => item.cakeCodes);
  const serviceCodes = codes((item) => item.serviceCodes);
  const [theme, cake, service] = await Promise.all([
    themeCodes.length === 0
      ? []
      : db
          .select({
            code: themeClassifications.code,
            zh: themeClassifications.nameZh,
            en: themeClassifications.nameEn,
          })
          .from(themeClassifications)
          .where(inArray(themeClassifications.code, themeCodes)),
    cakeCodes.length === 0
      ? []
      : db
          .select({
            code: administrativeClassifications.code,
            zh: administrativeClassifications.nameZh,
            en: administrativeClassifications.nameEn,
          })
          .from(administrativeClassifications)
          .where(inArray(administrativeClassifications.code, cakeCodes)),
    serviceCodes.length === 0
      ? []
      : db
          .select({
            code: serviceClassifications.code,
            zh: serviceClassifications.nameZh,
            en: serviceClassifications.nameEn,
          })
          .from(serviceClassifications)
          .where(inArray(serviceClassifications.code, serviceCodes)),
  ]);
  const mapOf = (rows: readonly { code: string; zh: string; en: string | null }[]): Names =>
    new Map(rows.map((row) => [row.code, { zh: row.zh, en: row.en }]));
  return { theme: mapOf(theme), cake: mapOf(cake), service: mapOf(service) };
}

/** An item's categories in a language: its kind, then its theme, administrative and service classes. */
export function categoriesOf(
  item: FeedItem,
  names: Awaited<ReturnType<typeof classificationNames>>,
  lang: Lang,
): string[] {
  const named = (map: Names, code: string) => {
    const found = map.get(code);
    if (!found) return code;
    return lang === 'en' ? (found.en ?? found.zh) : found.zh;
  };
  const categories = [isContentKind(item.kind) ? contentKindNames[item.kind][lang] : item.kind];
  categories.push(...item.themeCodes.map((code) => named(names.theme, code)));
  categories.push(...item.cakeCodes.map((code) => named(names.cake, code)));
  categories.push(...item.serviceCodes.map((code) => named(names.service, code)));
  return [...new Set(categories)];
}

/** One public thing of the search index, with the languages it is in. */
export interface IndexedPage {
  readonly source: string;
  readonly sourceId: string;
  /** Bare (zh-TW) path. */
  readonly path: string;
  readonly langs: readonly Lang[];
  readonly updatedAt: Date;
}

/** Shown now, and not one of `excludedPaths` (pages the sitemap lists already). */
function visibleAt(now: Date, excludedPaths: readonly string[]) {
  return sql`(${searchDocuments.visibleFrom} is null or ${searchDocuments.visibleFrom} <= ${now}) and (${searchDocuments.visibleUntil} is null or ${searchDocuments.visibleUntil} > ${now}) and ${searchDocuments.path} <> all(${sql.param([...excludedPaths])}::text[])`;
}

/** How many public things the index holds now (each is one page, in one or two languages). */
export async function countIndexedPages(
  db: DatabaseOrTransaction,
  now: Date,
  excludedPaths: readonly string[] = [],
): Promise<number> {
  const [row] = await db
    .select({
      count: sql<number>`count(distinct (${searchDocuments.source}, ${searchDocuments.sourceId}))::int`,
    })
    .from(searchDocuments)
    .where(visibleAt(now, excludedPaths));
  return row?.count ?? 0;
}

/** The latest index write, for the sitemap index's lastmod. */
export async function latestIndexChange(db: DatabaseOrTransaction): Promise<Date | null> {
  const [row] = await db
    .select({ latest: sql<string | null>`max(${searchDocuments.updatedAt})` })
    .from(searchDocuments);
  return row?.latest ? new Date(row.latest) : null;
}

const groupedPages = {
  source: searchDocuments.source,
  sourceId: searchDocuments.sourceId,
  path: sql<string>`min(${searchDocuments.path})`,
  hasZh: sql<boolean>`bool_or(${searchDocuments.lang} = 'zh-TW')`,
  hasEn: sql<boolean>`bool_or(${searchDocuments.lang} = 'en')`,
  updatedAt: sql<string>`max(${searchDocuments.updatedAt})`,
};

interface GroupedRow {
  source: string;
  sourceId: string;
  path: string;
  hasZh: boolean;
  hasEn: boolean;
  updatedAt: string;
}

function pageOf(row: GroupedRow): IndexedPage {
  const langs: Lang[] = [];
  if (row.hasZh) langs.push('zh-TW');
  if (row.hasEn) langs.push('en');
  return {
    source: row.source,
    sourceId: row.sourceId,
    path: row.path,
    langs,
    updatedAt: new Date(row.updatedAt),
  };
}

/**
 * The public things from the `offset`-th (in source and id order), `count` of them, in batches: the first
 * batch skips to its place with OFFSET (the primary key's order), the others continue after the last key,
 * so a child sitemap of 25,000 things is a few cheap statements and never all in memory.
 */
export async function* indexedPages(
  db: DatabaseOrTransaction,
  options: {
    now: Date;
    offset: number;
    count: number;
    batchSize?: number;
    /** Pages listed otherwise (the site's own): left out here, and out of the count alike. */
    excludedPaths?: readonly string[];
  },
): AsyncGenerator<IndexedPage[]> {
  const batchSize = options.batchSize ?? 2000;
  const excluded = options.excludedPaths ?? [];
  let remaining = options.count;
  let after: { source: string; sourceId: string } | null = null;
  while (remaining > 0) {
    const limit = Math.min(batchSize, remaining);
    const base = db
      .select(groupedPages)
      .from(searchDocuments)
      .where(
        after === null
          ? visibleAt(options.now, excluded)
          : and(
              visibleAt(options.now, excluded),
              sql`(${searchDocuments.source}, ${searchDocuments.sourceId}) > (${after.source}, ${after.sourceId})`,
            ),
      )
      .groupBy(searchDocuments.source, searchDocuments.sourceId)
      .orderBy(searchDocuments.source, searchDocuments.sourceId)
      .limit(limit);
    const rows: GroupedRow[] = after === null ? await base.offset(options.offset) : await base;
    if (rows.length === 0) return;
    yield rows.map(pageOf);
    remaining -= rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < limit) return;
    after = { source: last.source, sourceId: last.sourceId };
  }
}
