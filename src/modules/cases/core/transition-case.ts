import { and, eq } from 'drizzle-orm';
import { type Transaction, withTransaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { actorRole, type CaseActor, type CaseRow, type CasesContext } from './case-actor.ts';
import { calendarFor } from './case-calendar.ts';
import { computeDeadline } from './case-deadline.ts';
import { caseText } from './case-messages.ts';
import { queueCaseNotices } from './case-notices.ts';
import { addToTimeline } from './case-timeline.ts';
import { checkVersion, lockCase, staleVersionError } from './case-versions.ts';
import { cases } from './cases-schema.ts';
import { isBlank, type TextInputName, tooLongMessage, transitionTextLimits } from './intake-rules.ts';
import { transitionEffects } from './transition-effects.ts';
import { failedGuards } from './transition-guards.ts';
import { inputFieldOf, type TransitionInputValues, type TransitionService } from './workflow-definition.ts';
import { type CaseEvent, eventLabel, stateLabel, workflowOf } from './workflows.ts';

export interface TransitionRequest {
  caseId: string;
  /** The version the actor saw; a different current version means someone else acted first. */
  expectedVersion: number;
  event: CaseEvent;
  input: TransitionInputValues;
}

export interface TransitionOptions {
  /**
   * Runs in the case's transaction once the case has changed (a field report's after-photo, stored with its
   * fix): all or nothing. What it throws rolls the change back.
   */
  inTransaction?: (tx: Transaction, updated: CaseRow) => Promise<void>;
  /** The service taking the event, for an event the workflow takes only through one (Transition.through). */
  through?: TransitionService;
}

function inWords(words: { zh: string; en: string }, lang: Lang): string {
  return lang === 'en' ? words.en : words.zh;
}

/**
 * The only writer of `cases.state`. Under the case's row lock: the version the person saw, then the case's
 * workflow — the state allows the event (else 409 INVALID_TRANSITION), the role may take it (else 403), its
 * guards hold (403, every failed one named) — then every missing input and every problem of the event's own
 * (400, all at once); then the effect, the new deadline, the version, the timeline and the notices.
 */
export async function transitionCase(
  context: CasesContext,
  request: TransitionRequest,
  actor: CaseActor,
  options: TransitionOptions = {},
): Promise<CaseRow> {
  const { db, now, lang } = context;
  return withTransaction(db, async (tx) => {
    const row = await lockCase(tx, request.caseId, lang);
    await checkVersion(tx, row, request.expectedVersion, lang);
    const workflow = workflowOf(row.kind);
    const state = row.state;
    const transition = workflow.findTransition(state, request.event);
    if (transition === undefined || !workflow.hasState(state)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        caseText(lang, 'invalidTransition', {
          state: workflow.hasState(state) ? inWords(stateLabel(state), lang) : state,
          event: inWords(eventLabel(request.event), lang),
        }),
      );
    }
    const role = actorRole(actor);
    if (role === null || !transition.roles.includes(role)) {
      throw new DomainError(
        'FORBIDDEN',
        caseText(lang, 'roleNotAllowed', { event: inWords(eventLabel(request.event), lang) }),
      );
    }
    if (transition.through !== undefined && options.through !== transition.through) {
      throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), {
        problems: [{ field: 'event', code: 'notice_required', message: caseText(lang, 'noticeRequired') }],
      });
    }
    const guardProblems = failedGuards(transition.guards, row, actor, context);
    if (guardProblems.length > 0) {
      throw new DomainError('FORBIDDEN', guardProblems.map((problem) => problem.message).join(' '), {
        problems: guardProblems,
      });
    }
    const problems: FieldProblem[] = transition.requires
      .filter((required) => isBlank(request.input[inputFieldOf[required]]))
      .map((required) => ({
        field: inputFieldOf[required],
        code: 'required',
        message: caseText(lang, `inputRequired_${required}`),
      }));
    // Every path (the case page, the API, a script) keeps to the same limits as the forms.
    for (const [name, limit] of Object.entries(transitionTextLimits) as [TextInputName, number][]) {
      const length = request.input[name]?.trim().length ?? 0;
      if (length > limit)
        problems.push({ field: name, code: 'too_long', message: tooLongMessage(lang, name, limit, length) });
    }
    const effect = await transitionEffects[request.event]({
      tx,
      row,
      actor,
      input: request.input,
      now,
      lang,
    });
    problems.push(...(effect.problems ?? []));
    if (problems.length > 0) {
      throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), { problems });
    }

    const to = transition.to;
    const changes = effect.changes ?? {};
    const deadline = workflow.isFinished(to)
      ? { dueAt: null, atRiskAt: null, expectedCompletionDate: null }
      : computeDeadline(await calendarFor(tx, context.calendarRegion), {
          receivedAt: row.receivedAt,
          deadlineRule: row.deadlineRule,
          pauses: changes.pauses ?? row.pauses,
          extensionAmount: row.extensionAmount,
        });
    const [updated] = await tx
      .update(cases)
      .set({
        ...changes,
        ...(row.dueAtAnswer === null && (workflow.isFinished(to) || workflow.isAnswered(to))
          ? { dueAtAnswer: row.dueAt }
          : {}),
        state: to,
        dueAt: deadline.dueAt,
        atRiskAt: deadline.atRiskAt,
        expectedCompletionDate: deadline.expectedCompletionDate ?? row.expectedCompletionDate,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(cases.id, row.id), eq(cases.version, row.version)))
      .returning();
    if (updated === undefined) throw await staleVersionError(tx, row, lang);
    const publicNote = effect.isNoteKeptInternal
      ? null
      : request.input.publicNote?.trim() || request.input.reason?.trim() || null;
    await addToTimeline(tx, {
      caseId: row.id,
      at: now,
      kind: request.event,
      actor,
      fromState: state,
      toState: to,
      publicNote,
      internalNote: request.input.internalNote?.trim() || null,
      data: effect.data ?? {},
    });
    await effect.afterwards?.(tx, updated);
    await options.inTransaction?.(tx, updated);
    await queueCaseNotices(tx, context, updated, effect.notices ?? []);
    return updated;
  });
}
