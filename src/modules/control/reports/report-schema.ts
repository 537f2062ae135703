import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { timestamptz } from '../../../platform/db/columns.ts';
import { units } from '../../../platform/reference/reference-schema.ts';

/**
 * 管制查考 §5: the annual performance report (績效成果) of a plan year, one per unit and one for the whole
 * bureau (`unit_code` null). The figures are generated when read (plan, work plans, checks, progress); what
 * is stored is the secretariat's narrative, the state (draft → issued) and who issued it when. The report is
 * due on 1 February of the following year (`due_date`, seed 陸).
 */

export const reportStates = ['draft', 'issued'] as const;
export type ReportState = (typeof reportStates)[number];

export const controlReports = pgTable(
  'control_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 西元, as the plan's. */
    year: integer('year').notNull(),
    /** Null: the bureau-wide report. */
    unitCode: text('unit_code').references(() => units.code),
    state: text('state').$type<ReportState>().notNull(),
    narrative: text('narrative').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Grows with every change: the narrative form carries it, a stale one is refused. */
    version: integer('version').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    issuedAt: timestamptz('issued_at'),
    issuedByStaffId: uuid('issued_by_staff_id').references(() => staff.id),
    issuedBy: text('issued_by'),
  },
  (table) => [
    uniqueIndex('control_reports_year_subject').on(table.year, sql`coalesce(${table.unitCode}, '')`),
    check('control_reports_state_known', sql`${table.state} in ('draft', 'issued')`),
    check(
      'control_reports_issued_complete',
      sql`(${table.state} = 'issued') = (${table.issuedAt} is not null)`,
    ),
  ],
);

/** The narrative on one implementation item (實施要項) of the year's plan, optional. */
export const controlReportItemNarratives = pgTable(
  'control_report_item_narratives',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => controlReports.id, { onDelete: 'cascade' }),
    /** control_plan_items.id of the year's plan (not a foreign key: the plan keeps its ids per version). */
    itemId: uuid('item_id').notNull(),
    text: text('text').notNull(),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.itemId] })],
);
