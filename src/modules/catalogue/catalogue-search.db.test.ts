import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { systemActor } from '../../platform/auth/audit-log.ts';
import { searchSite } from '../../platform/search/search-query.ts';
import { searchDocuments } from '../../platform/search/search-schema.ts';
import { getService, publishServiceVersion } from './catalogue-service.ts';
import { definitionOfService } from './service-definition.ts';

/** A service version published is in the search index at once, in both languages (issue 15 §4). */
describe('services in the search index', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    handle = await createTestDatabase();
  });
  after(() => handle.close());

  it('publishing a version rewrites the service’s rows, and search finds the new words', async () => {
    const db = handle.db;
    const current = await getService(db, { code: 'park-adoption' });
    assert.ok(current);
    const definition = {
      ...definitionOfService(current),
      nameZh: '公園認養（含珊瑚藤花架）',
      nameEn: 'Adopting a park (coral vine pergolas too)',
    };
    await publishServiceVersion(db, { definition, actor: systemActor, now: new Date() });
    const rows = await db
      .select({ lang: searchDocuments.lang, title: searchDocuments.title, path: searchDocuments.path })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.source, 'service'), eq(searchDocuments.sourceId, 'park-adoption')));
    assert.deepEqual(
      rows.toSorted((a, b) => a.lang.localeCompare(b.lang)),
      [
        { lang: 'en', title: 'Adopting a park (coral vine pergolas too)', path: '/services/park-adoption' },
        { lang: 'zh-TW', title: '公園認養（含珊瑚藤花架）', path: '/services/park-adoption' },
      ],
    );
    const found = await searchSite(db, {
      lang: 'zh-TW',
      query: '珊瑚藤',
      page: 1,
      now: new Date(),
      recordMiss: false,
    });
    assert.deepEqual(
      found.hits.map((hit) => [hit.path, hit.kind, hit.unitCode]),
      [['/services/park-adoption', 'service', 'parks']],
    );
  });
});
