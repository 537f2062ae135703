import { and, eq } from 'drizzle-orm';
import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import { type Transaction, withTransaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { hasUnusableCharacter } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { getServiceVersion, type ServiceVersionFacts } from '../../catalogue/index.ts';
import { mayTakeAction, unitsBeforeTransfers } from '../core/case-actions.ts';
import type { CaseRow, CasesContext, StaffCaseActor } from '../core/case-actor.ts';
import { recordCaseAudit } from '../core/case-audit.ts';
import { caseText } from '../core/case-messages.ts';
import { addToTimeline } from '../core/case-timeline.ts';
import { cases } from '../core/cases-schema.ts';
import { transitionCase } from '../core/transition-case.ts';
import { availableTransitions } from '../core/transition-guards.ts';
import { deficiencyText } from './deficiency-messages.ts';
import { getNotice, noticeCountOf, openNoticeOf } from './deficiency-queries.ts';
import {
  type DeficiencyCandidate,
  itemsAsText,
  type Posted,
  type ReadDraft,
  readDraft,
} from './deficiency-rules.ts';
import { type DeficiencyItem, deficiencyNotices } from './deficiency-schema.ts';

/**
 * Issuing the one-time deficiency notice (issue 11 §2). The first notice of a case is issued by whoever may
 * take `request_supplement` on it now (the workflow: the unit's handler or supervisor); the notice row and
 * the state change are one transaction (transitionCase's `inTransaction`), so there is never a notice
 * without the case waiting for it, nor the reverse. A second (or later) notice needs a reason: a handler's
 * waits for a supervisor of the unit (`pending_approval`, the case unchanged), a supervisor's is issued at
 * once (as their own extension is approved at once). Approving issues it exactly like a first.
 */

export async function loadCase(db: CasesContext['db'], caseId: string, lang: Lang): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (row === undefined) throw notFound(caseText(lang, 'caseNotFound'));
  return row;
}

export async function serviceOf(db: CasesContext['db'], row: CaseRow): Promise<ServiceVersionFacts> {
  const service = await getServiceVersion(db, row.serviceCode, row.serviceVersion);
  if (service === null) throw new Error(`case ${row.caseNumber}: its service version is missing`);
  return service;
}

/** What the handler may tick: the service version's checklist, then its form's fields (not files). */
export function candidatesOf(
  service: ServiceVersionFacts,
  formData: Record<string, string>,
): DeficiencyCandidate[] {
  return [
    ...service.checklist.map(
      (item): DeficiencyCandidate => ({
        key: `checklist:${item.id}`,
        kind: 'checklist',
        refId: item.id,
        labelZh: item.nameZh,
        labelEn: item.nameEn,
        currentAnswer: null,
      }),
    ),
    ...service.formFields
      .filter((field) => field.type !== 'file')
      .map(
        (field): DeficiencyCandidate => ({
          key: `field:${field.id}`,
          kind: 'field',
          refId: field.id,
          labelZh: field.labelZh,
          labelEn: field.labelEn,
          currentAnswer: formData[field.id] ?? null,
          ...(field.type === 'choice' ? { choices: field.options.map((option) => option.value) } : {}),
          ...(field.type === 'number' ? { isNumber: true } : {}),
          ...(field.type === 'date' ? { isDate: true } : {}),
        }),
      ),
  ];
}

/** May this person issue a notice on the case now: the workflow's `request_supplement` (state, role, guards). */
export function mayIssue(
  row: CaseRow,
  actor: StaffCaseActor,
  context: Pick<CasesContext, 'now' | 'lang'> & { reopenDays: number },
): boolean {
  return availableTransitions(row, actor, context).some(
    (transition) => transition.event === 'request_supplement',
  );
}

/**
 * Who approves a second notice: whoever decides the case's extensions (the unit's supervisor) — both are
 * exceptions to a rule the applicant relies on (tell once; the deadline).
 */
