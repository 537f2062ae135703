import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { relationsOf, unitCaseRoles } from './case-actions.ts';
import { actorRole, type CaseActor, type CaseRow } from './case-actor.ts';
import { caseText } from './case-messages.ts';
import type { CaseGuard, Transition } from './workflow-definition.ts';
import { type CaseEvent, type CaseState, reopenDaysOf, workflowOf } from './workflows.ts';

/**
 * The workflow's guards, without the database: which of a transition's guards fail for this person on this
 * case, and which transitions they may take now (the case page's buttons, the API's `availableEvents`).
 */

type GuardedRow = Pick<CaseRow, 'unitCode' | 'handlerId' | 'closedAt'> & {
  kind?: string;
  needsAnswerApproval?: boolean;
};
type GuardContext = { now: Date; reopenDays: number; lang: Lang };

/** The guards that fail for this actor on this case, as problems in the user's language (every one). */
export function failedGuards(
  guards: readonly CaseGuard[],
  row: GuardedRow,
  actor: CaseActor,
  context: GuardContext,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const staff = actor.kind === 'staff' ? actor : null;
  const held =
    staff === null ? new Set() : relationsOf(staff, { ...row, caseNumber: '', kind: '', state: '' });
  const isUnitRole = staff !== null && (unitCaseRoles as readonly string[]).includes(staff.role);
  for (const guard of guards) {
    if (guard === 'own_unit' && isUnitRole && !held.has('own_unit'))
      problems.push({ field: '', code: guard, message: caseText(context.lang, 'guardOwnUnit') });
    if (
      guard === 'assigned_or_unassigned' &&
      staff?.role === 'handler' &&
      row.handlerId !== null &&
      !held.has('assigned_to_me')
    )
      problems.push({ field: '', code: guard, message: caseText(context.lang, 'guardAssigned') });
    if (guard === 'within_reopen_window' && actor.kind === 'applicant') {
      const closedAt = row.closedAt?.getTime() ?? 0;
      const days = row.kind === undefined ? context.reopenDays : reopenDaysOf(row.kind, context.reopenDays);
      if (context.now.getTime() - closedAt > days * 86_400_000)
        problems.push({
          field: '',
          code: guard,
          message: caseText(context.lang, 'guardReopenWindow', { days }),
        });
    }
    if (guard === 'answer_approval_not_needed' && row.needsAnswerApproval === true)
      problems.push({ field: '', code: guard, message: caseText(context.lang, 'guardAnswerApproval') });
  }
  return problems;
}

/** The transitions this actor may take on this case now (its workflow, state, role and guards). */
export function availableTransitions(
  row: Pick<CaseRow, 'kind' | 'state'> & GuardedRow,
  actor: CaseActor,
  context: GuardContext,
): Transition<CaseState, CaseEvent>[] {
  const role = actorRole(actor);
  if (role === null) return [];
  return workflowOf(row.kind)
    .transitionsFrom(row.state)
    .filter(
      (transition) =>
        transition.roles.includes(role) && failedGuards(transition.guards, row, actor, context).length === 0,
    );
}
