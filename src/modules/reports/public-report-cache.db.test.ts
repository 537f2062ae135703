import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { maxFeaturesPerBox, publicReportsInBox, publicVocabulary } from './public-report-queries.ts';
import { reportAs } from './public-reports-test-support.ts';
import { geoJsonCollection, geoJsonCollectionOfFeatures, geoJsonFeature } from './report-feeds.ts';

/**
 * The GeoJSON box is what every visitor of /reports asks first: the same address within
 * PUBLIC_API_CACHE_SECONDS gets the same bytes, and when many ask it at the same moment it is computed once.
 */
describe('the reports’ GeoJSON box: its answer cache (PUBLIC_API_CACHE_SECONDS)', () => {
  let subject: TestApp;
  const box = '/api/reports.geojson?bbox=120.3,22.6,120.33,22.64';
  const idsOf = (body: string) =>
    (JSON.parse(body) as { features: { id: string }[] }).features.map((f) => f.id);
  const get = (url = box) => subject.app.inject({ method: 'GET', url });

  before(async () => {
    subject = await buildTestApp({ environment: { PUBLIC_API_CACHE_SECONDS: '5' } });
  });
  after(() => subject.app.close());

  it('answers a box asked again with the same bytes for 5 seconds, then reads again', async () => {
    const first = await reportAs(subject, { latitude: 22.6203, longitude: 120.312 });
    // Asked once, not kept (answer-cache.ts); asked again, read anew and kept.
    const once = await get();
    assert.equal(once.statusCode, 200);
    assert.equal(once.headers['x-cache'], 'miss');
    const miss = await get();
    assert.equal(miss.headers['x-cache'], 'miss');
    assert.equal(miss.body, once.body);
    assert.deepEqual(idsOf(miss.body), [first.caseNumber]);

    // reportAs moves the clock on an hour: set it back inside the kept answer's 5 seconds.
    const keptAt = subject.clock.now().getTime();
    const second = await reportAs(subject, { latitude: 22.6213, longitude: 120.313 });
    subject.clock.current = new Date(keptAt);
    const hit = await get();
    assert.equal(hit.headers['x-cache'], 'hit');
    assert.equal(hit.body, miss.body, 'the same bytes, without the report filed a moment ago');
    assert.equal(hit.headers['content-type'], 'application/geo+json; charset=utf-8');
    assert.equal(hit.headers['access-control-allow-origin'], '*');
    // Under 1 KiB: not worth compressing, whatever is asked.
    assert.ok(hit.rawPayload.length < 1024);
    const small = await subject.app.inject({ method: 'GET', url: box, headers: { 'accept-encoding': 'br' } });
    assert.equal(small.headers['content-encoding'], undefined);
    assert.equal(small.headers.vary, 'Accept-Encoding');

    subject.clock.advance(5_001);
    const fresh = await get();
    assert.equal(fresh.headers['x-cache'], 'miss');
    assert.deepEqual(idsOf(fresh.body), [second.caseNumber, first.caseNumber]);
  });

  it('the kept box as browsers ask for it: Brotli or gzip, made once, the same collection in it', async () => {
    for (let index = 0; index < 6; index += 1)
      await reportAs(subject, { latitude: 22.622 + index / 1000, longitude: 120.314 });
    const wide = '/api/reports.geojson?bbox=120.2,22.5,120.4,22.7';
    await get(wide);
    const plain = await get(wide);
    assert.ok(plain.rawPayload.length > 2048, `${plain.rawPayload.length} bytes`);
    const asBrowsersAsk = { 'accept-encoding': 'gzip, deflate, br, zstd' };
    const br = await subject.app.inject({ method: 'GET', url: wide, headers: asBrowsersAsk });
    assert.equal(br.headers['x-cache'], 'hit');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 3);
    const gzip = await subject.app.inject({
      method: 'GET',
      url: wide,
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.rawPayload).toString(), plain.body);
  });

  it('ten visitors asking a box at the same moment: one computes it, nine get its bytes', async () => {
    const other = `${box}&state=open`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => get(other)));
    assert.deepEqual(
      answers.map((answer) => answer.statusCode),
      Array(10).fill(200),
    );
    assert.equal(answers.filter((answer) => answer.headers['x-cache'] === 'miss').length, 1);
    assert.equal(new Set(answers.map((answer) => answer.body)).size, 1);
  });

  it('a box asked anew is written from kept features, the same bytes, and a changed report shows at once', async () => {
    const moved = '/api/reports.geojson?bbox=120.3,22.6,120.33,22.6401';
    const asked = async (url: string) => {
      subject.clock.advance(5_001);
      const answer = await get(url);
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.headers['x-cache'], 'miss');
      return answer.body;
    };
    const written = await asked(box);
    assert.equal(await asked(moved), written, 'the same reports: the same bytes from kept features');
    // The reference: the whole collection written at once, as before the features were kept.
    const { db } = subject.database;
    const vocabulary = await publicVocabulary(db);
    const { reports, isTruncated } = await publicReportsInBox(
      db,
      { minLon: 120.3, minLat: 22.6, maxLon: 120.33, maxLat: 22.64 },
      {},
    );
    const reference = geoJsonCollection(reports, {
      vocabulary,
      lang: 'zh-TW',
      publicBaseUrl: subject.config.publicBaseUrl,
      isTruncated,
      limit: maxFeaturesPerBox,
    });
    assert.equal(written, reference);

    const [newest] = reports;
    assert.ok(newest);
    // A change behind the app's back (another process, a script), with no column of the case's time touched.
    await db.execute(sql`update cases set state = 'closed', closed_at = now() where id = ${newest.caseId}`);
    type Feature = { id: string; properties: { state: string; closed_at: string | null } };
    const changed = (JSON.parse(await asked(box)) as { features: Feature[] }).features.find(
      (feature) => feature.id === newest.caseNumber,
    );
    assert.equal(changed?.properties.state, 'closed');
    assert.notEqual(changed?.properties.closed_at, null);
  });

  it('never keeps a refusal: every mistake is named again', async () => {
    for (let round = 0; round < 2; round += 1) {
      const refused = await get('/api/reports.geojson?bbox=1,2,3');
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.headers['x-cache'], undefined);
      assert.deepEqual(
        refused
          .json()
          .errors.map((problem: { field: string; code: string }) => `${problem.field}:${problem.code}`),
        ['bbox:malformed'],
      );
    }
  });
});

