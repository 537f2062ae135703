import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/helpers/test-database.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import type { IndexedThing } from '../../../platform/search/search-index.ts';
import { contentSearchSource } from './content-index.ts';
import { contentAttachments, contentItems, contentVersions } from './content-schema.ts';
import { contentDocumentBatches } from './content-search-batches.ts';

/** The batched read gives the same documents as the per-item one (content-index.ts), attachments included. */
describe('content search documents read in batches', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [unit] = await db.select({ code: units.code }).from(units).limit(1);
    assert.ok(unit);
    // An item on its second version (the first had another attachment), with two files in the published one.
    const [item] = await db
      .insert(contentItems)
      .values({
        kind: 'form',
        unitCode: unit.code,
        state: 'approved',
        currentVersion: 2,
        publishedVersion: 2,
      })
      .returning({ id: contentItems.id });
    assert.ok(item);
    for (const version of [1, 2]) {
      await db.insert(contentVersions).values({
        itemId: item.id,
        version,
        titleZh: `道路挖掘申請書 第${version}版`,
        titleEn: version === 2 ? 'Road excavation form' : null,
        bodyZh: '申請道路挖掘應檢附平面圖。',
      });
    }
    const file = { fileName: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'f'.repeat(64) };
    await db.insert(contentAttachments).values([
      { ...file, itemId: item.id, version: 1, titleZh: '舊附件', extractedText: '舊的文字' },
      { ...file, itemId: item.id, version: 2, titleZh: '範例', extractedText: '填寫範例', sortOrder: 1 },
      { ...file, itemId: item.id, version: 2, titleZh: '申請書', extractedText: '管線埋設', sortOrder: 0 },
    ]);
  });
  after(() => database.close());

  const all = async (batches: AsyncIterable<readonly IndexedThing[]>) => {
    const things: IndexedThing[] = [];
    for await (const batch of batches) things.push(...batch);
    return things;
  };

  it('the same things and documents, in the same order, as contentSearchSource', async () => {
    const expected = await all(contentSearchSource.documents(database.db));
    const batched = await all(contentDocumentBatches(database.db));
    assert.ok(expected.length > 0);
    assert.deepEqual(batched, expected);
    const withFiles = batched.find((thing) => thing.documents[0]?.title === '道路挖掘申請書 第2版');
    assert.equal(withFiles?.documents[0]?.fileText, '申請書\n管線埋設\n範例\n填寫範例');
    assert.equal(withFiles?.documents[1]?.title, 'Road excavation form');
    // A limit stops early.
    assert.equal((await all(contentDocumentBatches(database.db, { limit: 1 }))).length, 1);
  });
});
