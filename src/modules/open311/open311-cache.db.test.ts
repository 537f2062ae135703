import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { noisyJpeg } from '../../platform/images/photo-test-support.ts';
import { reportAs } from '../reports/public-reports-test-support.ts';
import { anApiKey } from './open311-test-support.ts';

describe('Open311: the answer cache of the request list (PUBLIC_API_CACHE_SECONDS)', () => {
  let subject: TestApp;
  let key: string;
  before(async () => {
    subject = await buildTestApp({ environment: { PUBLIC_API_CACHE_SECONDS: '5' } });
    key = await anApiKey(subject, 'cache-test');
  });
  after(() => subject.app.close());

  const file = async (description: string) => {
    const response = await subject.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payload: new URLSearchParams({
        api_key: key,
        service_code: 'pothole-report',
        lat: '22.620345',
        long: '120.312012',
        description,
        'attribute[size]': 'large',
      }).toString(),
    });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { service_request_id: string }[])[0]?.service_request_id;
  };
  const list = (url = '/open311/v2/requests.json?service_code=pothole-report') =>
    subject.app.inject({ method: 'GET', url });
  const numbersOf = (body: string) =>
    (JSON.parse(body) as { service_request_id: string }[]).map((entry) => entry.service_request_id);

  it('answers an address asked again with the same bytes for 5 seconds, then reads again', async () => {
    const first = await file('第一個坑洞');
    const once = await list();
    assert.equal(once.headers['x-cache'], 'miss');
    assert.deepEqual(numbersOf(once.body), [first]);

    // Asked once, not kept (answer-cache.ts): asked again, it is read anew, and kept from then on.
    const second = await file('第二個坑洞');
    const miss = await list();
    assert.equal(miss.headers['x-cache'], 'miss');
    assert.deepEqual(numbersOf(miss.body), [second, first]);

    await file('第三個坑洞');
    const hit = await list();
    assert.equal(hit.headers['x-cache'], 'hit');
    assert.equal(hit.body, miss.body, 'the same bytes, without the report filed a moment ago');
    assert.equal(hit.headers['content-type'], miss.headers['content-type']);
    assert.equal(hit.headers['access-control-allow-origin'], '*');

    const other = await list('/open311/v2/requests.xml?service_code=pothole-report');
    assert.equal(other.headers['x-cache'], 'miss', 'another address (format) is another answer');
    assert.match(other.body, new RegExp(second ?? 'none'));

    // As a browser or a client taking compression asks: the kept answer compressed, the same list in it.
    const br = await subject.app.inject({
      method: 'GET',
      url: '/open311/v2/requests.json?service_code=pothole-report',
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    assert.equal(br.headers['x-cache'], 'hit');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), miss.body);
    const gzip = await subject.app.inject({
      method: 'GET',
      url: '/open311/v2/requests.json?service_code=pothole-report',
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.rawPayload).toString(), miss.body);

    subject.clock.advance(5_001);
    const fresh = await list();
    assert.equal(fresh.headers['x-cache'], 'miss');
    assert.equal(numbersOf(fresh.body).length, 3);
  });

  it('a list asked anew is written from kept entries, and every change of a row, its photo or its unit shows at once', async () => {
    const stored = await subject.files.put(await noisyJpeg(400, 300));
    const photo = { ...stored, mediaType: 'image/jpeg', fileName: 'IMG_0001.jpg' };
    const withPhoto = await reportAs(subject, { latitude: 22.6203, longitude: 120.312 }, { photos: [photo] });
    const plain = await reportAs(subject, { latitude: 22.6213, longitude: 120.313 });
    type Entry = { service_request_id: string; status: string; status_notes: string };
    type Entries = (Entry & { agency_responsible: string; media_url: string | null })[];
    const entryOf = (body: string, number: string) => {
      const entry = (JSON.parse(body) as Entries).find((one) => one.service_request_id === number);
      assert.ok(entry, `${number} in the list`);
      return entry;
    };
    // A new answer each time (the kept answer's 5 seconds are over): the entries are what is reused.
    const asked = async (format: 'json' | 'xml' = 'json') => {
      subject.clock.advance(5_001);
      const answer = await list(`/open311/v2/requests.${format}?service_code=pothole-report`);
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.headers['x-cache'], 'miss');
      return answer.body;
    };

    const written = await asked();
    const reused = await asked();
    assert.equal(reused, written, 'the same bytes from kept entries');
    // The same bytes as one request's own answer, which writes its entry anew every time.
    for (const report of [withPhoto, plain]) {
      const own = await list(`/open311/v2/requests/${report.caseNumber}.json`);
      const [entry] = JSON.parse(own.body) as Entries;
      assert.ok(
        written.includes(JSON.stringify(entry)),
        `${report.caseNumber}: the list's entry is the request's own`,
      );
    }
    const before = entryOf(written, withPhoto.caseNumber);
    assert.match(before.media_url ?? '', /\/photos\//);
    assert.equal(before.status, 'open');

    // Changes made behind the app's back (another process, a script): none of them touches updated_at.
    const { db } = subject.database;
    await db.execute(sql`update cases set state = 'closed' where id = ${withPhoto.id}`);
    await db.execute(
      sql`update report_photos set hidden_at = now(), hidden_reason = '路人的臉' where case_id = ${withPhoto.id}`,
    );
    await db.execute(
      sql`update units set name_zh = '改名的養護工程處', name_en = 'Renamed Office' where code = ${plain.unitCode}`,
    );
    const after = await asked();
    const changed = entryOf(after, withPhoto.caseNumber);
    assert.equal(changed.status, 'closed');
    assert.equal(changed.media_url, null, 'the hidden photo is gone from the entry');
    assert.equal(entryOf(after, plain.caseNumber).agency_responsible, '改名的養護工程處');

    const xml = await asked('xml');
    assert.match(xml, /<agency_responsible>改名的養護工程處<\/agency_responsible>/);
    assert.ok(!xml.includes('/photos/'), 'no hidden photo in the XML either');
    assert.equal(await asked('xml'), xml, 'the XML from kept entries: the same bytes');
    subject.clock.advance(5_001);
    const english = await list('/open311/v2/requests.json?service_code=pothole-report&locale=en');
    assert.equal(english.statusCode, 200);
    assert.equal(entryOf(english.body, plain.caseNumber).agency_responsible, 'Renamed Office');
  });

  it('never keeps an error', async () => {
    const bad = await list('/open311/v2/requests.json?start_date=yesterday');
    assert.equal(bad.statusCode, 400);
    const again = await list('/open311/v2/requests.json?start_date=yesterday');
    assert.equal(again.statusCode, 400);
    assert.equal(again.headers['x-cache'], undefined);
  });
});
