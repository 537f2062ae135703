import { recordAudit } from '../../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { auditActorOf, type CaseActor, type CasesContext } from './case-actor.ts';

/**
 * One audit row about a case, by whoever acted in a case use case, at the context's instant and from its
 * origin (none for the platform's own work). Pass the use case's transaction so the row commits with the
 * change it records. `details` say what happened, never what was typed.
 */
export async function recordCaseAudit(
  db: DatabaseOrTransaction,
  context: Pick<CasesContext, 'now' | 'origin'>,
  actor: CaseActor,
  entry: { action: string; caseId: string; details?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(db, {
    occurredAt: context.now,
    actor: auditActorOf(actor),
    action: entry.action,
    target: { type: 'case', id: entry.caseId },
    ...(context.origin === undefined ? {} : { origin: context.origin }),
    ...(entry.details === undefined ? {} : { details: entry.details }),
  });
}
