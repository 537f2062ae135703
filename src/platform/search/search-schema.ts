import { sql } from 'drizzle-orm';
import { customType, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../db/columns.ts';

/**
 * The site's search index (issue 15, ADR 0016): one row per public thing and language — a content item, an
 * FAQ entry, a service, a plan — written by the module that publishes it (`indexDocuments` in its
 * publishing transaction) and rebuilt from the manifests' `searchSources` by the seed and
 * `npx onewindow search:reindex`. Texts are kept twice: as shown (snippets) and as character bigrams
 * (`platform/search/bigrams.ts`), weighted A (title, question variants, keywords), B (summary), C (body),
 * D (attachments' text) in one generated tsvector under the `simple` configuration.
 */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** How many parts the content's terms are indexed in (`searchSegments`). */
export const contentSegmentCount = 8;

/**
 * The segments of the terms index, in the order search reads them: the small sources (services, plans,
 * site pages), the FAQ, then the content by a hash of its id. `predicate` is SQL, written here once: the
 * index's WHERE and the query's condition must be the same text.
 */
export const searchSegments: readonly { readonly name: string; readonly predicate: string }[] = [
  { name: 'site', predicate: "source <> 'content' and source <> 'faq'" },
  { name: 'faq', predicate: "source = 'faq'" },
  ...Array.from({ length: contentSegmentCount }, (_, part) => ({
    name: `content${part}`,
    predicate: `source = 'content' and (hashtext(source_id) & ${contentSegmentCount - 1}) = ${part}`,
  })),
];

export const searchDocuments = pgTable(
  'search_documents',
  {
    /** Who owns the row: 'content', 'faq', 'service', 'plan'. */
    source: text('source').notNull(),
    /** The owner's id of the thing (an item number, a service code …). */
    sourceId: text('source_id').notNull(),
    lang: text('lang').notNull(),
    /** What it is, for filters and labels: a content type ('announcement' …), 'faq', 'service', 'plan'. */
    kind: text('kind').notNull(),
    /** The page, bare (zh-TW) path: `/info/items/12`. */
    path: text('path').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** The body as plain text, for snippets (bounded by the writer). */
    body: text('body').notNull().default(''),
    /** The attachments' extracted text, for snippets that say "in the attached file". */
    fileText: text('file_text').notNull().default(''),
    unitCode: text('unit_code'),
    /** The date the public sees on it (DC.Date): filters and "newest first". */
    publishedOn: date('published_on', { mode: 'string' }),
    /** Shown from / until (scheduled publishing and expiry): a search never finds it outside. */
    visibleFrom: timestamptz('visible_from'),
    visibleUntil: timestamptz('visible_until'),
    themeCodes: text('theme_codes').array().notNull().default(sql`'{}'::text[]`),
    cakeCodes: text('cake_codes').array().notNull().default(sql`'{}'::text[]`),
    serviceCodes: text('service_codes').array().notNull().default(sql`'{}'::text[]`),
    titleTerms: text('title_terms').notNull(),
    summaryTerms: text('summary_terms').notNull().default(''),
    bodyTerms: text('body_terms').notNull().default(''),
    fileTerms: text('file_terms').notNull().default(''),
    terms: tsvector('terms').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple', summary_terms), 'B') || setweight(to_tsvector('simple', body_terms), 'C') || setweight(to_tsvector('simple', file_terms), 'D')`,
    ),
    /**
     * The title and keywords alone (what `terms` weighs A), small: title-only searches find rows by its own
     * GIN index (the index of `terms` cannot select by weight), and the score's title parts read it instead
     * of each candidate's whole `terms`.
     */
    titleVector: tsvector('title_vector').generatedAlwaysAs(sql`to_tsvector('simple', title_terms)`),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.source, table.sourceId, table.lang] }),
    // `terms` is indexed in segments (ADR 0015, "Segments"): the small sources, the FAQ, and the content
    // in eight parts by a hash of its id. A GIN index has no LIMIT: a common word's lookup reads every row
    // holding it (50 ms for 120,000 rows); search reads the segments one after another and stops when it
    // has its candidates. Each segment's predicate is `searchSegments` (search-query.ts) word for word — the
    // planner only uses a partial index whose predicate the query repeats. Small pending lists: a search
    // reads every segment's list whole.
    ...searchSegments.map((segment) =>
      index(`search_documents_terms_${segment.name}_idx`)
        .using('gin', table.terms)
        .where(sql.raw(segment.predicate))
        .with({ gin_pending_list_limit: 128 }),
    ),
    index('search_documents_title_vector_idx')
      .using('gin', table.titleVector)
      .with({ gin_pending_list_limit: 256 }),
    index('search_documents_kind_date_idx').on(table.lang, table.kind, table.publishedOn),
    index('search_documents_unit_idx').on(table.unitCode),
    index('search_documents_theme_idx').using('gin', table.themeCodes),
    index('search_documents_cake_idx').using('gin', table.cakeCodes),
    index('search_documents_service_idx').using('gin', table.serviceCodes),
  ],
);

/**
 * Everyday words → the bureau's terms, kept by web editors (/staff/search/synonyms): a query holding
 * `phrase` also looks for `expansion` (「挖馬路」→「道路挖掘」, 「路燈壞了」→「路燈故障」).
 */
export const searchSynonyms = pgTable('search_synonyms', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** NFKC, lower-cased, without spaces: unique. */
  phrase: text('phrase').notNull().unique(),
  /** The bureau's terms, separated by spaces. */
  expansion: text('expansion').notNull(),
  updatedByStaffId: uuid('updated_by_staff_id'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/**
 * Searches that found nothing, counted per day and language, for the editors (what people look for and do
 * not find). Never personal data: the query is scrubbed before it is kept (numbers, e-mail addresses and ID
 * numbers replaced) and nothing about who searched is kept.
 */
export const searchMisses = pgTable(
  'search_misses',
  {
    query: text('query').notNull(),
    lang: text('lang').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull().default(1),
    lastAt: timestamptz('last_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.query, table.lang, table.day] })],
);