export function mayApprove(row: CaseRow, actor: StaffCaseActor, lang: Lang): boolean {
  return mayTakeAction(
    actor,
    'decide_extension',
    { ...row, unitsBefore: unitsBeforeTransfers([]), hasPendingExtension: true },
    lang,
  ).isAllowed;
}

export type IssueOutcome = { kind: 'issued' | 'drafted'; noticeId: string };

/** The notice's own words for the case's reason and the e-mail: in the applicant's language. */
function reasonOf(row: CaseRow, items: readonly DeficiencyItem[]): string {
  return itemsAsText(items, row.applicantLang === 'en' ? 'en' : 'zh-TW');
}

async function recordNoticeAudit(
  tx: Transaction,
  context: CasesContext,
  actor: StaffCaseActor,
  notice: { action: string; id: string; caseId: string; sequence: number; itemCount: number },
) {
  // No personal data: the notice's id, its sequence and how many items (never the notes).
  await recordCaseAudit(tx, context, actor, {
    action: notice.action,
    caseId: notice.caseId,
    details: { noticeId: notice.id, sequence: notice.sequence, items: notice.itemCount },
  });
}

/**
 * Reads the issuing form (every problem at once) and issues the notice, or drafts a second one for approval.
 * `posted` gives the form's fields by name.
 */
export async function issueNotice(
  context: CasesContext,
  options: {
    caseId: string;
    expectedVersion: number;
    posted: Posted;
    /**
     * The caller's own problems with what was sent, against what the case's notice may list (the staff API's
     * unknown or repeated items): listed first, with the form's, and nothing is issued while there are any.
     */
    problemsOf?: (candidates: readonly DeficiencyCandidate[]) => FieldProblem[];
  },
  actor: StaffCaseActor,
): Promise<IssueOutcome> {
  const { db, lang, now } = context;
  const row = await loadCase(db, options.caseId, lang);
  if (!mayIssue(row, actor, context)) throw new DomainError('FORBIDDEN', deficiencyText(lang, 'cannotIssue'));
  const service = await serviceOf(db, row);
  const previous = await noticeCountOf(db, row.id);
  if ((await openNoticeOf(db, row.id)) !== null)
    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), {
      problems: [{ field: '', code: 'already_open', message: deficiencyText(lang, 'alreadyOpen') }],
    });
  const candidates = candidatesOf(service, row.formData);
  const draft: ReadDraft = readDraft(options.posted, {
    candidates,
    today: toTaipeiLocalDate(now),
    isSecond: previous > 0,
    lang,
  });
  const problems = [...(options.problemsOf?.(candidates) ?? []), ...draft.problems];
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), { problems });
  const base = {
    caseId: row.id,
    sequence: previous + 1,
    items: draft.items,
    supplementBy: draft.supplementBy,
    unitCode: row.unitCode,
    serviceCode: row.serviceCode,
    draftedBy: actor.id,
    draftedAt: now,
    approvalReason: previous > 0 ? draft.approvalReason : null,
  };
  const isDraft = previous > 0 && !mayApprove(row, actor, lang);
  if (isDraft) {
    return withTransaction(db, async (tx) => {
      const [notice] = await tx
        .insert(deficiencyNotices)
        .values({ ...base, state: 'pending_approval' })
        .returning({ id: deficiencyNotices.id });
      if (notice === undefined) throw new Error('the notice was not written');
      await addToTimeline(tx, {
        caseId: row.id,
        at: now,
        kind: 'note',
        actor,
        internalNote:
          lang === 'en'
            ? `Deficiency notice ${base.sequence} sent for a supervisor's approval`
            : `第 ${base.sequence} 次補正通知送主管核准`,
        data: { deficiencyNoticeId: notice.id },
      });
      await recordNoticeAudit(tx, context, actor, {
        action: 'deficiency.request_approval',
        id: notice.id,
        caseId: row.id,
        sequence: base.sequence,
        itemCount: base.items.length,
      });
      return { kind: 'drafted', noticeId: notice.id };
    });
  }
  let noticeId = '';
  await transitionCase(
    context,
    {
      caseId: row.id,
      expectedVersion: options.expectedVersion,
      event: 'request_supplement',
      input: { reason: reasonOf(row, draft.items) },
    },
    actor,
    {
      through: 'deficiency_notice',
      inTransaction: async (tx) => {
        const [notice] = await tx
          .insert(deficiencyNotices)
          .values({
            ...base,
            state: 'issued',
            issuedAt: now,
            ...(previous > 0 ? { decidedBy: actor.id, decidedAt: now } : {}),
          })
          .returning({ id: deficiencyNotices.id });
        if (notice === undefined) throw new Error('the notice was not written');
        noticeId = notice.id;
        await recordNoticeAudit(tx, context, actor, {
          action: 'deficiency.issue',
          id: notice.id,
          caseId: row.id,
          sequence: base.sequence,
          itemCount: base.items.length,
        });
      },
    },
  );
  return { kind: 'issued', noticeId };
}

