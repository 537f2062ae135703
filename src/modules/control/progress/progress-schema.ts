import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { bytea, timestamptz } from '../../../platform/db/columns.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { controlPlanPractices, controlPlans } from '../plans/plan-schema.ts';
import { controlWorkPlanTargets } from '../work-plans/work-plan-schema.ts';
import type { ProgressCadence, ProgressStatus } from './progress-rules.ts';

/**
 * 管制查考 §3: progress entries per (practice, unit, period) with status, narrative, the measured value of
 * each quantified target of the unit's accepted work plan, and evidence (files, their bytes in the file store: ADR 0009; links).
 * Periods are `YYYY-MM` (monthly, the default) or `YYYY-Qn` (quarterly) as the secretariat sets per plan
 * year in `control_progress_settings`; an entry is due on `due_day` of the month after its period.
 */

export const controlProgressSettings = pgTable(
  'control_progress_settings',
  {
    planId: uuid('plan_id')
      .primaryKey()
      .references(() => controlPlans.id),
    cadence: text('cadence').$type<ProgressCadence>().notNull().default('monthly'),
    dueDay: integer('due_day').notNull().default(10),
    updatedAt: timestamptz('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (table) => [
    check('control_progress_settings_cadence', sql`${table.cadence} in ('monthly', 'quarterly')`),
    check('control_progress_settings_due_day', sql`${table.dueDay} between 1 and 28`),
  ],
);

export const controlProgressEntries = pgTable(
  'control_progress_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => controlPlans.id),
    /** 西元, as the plan's. */
    year: integer('year').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => controlPlanPractices.id),
    /** `2012-03` or `2012-Q1`. */
    period: text('period').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').$type<ProgressStatus>().notNull(),
    narrative: text('narrative').notNull().default(''),
    /** Entered after its due date (Taipei); set when first entered, kept on later corrections. */
    isLate: boolean('is_late').notNull(),
    enteredByStaffId: uuid('entered_by_staff_id').references(() => staff.id),
    enteredBy: text('entered_by').notNull(),
    enteredAt: timestamptz('entered_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (table) => [
    unique('control_progress_entries_one').on(table.practiceId, table.unitCode, table.period),
    check(
      'control_progress_entries_status',
      sql`${table.status} in ('not_started', 'on_track', 'at_risk', 'done', 'not_done')`,
    ),
    check('control_progress_entries_period', sql`${table.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'`),
    // The secretariat's overview and the reminder scan: a year's entries by unit and period.
    index('control_progress_entries_year_unit_period').on(table.year, table.unitCode, table.period),
    index('control_progress_entries_practice').on(table.practiceId),
    // The latest entry per (practice, unit) of a year (the overview's completion, the reports) in index
    // order, read from the index alone (status is a key column: drizzle has no INCLUDE); issue 4 §8.
    index('control_progress_entries_latest').on(
      table.year,
      table.practiceId,
      table.unitCode,
      table.period.desc().nullsFirst(),
      table.status,
    ),
  ],
);

/** The measured value of one quantified target of the unit's accepted work plan. */
export const controlProgressValues = pgTable(
  'control_progress_values',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => controlProgressEntries.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id')
      .notNull()
      .references(() => controlWorkPlanTargets.id),
    value: doublePrecision('value').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.entryId, table.targetId] }),
    index('control_progress_values_target').on(table.targetId),
  ],
);

/**
 * Evidence: a file checked by readMultipartForm (type sniffed from its bytes; its bytes in the file store under
 * its SHA-256, ADR 0009), or an http(s) link.
 */
export const controlProgressEvidence = pgTable(
  'control_progress_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => controlProgressEntries.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'file' | 'link'>().notNull(),
    url: text('url'),
    fileName: text('file_name'),
    mediaType: text('media_type'),
    sizeBytes: integer('size_bytes'),
    sha256: text('sha256'),
    content: bytea('content'),
    addedAt: timestamptz('added_at').notNull(),
  },
  (table) => [
    check(
      'control_progress_evidence_kind',
      sql`(${table.kind} = 'link' and ${table.url} is not null and ${table.content} is null and ${table.sha256} is null) or (${table.kind} = 'file' and ${table.sha256} is not null and ${table.fileName} is not null and ${table.mediaType} is not null)`,
    ),
    index('control_progress_evidence_entry').on(table.entryId),
    // The file sweep asks, for each stored file, whether a row names it (platform/files/sweep-files.ts).
    index('control_progress_evidence_sha256').on(table.sha256),
  ],
);
