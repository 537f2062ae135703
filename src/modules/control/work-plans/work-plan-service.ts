import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type RequestOrigin, recordAudit, staffActor } from '../../../platform/auth/audit-log.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { DatabaseOrTransaction, Transaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { getPublishedPlan, practicesOf } from '../plans/plan-reads.ts';
import { practiceRef } from '../plans/plan-types.ts';
import { formatDateTime } from '../shared/control-format.ts';
import { workPlanText as text } from './work-plan-messages.ts';
import {
  controlWorkPlanComments,
  controlWorkPlanRows,
  controlWorkPlans,
  controlWorkPlanTargets,
  type WorkPlanState,
} from './work-plan-schema.ts';

/**
 * Units' work plans (issue 4 §2): the rules of the flow, the checks of a method and its targets (every
 * problem at once), and the reads for the pages. Every write is one transaction that locks the work plan,
 * checks the version the form was made from (stale → 409 naming who changed it and when), changes it,
 * bumps the version and records the audit entry.
 */

export const maxText = 2000;
export const maxShortText = 200;
export const maxComment = 4000;
/** How many target fieldsets a method's form offers at least. */
export const minTargetSlots = 3;
const maxTargetSlots = 20;

export type WorkPlanActor = Pick<StaffPrincipal, 'id' | 'email' | 'displayName' | 'role' | 'unitCode'>;

export interface WorkPlanMutation {
  staff: WorkPlanActor;
  now: Date;
  lang: Lang;
  origin?: RequestOrigin;
}

export interface CarriedPractice {
  id: string;
  ref: string;
  text: string;
}

export interface WorkPlanTarget {
  indicator: string;
  unitOfMeasure: string;
  baseline: number;
  target: number;
  measurement: string;
}

export interface WorkPlanRow {
  id: string;
  itemText: string;
  focusText: string;
  methodText: string;
  remarks: string;
  practiceIds: string[];
  targets: WorkPlanTarget[];
}

export interface WorkPlanComment {
  rowId: string | null;
  rowLabel: string | null;
  stage: 'head' | 'secretariat';
  aboutVersion: number;
  author: string;
  createdAt: Date;
  text: string;
}

export interface WorkPlanView {
  id: string;
  year: number;
  rocYear: number;
  unitCode: string;
  unitNameZh: string;
  unitNameEn: string;
  state: WorkPlanState;
  version: number;
  updatedAt: Date;
  updatedBy: string;
  publishedAt: Date | null;
  rows: WorkPlanRow[];
  comments: WorkPlanComment[];
}

export interface WorkPlanSummary {
  unitCode: string;
  state: WorkPlanState;
  version: number;
  updatedAt: Date;
  publishedAt: Date | null;
  methods: number;
}

// ---------------------------------------------------------------------------------------------------
// Who may do what

export type WorkPlanAction = 'edit' | 'submit' | 'approve' | 'send_back' | 'accept' | 'return' | 'publish';

const reviewerRoles = ['secretariat', 'admin'] as const;

/** Staff of the unit (editor, head) and the secretariat see every state; everyone else published ones only. */
export function mayView(
  staff: Pick<WorkPlanActor, 'role' | 'unitCode'>,
  unitCode: string,
  state: WorkPlanState,
) {
  if (state === 'published') return true;
  if ((reviewerRoles as readonly string[]).includes(staff.role)) return true;
  return (staff.role === 'unit_editor' || staff.role === 'unit_head') && staff.unitCode === unitCode;
}

export function mayDo(
  staff: Pick<WorkPlanActor, 'role' | 'unitCode'>,
  action: WorkPlanAction,
  unitCode: string,
) {
  switch (action) {
    case 'edit':
    case 'submit':
      return staff.role === 'unit_editor' && staff.unitCode === unitCode;
    case 'approve':
    case 'send_back':
      return staff.role === 'unit_head' && staff.unitCode === unitCode;
    case 'accept':
    case 'return':
    case 'publish':
      return (reviewerRoles as readonly string[]).includes(staff.role);
  }
}

