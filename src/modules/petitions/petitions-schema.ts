import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff } from '../../platform/auth/auth-schema.ts';
import { timestamptz } from '../../platform/db/columns.ts';
import { cases } from '../cases/core/cases-schema.ts';
import { services } from '../catalogue/catalogue-schema.ts';

/**
 * Petitions (陳情, issue 16). A petition is a case of kind `petition` (service, unit, state, deadline,
 * timeline, notices are the case's; its workflow is petition-workflow.ts in the case core). These tables
 * hold what only a petition has: its type's rules, where it came from, the ground of a §173 decline, the
 * links to earlier petitions on the same matter, a confidential reporter's identity (kept here only), and
 * the text's character pairs that find repeats.
 */

export const petitionSources = [
  'director_mailbox', // 首長信箱 (web form)
  'suggestion_box', // 意見信箱 (web form)
  'hotline_1999', // 1999 轉介
  'letter', // 書面來函
  'oral', // 言詞陳情 (recorded, read back, signed)
  'email', // e-mail to the mailbox the platform reads
] as const;
export type PetitionSource = (typeof petitionSources)[number];

/** 行政程序法 §173's grounds for declining (the petition is still registered and counted). */
export const declineGrounds = [
  'no_content', // 無具體內容
  'no_identity', // 未具真實姓名或聯絡方式
  'repeat_answered', // 同一事由經予適當處理並已明確答覆，而仍一再陳情 (answered by citing the earlier reply)
] as const;
export type DeclineGround = (typeof declineGrounds)[number];

const quoted = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/** Each petition type is a catalogue service of kind `petition`; these are its petition rules. */
export const petitionTypes = pgTable('petition_types', {
  serviceCode: text('service_code')
    .primaryKey()
    .references(() => services.code),
  /** No extension passes this many working days from receipt (TAIWAN.md: 30). */
  outerLimitWorkingDays: integer('outer_limit_working_days').notNull().default(30),
  /** The answer is approved by a supervisor before it is sent. */
  needsAnswerApproval: boolean('needs_answer_approval').notNull().default(true),
  /** 檢舉: the reporter's identity is kept apart, seen only by designated officers. */
  isConfidential: boolean('is_confidential').notNull().default(false),
  /** Offered on the director's mailbox and suggestion box forms as a topic. */
  isOnMailbox: boolean('is_on_mailbox').notNull().default(true),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const petitions = pgTable(
  'petitions',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    source: text('source').notNull(),
    isConfidential: boolean('is_confidential').notNull().default(false),
    /** Written in English: answered in English (the case's applicant_lang is 'en' as well). */
    isEnglish: boolean('is_english').notNull().default(false),
    /** sha256 of the petitioner's e-mail (lower case) or phone digits: "the same petitioner" without the data. */
    contactHashes: text('contact_hashes').array().notNull().default(sql`'{}'::text[]`),
    /** The place, folded (district + road and number without spaces): "the same place". */
    placeKey: text('place_key'),
    /** The text's character pairs, each as a 32-bit hash (petition-text.ts), for repeat detection. */
    textPairs: integer('text_pairs').array().notNull(),
    /** §173 decline: its ground; the earlier petition whose reply a repeat cites. */
    declineGround: text('decline_ground'),
    citedCaseId: uuid('cited_case_id').references(() => cases.id),
    /** An oral petition: when the record was read back to the petitioner, and the signed record's case file. */
    readBackAt: timestamptz('read_back_at'),
    /** The e-mail's Message-ID, for a petition read from the mailbox (IMAP): read once. */
    messageId: text('message_id'),
    receivedAt: timestamptz('received_at').notNull(),
  },
  (table) => [
    check('petitions_source_check', sql`${table.source} in (${quoted(petitionSources)})`),
    check(
      'petitions_decline_ground_check',
      sql`${table.declineGround} is null or ${table.declineGround} in (${quoted(declineGrounds)})`,
    ),
    index('petitions_contact_hashes_idx').using('gin', table.contactHashes),
    index('petitions_text_pairs_idx').using('gin', table.textPairs),
    index('petitions_place_key_idx').on(table.placeKey, table.receivedAt),
    index('petitions_received_at_idx').on(table.receivedAt),
    uniqueIndex('petitions_message_id_unique').on(table.messageId),
  ],
);

/** How often each character pair occurs across petitions: the rarest pairs of a text find its repeats. */
export const petitionPairCounts = pgTable('petition_pair_counts', {
  pair: integer('pair').primaryKey(),
  petitions: integer('petitions').notNull(),
});

/** A later petition linked to an earlier one on the same matter (found at intake, or linked by staff). */
export const petitionLinks = pgTable(
  'petition_links',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    earlierCaseId: uuid('earlier_case_id')
      .notNull()
      .references(() => cases.id),
    /** same_petitioner, similar_text, same_place, staff */
    reasons: text('reasons').array().notNull(),
    /** The texts' similarity (shared character pairs over all pairs of both), 0–1. */
    similarity: real('similarity').notNull(),
    linkedAt: timestamptz('linked_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.earlierCaseId] }),
    index('petition_links_earlier_idx').on(table.earlierCaseId),
  ],
);

/**
 * A confidential reporter's identity (檢舉): kept here, never on the case (whose applicant reads
 * 「檢舉人（身分保密）」), read only by designated officers, every reading audited.
 */
export const petitionIdentities = pgTable('petition_identities', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  name: text('name').notNull(),
  email: text('email'),
  phone: text('phone'),
  address: text('address'),
});

