import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/helpers/test-database.ts';
import { processContentVersions } from '../../../platform/db/publications.ts';
import { contentItems, contentVersions } from './content-schema.ts';
import { scanContentVisibility } from './content-visibility-scan.ts';

/** The five-minute scan that announces items shown or expired on schedule (kept pages render again). */
describe('content visibility scan', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  const minute = 60_000;
  const stamp = () => processContentVersions.stamp(['content', 'search']);

  it('announces content and search when an item begins or stops showing, once, and not otherwise', async () => {
    // Far from the demo content's dates, so only this test's item changes in the windows below.
    const start = new Date('2031-05-01T00:00:00Z');
    const [item] = await database.db
      .insert(contentItems)
      .values({
        kind: 'announcement',
        unitCode: 'parks',
        state: 'approved',
        publishedVersion: 1,
        visibleFrom: new Date(start.getTime() + 7 * minute),
        visibleUntil: new Date(start.getTime() + 17 * minute),
      })
      .returning();
    assert.ok(item);
    await database.db.insert(contentVersions).values({ itemId: item.id, version: 1, titleZh: '排程公告' });

    await scanContentVisibility(database.db, start);
    let before = stamp();
    assert.equal(await scanContentVisibility(database.db, new Date(start.getTime() + 5 * minute)), 0);
    assert.equal(stamp(), before, 'nothing passed: nothing announced');

    before = stamp();
    assert.equal(await scanContentVisibility(database.db, new Date(start.getTime() + 10 * minute)), 1);
    assert.notEqual(stamp(), before, 'shown: announced');

    before = stamp();
    assert.equal(await scanContentVisibility(database.db, new Date(start.getTime() + 15 * minute)), 0);
    assert.equal(stamp(), before);

    assert.equal(
      await scanContentVisibility(database.db, new Date(start.getTime() + 20 * minute)),
      1,
      'expired',
    );
    // A second process scanning the same slot finds the window already scanned.
    assert.equal(await scanContentVisibility(database.db, new Date(start.getTime() + 20 * minute)), 0);
  });

  it('ignores withdrawn items', async () => {
    const start = new Date('2032-01-01T00:00:00Z');
    const [item] = await database.db
      .insert(contentItems)
      .values({
        kind: 'news',
        unitCode: 'parks',
        state: 'withdrawn',
        publishedVersion: 1,
        visibleFrom: new Date(start.getTime() + minute),
      })
      .returning();
    assert.ok(item);
    await scanContentVisibility(database.db, start);
    assert.equal(await scanContentVisibility(database.db, new Date(start.getTime() + 5 * minute)), 0);
  });
});