/** A supervisor approves a second notice (it is issued: the case waits for the supplement) or refuses it. */
export async function decideNotice(
  context: CasesContext,
  options: { caseId: string; noticeId: string; expectedVersion: number; approve: boolean; note: string },
  actor: StaffCaseActor,
): Promise<'approved' | 'refused'> {
  const { db, lang, now } = context;
  const row = await loadCase(db, options.caseId, lang);
  if (!mayApprove(row, actor, lang))
    throw new DomainError('FORBIDDEN', deficiencyText(lang, 'notSupervisor'));
  const notice = await getNotice(db, row.id, options.noticeId);
  if (notice === null) throw notFound(deficiencyText(lang, 'noticeNotFound'));
  if (notice.state !== 'pending_approval')
    throw new DomainError('CONFLICT', deficiencyText(lang, 'notPending'));
  const note = options.note.trim();
  // A character PostgreSQL cannot store (NUL, half a surrogate pair) or nobody types: refused as the forms kit
  // refuses it (the note is read as posted, not through a form definition).
  if (hasUnusableCharacter(note))
    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), {
      problems: [
        { field: 'note', code: 'notAllowed', message: deficiencyText(lang, 'decisionNoteNotAllowed') },
      ],
    });
  const decide = async (tx: Transaction, state: 'issued' | 'refused', audit: { action: string }) => {
    const [changed] = await tx
      .update(deficiencyNotices)
      .set({
        state,
        decidedBy: actor.id,
        decidedAt: now,
        decisionNote: note === '' ? null : note,
        ...(state === 'issued' ? { issuedAt: now } : { closedAt: now }),
      })
      .where(and(eq(deficiencyNotices.id, notice.id), eq(deficiencyNotices.state, 'pending_approval')))
      .returning({ id: deficiencyNotices.id });
    if (changed === undefined) throw new DomainError('CONFLICT', deficiencyText(lang, 'notPending'));
    await recordNoticeAudit(tx, context, actor, {
      action: audit.action,
      id: notice.id,
      caseId: row.id,
      sequence: notice.sequence,
      itemCount: notice.items.length,
    });
  };
  if (!options.approve) {
    if (note === '')
      throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), {
        problems: [{ field: 'note', code: 'required', message: deficiencyText(lang, 'refuseNoteRequired') }],
      });
    await withTransaction(db, (tx) => decide(tx, 'refused', { action: 'deficiency.refuse' }));
    return 'refused';
  }
  await transitionCase(
    context,
    {
      caseId: row.id,
      expectedVersion: options.expectedVersion,
      event: 'request_supplement',
      input: { reason: reasonOf(row, notice.items) },
    },
    actor,
    {
      through: 'deficiency_notice',
      inTransaction: (tx) => decide(tx, 'issued', { action: 'deficiency.approve' }),
    },
  );
  return 'approved';
}
