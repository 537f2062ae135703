import { and, eq, inArray } from 'drizzle-orm';
import { staff } from '../../../platform/auth/auth-schema.ts';
import { withTransaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import { type ActionActor, asProblems, mayTakeAction, unitCaseRoles } from './case-actions.ts';
import type { CasesContext, StaffCaseActor } from './case-actor.ts';
import { caseText } from './case-messages.ts';
import { addToTimeline } from './case-timeline.ts';
import { cases } from './cases-schema.ts';

/**
 * Assignment (分派): a supervisor gives open cases of their unit to one of its case officers. Every
 * problem at once — no officer chosen or one not of the unit, no case ticked, a case not found, not the
 * unit's or finished (each case named) — or every case assigned, one timeline entry each.
 */
export async function assignCases(
  context: CasesContext,
  options: { caseIds: readonly string[]; handlerId: string; action?: 'assign' | 'bulk_assign' },
  actor: StaffCaseActor,
): Promise<number> {
  const { db, now, lang } = context;
  const action = options.action ?? 'assign';
  const who: ActionActor = actor;
  const asRole = mayTakeAction(who, action, null, lang);
  if (!asRole.isAllowed) throw new DomainError('FORBIDDEN', asRole.failures[0]?.message ?? '');
  const handlerId = options.handlerId.trim();
  const caseIds = [...new Set(options.caseIds.map((id) => id.trim()))];
  const problems: FieldProblem[] = [];
  if (handlerId === '')
    problems.push({ field: 'handlerId', code: 'required', message: caseText(lang, 'assignHandlerRequired') });
  if (caseIds.length === 0)
    problems.push({ field: 'caseIds', code: 'required', message: caseText(lang, 'assignNothing') });
  return withTransaction(db, async (tx) => {
    const [handler] = isUuid(handlerId)
      ? await tx
          .select({ id: staff.id, displayName: staff.displayName, unitCode: staff.unitCode })
          .from(staff)
          .where(
            and(eq(staff.id, handlerId), eq(staff.isActive, true), inArray(staff.role, [...unitCaseRoles])),
          )
      : [];
    if (handlerId !== '' && (handler === undefined || handler.unitCode !== actor.unitCode))
      problems.push({ field: 'handlerId', code: 'unknown', message: caseText(lang, 'assignHandlerUnknown') });
    const ids = caseIds.filter(isUuid);
    const rows =
      ids.length === 0 ? [] : await tx.select().from(cases).where(inArray(cases.id, ids)).for('update');
    for (const row of rows)
      problems.push(...asProblems(mayTakeAction(who, action, row, lang).failures, 'caseIds'));
    if (rows.length !== caseIds.length && caseIds.length > 0)
      problems.push({ field: 'caseIds', code: 'unknown', message: caseText(lang, 'caseNotFound') });
    if (problems.length > 0 || handler === undefined)
      throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), { problems });
    for (const row of rows) {
      await tx
        .update(cases)
        .set({ handlerId: handler.id, version: row.version + 1, updatedAt: now })
        .where(eq(cases.id, row.id));
      await addToTimeline(tx, {
        caseId: row.id,
        at: now,
        kind: 'assigned',
        actor,
        data: { handlerId: handler.id, handlerName: handler.displayName, previousHandlerId: row.handlerId },
      });
    }
    return rows.length;
  });
}