/** The states each action starts from, and where it leads. */
const transitions: Record<
  Exclude<WorkPlanAction, 'edit'>,
  { from: readonly WorkPlanState[]; to: WorkPlanState }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved_by_head' },
  send_back: { from: ['submitted'], to: 'returned' },
  accept: { from: ['approved_by_head'], to: 'accepted' },
  return: { from: ['approved_by_head'], to: 'returned' },
  publish: { from: ['accepted'], to: 'published' },
};

export const editableStates: readonly WorkPlanState[] = ['draft', 'returned'];

export function mayStart(staff: Pick<WorkPlanActor, 'role' | 'unitCode'>): boolean {
  return staff.role === 'unit_editor' && staff.unitCode !== null;
}

// ---------------------------------------------------------------------------------------------------
// Reads

/** The practices of the year's published plan (current version) that a unit carries, in plan order. */
export async function carriedPractices(
  db: DatabaseOrTransaction,
  year: number,
  unitCode: string,
): Promise<{ carried: CarriedPractice[]; all: CarriedPractice[] } | null> {
  const plan = await getPublishedPlan(db, year);
  if (!plan) return null;
  const all: (CarriedPractice & { mine: boolean })[] = practicesOf(plan.content).map(
    ({ item, strategy, practice }) => ({
      id: practice.id,
      ref: practiceRef(item.ordinal, strategy.ordinal, practice),
      text: practice.text,
      mine: practice.everyUnit || (practice.unitCodes as readonly string[]).includes(unitCode),
    }),
  );
  const strip = ({ id, ref, text: practiceText }: CarriedPractice) => ({ id, ref, text: practiceText });
  return { carried: all.filter((practice) => practice.mine).map(strip), all: all.map(strip) };
}

export async function getWorkPlan(
  db: DatabaseOrTransaction,
  year: number,
  unitCode: string,
): Promise<WorkPlanView | null> {
  const [found] = await db
    .select({ plan: controlWorkPlans, unit: units })
    .from(controlWorkPlans)
    .innerJoin(units, eq(units.code, controlWorkPlans.unitCode))
    .where(and(eq(controlWorkPlans.year, year), eq(controlWorkPlans.unitCode, unitCode)));
  if (!found) return null;
  const { plan, unit } = found;
  const rowRecords = await db
    .select()
    .from(controlWorkPlanRows)
    .where(eq(controlWorkPlanRows.workPlanId, plan.id))
    .orderBy(asc(controlWorkPlanRows.sortOrder));
  const targetRecords =
    rowRecords.length === 0
      ? []
      : await db
          .select()
          .from(controlWorkPlanTargets)
          .where(
            inArray(
              controlWorkPlanTargets.rowId,
              rowRecords.map((row) => row.id),
            ),
          )
          .orderBy(asc(controlWorkPlanTargets.sortOrder));
  const commentRecords = await db
    .select()
    .from(controlWorkPlanComments)
    .where(eq(controlWorkPlanComments.workPlanId, plan.id))
    .orderBy(asc(controlWorkPlanComments.id));
  return {
    id: plan.id,
    year: plan.year,
    rocYear: plan.year - 1911,
    unitCode: plan.unitCode,
    unitNameZh: unit.nameZh,
    unitNameEn: unit.nameEn,
    state: plan.state,
    version: plan.version,
    updatedAt: plan.updatedAt,
    updatedBy: plan.updatedBy,
    publishedAt: plan.publishedAt,
    rows: rowRecords.map((row) => ({
      id: row.id,
      itemText: row.itemText,
      focusText: row.focusText,
      methodText: row.methodText,
      remarks: row.remarks,
      practiceIds: row.practiceIds,
      targets: targetRecords
        .filter((target) => target.rowId === row.id)
        .map((target) => ({
          indicator: target.indicator,
          unitOfMeasure: target.unitOfMeasure,
          baseline: target.baseline,
          target: target.target,
          measurement: target.measurement,
        })),
    })),
    comments: commentRecords.map((comment) => ({
      rowId: comment.rowId,
      rowLabel: comment.rowLabel,
      stage: comment.stage,
      aboutVersion: comment.aboutVersion,
      author: comment.author,
      createdAt: comment.createdAt,
      text: comment.text,
    })),
  };
}

