import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp } from '../../../../test/helpers/test-app.ts';

// Every request rendered (no kept answers), so that what is seen is the route's own rendering, whose
// content's HTML public-plan-routes.tsx keeps per version, language and unit names.
const subject = await buildTestApp({
  environment: { RATE_LIMIT_PER_MINUTE: '10000', PUBLIC_PAGE_CACHE_SECONDS: '0' },
});
after(() => subject.app.close());
const pool = subject.database.pool;

const count = (text: string, part: string) => text.split(part).length - 1;

const get = (url: string) => subject.app.inject({ method: 'GET', url });

describe('a plan page’s content, kept per version', () => {
  it('renders the same page again from the kept content', async () => {
    const first = await get('/plans/2012');
    const second = await get('/plans/2012');
    assert.equal(first.statusCode, 200);
    assert.equal(second.body, first.body);
    const main = mainOf(first.body);
    assert.equal((main.match(/class="ow-plan-practice"/g) ?? []).length, 96);
    assert.ok(!main.includes('<ow-plan-content'), 'the slot is replaced');
  });

  it('shows a unit’s new name at once, in both languages', async () => {
    const before = mainOf((await get('/plans/2012')).body);
    const beforeEn = mainOf((await get('/en/plans/2012')).body);
    assert.ok(before.includes('建築管理處'));
    assert.ok(beforeEn.includes('Building Administration Office'));
    await pool.query(
      `update units set name_zh = '建築管理處（測試新名）', name_en = 'Building Office (renamed)' where code = 'building'`,
    );
    try {
      const renamed = mainOf((await get('/plans/2012')).body);
      const renamedEn = mainOf((await get('/en/plans/2012')).body);
      assert.ok(renamed.includes('建築管理處（測試新名）'));
      assert.ok(renamedEn.includes('Building Office (renamed)'));
      // The English summary names the office in its own words too; the units' lines take the new name.
      assert.ok(
        count(renamedEn, 'Building Administration Office') <
          count(beforeEn, 'Building Administration Office'),
      );
    } finally {
      await pool.query(
        `update units set name_zh = '建築管理處', name_en = 'Building Administration Office' where code = 'building'`,
      );
    }
    assert.equal(mainOf((await get('/plans/2012')).body), before);
  });

  it('answers 404 for a year without a plan and a version that does not exist', async () => {
    assert.equal((await get('/plans/1999')).statusCode, 404);
    assert.equal((await get('/plans/2012?version=9')).statusCode, 404);
  });
});
