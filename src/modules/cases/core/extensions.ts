import { and, asc, eq, sql } from 'drizzle-orm';
import { staff } from '../../../platform/auth/auth-schema.ts';
import {
  type DatabaseOrTransaction,
  type Transaction,
  withTransaction,
} from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { queueNotification } from '../../notifications/index.ts';
import { type ActionFailure, asProblems, mayTakeAction } from './case-actions.ts';
import type { CaseRow, CasesContext, StaffCaseActor } from './case-actor.ts';
import { calendarFor } from './case-calendar.ts';
import { computeDeadline } from './case-deadline.ts';
import { caseText } from './case-messages.ts';
import { queueCaseNotices } from './case-notices.ts';
import { casePaths } from './case-paths.ts';
import { openStatesSql } from './case-queries.ts';
import { serviceVersionNames, unitContact } from './case-reference-cache.ts';
import { addToTimeline } from './case-timeline.ts';
import { checkVersion, lockCase } from './case-versions.ts';
import { caseExtensions, cases } from './cases-schema.ts';
import { isBlank } from './intake-rules.ts';
import { caseTopics } from './templates/index.ts';

/**
 * Extensions (展延): a handler asks for more working days (or hours) with a reason, a supervisor of the
 * unit approves or refuses; a supervisor's own request is approved at once. Who may, on which case, is
 * the actions table's (case-actions.ts); on approval the applicant is told the new date and the reason.
 */

/** The most one request may add. */
export const maxExtensionAmount = 60;

/** Refused by who the person is or how the case stands to them: 403 with every reason. */
function refuseActor(failures: readonly ActionFailure[]): void {
  const refusal = failures.filter((failure) => failure.kind !== 'condition');
  if (refusal.length === 0) return;
  throw new DomainError('FORBIDDEN', refusal.map((failure) => failure.message).join(' '), {
    ...(refusal[0]?.kind === 'role' ? {} : { problems: asProblems(refusal) }),
  });
}

async function hasPendingExtension(tx: Transaction, caseId: string): Promise<boolean> {
  const [pending] = await tx
    .select({ id: caseExtensions.id })
    .from(caseExtensions)
    .where(and(eq(caseExtensions.caseId, caseId), eq(caseExtensions.state, 'pending')));
  return pending !== undefined;
}

/**
 * A case with an outer limit (a petition: 30 working days from receipt, its type's rule) may not be extended
 * past it; the limit is counted like the deadline, on the working-day calendar with the pauses left out.
 */
async function outerLimitProblems(
  tx: Transaction,
  context: CasesContext,
  row: CaseRow,
  amount: number,
): Promise<FieldProblem[]> {
  const days = row.outerLimitWorkingDays;
  if (days === null || row.deadlineRule.kind !== 'working_days') return [];
  const calendar = await calendarFor(tx, context.calendarRegion);
  const extended = computeDeadline(calendar, {
    receivedAt: row.receivedAt,
    deadlineRule: row.deadlineRule,
    pauses: row.pauses,
    extensionAmount: row.extensionAmount + amount,
  });
  const limit = computeDeadline(calendar, {
    receivedAt: row.receivedAt,
    deadlineRule: { ...row.deadlineRule, days },
    pauses: row.pauses,
    extensionAmount: 0,
  });
  if (extended.dueAt === null || limit.dueAt === null || extended.dueAt <= limit.dueAt) return [];
  return [
    {
      field: 'amount',
      code: 'beyond_outer_limit',
      message: caseText(context.lang, 'extensionBeyondOuterLimit', {
        due: extended.expectedCompletionDate ?? '',
        limit: limit.expectedCompletionDate ?? '',
        days,
      }),
    },
  ];
}

