import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { CasesContext } from '../core/case-actor.ts';
import type { CaseDetail } from '../core/case-queries.ts';
import { transitionCase } from '../core/transition-case.ts';
import { availableTransitions } from '../core/transition-guards.ts';
import { reopenDaysOf } from '../core/workflows.ts';
import { trackText } from './track-messages.ts';

/**
 * What the applicant may do on the result page (the workflow's `applicant` transitions: withdraw, reopen
 * within the window), and doing it in their words: a refusal meant for staff (it may name a colleague) is
 * never shown to them.
 */

export interface ApplicantActions {
  canWithdraw: boolean;
  /** The last day (YYYY-MM-DD, Taipei) the applicant may ask for a reopening, when they may now. */
  reopenUntil: string | null;
  reopenDays: number;
  /**
   * What the window counts from: a field report's fix (its reporter says "still not fixed"), or any
   * other case's closing.
   */
  reopenCountsFrom: 'fix' | 'closing';
}

export function applicantActions(
  detail: CaseDetail,
  context: { now: Date; reopenDays: number; lang: Lang },
): ApplicantActions {
  const events = new Set(
    availableTransitions(detail.row, { kind: 'applicant' }, context).map((transition) => transition.event),
  );
  const closedAt = detail.row.closedAt;
  const reopenDays = reopenDaysOf(detail.row.kind, context.reopenDays);
  return {
    canWithdraw: events.has('withdraw'),
    reopenUntil:
      events.has('reopen') && closedAt !== null
        ? toTaipeiLocalDate(new Date(closedAt.getTime() + reopenDays * 86_400_000))
        : null,
    reopenDays,
    reopenCountsFrom: detail.row.kind === 'field_report' ? 'fix' : 'closing',
  };
}

/** The applicant's action; null when it was done, otherwise the one problem to show them. */
export async function takeApplicantAction(
  context: CasesContext,
  options: { caseId: string; version: number; event: 'withdraw' | 'reopen'; reason?: string },
): Promise<FieldProblem | null> {
  const lang = context.lang;
  try {
    await transitionCase(
      context,
      {
        caseId: options.caseId,
        expectedVersion: options.version,
        event: options.event,
        input: options.reason === undefined ? {} : { reason: options.reason },
      },
      { kind: 'applicant' },
    );
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'CONFLICT')
      return { field: '', code: 'conflict', message: trackText(lang, 'actionConflict') };
    if (error.code === 'INVALID_TRANSITION' || error.code === 'FORBIDDEN')
      return { field: '', code: 'not_allowed', message: trackText(lang, 'actionNotAllowed') };
    throw error;
  }
}
