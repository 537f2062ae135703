import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import type { IndexedThing } from '../../../platform/search/search-index.ts';
import { getPublishedPlan } from './plan-reads.ts';
import { controlPlans } from './plan-schema.ts';
import { planDocumentsOf } from './plan-search-documents.ts';

/** Every published plan's current version, for rebuilding the search index (the seed, search:reindex). */
export async function* publishedPlanDocuments(
  db: DatabaseOrTransaction,
): AsyncIterable<readonly IndexedThing[]> {
  const years = await db
    .select({ year: controlPlans.year })
    .from(controlPlans)
    .where(eq(controlPlans.status, 'published'));
  const batch: IndexedThing[] = [];
  for (const { year } of years) {
    const plan = await getPublishedPlan(db, year);
    if (plan)
      batch.push({ sourceId: String(year), documents: planDocumentsOf(plan.content, plan.publishedAt) });
  }
  yield batch;
}
