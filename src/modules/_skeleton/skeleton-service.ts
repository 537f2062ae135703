import { type AuditActor, type RequestOrigin, recordAudit } from '../../platform/auth/audit-log.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { daysOf, skeletonProblems } from './skeleton-form.ts';
import { skeletonText as text } from './skeleton-messages.ts';

/**
 * The use case: a verb-noun function with one options object, no request or reply. It checks its rule
 * (every problem at once, as a VALIDATION_FAILED DomainError), does its work in one transaction, and
 * records what it did in the audit log with who and from where.
 */
export async function receiveSkeleton(
  db: Database,
  options: {
    values: { name: string; days: string; note: string };
    actor: AuditActor;
    origin: RequestOrigin;
    now: Date;
    lang: Lang;
  },
): Promise<{ days: number }> {
  const problems = skeletonProblems(options.values, options.lang);
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', text(options.lang, 'invalid'), { problems });
  const days = daysOf(options.values.days);
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'skeleton.received',
      origin: options.origin,
      // Never personal data here: what happened, not what was typed.
      details: { days },
    });
  });
  return { days };
}