export async function requestExtension(
  context: CasesContext,
  options: { caseId: string; expectedVersion: number; amount: number; reason: string },
  actor: StaffCaseActor,
): Promise<{ extensionId: string; approved: boolean }> {
  const { db, now, lang } = context;
  return withTransaction(db, async (tx) => {
    const row = await lockCase(tx, options.caseId, lang);
    await checkVersion(tx, row, options.expectedVersion, lang);
    const decision = mayTakeAction(
      actor,
      'request_extension',
      { ...row, hasPendingExtension: await hasPendingExtension(tx, row.id) },
      lang,
    );
    refuseActor(decision.failures);
    const problems: FieldProblem[] = asProblems(
      decision.failures.filter((failure) => failure.code === 'finished'),
    );
    if (!Number.isInteger(options.amount) || options.amount < 1 || options.amount > maxExtensionAmount)
      problems.push({ field: 'amount', code: 'invalid', message: caseText(lang, 'extensionAmountInvalid') });
    if (isBlank(options.reason))
      problems.push({
        field: 'reason',
        code: 'required',
        message: caseText(lang, 'extensionReasonRequired'),
      });
    problems.push(...asProblems(decision.failures.filter((failure) => failure.code === 'pending')));
    if (problems.length === 0) problems.push(...(await outerLimitProblems(tx, context, row, options.amount)));
    if (problems.length > 0)
      throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), { problems });
    const [extension] = await tx
      .insert(caseExtensions)
      .values({
        caseId: row.id,
        amount: options.amount,
        reason: options.reason.trim(),
        requestedBy: actor.id,
        requestedAt: now,
      })
      .returning({ id: caseExtensions.id });
    if (extension === undefined) throw new Error('insert into case_extensions returned no row');
    await tx
      .update(cases)
      .set({ version: row.version + 1, updatedAt: now })
      .where(eq(cases.id, row.id));
    await addToTimeline(tx, {
      caseId: row.id,
      at: now,
      kind: 'extension_requested',
      actor,
      internalNote: options.reason.trim(),
      data: { extensionId: extension.id, amount: options.amount },
    });
    // A supervisor's own request needs no second person: it is decided at once, in the same transaction.
    if (mayTakeAction(actor, 'decide_extension', null, lang).isAllowed) {
      await decideExtensionIn(
        tx,
        context,
        {
          caseId: row.id,
          extensionId: extension.id,
          approve: true,
          note: '',
          expectedVersion: row.version + 1,
        },
        actor,
      );
      return { extensionId: extension.id, approved: true };
    }
    await tellSupervisors(tx, context, row, { extensionId: extension.id, amount: options.amount, actor });
    return { extensionId: extension.id, approved: false };
  });
}

/**
 * 展延待核定 (issue 14): each active supervisor of the case's unit is e-mailed, in the request's
 * transaction, so that a request never waits unseen. Staff have no language of their own: zh-TW, as the
 * deadline reminders.
 */
async function tellSupervisors(
  tx: Transaction,
  context: CasesContext,
  row: CaseRow,
  request: { extensionId: string; amount: number; actor: StaffCaseActor },
): Promise<void> {
  const supervisors = await tx
    .select({ id: staff.id, email: staff.email })
    .from(staff)
    .where(and(eq(staff.role, 'supervisor'), eq(staff.unitCode, row.unitCode), eq(staff.isActive, true)));
  if (supervisors.length === 0) return;
  const names = await serviceVersionNames(tx, row.serviceCode, row.serviceVersion);
  const unit = await unitContact(tx, row.unitCode);
  const caseUrl = `${context.publicBaseUrl.replace(/\/$/, '')}${casePaths.casePage(row.caseNumber)}`;
  for (const supervisor of supervisors) {
    await queueNotification(tx, {
      jobs: context.jobs,
      subject: { type: 'case', id: row.id },
      topic: caseTopics.extensionRequested,
      channel: 'email',
      recipient: supervisor.email,
      lang: 'zh-TW',
      data: {
        caseNumber: row.caseNumber,
        serviceName: names?.nameZh ?? row.serviceCode,
        unitName: unit?.nameZh ?? row.unitCode,
        requestedBy: request.actor.displayName,
        amount: request.amount,
        isHours: row.deadlineRule.kind === 'hours',
        caseUrl,
      },
      dedupeKey: `case.extension_requested:${request.extensionId}:${supervisor.id}`,
    });
  }
}

/** An extension request waiting for a supervisor, as supervision lists it. */
export interface PendingExtension {
  extensionId: string;
  caseNumber: string;
  unitCode: string;
  requestedByName: string;
  requestedAt: Date;
  amount: number;
  isHours: boolean;
  expectedCompletionDate: string | null;
}

/** How many pending requests supervision lists on its page (the oldest first; the count says the rest). */
export const pendingExtensionsShown = 50;

/**
 * The extension requests waiting for a decision on open cases: a unit's (a supervisor's) or every unit's
 * (the secretariat), oldest first, with their total.
 */
