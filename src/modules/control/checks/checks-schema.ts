import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { storedFileColumns, timestamptz } from '../../../platform/db/columns.ts';
import { units } from '../../../platform/reference/reference-schema.ts';

/**
 * 陸、管制查考: the secretariat's spot checks and tests (平時測試及查核) and the units' self-assessments
 * (自行管理考核), each with its findings and corrective actions, and the follow-up of each action until the
 * secretariat closes it. An action's state (open | done | overdue) is not stored: it follows from
 * `closed_at` and the deadline at the time it is read (check-rules.ts `actionState`).
 */

export const controlChecks = pgTable(
  'control_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** spot_check: recorded by the secretariat; self_assessment: by the unit itself. */
    origin: text('origin').$type<'spot_check' | 'self_assessment'>().notNull(),
    /** spot checks are recorded at once; a self-assessment is a draft until its unit head confirms it. */
    status: text('status').$type<'recorded' | 'draft' | 'confirmed'>().notNull(),
    checkDate: date('check_date', { mode: 'string' }).notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    kind: text('kind').$type<'phone_courtesy' | 'counter_visit' | 'website' | 'other'>().notNull(),
    subject: text('subject').notNull(),
    score: integer('score'),
    findings: text('findings').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    createdById: uuid('created_by_id').references(() => staff.id),
    createdByName: text('created_by_name').notNull(),
    confirmedAt: timestamptz('confirmed_at'),
    confirmedById: uuid('confirmed_by_id').references(() => staff.id),
    confirmedByName: text('confirmed_by_name'),
    /** Grows with every correction: the edit form carries it, a stale one is refused. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamptz('updated_at'),
    updatedByName: text('updated_by_name'),
  },
  (table) => [
    check('control_checks_origin_known', sql`${table.origin} in ('spot_check', 'self_assessment')`),
    check('control_checks_status_known', sql`${table.status} in ('recorded', 'draft', 'confirmed')`),
    check(
      'control_checks_kind_known',
      sql`${table.kind} in ('phone_courtesy', 'counter_visit', 'website', 'other')`,
    ),
    check('control_checks_score_range', sql`${table.score} is null or ${table.score} between 0 and 100`),
    index('control_checks_date').on(table.checkDate),
    index('control_checks_unit_date').on(table.unitCode, table.checkDate),
  ],
);

export const controlCheckActions = pgTable(
  'control_check_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => controlChecks.id),
    /** 1, 2, … in the order the check lists them. */
    ordinal: integer('ordinal').notNull(),
    description: text('description').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    closedAt: timestamptz('closed_at'),
    closedById: uuid('closed_by_id').references(() => staff.id),
    closedByName: text('closed_by_name'),
  },
  (table) => [
    index('control_check_actions_check').on(table.checkId, table.ordinal),
    index('control_check_actions_unit').on(table.unitCode),
  ],
);

export const controlCheckFollowUps = pgTable(
  'control_check_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => controlCheckActions.id),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    createdById: uuid('created_by_id').references(() => staff.id),
    createdByName: text('created_by_name').notNull(),
  },
  (table) => [index('control_check_follow_ups_action').on(table.actionId, table.createdAt)],
);

/**
 * Evidence attached to a follow-up entry (photos, documents), its bytes in the file store like case
 * attachments (ADR 0009). Files arrive checked by readMultipartForm: the type is what the bytes are, the name
 * is safe.
 */
export const controlCheckEvidence = pgTable(
  'control_check_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    followUpId: uuid('follow_up_id')
      .notNull()
      .references(() => controlCheckFollowUps.id),
    ...storedFileColumns(),
    uploadedAt: timestamptz('uploaded_at').notNull(),
  },
  (table) => [
    index('control_check_evidence_follow_up').on(table.followUpId),
    // The file sweep asks, for each stored file, whether a row names it (platform/files/sweep-files.ts).
    index('control_check_evidence_sha256').on(table.sha256),
  ],
);

/** One field's value before and after a correction, as the check page shows it. */
export interface CheckFieldChange {
  field: 'checkDate' | 'unitCode' | 'kind' | 'subject' | 'score' | 'findings' | 'actions';
  before: string;
  after: string;
}

/**
 * A correction of a recorded check or self-assessment (and of a draft): who, when, why, and each field
 * before and after. Append-only (migration `0012_control_check_revisions` refuses updates and deletes).
 */
export const controlCheckRevisions = pgTable(
  'control_check_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => controlChecks.id),
    /** The check's version this correction made. */
    version: integer('version').notNull(),
    revisedAt: timestamptz('revised_at').notNull(),
    revisedById: uuid('revised_by_id').references(() => staff.id),
    revisedByName: text('revised_by_name').notNull(),
    /** Empty for a draft's correction; required once a check is recorded or confirmed. */
    reason: text('reason').notNull(),
    changes: jsonb('changes').$type<CheckFieldChange[]>().notNull(),
  },
  (table) => [index('control_check_revisions_check').on(table.checkId, table.version)],
);
