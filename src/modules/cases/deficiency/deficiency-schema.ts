import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { timestamptz } from '../../../platform/db/columns.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { cases } from '../core/cases-schema.ts';

/**
 * The one-time deficiency notice (退件一次告知單, issue 11 §2): everything missing or wrong, told once, with
 * the date to supplement by. The first notice of a case is issued by its handler; a second needs a
 * supervisor's approval with a reason (`pending_approval` until then). The applicant's supplement (online or
 * recorded by a clerk) is kept item by item in `supplement`; files brought in are case attachments of
 * purpose `supplement` naming the notice.
 */

export const deficiencyNoticeStates = [
  'pending_approval', // a second (or later) notice, waiting for a supervisor
  'issued', // sent; the case waits for the supplement
  'supplemented', // every listed item answered
  'lapsed', // the date passed and the case was closed as not supplemented
  'refused', // a supervisor refused the second notice
  'withdrawn', // the case ended otherwise (withdrawn, rejected) while the notice was open
] as const;
export type DeficiencyNoticeState = (typeof deficiencyNoticeStates)[number];

/** One thing missing or wrong: a checklist item, a form field's answer, or a free-text item. */
export interface DeficiencyItem {
  /** Stable within the notice: `checklist:<id>`, `field:<id>` or `other:<n>`. */
  key: string;
  kind: 'checklist' | 'field' | 'other';
  /** The checklist item's or form field's id; null for a free-text item. */
  refId: string | null;
  labelZh: string;
  labelEn: string;
  /** What is wrong or missing, as the handler wrote it (shown to the applicant). */
  note: string;
}

/** What the applicant brought for one item: a corrected answer and/or files (case attachment ids). */
export interface DeficiencySupplementItem {
  key: string;
  /** A field's answer before and after (kind `field`). */
  previousAnswer?: string | null;
  answer?: string | null;
  /** For a free-text item: the applicant's reply. */
  reply?: string | null;
  attachmentIds: string[];
}

export const deficiencyNotices = pgTable(
  'deficiency_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** 1 for the first notice of the case, 2 for the second … */
    sequence: integer('sequence').notNull(),
    state: text('state').notNull(),
    items: jsonb('items').$type<DeficiencyItem[]>().notNull(),
    /** The date (Taipei) by which to supplement. */
    supplementBy: date('supplement_by', { mode: 'string' }).notNull(),
    /** The unit and service at the time, for the annual counts per service and unit. */
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    serviceCode: text('service_code').notNull(),
    draftedBy: uuid('drafted_by')
      .notNull()
      .references(() => staff.id),
    draftedAt: timestamptz('drafted_at').notNull(),
    /** Why a second notice is needed (required from the second on). */
    approvalReason: text('approval_reason'),
    decidedBy: uuid('decided_by').references(() => staff.id),
    decidedAt: timestamptz('decided_at'),
    decisionNote: text('decision_note'),
    issuedAt: timestamptz('issued_at'),
    supplementedAt: timestamptz('supplemented_at'),
    /** `online` (the applicant) or `counter` (a clerk recorded what was brought in). */
    supplementedVia: text('supplemented_via'),
    supplement: jsonb('supplement').$type<DeficiencySupplementItem[]>(),
    closedAt: timestamptz('closed_at'),
  },
  (table) => [
    uniqueIndex('deficiency_notices_case_sequence_unique').on(table.caseId, table.sequence),
    // At most one notice open (pending approval or issued) per case.
    uniqueIndex('deficiency_notices_one_open')
      .on(table.caseId)
      .where(sql`${table.state} in ('pending_approval', 'issued')`),
    index('deficiency_notices_unit_issued_idx').on(table.unitCode, table.issuedAt),
    index('deficiency_notices_service_issued_idx').on(table.serviceCode, table.issuedAt),
    check(
      'deficiency_notices_state_known',
      sql`${table.state} in (${sql.raw(deficiencyNoticeStates.map((state) => `'${state}'`).join(', '))})`,
    ),
    check('deficiency_notices_sequence_positive', sql`${table.sequence} >= 1`),
    check(
      'deficiency_notices_second_has_reason',
      sql`${table.sequence} = 1 or ${table.approvalReason} is not null`,
    ),
    check(
      'deficiency_notices_supplemented_via_known',
      sql`${table.supplementedVia} in ('online', 'counter')`,
    ),
  ],
);