/** Every work plan of a year, with its number of methods (the overview). */
export async function listWorkPlans(db: DatabaseOrTransaction, year: number): Promise<WorkPlanSummary[]> {
  return db
    .select({
      unitCode: controlWorkPlans.unitCode,
      state: controlWorkPlans.state,
      version: controlWorkPlans.version,
      updatedAt: controlWorkPlans.updatedAt,
      publishedAt: controlWorkPlans.publishedAt,
      methods: sql<number>`(select count(*)::int from control_work_plan_rows r where r.work_plan_id = ${controlWorkPlans}.id)`,
    })
    .from(controlWorkPlans)
    .where(eq(controlWorkPlans.year, year))
    .orderBy(asc(controlWorkPlans.unitCode));
}

// ---------------------------------------------------------------------------------------------------
// The method form and its checks

export interface TargetForm {
  indicator: string;
  unitOfMeasure: string;
  baseline: string;
  target: string;
  measurement: string;
}

export interface RowForm {
  itemText: string;
  focusText: string;
  methodText: string;
  remarks: string;
  practiceIds: string[];
  targets: TargetForm[];
}

type Body = Readonly<Record<string, unknown>>;

function one(body: Body, name: string): string {
  const value = body[name];
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0].trim();
  return '';
}

function many(body: Body, name: string): string[] {
  const value = body[name];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value))
    return value.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
  return [];
}

export const targetField = (n: number, part: keyof TargetForm) => `target-${n}-${part}`;
const targetParts: readonly (keyof TargetForm)[] = [
  'indicator',
  'unitOfMeasure',
  'baseline',
  'target',
  'measurement',
];

export function rowFormOf(body: Body): RowForm {
  const targets: TargetForm[] = [];
  for (let n = 1; n <= maxTargetSlots; n += 1) {
    const target = Object.fromEntries(
      targetParts.map((part) => [part, one(body, targetField(n, part))]),
    ) as unknown as TargetForm;
    targets.push(target);
  }
  // Keep the slots up to the last one used, so problems keep their numbers.
  while (targets.length > 0 && isBlank(targets[targets.length - 1] as TargetForm)) targets.pop();
  return {
    itemText: one(body, 'itemText'),
    focusText: one(body, 'focusText'),
    methodText: one(body, 'methodText'),
    remarks: one(body, 'remarks'),
    practiceIds: many(body, 'practiceIds'),
    targets,
  };
}

export function rowFormOfRow(row: WorkPlanRow | null): RowForm {
  if (!row) return { itemText: '', focusText: '', methodText: '', remarks: '', practiceIds: [], targets: [] };
  return {
    itemText: row.itemText,
    focusText: row.focusText,
    methodText: row.methodText,
    remarks: row.remarks,
    practiceIds: [...row.practiceIds],
    targets: row.targets.map((target) => ({
      indicator: target.indicator,
      unitOfMeasure: target.unitOfMeasure,
      baseline: String(target.baseline),
      target: String(target.target),
      measurement: target.measurement,
    })),
  };
}

function isBlank(target: TargetForm): boolean {
  return targetParts.every((part) => target[part] === '');
}

/** A number as people type it: digits, an optional sign and decimals, thousands separators allowed. */
export function parseNumber(value: string): number | null {
  const cleaned = value.replaceAll(',', '').replaceAll('，', '');
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
}

