import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { storedFileColumns, timeOrderedIdKey, timestamptz } from '../../../platform/db/columns.ts';
import { districts } from '../../../platform/geo/geo-schema.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { services, serviceVersions } from '../../catalogue/catalogue-schema.ts';
import type { Deadline } from '../../catalogue/index.ts';
import { applicantTypes, caseChannels, type StoredFeeLine, type StoredPause } from './case-vocabulary.ts';
import { caseEvents, caseStates, finishedStates } from './workflows.ts';

/**
 * One case model for every request (application, field report, petition, inquiry), whatever the channel.
 * `cases` holds the current state and the figures the queues sort and filter on (due_at, at_risk_at);
 * `case_events` is the timeline, append-only; everything a case ever did is there.
 */

const quoted = (values: Iterable<string>) => sql.raw([...values].map((value) => `'${value}'`).join(', '));
/** The partial indexes hold open cases: those in no workflow's finished states (workflows.ts). */
const isOpen = (state: AnyPgColumn) => sql`${state} not in (${quoted(finishedStates)})`;

export const cases = pgTable(
  'cases',
  {
    id: timeOrderedIdKey(),
    /** 民國 date + daily sequence, e.g. 1151126-0042: read over the phone digit by digit. */
    caseNumber: text('case_number').notNull(),
    /** 8 characters without look-alikes; with the number it opens /track. Not guessable. */
    lookupCode: text('lookup_code').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    serviceCode: text('service_code').notNull(),
    serviceVersion: integer('service_version').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    handlerId: uuid('handler_id').references(() => staff.id),
    state: text('state').notNull(),
    /** Optimistic concurrency: every change bumps it; a change made on an older version is refused. */
    version: integer('version').notNull().default(1),

    applicantType: text('applicant_type').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantCompany: text('applicant_company'),
    /** Digits only (0912345678): staff look-up matches on it. */
    applicantPhone: text('applicant_phone'),
    applicantEmail: text('applicant_email'),
    applicantAddress: text('applicant_address'),
    applicantLang: text('applicant_lang').notNull(),
    /** When the applicant was given the 個資法 §8 notice and agreed; a case is never opened without it. */
    consentAt: timestamptz('consent_at').notNull(),

    subject: text('subject').notNull(),
    description: text('description').notNull(),
    /** Answers to the service's form fields, by field id. */
    formData: jsonb('form_data').$type<Record<string, string>>().notNull().default({}),
    /** Checklist item ids the applicant brought (or that the bureau checks electronically). */
    checklistReceived: jsonb('checklist_received').$type<string[]>().notNull().default([]),
    districtCode: text('district_code').references(() => districts.code),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),

    receivedAt: timestamptz('received_at').notNull(),
    /** The service's rule as it was when the case was opened (with the service version, for audit). */
    deadlineRule: jsonb('deadline_rule').$type<Deadline>().notNull(),
    pauses: jsonb('pauses').$type<StoredPause[]>().notNull().default([]),
    /**
     * The outer limit in working days from receipt that no extension may pass (a petition's 30 days,
     * its type's rule: modules/petitions); null when the kind has none. Counted like the deadline (pauses
     * excluded).
     */
    outerLimitWorkingDays: integer('outer_limit_working_days'),
    /** The answer is approved by a supervisor before it is sent (a petition type's rule; petition-workflow.ts). */
    needsAnswerApproval: boolean('needs_answer_approval').notNull().default(false),
    /** Working days (or hours, for hour-based rules) added by approved extensions. */
    extensionAmount: integer('extension_amount').notNull().default(0),
    /** Null while paused or finished: such cases are never overdue. */
    dueAt: timestamptz('due_at'),
    /** When 80 % of the time is used: at risk from then on. */
    atRiskAt: timestamptz('at_risk_at'),
    /** The date shown to the applicant (Taipei), kept while paused so the receipt's promise stays visible. */
    expectedCompletionDate: date('expected_completion_date', { mode: 'string' }),

    /**
     * The fee (規費) the case owes, computed from the service's fees and the answers when it was opened
     * (cases/payment/fee-rules.ts); 0 when free. `resolve` is refused while it is owed and unpaid.
     */
    feeAmountTwd: integer('fee_amount_twd').notNull().default(0),
    /** How the amount was made: each fee line with its quantity (per m² …), for the receipt. */
    feeLines: jsonb('fee_lines').$type<StoredFeeLine[]>().notNull().default([]),
    /**
     * When the fee was paid in full (cases/payment); null while owed, or when there is none. Kept when the
     * fee is refunded: the case was paid, and the refund is its own fact (fee_refunded_at).
     */
    feePaidAt: timestamptz('fee_paid_at'),
    /** When the paid fee was returned (a rejected or withdrawn case, cases/payment); null otherwise. */
    feeRefundedAt: timestamptz('fee_refunded_at'),

    /**
     * The deadline in force when the case was first answered or finished (transition-case.ts): the case was
     * on time when its answer (resolved_at) or its end (closed_at) came by then. Null when it had none then.
     */
    dueAtAnswer: timestamptz('due_at_answer'),
    resolution: text('resolution'),
    resolvedAt: timestamptz('resolved_at'),
    closedAt: timestamptz('closed_at'),
    forwardedTo: text('forwarded_to'),
    mergedIntoId: uuid('merged_into_id'),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('cases_case_number_unique').on(table.caseNumber),
    foreignKey({
      columns: [table.serviceCode, table.serviceVersion],
      foreignColumns: [serviceVersions.serviceCode, serviceVersions.version],
      name: 'cases_service_version_fk',
    }),
    foreignKey({ columns: [table.mergedIntoId], foreignColumns: [table.id], name: 'cases_merged_into_fk' }),
    check('cases_state_known', sql`${table.state} in (${quoted(caseStates)})`),
    check('cases_channel_known', sql`${table.channel} in (${quoted(caseChannels)})`),
    check('cases_applicant_type_known', sql`${table.applicantType} in (${quoted(applicantTypes)})`),
    check('cases_applicant_lang_known', sql`${table.applicantLang} in ('zh-TW', 'en')`),
    check('cases_version_positive', sql`${table.version} >= 1`),
    check('cases_fee_not_negative', sql`${table.feeAmountTwd} >= 0`),
    // The queues: a unit's or a handler's open cases by deadline; the overdue view; staff look-up.
    index('cases_unit_open_due_idx').on(table.unitCode, table.dueAt).where(isOpen(table.state)),
    index('cases_handler_open_due_idx').on(table.handlerId, table.dueAt).where(isOpen(table.state)),
    index('cases_open_at_risk_idx').on(table.atRiskAt).where(isOpen(table.state)),
    index('cases_applicant_phone_idx').on(table.applicantPhone),
    index('cases_applicant_name_idx').on(table.applicantName),
    // A signed-in citizen's cases (modules/citizens): those made with their e-mail address, in any case.
    index('cases_applicant_email_idx').on(sql`lower(${table.applicantEmail})`),
    index('cases_received_at_idx').on(table.receivedAt),
    // The reports merged into a case, at any depth (merge-chain.ts: every fix's e-mail, the fix page's count of
    // recipients): only merged cases are in it.
    index('cases_merged_into_idx').on(table.mergedIntoId).where(sql`${table.mergedIntoId} is not null`),
    index('cases_service_code_idx').on(table.serviceCode),
    // Field reports (issue 10): the nearby-duplicate look-up (open reports of a category near a point), the
    // map's bounding box, and the Open311 request list (newest first in a date window).
    index('cases_field_report_open_place_idx')
      .on(table.serviceCode, table.latitude, table.longitude)
      .where(sql`${table.kind} = 'field_report' and ${isOpen(table.state)}`),
    index('cases_field_report_place_idx')
      .on(table.latitude, table.longitude)
      .where(sql`${table.kind} = 'field_report'`),
    index('cases_field_report_received_idx').on(table.receivedAt).where(sql`${table.kind} = 'field_report'`),
    // The Open311 list filtered by category, and by "open" (what a client polls for): newest first in the
    // window without reading the other categories' or the fixed reports' rows (issue 10 benchmark).
    index('cases_field_report_service_received_idx')
      .on(table.serviceCode, table.receivedAt)
      .where(sql`${table.kind} = 'field_report'`),
    // received_at first, as in the one-column index this replaced: walked newest first within the window, it
    // serves `status=open` with a category or without one. service_code second: the category is checked in the
    // index, and only the window's open reports of that category are read from the table (open potholes on
    // 1,000,000 reports: 955 rows read instead of 8,856; docs/benchmarks.md, seventeenth session). Beside a
    // one-column index on received_at the planner never chose it (it prices a two-column index's order as
    // less like the table's), hence a replacement rather than a second index.
    index('cases_field_report_open_received_service_idx')
      .on(table.receivedAt, table.serviceCode)
      .where(sql`${table.kind} = 'field_report' and ${isOpen(table.state)}`),
  ],
);

