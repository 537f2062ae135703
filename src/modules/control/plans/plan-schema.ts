import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { timestamptz } from '../../../platform/db/columns.ts';
import type {
  DeadlineKind,
  PlanChangeAction,
  PlanSnapshot,
  PlanSummaryEn,
  PracticePart,
  WorkPlanTemplate,
} from './plan-types.ts';

/**
 * 管制查考: the service-quality execution plan of each year, as data.
 *
 * A plan (one per year) is a draft until it is published; then every change is a new version. The live
 * rows (items → strategies → practices) are what editors change; `control_plan_versions` keeps each
 * published version whole and never changes (a trigger refuses UPDATE and DELETE), and
 * `control_plan_changes` says who changed a published plan, when and why.
 *
 * Ids are stable: a practice keeps its id through edits and versions, so the units' work plans, progress
 * entries and reports (later parts of issue 4) attach to `control_plan_practices.id`. That is also why a
 * published plan's entries are never deleted but marked removed (`removed_at`, `removed_in_version`);
 * a draft's are deleted outright, as nothing can refer to them yet. A copy for a later year gets new ids
 * and remembers its source (`copied_from_id`), so practices can be followed from year to year.
 */

export const controlPlans = pgTable(
  'control_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 西元 (2012). */
    year: integer('year').notNull().unique(),
    /** 民國 (101): always year − 1911 (checked), stored for queries and pages that speak 民國. */
    rocYear: integer('roc_year').notNull(),
    status: text('status').$type<'draft' | 'published'>().notNull(),
    /** The current published version; null while a draft. */
    publishedVersion: integer('published_version'),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    /** 壹 basis, 貳 goals, 伍 steps, 陸 control, 柒 closing: clauses in order, without their 一、二、 labels. */
    basis: jsonb('basis').$type<string[]>().notNull(),
    goals: jsonb('goals').$type<string[]>().notNull(),
    /** 參、實施對象 */
    scope: text('scope').notNull(),
    /** 肆's sentence before the items. */
    contentIntro: text('content_intro').notNull(),
    steps: jsonb('steps').$type<string[]>().notNull(),
    control: jsonb('control').$type<string[]>().notNull(),
    closing: jsonb('closing').$type<string[]>().notNull(),
    summaryEn: jsonb('summary_en').$type<PlanSummaryEn>(),
    workPlanTemplate: jsonb('work_plan_template').$type<WorkPlanTemplate>().notNull(),
    /** The year this plan was copied from, if it was. */
    copiedFromYear: integer('copied_from_year'),
    createdAt: timestamptz('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (table) => [
    check('control_plans_year_range', sql`${table.year} between 1912 and 2200`),
    check('control_plans_roc_year', sql`${table.rocYear} = ${table.year} - 1911`),
    check('control_plans_status_known', sql`${table.status} in ('draft', 'published')`),
    check(
      'control_plans_published_version',
      sql`(${table.status} = 'draft' and ${table.publishedVersion} is null) or (${table.status} = 'published' and ${table.publishedVersion} >= 1)`,
    ),
  ],
);

/**
 * The columns every entry of a plan (item, strategy, practice) has after its content: its place among its
 * siblings, the entry it was copied from, and when and in which version it was removed (see above). A
 * function: each table needs its own column builders.
 */
const entryColumns = () => ({
  sortOrder: integer('sort_order').notNull(),
  copiedFromId: uuid('copied_from_id'),
  removedAt: timestamptz('removed_at'),
  removedInVersion: integer('removed_in_version'),
});

/** 實施要項 */
export const controlPlanItems = pgTable(
  'control_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => controlPlans.id),
    ordinal: integer('ordinal').notNull(),
    /** As printed: 「一、」. */
    label: text('label').notNull(),
    title: text('title').notNull(),
    tableTitle: text('table_title'),
    titleEn: text('title_en'),
    ...entryColumns(),
  },
  (table) => [
    check('control_plan_items_ordinal_positive', sql`${table.ordinal} >= 1`),
    index('control_plan_items_plan_idx').on(table.planId),
    foreignKey({ columns: [table.copiedFromId], foreignColumns: [table.id] }),
  ],
);

