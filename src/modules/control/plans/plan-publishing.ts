import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { plansText as text } from './plan-messages.ts';
import { loadItems, snapshotOf } from './plan-reads.ts';
import { publicationProblems } from './plan-rules.ts';
import { controlPlans } from './plan-schema.ts';
import { auditPlan, invalid, type MutationOptions, planNotFound, writeVersion } from './plan-writes.ts';

/** Publishes a draft: status published, version 1 and its snapshot. */
export async function publishPlan(
  db: DatabaseOrTransaction,
  year: number,
  options: MutationOptions,
): Promise<{ version: number }> {
  const { lang } = options;
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(controlPlans).where(eq(controlPlans.year, year)).for('update');
    if (!plan) throw planNotFound(lang);
    if (plan.status === 'published')
      throw new DomainError('CONFLICT', text(lang, 'alreadyPublished'), {
        problems: [{ field: '', code: 'already_published', message: text(lang, 'alreadyPublished') }],
      });
    const problems = publicationProblems(snapshotOf(plan, await loadItems(tx, plan.id)), lang);
    if (problems.length > 0) throw invalid(lang, problems);
    const [published] = await tx
      .update(controlPlans)
      .set({
        status: 'published',
        publishedVersion: 1,
        updatedAt: options.now,
        updatedBy: options.actor.label,
      })
      .where(eq(controlPlans.id, plan.id))
      .returning();
    if (!published) throw new Error('the plan row vanished under its lock');
    await writeVersion(tx, published, 1, options);
    await auditPlan(tx, options, { action: 'control.plan_published', year, details: { year, version: 1 } });
    return { version: 1 };
  });
}