/** The timeline. One row per transition, assignment, extension, note or notice; never updated. */
export const caseTimeline = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    occurredAt: timestamptz('occurred_at').notNull(),
    /** A workflow event, or one of the bookkeeping kinds (created, assigned, extension_*, note). */
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorStaffId: uuid('actor_staff_id').references(() => staff.id),
    /** 'applicant', 'system', or the staff member's display name at the time. */
    actorLabel: text('actor_label').notNull(),
    /** Shown to the applicant on /track. */
    publicNote: text('public_note'),
    /** Staff only. */
    internalNote: text('internal_note'),
    /** Structured facts: units of a transfer, the extension, the merged case number … */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    index('case_events_case_id_idx').on(table.caseId, table.id),
    // The Open311 service-request-updates feed reads a window of time across every report.
    index('case_events_occurred_at_idx').on(table.occurredAt),
    check(
      'case_events_kind_known',
      sql`${table.kind} in (${quoted([...caseEvents, 'created', 'assigned', 'extension_requested', 'extension_approved', 'extension_refused', 'note'])})`,
    ),
  ],
);

/**
 * Where the notices of a case whose applicant is confidential go (a confidential report, 檢舉: issue 16): the
 * case itself holds no contact, so nothing that shows, exports or searches cases finds it; only
 * queueCaseNotices reads this table. The reporter's name is kept by the petitions module, for the officers
 * designated to see it.
 */
