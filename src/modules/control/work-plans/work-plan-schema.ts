import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { timestamptz } from '../../../platform/db/columns.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { controlPlans } from '../plans/plan-schema.ts';

/**
 * 管制查考 §2: each unit's work plan (工作計畫) for a plan year, on the seed's template
 * (實施要項 → 工作重點 → 工作(推動)方法 → 備註(績效)). Each row is one method, linked to the practices of
 * that year's published plan it carries out, with at least one quantified target.
 *
 * Flow: draft → submitted (unit editor) → approved_by_head (unit head; or returned) → accepted
 * (secretariat; or returned with comments) → published. `version` grows with every change: forms carry it,
 * and a stale one is refused (optimistic concurrency).
 */

export const workPlanStates = [
  'draft',
  'submitted',
  'approved_by_head',
  'returned',
  'accepted',
  'published',
] as const;
export type WorkPlanState = (typeof workPlanStates)[number];

export const controlWorkPlans = pgTable(
  'control_work_plans',
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
    state: text('state').$type<WorkPlanState>().notNull(),
    version: integer('version').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    updatedByStaffId: uuid('updated_by_staff_id').references(() => staff.id),
    updatedBy: text('updated_by').notNull(),
    submittedAt: timestamptz('submitted_at'),
    approvedAt: timestamptz('approved_at'),
    acceptedAt: timestamptz('accepted_at'),
    publishedAt: timestamptz('published_at'),
  },
  (table) => [
    unique('control_work_plans_unit_year').on(table.year, table.unitCode),
    check(
      'control_work_plans_state_known',
      sql`${table.state} in ('draft', 'submitted', 'approved_by_head', 'returned', 'accepted', 'published')`,
    ),
    check('control_work_plans_version_positive', sql`${table.version} >= 1`),
    index('control_work_plans_plan_idx').on(table.planId),
  ],
);

/** One row of the template: a method (工作(推動)方法) under its item and focus, with its remarks. */
export const controlWorkPlanRows = pgTable(
  'control_work_plan_rows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workPlanId: uuid('work_plan_id')
      .notNull()
      .references(() => controlWorkPlans.id, { onDelete: 'cascade' }),
    sortOrder: integer('sort_order').notNull(),
    /** 實施要項 */
    itemText: text('item_text').notNull(),
    /** 工作重點 */
    focusText: text('focus_text').notNull(),
    /** 工作(推動)方法 */
    methodText: text('method_text').notNull(),
    /** 備註(績效) */
    remarks: text('remarks').notNull().default(''),
    /** control_plan_practices ids of the year's published plan that this method carries out. */
    practiceIds: uuid('practice_ids').array().notNull(),
  },
  (table) => [
    check('control_work_plan_rows_practices', sql`cardinality(${table.practiceIds}) >= 1`),
    index('control_work_plan_rows_plan_idx').on(table.workPlanId, table.sortOrder),
  ],
);

/** A quantified target of a method: indicator, unit of measure, baseline, target, how it is measured. */
export const controlWorkPlanTargets = pgTable(
  'control_work_plan_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rowId: uuid('row_id')
      .notNull()
      .references(() => controlWorkPlanRows.id, { onDelete: 'cascade' }),
    sortOrder: integer('sort_order').notNull(),
    indicator: text('indicator').notNull(),
    unitOfMeasure: text('unit_of_measure').notNull(),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    measurement: text('measurement').notNull(),
  },
  (table) => [index('control_work_plan_targets_row_idx').on(table.rowId, table.sortOrder)],
);

/** Review comments: the unit head's on sending back, the secretariat's on returning; on a row or the plan. */
export const controlWorkPlanComments = pgTable(
  'control_work_plan_comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workPlanId: uuid('work_plan_id')
      .notNull()
      .references(() => controlWorkPlans.id, { onDelete: 'cascade' }),
    /** Null: about the whole plan. Not a foreign key: the row may be removed later, the comment stays. */
    rowId: uuid('row_id'),
    /** The method's text when the comment was made, so it still reads after the row changes. */
    rowLabel: text('row_label'),
    stage: text('stage').$type<'head' | 'secretariat'>().notNull(),
    /** The work plan's version the comment was about. */
    aboutVersion: integer('about_version').notNull(),
    authorStaffId: uuid('author_staff_id').references(() => staff.id),
    author: text('author').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    text: text('text').notNull(),
  },
  (table) => [
    check('control_work_plan_comments_stage', sql`${table.stage} in ('head', 'secretariat')`),
    check('control_work_plan_comments_text', sql`length(btrim(${table.text})) > 0`),
    index('control_work_plan_comments_plan_idx').on(table.workPlanId),
  ],
);
