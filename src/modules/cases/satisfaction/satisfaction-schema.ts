import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../../platform/db/columns.ts';
import { cases } from '../core/cases-schema.ts';

/**
 * Satisfaction after closing (issue 11 §4, seed plan 一(三)9, 三(五)1): one 5-point answer and an optional
 * comment per case, from /track or the closing e-mail's link. Service, unit and channel are copied from the
 * case when it is answered, so results per service and unit read one table.
 */
export const satisfactionAnswers = pgTable(
  'satisfaction_answers',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    /** 1 (very dissatisfied) … 5 (very satisfied). */
    score: smallint('score').notNull(),
    comment: text('comment'),
    serviceCode: text('service_code').notNull(),
    unitCode: text('unit_code').notNull(),
    channel: text('channel').notNull(),
    answeredAt: timestamptz('answered_at').notNull(),
  },
  (table) => [
    check('satisfaction_answers_score_range', sql`${table.score} between 1 and 5`),
    index('satisfaction_answers_service_idx').on(table.serviceCode, table.answeredAt),
    index('satisfaction_answers_unit_idx').on(table.unitCode, table.answeredAt),
  ],
);