export const caseConfidentialContacts = pgTable('case_confidential_contacts', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  email: text('email'),
  /** Digits only, as cases.applicant_phone. */
  phone: text('phone'),
});

/** An extension of the deadline: asked for by the handler with a reason, decided by a supervisor. */
export const caseExtensions = pgTable(
  'case_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => staff.id),
    requestedAt: timestamptz('requested_at').notNull(),
    state: text('state').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => staff.id),
    decidedAt: timestamptz('decided_at'),
    decisionNote: text('decision_note'),
  },
  (table) => [
    index('case_extensions_case_id_idx').on(table.caseId),
    check('case_extensions_state_known', sql`${table.state} in ('pending', 'approved', 'refused')`),
    check('case_extensions_amount_positive', sql`${table.amount} between 1 and 365`),
    // At most one open request per case.
    uniqueIndex('case_extensions_one_pending').on(table.caseId).where(sql`${table.state} = 'pending'`),
  ],
);

/** Routing as data: this service in this district goes to that unit (otherwise the service's unit). */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceCode: text('service_code')
      .notNull()
      .references(() => services.code),
    /** Null: every district. */
    districtCode: text('district_code').references(() => districts.code),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    note: text('note').notNull().default(''),
  },
  (table) => [
    uniqueIndex('routing_rules_service_district_unique').on(
      table.serviceCode,
      sql`coalesce(${table.districtCode}, '')`,
    ),
  ],
);

/** The last sequence number given out per day (Taipei date), for case numbers. */
export const caseNumberCounters = pgTable('case_number_counters', {
  day: date('day', { mode: 'string' }).primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

/**
 * Documents and photos of a case: the row names the bytes by their SHA-256, the bytes are in the file store
 * (ADR 0009). The type is what the content is (sniffed), never the name's.
 */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    ...storedFileColumns(),
    /** Which checklist item it documents, when it does. */
    checklistItemId: text('checklist_item_id'),
    /**
     * Why it is on the case: a document of the application (at the counter or online), one brought in
     * answer to a deficiency notice, or the document the bureau issued with its decision (permit, letter).
     */
    purpose: text('purpose').notNull().default('document'),
    /** The deficiency notice it answers (purpose `supplement`); see cases/deficiency (no FK: import order). */
    deficiencyNoticeId: uuid('deficiency_notice_id'),
    uploadedByStaffId: uuid('uploaded_by_staff_id').references(() => staff.id),
    uploadedAt: timestamptz('uploaded_at').notNull(),
  },
  (table) => [
    index('case_attachments_case_id_idx').on(table.caseId),
    // The file sweep asks, for each stored file, whether a row names it (platform/files/sweep-files.ts).
    index('case_attachments_sha256_idx').on(table.sha256),
    check('case_attachments_purpose_known', sql`${table.purpose} in ('document', 'supplement', 'issued')`),
    index('case_attachments_deficiency_notice_idx')
      .on(table.deficiencyNoticeId)
      .where(sql`${table.deficiencyNoticeId} is not null`),
  ],
);
