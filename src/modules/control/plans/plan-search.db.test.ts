import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/helpers/test-database.ts';
import { systemActor } from '../../../platform/auth/audit-log.ts';
import { searchSite } from '../../../platform/search/search-query.ts';
import { searchDocuments } from '../../../platform/search/search-schema.ts';
import { loadPublishedPlan } from './plan-copying.ts';
import { getPublishedPlan } from './plan-reads.ts';

/** A published plan version is in the search index at once (issue 15 §4). */
describe('plans in the search index', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    handle = await createTestDatabase();
  });
  after(() => handle.close());

  it('the seeded 2012 plan is indexed, and a plan published later is found by its words', async () => {
    const db = handle.db;
    const seeded = await db
      .select({ path: searchDocuments.path })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.source, 'plan'), eq(searchDocuments.sourceId, '2012')));
    assert.ok(seeded.length >= 1);
    for (const row of seeded) assert.equal(row.path, '/plans/2012');
    const plan = await getPublishedPlan(db, 2012);
    assert.ok(plan);
    await db.transaction((tx) =>
      loadPublishedPlan(
        tx,
        { ...plan.content, year: 2031, title: '高雄市政府工務局 120 年度琉璃光服務品質計畫' },
        { actor: systemActor, now: new Date(), lang: 'zh-TW' },
      ),
    );
    const found = await searchSite(db, {
      lang: 'zh-TW',
      query: '琉璃光',
      page: 1,
      now: new Date(),
      recordMiss: false,
    });
    assert.deepEqual(
      found.hits.map((hit) => [hit.path, hit.kind]),
      [['/plans/2031', 'plan']],
    );
  });
});