/** Every problem of a method's form at once. */
export function rowProblems(
  form: RowForm,
  practices: { carried: readonly CarriedPractice[]; all: readonly CarriedPractice[] },
  lang: Lang,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  for (const [field, value, max] of [
    ['itemText', form.itemText, maxText],
    ['focusText', form.focusText, maxText],
    ['methodText', form.methodText, maxText],
  ] as const) {
    if (value === '') add(field, 'required', text(lang, 'required'));
    else if (value.length > max) add(field, 'too_long', text(lang, 'tooLong', { max }));
  }
  if (form.remarks.length > maxText) add('remarks', 'too_long', text(lang, 'tooLong', { max: maxText }));

  if (form.practiceIds.length === 0) add('practiceIds', 'required', text(lang, 'practiceRequired'));
  const carried = new Set(practices.carried.map((practice) => practice.id));
  for (const id of form.practiceIds) {
    if (carried.has(id)) continue;
    const known = practices.all.find((practice) => practice.id === id);
    if (known)
      add('practiceIds', 'practice_not_carried', text(lang, 'practiceNotCarried', { ref: known.ref }));
    else add('practiceIds', 'practice_unknown', text(lang, 'practiceUnknown'));
  }

  const used = form.targets
    .map((target, index) => ({ target, n: index + 1 }))
    .filter(({ target }) => !isBlank(target));
  if (used.length === 0) add(targetField(1, 'indicator'), 'target_required', text(lang, 'targetRequired'));
  for (const { target, n } of used) {
    if (target.indicator === '')
      add(targetField(n, 'indicator'), 'required', text(lang, 'indicatorRequired', { n }));
    else if (target.indicator.length > maxShortText)
      add(targetField(n, 'indicator'), 'too_long', text(lang, 'tooLong', { max: maxShortText }));
    if (target.unitOfMeasure === '')
      add(targetField(n, 'unitOfMeasure'), 'required', text(lang, 'measureUnitRequired', { n }));
    else if (target.unitOfMeasure.length > maxShortText)
      add(targetField(n, 'unitOfMeasure'), 'too_long', text(lang, 'tooLong', { max: maxShortText }));
    if (parseNumber(target.baseline) === null)
      add(targetField(n, 'baseline'), 'not_a_number', text(lang, 'baselineNumber', { n }));
    if (parseNumber(target.target) === null)
      add(targetField(n, 'target'), 'not_a_number', text(lang, 'targetNumber', { n }));
    if (target.measurement === '')
      add(targetField(n, 'measurement'), 'required', text(lang, 'measurementRequired', { n }));
    else if (target.measurement.length > maxText)
      add(targetField(n, 'measurement'), 'too_long', text(lang, 'tooLong', { max: maxText }));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Writes

function forbidden(lang: Lang): DomainError {
  return new DomainError('FORBIDDEN', text(lang, 'forbidden'));
}

function notFound(lang: Lang): DomainError {
  return new DomainError('NOT_FOUND', text(lang, 'notFound'));
}

function stateName(lang: Lang, state: WorkPlanState): string {
  return text(lang, `state_${state}`);
}

type WorkPlanRecord = typeof controlWorkPlans.$inferSelect;

/** Locks the work plan, and refuses a form made from an earlier version (409: who changed it, and when). */
async function lockCurrent(
  tx: Transaction,
  year: number,
  unitCode: string,
  version: number | null,
  lang: Lang,
): Promise<WorkPlanRecord> {
  const [record] = await tx
    .select()
    .from(controlWorkPlans)
    .where(and(eq(controlWorkPlans.year, year), eq(controlWorkPlans.unitCode, unitCode)))
    .for('update');
  if (!record) throw notFound(lang);
  if (version !== record.version)
    throw new DomainError(
      'CONFLICT',
      text(lang, 'stale', {
        who: record.updatedBy,
        when: formatDateTime(lang, record.updatedAt),
        version: record.version,
      }),
      {
        problems: [
          {
            field: '',
            code: 'stale_version',
            message: text(lang, 'stale', {
              who: record.updatedBy,
              when: formatDateTime(lang, record.updatedAt),
              version: record.version,
            }),
          },
        ],
      },
    );
  return record;
}

async function bump(
  tx: Transaction,
  record: WorkPlanRecord,
  options: WorkPlanMutation,
  extra: Partial<WorkPlanRecord> = {},
) {
  const version = record.version + 1;
  await tx
    .update(controlWorkPlans)
    .set({
      ...extra,
      version,
      updatedAt: options.now,
      updatedByStaffId: options.staff.id,
      updatedBy: options.staff.displayName,
    })
    .where(eq(controlWorkPlans.id, record.id));
  return version;
}

async function audit(
  tx: Transaction,
  options: WorkPlanMutation,
  action: string,
  record: WorkPlanRecord,
  details: Record<string, unknown>,
) {
  await recordAudit(tx, {
    occurredAt: options.now,
    actor: staffActor(options.staff),
    action: `control.work_plan.${action}`,
    target: { type: 'control_work_plan', id: record.id },
    ...(options.origin ? { origin: options.origin } : {}),
    details: { year: record.year, unitCode: record.unitCode, ...details },
  });
}

/** A unit editor starts the unit's work plan for a year with a published plan. */
export async function createWorkPlan(
  db: DatabaseOrTransaction,
  year: number,
  options: WorkPlanMutation,
): Promise<{ unitCode: string; version: number }> {
  const { staff, lang } = options;
  const unitCode = staff.unitCode;
  if (!mayStart(staff) || unitCode === null) throw forbidden(lang);
  return db.transaction(async (tx) => {
    const plan = await getPublishedPlan(tx, year);
    if (!plan) throw new DomainError('NOT_FOUND', text(lang, 'noPlan', { year }));
    // One per unit and year: the unique constraint settles a race; this gives the friendly message.
    const [existing] = await tx
      .select({ id: controlWorkPlans.id })
      .from(controlWorkPlans)
      .where(and(eq(controlWorkPlans.year, year), eq(controlWorkPlans.unitCode, unitCode)));
    if (existing)
      throw new DomainError('CONFLICT', text(lang, 'alreadyExists', { unit: unitCode, year }), {
        problems: [
          { field: '', code: 'exists', message: text(lang, 'alreadyExists', { unit: unitCode, year }) },
        ],
      });
    const [record] = await tx
      .insert(controlWorkPlans)
      .values({
        planId: plan.id,
        year,
        unitCode,
        state: 'draft',
        version: 1,
        createdAt: options.now,
        updatedAt: options.now,
        updatedByStaffId: staff.id,
        updatedBy: staff.displayName,
      })
      .returning();
    if (!record) throw new Error('insert returned nothing');
    await audit(tx, options, 'created', record, {});
    return { unitCode, version: 1 };
  });
}

/** Adds a method (rowId null) or changes one, with its targets; the editor of the unit, while editable. */
export async function saveRow(
  db: DatabaseOrTransaction,
  input: { year: number; unitCode: string; rowId: string | null; version: number | null; form: RowForm },
  options: WorkPlanMutation,
): Promise<{ rowId: string; version: number }> {
  const { lang } = options;
  if (!mayDo(options.staff, 'edit', input.unitCode)) throw forbidden(lang);
  return db.transaction(async (tx) => {
    const record = await lockCurrent(tx, input.year, input.unitCode, input.version, lang);
    if (!editableStates.includes(record.state))
      throw new DomainError(
        'INVALID_TRANSITION',
        text(lang, 'wrongState', { state: stateName(lang, record.state) }),
      );
    const practices = await carriedPractices(tx, input.year, input.unitCode);
    if (!practices) throw new DomainError('NOT_FOUND', text(lang, 'noPlan', { year: input.year }));
    const problems = rowProblems(input.form, practices, lang);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });

    const { form } = input;
    const values = {
      itemText: form.itemText,
      focusText: form.focusText,
      methodText: form.methodText,
      remarks: form.remarks,
      practiceIds: [...new Set(form.practiceIds)],
    };
    let rowId: string;
    if (input.rowId === null) {
      const [last] = await tx
        .select({ max: sql<number>`coalesce(max(${controlWorkPlanRows.sortOrder}), 0)::int` })
        .from(controlWorkPlanRows)
        .where(eq(controlWorkPlanRows.workPlanId, record.id));
      const [row] = await tx
        .insert(controlWorkPlanRows)
        .values({ ...values, workPlanId: record.id, sortOrder: (last?.max ?? 0) + 1 })
        .returning({ id: controlWorkPlanRows.id });
      if (!row) throw new Error('insert returned nothing');
      rowId = row.id;
    } else {
      const updated = await tx
        .update(controlWorkPlanRows)
        .set(values)
        .where(and(eq(controlWorkPlanRows.id, input.rowId), eq(controlWorkPlanRows.workPlanId, record.id)))
        .returning({ id: controlWorkPlanRows.id });
      if (updated.length === 0) throw notFound(lang);
      rowId = input.rowId;
      await tx.delete(controlWorkPlanTargets).where(eq(controlWorkPlanTargets.rowId, rowId));
    }
    const targets = form.targets.filter((target) => !isBlank(target));
    await tx.insert(controlWorkPlanTargets).values(
      targets.map((target, index) => ({
        rowId,
        sortOrder: index + 1,
        indicator: target.indicator,
        unitOfMeasure: target.unitOfMeasure,
        baseline: parseNumber(target.baseline) ?? 0,
        target: parseNumber(target.target) ?? 0,
        measurement: target.measurement,
      })),
    );
    const version = await bump(tx, record, options);
    await audit(tx, options, input.rowId === null ? 'row_added' : 'row_saved', record, {
      rowId,
      version,
      practiceIds: values.practiceIds,
      targets: targets.length,
    });
    return { rowId, version };
  });
}

