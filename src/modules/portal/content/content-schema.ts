import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { storedFileColumns, timestamptz } from '../../../platform/db/columns.ts';
import { units } from '../../../platform/reference/reference-schema.ts';

/**
 * The bureau's published content (issue 15): announcements, news, regulations, forms, plans and reports,
 * activities, procurement notices, publications and topic pages. An item has numbered versions; the one
 * the public sees is `published_version`, between `visible_from` and `visible_until`. A web editor drafts,
 * a second web editor approves (never the one who submitted), and the approval schedules it.
 */
export const contentItems = pgTable(
  'content_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The number in its address: /info/items/12. */
    number: integer('number').generatedAlwaysAsIdentity().notNull().unique(),
    kind: text('kind').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    /** The working version's state: 'draft', 'in_review', 'approved', or 'withdrawn' (taken down). */
    state: text('state').notNull().default('draft'),
    /** The version being worked on (the newest). */
    currentVersion: integer('current_version').notNull().default(1),
    /** The version the public sees, null until one is approved. */
    publishedVersion: integer('published_version'),
    /** When the published version shows, and until when (null: no end). */
    visibleFrom: timestamptz('visible_from'),
    visibleUntil: timestamptz('visible_until'),
    /** The 政府資訊公開法 §7 kinds ('1'…'10') it belongs to, for the 政府資訊公開 zone. */
    foiKinds: text('foi_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** Demo content (npm start's demo data), marked as such on the page. */
    isDemo: boolean('is_demo').notNull().default(false),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (table) => [
    check(
      'content_items_kind_known',
      sql`${table.kind} in ('announcement', 'news', 'regulation', 'form', 'plan_report', 'activity', 'procurement', 'publication', 'topic')`,
    ),
    check(
      'content_items_state_known',
      sql`${table.state} in ('draft', 'in_review', 'approved', 'withdrawn')`,
    ),
    index('content_items_public_idx')
      .on(table.kind, table.visibleFrom)
      .where(sql`${table.publishedVersion} is not null`),
    index('content_items_state_idx').on(table.state),
    index('content_items_unit_idx').on(table.unitCode),
  ],
);

/**
 * One version of an item: its words in both languages (English may be missing: the page says so), the 15
 * Dublin Core fields (repeatable ones as arrays) and the three classification schemes' codes, its schedule,
 * and who wrote, submitted and reviewed it, and when.
 */
export const contentVersions = pgTable(
  'content_versions',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id),
    version: integer('version').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    summaryZh: text('summary_zh').notNull().default(''),
    summaryEn: text('summary_en'),
    /** Plain text; blank lines separate paragraphs. */
    bodyZh: text('body_zh').notNull().default(''),
    bodyEn: text('body_en'),
    /** DC.Subject: keywords, repeatable. */
    subjectsZh: text('subjects_zh').array().notNull().default(sql`'{}'::text[]`),
    subjectsEn: text('subjects_en').array().notNull().default(sql`'{}'::text[]`),
    /** DC.Creator / DC.Contributor / DC.Source / DC.Relation / DC.Rights (defaults from the unit when empty). */
    creators: text('creators').array().notNull().default(sql`'{}'::text[]`),
    contributors: text('contributors').array().notNull().default(sql`'{}'::text[]`),
    sources: text('sources').array().notNull().default(sql`'{}'::text[]`),
    relations: text('relations').array().notNull().default(sql`'{}'::text[]`),
    rights: text('rights'),
    /** DC.coverage.t.min / max. */
    coverageStart: date('coverage_start', { mode: 'string' }),
    coverageEnd: date('coverage_end', { mode: 'string' }),
    themeCodes: text('theme_codes').array().notNull().default(sql`'{}'::text[]`),
    cakeCodes: text('cake_codes').array().notNull().default(sql`'{}'::text[]`),
    serviceCodes: text('service_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Scheduled publishing and expiry asked for this version. */
    publishAt: timestamptz('publish_at'),
    expireAt: timestamptz('expire_at'),
    editedByStaffId: uuid('edited_by_staff_id').references(() => staff.id),
    editedAt: timestamptz('edited_at').notNull().defaultNow(),
    changeNote: text('change_note').notNull().default(''),
    submittedByStaffId: uuid('submitted_by_staff_id').references(() => staff.id),
    submittedAt: timestamptz('submitted_at'),
    reviewedByStaffId: uuid('reviewed_by_staff_id').references(() => staff.id),
    reviewedAt: timestamptz('reviewed_at'),
    /** 'approved' or 'returned' (with a note saying what to change). */
    reviewDecision: text('review_decision'),
    reviewNote: text('review_note').notNull().default(''),
  },
  (table) => [
    primaryKey({ columns: [table.itemId, table.version] }),
    check(
      'content_versions_review_known',
      sql`${table.reviewDecision} is null or ${table.reviewDecision} in ('approved', 'returned')`,
    ),
  ],
);

/**
 * Files of a version (PDF, ODF, images): the bytes in the file store (ADR 0009), the text extracted from
 * them for search. A new version copies the rows it keeps. `role`: 'file', or 'sample' (a filled-in example
 * of a form).
 */
export const contentAttachments = pgTable(
  'content_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    version: integer('version').notNull(),
    ...storedFileColumns(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    role: text('role').notNull().default('file'),
    extractedText: text('extracted_text').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    addedByStaffId: uuid('added_by_staff_id').references(() => staff.id),
    addedAt: timestamptz('added_at').notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      columns: [table.itemId, table.version],
      foreignColumns: [contentVersions.itemId, contentVersions.version],
    }),
    index('content_attachments_item_idx').on(table.itemId, table.version),
    // The file sweep asks, for each stored file, whether a row names it (platform/files/sweep-files.ts).
    index('content_attachments_sha256_idx').on(table.sha256),
    check('content_attachments_role_known', sql`${table.role} in ('file', 'sample')`),
  ],
);
