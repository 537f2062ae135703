import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { mainOf } from '../../../test/helpers/html.ts';
import { buildTestApp } from '../../../test/helpers/test-app.ts';

// The list reads the active units with the services, in one statement (catalogue-service.ts,
// listServicesWithUnits), and reads them alone only when nothing is found: the filter offers the same
// units either way.
const subject = await buildTestApp({ environment: { PUBLIC_PAGE_CACHE_SECONDS: '0' } });
after(() => subject.app.close());
const pool = subject.database.pool;

const get = (url: string) => subject.app.inject({ method: 'GET', url });

/** The unit filter's choices, in order. */
function unitChoices(html: string): string[] {
  const select = /<select[^>]*name="unit"[^>]*>([\s\S]*?)<\/select>/.exec(mainOf(html))?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('the service list’s unit filter, read with the services', () => {
  it('offers every active unit, in the bureau’s order, whether services are found or not', async () => {
    const { rows } = await pool.query<{ code: string }>(
      'select code from units where is_active order by sort_order, code',
    );
    const active = rows.map((row) => row.code);
    assert.ok(active.length > 5);
    assert.deepEqual(unitChoices((await get('/services')).body), active);
    assert.deepEqual(unitChoices((await get('/en/services')).body), active);
    const nothing = await get(`/services?q=${encodeURIComponent('查無此服務項目之關鍵字')}`);
    assert.match(mainOf(nothing.body), /共 0 項服務/);
    assert.deepEqual(unitChoices(nothing.body), active);
    assert.deepEqual(unitChoices((await get('/services?q=%E3%80%82')).body), active);
  });

  it('keeps an active unit chosen and filters by it; ignores an inactive one with a notice', async () => {
    const chosen = await get('/services?unit=building');
    assert.match(mainOf(chosen.body), /<option value="building" selected/);
    const all = (mainOf((await get('/services')).body).match(/data-service-code=/g) ?? []).length;
    await pool.query(`update units set is_active = false where code = 'parks'`);
    try {
      const ignored = await get('/services?unit=parks');
      assert.match(mainOf(ignored.body), /「parks」/);
      assert.equal((mainOf(ignored.body).match(/data-service-code=/g) ?? []).length, all);
      assert.ok(!unitChoices(ignored.body).includes('parks'));
    } finally {
      await pool.query(`update units set is_active = true where code = 'parks'`);
    }
  });
});
