import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { cases } from '../cases/index.ts';
import type { BoundingBox, PublicReportFilters } from './public-report-filters.ts';
import { publicReportsInBoxGeoJson } from './public-report-geojson.ts';
import { publicReportsInBox, publicVocabulary } from './public-report-queries.ts';
import { reportAs, seedPublicReports } from './public-reports-test-support.ts';
import { geoJsonCollection } from './report-feeds.ts';

/**
 * The map's GeoJSON answer is written by PostgreSQL (public-report-geojson.ts); geoJsonCollection writes the
 * same collection from the rows. Both are asked for the same boxes and compared to the byte.
 */
describe('GeoJSON box written by PostgreSQL is geoJsonCollection’s to the byte', () => {
  let subject: TestApp;
  const publicBaseUrl = 'https://onewindow.example.tw';
  before(async () => {
    subject = await buildTestApp({ environment: { PUBLIC_BASE_URL: publicBaseUrl } });
    await seedPublicReports(subject);
    // A half on the rounding grid, a closed one, one whose village the names do not know.
    await reportAs(subject, { latitude: 22.62735, longitude: 120.31235 });
    const closed = await reportAs(subject, { latitude: 22.63, longitude: 120.3 });
    await subject.database.db
      .update(cases)
      .set({ state: 'closed', closedAt: subject.clock.now(), description: 'Quote " \\ \n' })
      .where(eq(cases.id, closed.id));
  });
  after(() => subject.app.close());

  const world: BoundingBox = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };
  const lingyaBox: BoundingBox = { minLon: 120.3, minLat: 22.6, maxLon: 120.33, maxLat: 22.64 };

  async function both(box: BoundingBox, filters: PublicReportFilters, lang: Lang, limit: number) {
    const db = subject.database.db;
    const vocabulary = await publicVocabulary(db);
    const { reports, isTruncated } = await publicReportsInBox(db, box, filters, limit);
    const fromRows = geoJsonCollection(reports, { vocabulary, lang, publicBaseUrl, isTruncated, limit });
    const written = await publicReportsInBoxGeoJson(db, box, filters, {
      vocabulary,
      lang,
      publicBaseUrl,
      limit,
    });
    return { fromRows, written, count: reports.length, isTruncated };
  }

  it('every box, filter, language and cut gives the same bytes', async () => {
    const cases: [BoundingBox, PublicReportFilters, number][] = [
      [world, {}, 2000],
      [world, {}, 3],
      [lingyaBox, {}, 2000],
      [world, { stateGroup: 'fixed' }, 2000],
      [world, { stateGroup: 'closed' }, 2000],
      [world, { serviceCode: 'street-light-repair' }, 10],
      [{ minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 }, {}, 2000],
    ];
    const seen = { truncated: 0, empty: 0, features: 0 };
    for (const lang of ['zh-TW', 'en'] as const)
      for (const [box, filters, limit] of cases) {
        const { fromRows, written, count, isTruncated } = await both(box, filters, lang, limit);
        assert.equal(written, fromRows, `${lang} ${JSON.stringify(box)} ${JSON.stringify(filters)} ${limit}`);
        seen.features += count;
        if (isTruncated) seen.truncated += 1;
        if (count === 0) seen.empty += 1;
      }
    // The comparison covered cut answers, empty ones and many features.
    assert.equal(seen.truncated, 4);
    assert.equal(seen.empty, 2);
    assert.ok(seen.features > 60, String(seen.features));
  });

  it('the written answer has the features a client expects', async () => {
    const { written } = await both(world, {}, 'en', 2000);
    const collection = JSON.parse(written) as {
      truncated: boolean;
      features: { geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }[];
    };
    assert.equal(collection.truncated, false);
    const half = collection.features.find(
      (feature) =>
        feature.geometry?.coordinates[1] === 22.6274 && feature.geometry.coordinates[0] === 120.3124,
    );
    assert.ok(half, 'a half rounds up, as publicPoint does');
    // A report placed by its address only has no point, so no box holds it.
    assert.equal(
      collection.features.some((feature) => feature.geometry === null),
      false,
    );
    const light = collection.features.find(
      (feature) => feature.properties.category === 'street-light-repair',
    );
    assert.equal(light?.properties.category_name, 'Street light repair');
    const closed = collection.features.find((feature) => feature.properties.state === 'closed');
    assert.equal(closed?.properties.status, 'closed');
    assert.match(String(closed?.properties.closed_at), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.match(String(closed?.properties.url), /^https:\/\/onewindow\.example\.tw\/en\/reports\//);
  });
});
