import { type AuditActor, type RequestOrigin, recordAudit } from '../../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction, Transaction } from '../../../platform/db/database.ts';
import { announcePublished } from '../../../platform/db/publications.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { indexDocuments } from '../../../platform/search/search-index.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { plansText as text } from './plan-messages.ts';
import { loadItems, type PlanRow, snapshotOf } from './plan-reads.ts';
import { controlPlanVersions } from './plan-schema.ts';
import { planDocumentsOf } from './plan-search-documents.ts';
import type { PracticeDeadline } from './plan-types.ts';

/** What every write of a plan shares: who acts and when, its refusals, and writing a published version. */

export interface MutationOptions {
  actor: AuditActor;
  now: Date;
  lang: Lang;
  origin?: RequestOrigin;
}

/** Records a write of a year's plan in the audit log, in the write's transaction. */
export async function auditPlan(
  tx: DatabaseOrTransaction,
  options: MutationOptions,
  entry: { action: string; year: number; details: Record<string, unknown> },
): Promise<void> {
  await recordAudit(tx, {
    occurredAt: options.now,
    actor: options.actor,
    action: entry.action,
    target: { type: 'control_plan', id: String(entry.year) },
    ...(options.origin ? { origin: options.origin } : {}),
    details: entry.details,
  });
}

export function invalid(lang: Lang, problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
}

/** No such plan, or no such entry in it. */
export function planNotFound(lang: Lang): DomainError {
  return notFound(text(lang, 'notFound'));
}

/** A deadline as the practice rows store it. */
export function deadlineColumns(deadline: PracticeDeadline) {
  return deadline.kind === 'month'
    ? { deadlineKind: 'month' as const, deadlineRocYear: deadline.rocYear, deadlineMonth: deadline.month }
    : { deadlineKind: deadline.kind, deadlineRocYear: null, deadlineMonth: null };
}

/** Writes version N of a plan from its live rows. */
export async function writeVersion(
  tx: Transaction,
  plan: PlanRow,
  version: number,
  options: MutationOptions,
): Promise<void> {
  const content = snapshotOf(plan, await loadItems(tx, plan.id));
  await announcePublished(tx, 'plans');
  await tx.insert(controlPlanVersions).values({
    planId: plan.id,
    version,
    content,
    publishedAt: options.now,
    publishedByStaffId: options.actor.staffId,
    publishedBy: options.actor.label,
  });
  // The search index shows the current version (issue 15).
  await indexDocuments(tx, 'plan', String(plan.year), planDocumentsOf(content, options.now));
  await announcePublished(tx, 'search');
}
