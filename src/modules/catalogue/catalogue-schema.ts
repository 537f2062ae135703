import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { serviceClassifications, units } from '../../platform/reference/reference-schema.ts';
import type { ChecklistItem, Deadline, Fee, FormField, Sample, SopStep } from './catalogue-schemas.ts';

/**
 * The service catalogue (申辦項目). A service is only its code and which version is current; all its
 * content lives in `service_versions`, which are never updated: a change writes a new version and moves
 * `current_version`, so a case keeps the exact rules (deadline, checklist, form) it was opened under.
 */

export const services = pgTable(
  'services',
  {
    /** URL-safe and stable: in URLs and stored cases; never rename one. */
    code: text('code').primaryKey(),
    currentVersion: integer('current_version').notNull(),
    /** Invented for demonstration; pages say so. */
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (table) => [
    check('services_code_url_safe', sql`${table.code} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('services_current_version_positive', sql`${table.currentVersion} >= 1`),
  ],
);

export const serviceVersions = pgTable(
  'service_versions',
  {
    serviceCode: text('service_code')
      .notNull()
      .references(() => services.code),
    version: integer('version').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    summaryZh: text('summary_zh').notNull(),
    summaryEn: text('summary_en').notNull(),
    descriptionZh: text('description_zh').notNull(),
    descriptionEn: text('description_en').notNull(),
    kind: text('kind').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull(),
    fees: jsonb('fees').$type<Fee[]>().notNull(),
    deadline: jsonb('deadline').$type<Deadline>().notNull(),
    sopSteps: jsonb('sop_steps').$type<SopStep[]>().notNull(),
    formFields: jsonb('form_fields').$type<FormField[]>().notNull(),
    sample: jsonb('sample').$type<Sample>().notNull(),
    serviceClassificationCode: text('service_classification_code')
      .notNull()
      .references(() => serviceClassifications.code),
    // No foreign keys: the 主題分類 and 施政分類 tables start empty until an admin loads them.
    themeClassificationCode: text('theme_classification_code'),
    administrativeClassificationCode: text('administrative_classification_code'),
    isOnline: boolean('is_online').notNull(),
    /**
     * Bigrams (platform/search/bigrams.ts) of every searchable text of the version, both languages.
     * `search_names` holds those of the names alone, to rank name matches first.
     */
    searchText: text('search_text').notNull(),
    searchNames: text('search_names').notNull(),
    publishedAt: timestamptz('published_at').notNull(),
    publishedBy: text('published_by').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.serviceCode, table.version] }),
    check(
      'service_versions_kind_known',
      sql`${table.kind} in ('application', 'field_report', 'petition', 'inquiry')`,
    ),
    check('service_versions_version_positive', sql`${table.version} >= 1`),
    index('service_versions_search_idx').using('gin', sql`to_tsvector('simple', ${table.searchText})`),
    index('service_versions_unit_code_idx').on(table.unitCode),
  ],
);