/** 執行策略 */
export const controlPlanStrategies = pgTable(
  'control_plan_strategies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => controlPlans.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => controlPlanItems.id),
    ordinal: integer('ordinal').notNull(),
    /** As printed: 「（一）」 or 「(三)」. */
    label: text('label').notNull(),
    text: text('text').notNull(),
    textEn: text('text_en'),
    practicesSummaryEn: text('practices_summary_en'),
    ...entryColumns(),
  },
  (table) => [
    check('control_plan_strategies_ordinal_positive', sql`${table.ordinal} >= 1`),
    index('control_plan_strategies_item_idx').on(table.itemId),
    index('control_plan_strategies_plan_idx').on(table.planId),
    foreignKey({ columns: [table.copiedFromId], foreignColumns: [table.id] }),
  ],
);

/** 推動作法: what units carry out, by a deadline; later parts attach work plans and progress to it. */
export const controlPlanPractices = pgTable(
  'control_plan_practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => controlPlans.id),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => controlPlanStrategies.id),
    ordinal: integer('ordinal').notNull(),
    /** As printed: 「1.」, or '' for a strategy's single unnumbered practice. */
    label: text('label').notNull(),
    text: text('text').notNull(),
    parts: jsonb('parts').$type<PracticePart[]>().notNull(),
    deadlineKind: text('deadline_kind').$type<DeadlineKind>().notNull(),
    /** 民國 year and month of a 'month' deadline. */
    deadlineRocYear: integer('deadline_roc_year'),
    deadlineMonth: integer('deadline_month'),
    /** 「本局各單位暨所屬機關」: every unit (then unit_codes is empty). */
    everyUnit: boolean('every_unit').notNull(),
    unitCodes: text('unit_codes').array().notNull().default(sql`'{}'::text[]`),
    unitsAsPrinted: text('units_as_printed'),
    ...entryColumns(),
  },
  (table) => [
    check('control_plan_practices_ordinal_positive', sql`${table.ordinal} >= 1`),
    check('control_plan_practices_deadline_kind', sql`${table.deadlineKind} in ('month', 'daily', 'none')`),
    check(
      'control_plan_practices_deadline_month',
      sql`(${table.deadlineKind} = 'month' and ${table.deadlineRocYear} >= 1 and ${table.deadlineMonth} between 1 and 12) or (${table.deadlineKind} <> 'month' and ${table.deadlineRocYear} is null and ${table.deadlineMonth} is null)`,
    ),
    check(
      'control_plan_practices_every_unit_alone',
      sql`not ${table.everyUnit} or cardinality(${table.unitCodes}) = 0`,
    ),
    index('control_plan_practices_strategy_idx').on(table.strategyId),
    index('control_plan_practices_plan_idx').on(table.planId),
    // "Which practices does this unit carry?" (work plans, progress, reports).
    index('control_plan_practices_unit_codes_idx').using('gin', table.unitCodes),
    foreignKey({ columns: [table.copiedFromId], foreignColumns: [table.id] }),
  ],
);

/** Each published version of a plan, whole and immutable (trigger in the control_plans_immutable migration). */
export const controlPlanVersions = pgTable(
  'control_plan_versions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => controlPlans.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<PlanSnapshot>().notNull(),
    publishedAt: timestamptz('published_at').notNull(),
    publishedByStaffId: uuid('published_by_staff_id').references(() => staff.id),
    publishedBy: text('published_by').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.planId, table.version] }),
    check('control_plan_versions_version_positive', sql`${table.version} >= 1`),
  ],
);

/** Changes to a published plan: each made a version, with who, when and why. Append-only (trigger). */
export const controlPlanChanges = pgTable(
  'control_plan_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: uuid('plan_id').notNull(),
    /** The version the change produced. */
    version: integer('version').notNull(),
    changedAt: timestamptz('changed_at').notNull(),
    changedByStaffId: uuid('changed_by_staff_id').references(() => staff.id),
    changedBy: text('changed_by').notNull(),
    reason: text('reason').notNull(),
    /** What was done, and to which entry as the seed cites it (「一(二)9」; '' for the plan's own texts). */
    action: text('action').$type<PlanChangeAction>().notNull(),
    target: text('target').notNull(),
  },
  (table) => [
    foreignKey({
      columns: [table.planId, table.version],
      foreignColumns: [controlPlanVersions.planId, controlPlanVersions.version],
    }),
    check('control_plan_changes_reason', sql`length(btrim(${table.reason})) > 0`),
    index('control_plan_changes_plan_idx').on(table.planId, table.version),
  ],
);
