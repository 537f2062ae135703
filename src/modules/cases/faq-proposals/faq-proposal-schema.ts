import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { timestamptz } from '../../../platform/db/columns.ts';
import { cases } from '../core/cases-schema.ts';

/**
 * A case answer proposed as an FAQ entry ("propose as FAQ" on the case page, issue 15): the question and the
 * answer as the handler rewrote them for everyone — no names, addresses or case details. Web editors see the
 * open ones (the portal module asks `listFaqProposals`) and turn one into an entry or dismiss it.
 */
export const caseFaqProposals = pgTable(
  'case_faq_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    proposedByStaffId: uuid('proposed_by_staff_id')
      .notNull()
      .references(() => staff.id),
    proposedAt: timestamptz('proposed_at').notNull().defaultNow(),
    /** 'open', 'used' (an FAQ entry was made of it) or 'dismissed'. */
    state: text('state').notNull().default('open'),
    closedByStaffId: uuid('closed_by_staff_id').references(() => staff.id),
    closedAt: timestamptz('closed_at'),
    /** The portal's FAQ entry made of it (no foreign key: the portal module owns that table). */
    faqEntryId: uuid('faq_entry_id'),
  },
  (table) => [
    check('case_faq_proposals_state_known', sql`${table.state} in ('open', 'used', 'dismissed')`),
    index('case_faq_proposals_open_idx').on(table.proposedAt).where(sql`${table.state} = 'open'`),
    index('case_faq_proposals_case_idx').on(table.caseId),
  ],
);