export async function listPendingExtensions(
  db: DatabaseOrTransaction,
  options: { unitCode?: string | undefined },
): Promise<{ items: PendingExtension[]; total: number }> {
  const conditions = [
    eq(caseExtensions.state, 'pending'),
    sql`${cases.state} in ${openStatesSql}`,
    ...(options.unitCode === undefined ? [] : [eq(cases.unitCode, options.unitCode)]),
  ];
  const rows = await db
    .select({
      extensionId: caseExtensions.id,
      caseNumber: cases.caseNumber,
      unitCode: cases.unitCode,
      requestedByName: staff.displayName,
      requestedAt: caseExtensions.requestedAt,
      amount: caseExtensions.amount,
      deadlineRule: cases.deadlineRule,
      expectedCompletionDate: cases.expectedCompletionDate,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(caseExtensions)
    .innerJoin(cases, eq(cases.id, caseExtensions.caseId))
    .innerJoin(staff, eq(staff.id, caseExtensions.requestedBy))
    .where(and(...conditions))
    .orderBy(asc(caseExtensions.requestedAt))
    .limit(pendingExtensionsShown);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ deadlineRule, total: _total, ...row }) => ({
      ...row,
      isHours: deadlineRule.kind === 'hours',
    })),
  };
}

export interface ExtensionDecision {
  caseId: string;
  extensionId: string;
  approve: boolean;
  note: string;
  expectedVersion: number;
}

export async function decideExtension(
  context: CasesContext,
  options: ExtensionDecision,
  actor: StaffCaseActor,
): Promise<CaseRow> {
  return withTransaction(context.db, (tx) => decideExtensionIn(tx, context, options, actor));
}

async function decideExtensionIn(
  tx: Transaction,
  context: CasesContext,
  options: ExtensionDecision,
  actor: StaffCaseActor,
): Promise<CaseRow> {
  const { now, lang } = context;
  const row = await lockCase(tx, options.caseId, lang);
  await checkVersion(tx, row, options.expectedVersion, lang);
  const [extension] = await tx
    .select()
    .from(caseExtensions)
    .where(and(eq(caseExtensions.id, options.extensionId), eq(caseExtensions.caseId, row.id)))
    .for('update');
  const decision = mayTakeAction(
    actor,
    'decide_extension',
    { ...row, hasPendingExtension: extension?.state === 'pending' },
    lang,
  );
  refuseActor(decision.failures);
  if (extension === undefined) throw notFound(caseText(lang, 'extensionNotFound'));
  if (extension.state !== 'pending') throw new DomainError('CONFLICT', caseText(lang, 'extensionNotPending'));
  const notOpen = decision.failures.find((failure) => failure.kind === 'condition');
  if (notOpen !== undefined) throw new DomainError('INVALID_TRANSITION', notOpen.message);
  await tx
    .update(caseExtensions)
    .set({
      state: options.approve ? 'approved' : 'refused',
      decidedBy: actor.id,
      decidedAt: now,
      decisionNote: options.note.trim() || null,
    })
    .where(eq(caseExtensions.id, extension.id));
  const extensionAmount = row.extensionAmount + (options.approve ? extension.amount : 0);
  const deadline = options.approve
    ? computeDeadline(await calendarFor(tx, context.calendarRegion), {
        receivedAt: row.receivedAt,
        deadlineRule: row.deadlineRule,
        pauses: row.pauses,
        extensionAmount,
      })
    : { dueAt: row.dueAt, atRiskAt: row.atRiskAt, expectedCompletionDate: row.expectedCompletionDate };
  const [updated] = await tx
    .update(cases)
    .set({
      extensionAmount,
      dueAt: deadline.dueAt,
      atRiskAt: deadline.atRiskAt,
      expectedCompletionDate: deadline.expectedCompletionDate ?? row.expectedCompletionDate,
      version: row.version + 1,
      updatedAt: now,
    })
    .where(eq(cases.id, row.id))
    .returning();
  if (updated === undefined) throw new Error('update of cases returned no row');
  await addToTimeline(tx, {
    caseId: row.id,
    at: now,
    kind: options.approve ? 'extension_approved' : 'extension_refused',
    actor,
    // The applicant is told the new date and the reason (the reason is the handler's, approved).
    publicNote: options.approve ? extension.reason : null,
    internalNote: options.note.trim() || null,
    data: {
      extensionId: extension.id,
      amount: extension.amount,
      expectedCompletionDate: updated.expectedCompletionDate,
    },
  });
  if (options.approve)
    await queueCaseNotices(tx, context, updated, [{ topic: 'case.extended', detail: extension.reason }]);
  return updated;
}