/** The officers designated to see confidential reporters' identities (by an admin). */
export const petitionOfficers = pgTable('petition_officers', {
  staffId: uuid('staff_id')
    .primaryKey()
    .references(() => staff.id),
  designatedAt: timestamptz('designated_at').notNull(),
});

/**
 * A petition written on the web form and waiting for its one-time code: the contact is proven before the
 * petition is registered. Found by the hash of its link's secret; gone once registered or after a day.
 */
export const petitionSubmissions = pgTable('petition_submissions', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull().unique(),
  /** What the form held, as typed (registered when the code is right). */
  values: jsonb('values').$type<Record<string, string>>().notNull(),
  lang: text('lang').notNull(),
  codeHash: text('code_hash').notNull(),
  codeExpiresAt: timestamptz('code_expires_at').notNull(),
  codeAttempts: integer('code_attempts').notNull().default(0),
  createdAt: timestamptz('created_at').notNull(),
});

/** 輿情: news and social-media items, with the fact-check asked of a unit and the clarification. */
export const mediaTones = ['positive', 'neutral', 'negative'] as const;
export const mediaItems = pgTable(
  'media_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    outlet: text('outlet').notNull(),
    url: text('url'),
    publishedOn: text('published_on').notNull(),
    summary: text('summary').notNull(),
    tone: text('tone').notNull(),
    unitCodes: text('unit_codes').array().notNull(),
    /** The fact-check: the unit asked, by when (hours from entry), and its answer. */
    factCheckUnit: text('fact_check_unit'),
    factCheckDueAt: timestamptz('fact_check_due_at'),
    factCheckNote: text('fact_check_note'),
    /** The clarification: a press release or a reply, with its link. */
    clarificationKind: text('clarification_kind'),
    clarificationUrl: text('clarification_url'),
    clarifiedAt: timestamptz('clarified_at'),
    overdueAlertedAt: timestamptz('overdue_alerted_at'),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: timestamptz('created_at').notNull(),
  },
  (table) => [
    check('media_items_tone_check', sql`${table.tone} in (${quoted(mediaTones)})`),
    index('media_items_due_idx').on(table.factCheckDueAt).where(sql`${table.clarifiedAt} is null`),
  ],
);
