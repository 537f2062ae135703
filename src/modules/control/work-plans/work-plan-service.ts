import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestOrigin } from '../../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction, Transaction } from '../../../platform/db/database.ts';
import { announcePublished } from '../../../platform/db/publications.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { getPublishedPlan } from '../plans/plan-reads.ts';
import { formatDateTime } from '../shared/control-format.ts';
import { auditByStaff } from '../shared/staff-audit.ts';
import { workPlanText as text } from './work-plan-messages.ts';
import { carriedPractices } from './work-plan-reads.ts';
import {
  editableStates,
  isBlank,
  maxComment,
  mayDo,
  mayStart,
  parseNumber,
  type RowForm,
  rowProblems,
  transitions,
  type WorkPlanAction,
  type WorkPlanActor,
  type WorkPlanAuditAction,
  workPlanForbidden,
  workPlanNotFound,
  wrongState,
} from './work-plan-rules.ts';
import {
  controlWorkPlanComments,
  controlWorkPlanRows,
  controlWorkPlans,
  controlWorkPlanTargets,
  type WorkPlanState,
} from './work-plan-schema.ts';

/**
 * Units' work plans (issue 4 §2), the writes: start one, add, change or remove a method, and move it through
 * its states. Every write is one transaction that locks the work plan, checks the version the form was made
 * from (stale → 409 naming who changed it and when), changes it, bumps the version and records the audit
 * entry. The rules: work-plan-rules.ts.
 */

export interface WorkPlanMutation {
  staff: WorkPlanActor;
  now: Date;
  lang: Lang;
  origin?: RequestOrigin;
}

// ---------------------------------------------------------------------------------------------------
// Writes

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
  if (!record) throw workPlanNotFound(lang);
  if (version !== record.version) {
    const message = text(lang, 'stale', {
      who: record.updatedBy,
      when: formatDateTime(lang, record.updatedAt),
      version: record.version,
    });
    throw new DomainError('CONFLICT', message, { problems: [{ field: '', code: 'stale_version', message }] });
  }
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
  action: WorkPlanAuditAction,
  record: WorkPlanRecord,
  details: Record<string, unknown>,
) {
  await auditByStaff(tx, options, {
    action: `control.work_plan.${action}`,
    target: { type: 'control_work_plan', id: record.id },
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
  if (!mayStart(staff) || unitCode === null) throw workPlanForbidden(lang);
  return db.transaction(async (tx) => {
    const plan = await getPublishedPlan(tx, year);
    if (!plan) throw notFound(text(lang, 'noPlan', { year }));
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
  if (!mayDo(options.staff, 'edit', input.unitCode)) throw workPlanForbidden(lang);
  return db.transaction(async (tx) => {
    const record = await lockCurrent(tx, input.year, input.unitCode, input.version, lang);
    if (!editableStates.includes(record.state)) throw wrongState(lang, record.state);
    const practices = await carriedPractices(tx, input.year, input.unitCode);
    if (!practices) throw notFound(text(lang, 'noPlan', { year: input.year }));
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
      if (updated.length === 0) throw workPlanNotFound(lang);
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
  if (!mayDo(options.staff, 'edit', input.unitCode)) throw workPlanForbidden(lang);
  return db.transaction(async (tx) => {
    const record = await lockCurrent(tx, input.year, input.unitCode, input.version, lang);
    if (!editableStates.includes(record.state)) throw wrongState(lang, record.state);
    const removed = await tx
      .delete(controlWorkPlanRows)
      .where(and(eq(controlWorkPlanRows.id, input.rowId), eq(controlWorkPlanRows.workPlanId, record.id)))
      .returning({ id: controlWorkPlanRows.id });
    if (removed.length === 0) throw workPlanNotFound(lang);
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
  if (!mayDo(staff, input.action, input.unitCode)) throw workPlanForbidden(lang);
  const rule = transitions[input.action];
  return db.transaction(async (tx) => {
    const record = await lockCurrent(tx, input.year, input.unitCode, input.version, lang);
    if (!rule.from.includes(record.state)) throw wrongState(lang, record.state);

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
    // Publishing, or taking back a published plan, changes the public pages.
    if (input.action === 'publish' || record.state === 'published') await announcePublished(tx, 'work-plans');
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
