import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { storedFileColumns, timestamptz } from '../../platform/db/columns.ts';
import { cases } from '../cases/core/cases-schema.ts';

/**
 * Online applications (issue 11 §1). A draft holds an application in progress: the answers given so far,
 * saved at every page, and resumed for 30 days from the link in the e-mail (the link's secret is stored
 * hashed). Before submitting, the applicant proves the e-mail address (or mobile number) with a one-time
 * code; a draft resumed after the code's proof has expired asks again. Submitting opens a case (channel
 * `web`) and the draft keeps the case it became. Uploaded documents are files in the store, one row each.
 */
export const applicationDrafts = pgTable(
  'application_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceCode: text('service_code').notNull(),
    serviceVersion: integer('service_version').notNull(),
    lang: text('lang').notNull(),
    /** SHA-256 (hex) of the secret in the resume link (the one e-mailed with the one-time code). */
    resumeTokenHash: text('resume_token_hash').notNull(),
    /**
     * SHA-256 (hex) of the secret of the link "Continue" on the citizen's account last opened the draft with
     * (src/modules/citizens); a new one each time. It opens the draft like the resume link, which it leaves
     * working: the e-mailed link still leads back.
     */
    accountTokenHash: text('account_token_hash'),
    /** `email` or `mobile`: how the applicant is reached and proves who they are. */
    contactKind: text('contact_kind'),
    contact: text('contact'),
    /** SHA-256 of the current one-time code; null once used or before one was sent. */
    codeHash: text('code_hash'),
    codeSentAt: timestamptz('code_sent_at'),
    codeExpiresAt: timestamptz('code_expires_at'),
    /** Wrong codes for the current code; at the limit the code is spent and a new one must be asked for. */
    codeAttempts: integer('code_attempts').notNull().default(0),
    /** When the contact was proven; the proof lasts for the session of filling in (see the service). */
    contactVerifiedAt: timestamptz('contact_verified_at'),
    /** Answers by name: the applicant's own fields and the service's form fields. */
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    /** The pages completed, in order (for "check your answers" and resuming). */
    completedSteps: jsonb('completed_steps').$type<string[]>().notNull().default([]),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    /** 30 days after the last save; an expired draft cannot be resumed and is removed by the sweep. */
    expiresAt: timestamptz('expires_at').notNull(),
    submittedAt: timestamptz('submitted_at'),
    caseId: uuid('case_id').references(() => cases.id),
  },
  (table) => [
    uniqueIndex('application_drafts_resume_token_unique').on(table.resumeTokenHash),
    uniqueIndex('application_drafts_account_token_unique').on(table.accountTokenHash),
    index('application_drafts_expires_idx').on(table.expiresAt),
    index('application_drafts_case_idx').on(table.caseId).where(sql`${table.caseId} is not null`),
    check('application_drafts_contact_kind_known', sql`${table.contactKind} in ('email', 'mobile')`),
    check('application_drafts_lang_known', sql`${table.lang} in ('zh-TW', 'en')`),
  ],
);

/** A document uploaded to a draft, for one checklist item; it becomes a case attachment on submit. */
export const applicationDraftFiles = pgTable(
  'application_draft_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => applicationDrafts.id, { onDelete: 'cascade' }),
    checklistItemId: text('checklist_item_id').notNull(),
    ...storedFileColumns(),
    uploadedAt: timestamptz('uploaded_at').notNull(),
  },
  (table) => [
    index('application_draft_files_draft_idx').on(table.draftId),
    // The file sweep asks, for each stored file, whether a row names it (ADR 0011).
    index('application_draft_files_sha256_idx').on(table.sha256),
  ],
);
