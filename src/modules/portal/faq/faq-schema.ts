import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { timestamptz } from '../../../platform/db/columns.ts';
import { units } from '../../../platform/reference/reference-schema.ts';

/**
 * The FAQ (issue 15, 業務Q&A): a question with the other ways people ask it, the answer, the unit that
 * answers, related services (catalogue codes) and classification codes. Web editors write entries, or turn a
 * case answer a handler proposed (cases module, `case_faq_proposals`) into one.
 */
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').generatedAlwaysAsIdentity().notNull().unique(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    /** 'draft', 'published' or 'withdrawn'. */
    state: text('state').notNull().default('draft'),
    questionZh: text('question_zh').notNull(),
    questionEn: text('question_en'),
    /** Other ways people ask it (each found by search as the question is). */
    variantsZh: text('variants_zh').array().notNull().default(sql`'{}'::text[]`),
    variantsEn: text('variants_en').array().notNull().default(sql`'{}'::text[]`),
    answerZh: text('answer_zh').notNull(),
    answerEn: text('answer_en'),
    /** Catalogue service codes it is about: the service page shows the entry. */
    relatedServiceCodes: text('related_service_codes').array().notNull().default(sql`'{}'::text[]`),
    themeCodes: text('theme_codes').array().notNull().default(sql`'{}'::text[]`),
    cakeCodes: text('cake_codes').array().notNull().default(sql`'{}'::text[]`),
    serviceCodes: text('service_codes').array().notNull().default(sql`'{}'::text[]`),
    /** The case answer it came from (cases module's proposal id), when it did. */
    sourceProposalId: uuid('source_proposal_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedByStaffId: uuid('updated_by_staff_id').references(() => staff.id),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    publishedAt: timestamptz('published_at'),
  },
  (table) => [
    check('faq_entries_state_known', sql`${table.state} in ('draft', 'published', 'withdrawn')`),
    index('faq_entries_state_idx').on(table.state),
    index('faq_entries_related_services_idx').using('gin', table.relatedServiceCodes),
  ],
);

/**
 * "Was this useful?": one row per answer, with an optional comment (staff only; may hold what a citizen
 * typed, so never shown publicly and never logged). Nothing about who answered is kept.
 */
export const faqFeedback = pgTable(
  'faq_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    faqId: uuid('faq_id')
      .notNull()
      .references(() => faqEntries.id),
    isUseful: boolean('is_useful').notNull(),
    comment: text('comment'),
    lang: text('lang').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (table) => [index('faq_feedback_faq_idx').on(table.faqId, table.createdAt)],
);