export async function removeRow(
  db: DatabaseOrTransaction,
  input: { year: number; unitCode: string; rowId: string; version: number | null },
  options: WorkPlanMutation,
): Promise<{ version: number }> {
  const { lang } = options;
  if (!mayDo(options.staff, 'edit', input.unitCode)) throw forbidden(lang);
  return db.transaction(async (tx) => {
    const record = await lockCurrent(tx, input.year, input.unitCode, input.version, lang);
    if (!editableStates.includes(record.state))
      throw new DomainError(
        'INVALID_TRANSITION',
        text(lang, 'wrongState', { state: stateName(lang, record.state) }),
      );
    const removed = await tx
      .delete(controlWorkPlanRows)
      .where(and(eq(controlWorkPlanRows.id, input.rowId), eq(controlWorkPlanRows.workPlanId, record.id)))
      .returning({ id: controlWorkPlanRows.id });
    if (removed.length === 0) throw notFound(lang);
    const version = await bump(tx, record, options);
    await audit(tx, options, 'row_removed', record, { rowId: input.rowId, version });
    return { version };
  });
}

export interface TransitionInput {
  year: number;
  unitCode: string;
  version: number | null;
  action: Exclude<WorkPlanAction, 'edit'>;
  /** The comments of a send-back or return: '' for the whole plan, or a row id. Blank ones are ignored. */
  comments?: ReadonlyMap<string, string>;
}