describe('PUBLIC_ENTRY_CACHE_MB=0: the box and the Open311 list written whole, in one query each', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp({ environment: { PUBLIC_ENTRY_CACHE_MB: '0' } });
  });
  after(() => subject.app.close());

  it('answers the same as the entries would be written', async () => {
    const first = await reportAs(subject, { latitude: 22.6203, longitude: 120.312 });
    await reportAs(subject, { latitude: 22.6213, longitude: 120.313 });
    const answer = await subject.app.inject({
      method: 'GET',
      url: '/api/reports.geojson?bbox=120.3,22.6,120.33,22.64',
    });
    const { db } = subject.database;
    const { reports, isTruncated } = await publicReportsInBox(
      db,
      { minLon: 120.3, minLat: 22.6, maxLon: 120.33, maxLat: 22.64 },
      {},
    );
    assert.equal(reports.length, 2);
    const options = { isTruncated, limit: maxFeaturesPerBox };
    const vocabulary = await publicVocabulary(db);
    const features = reports.map((report) =>
      Buffer.from(JSON.stringify(geoJsonFeature(report, vocabulary, 'zh-TW', subject.config.publicBaseUrl))),
    );
    assert.equal(answer.body, geoJsonCollectionOfFeatures(features, options).toString());

    const list = await subject.app.inject({ method: 'GET', url: '/open311/v2/requests.json' });
    const own = await subject.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${first.caseNumber}.json`,
    });
    const [entry] = JSON.parse(own.body) as unknown[];
    assert.equal((JSON.parse(list.body) as unknown[]).length, 2);
    assert.ok(list.body.includes(JSON.stringify(entry)), 'the list holds the request’s own entry');
  });
});