/** Submit, approve, send back, accept, return or publish: who may, from which state, with which comments. */
export async function transitionWorkPlan(
  db: DatabaseOrTransaction,
  input: TransitionInput,
  options: WorkPlanMutation,
): Promise<{ state: WorkPlanState; version: number }> {
  const { lang, staff } = options;
  if (!mayDo(staff, input.action, input.unitCode)) throw forbidden(lang);
  const rule = transitions[input.action];
  return db.transaction(async (tx) => {
    const record = await lockCurrent(tx, input.year, input.unitCode, input.version, lang);
    if (!rule.from.includes(record.state))
      throw new DomainError(
        'INVALID_TRANSITION',
        text(lang, 'wrongState', { state: stateName(lang, record.state) }),
      );

    const rows = await tx
      .select({ id: controlWorkPlanRows.id, methodText: controlWorkPlanRows.methodText })
      .from(controlWorkPlanRows)
      .where(eq(controlWorkPlanRows.workPlanId, record.id))
      .orderBy(asc(controlWorkPlanRows.sortOrder));

    const problems: FieldProblem[] = [];
    if (input.action === 'submit') {
      if (rows.length === 0) problems.push({ field: '', code: 'no_rows', message: text(lang, 'noRows') });
      const withTargets = new Set(
        rows.length === 0
          ? []
          : (
              await tx
                .selectDistinct({ rowId: controlWorkPlanTargets.rowId })
                .from(controlWorkPlanTargets)
                .where(
                  inArray(
                    controlWorkPlanTargets.rowId,
                    rows.map((row) => row.id),
                  ),
                )
            ).map((target) => target.rowId),
      );
      for (const row of rows)
        if (!withTargets.has(row.id))
          problems.push({
            field: '',
            code: 'row_without_target',
            message: text(lang, 'rowWithoutTarget', { method: row.methodText }),
          });
    }

    const comments: { rowId: string | null; rowLabel: string | null; text: string }[] = [];
    if (input.action === 'send_back' || input.action === 'return') {
      for (const [key, value] of input.comments ?? new Map<string, string>()) {
        const trimmed = value.trim();
        if (trimmed === '') continue;
        const field = key === '' ? 'comment-plan' : `comment-${key}`;
        const row = key === '' ? null : rows.find((candidate) => candidate.id === key);
        if (key !== '' && !row) continue;
        if (trimmed.length > maxComment)
          problems.push({
            field,
            code: 'too_long',
            message: text(lang, 'commentTooLong', { max: maxComment }),
          });
        comments.push({ rowId: row?.id ?? null, rowLabel: row?.methodText ?? null, text: trimmed });
      }
      if (comments.length === 0)
        problems.push({
          field: 'comment-plan',
          code: 'required',
          message: text(lang, input.action === 'send_back' ? 'sendBackCommentRequired' : 'commentRequired'),
        });
    }
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });

    if (comments.length > 0)
      await tx.insert(controlWorkPlanComments).values(
        comments.map((comment) => ({
          workPlanId: record.id,
          rowId: comment.rowId,
          rowLabel: comment.rowLabel,
          stage: input.action === 'send_back' ? ('head' as const) : ('secretariat' as const),
          aboutVersion: record.version,
          authorStaffId: staff.id,
          author: staff.displayName,
          createdAt: options.now,
          text: comment.text,
        })),
      );

    const stamp: Partial<WorkPlanRecord> = { state: rule.to };
    if (input.action === 'submit') stamp.submittedAt = options.now;
    if (input.action === 'approve') stamp.approvedAt = options.now;
    if (input.action === 'accept') stamp.acceptedAt = options.now;
    if (input.action === 'publish') stamp.publishedAt = options.now;
    const version = await bump(tx, record, options, stamp);
    await audit(tx, options, input.action, record, {
      from: record.state,
      to: rule.to,
      version,
      comments: comments.length,
    });
    return { state: rule.to, version };
  });
}

/** The published work plans of a year (public list). */
export async function listPublishedWorkPlans(
  db: DatabaseOrTransaction,
  year: number,
): Promise<{ unitCode: string; nameZh: string; nameEn: string; publishedAt: Date }[]> {
  const rows = await db
    .select({
      unitCode: controlWorkPlans.unitCode,
      nameZh: units.nameZh,
      nameEn: units.nameEn,
      publishedAt: controlWorkPlans.publishedAt,
    })
    .from(controlWorkPlans)
    .innerJoin(units, eq(units.code, controlWorkPlans.unitCode))
    .where(and(eq(controlWorkPlans.year, year), eq(controlWorkPlans.state, 'published')))
    .orderBy(asc(units.sortOrder));
  return rows.flatMap((row) => (row.publishedAt ? [{ ...row, publishedAt: row.publishedAt }] : []));
}
