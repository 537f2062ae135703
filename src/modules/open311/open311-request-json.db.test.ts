import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { cliActor } from '../../platform/auth/audit-log.ts';
import { noisyJpeg } from '../../platform/images/photo-test-support.ts';
import { cases } from '../cases/index.ts';
import { reportPhotos } from '../reports/index.ts';
import { createApiKey } from './api-keys.ts';

/**
 * The request list's JSON is written by PostgreSQL (open311-request-json.ts); one request and a list of ids
 * are still written from the rows by requestEntry. The two must give the same bytes for every kind of row:
 * both ways are asked for the same requests and compared to the letter.
 */
describe('Open311: the request list written by PostgreSQL is the rows’ JSON to the byte', () => {
  let subject: TestApp;
  let key: string;
  const base = 'https://onewindow.example.tw';
  before(async () => {
    subject = await buildTestApp({ environment: { PUBLIC_BASE_URL: base } });
    key = (
      await createApiKey(subject.database.db, {
        name: 'json-test',
        rate: '1000',
        createdByStaffId: null,
        actor: cliActor,
        now: subject.clock.now(),
        lang: 'en',
      })
    ).key;
  });
  after(() => subject.app.close());

  const db = () => subject.database.db;
  const get = (url: string) => subject.app.inject({ method: 'GET', url });
  const file = async (fields: Record<string, string>, photo?: Buffer) => {
    const form = new FormData();
    const all = {
      api_key: key,
      service_code: 'pothole-report',
      lat: '22.620345',
      long: '120.312012',
      description: '坑洞',
      'attribute[size]': 'large',
      ...fields,
    };
    for (const [name, value] of Object.entries(all)) if (value !== '') form.append(name, value);
    // A second apart: the list is newest first, and the test clock stands still.
    subject.clock.advance(1_000);
    if (photo) form.append('media', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'a.jpg');
    const response = await subject.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: form,
    });
    assert.equal(response.statusCode, 200, response.body);
    const number = (response.json() as { service_request_id: string }[])[0]?.service_request_id;
    assert.ok(number);
    return number;
  };
  const change = (number: string, values: Partial<typeof cases.$inferInsert>) =>
    db().update(cases).set(values).where(eq(cases.caseNumber, number));

  it('every kind of value: states, deadlines, dates, missing parts, photos, awkward text, both languages', async () => {
    const photo = await noisyJpeg(800, 600);
    const plain = await file({});
    const withPhoto = await file({ description: '有照片' }, photo);
    const hiddenPhoto = await file({ description: '照片已隱藏' }, photo);
    const awkward = await file({
      description: 'Quote " backslash \\ newline\nTab\tcontrol \u0001 </script> 表情 😀 \u2028 end',
      address_string: '高雄市苓雅區四維三路2號 "B1"',
    });
    const halfway = await file({ lat: '22.62735', long: '120.31235' });
    const oneHour = await file({});
    const workingDays = await file({
      service_code: 'street-light-repair',
      'attribute[size]': '',
      'attribute[problem]': 'out',
    });
    const closed = await file({});
    const promisedOnly = await file({});
    const neither = await file({});
    const noDistrict = await file({});

    await db()
      .update(reportPhotos)
      .set({ hiddenAt: subject.clock.now(), hiddenReason: '車牌' })
      .where(
        eq(
          reportPhotos.caseId,
          db().select({ id: cases.id }).from(cases).where(eq(cases.caseNumber, hiddenPhoto)),
        ),
      );
    await change(oneHour, { deadlineRule: { kind: 'hours', hours: 1 } });
    await change(workingDays, { deadlineRule: { kind: 'working_days', days: 1 } });
    await change(plain, { deadlineRule: { kind: 'working_days', days: 12 } });
    await change(closed, { state: 'closed', dueAt: null, expectedCompletionDate: '2026-03-09' });
    await change(promisedOnly, { state: 'fixed', dueAt: null, expectedCompletionDate: '2026-03-10' });
    await change(neither, { dueAt: null, expectedCompletionDate: null, address: null });
    await change(noDistrict, { districtCode: null });
    const numbers = [
      plain,
      withPhoto,
      hiddenPhoto,
      awkward,
      halfway,
      oneHour,
      workingDays,
      closed,
      promisedOnly,
      neither,
      noDistrict,
    ];

    for (const locale of ['', '&locale=en', '&locale=zh-TW']) {
      const search = await get(`/open311/v2/requests.json?page_size=50${locale}`);
      assert.equal(search.statusCode, 200, search.body);
      const listed = (JSON.parse(search.body) as { service_request_id: string }[]).map(
        (entry) => entry.service_request_id,
      );
      assert.deepEqual(listed, [...numbers].reverse(), 'newest first');
      const byIds = await get(`/open311/v2/requests.json?service_request_id=${listed.join(',')}${locale}`);
      assert.equal(byIds.statusCode, 200);
      assert.equal(search.body, byIds.body, `the same bytes (${locale || 'default locale'})`);
    }

    // The comparison above only means something if the rows differ where it matters.
    const entries = (await get('/open311/v2/requests.json?page_size=50&locale=en')).json() as Record<
      string,
      unknown
    >[];
    const entry = (number: string) => entries.find((one) => one.service_request_id === number);
    assert.match(
      String(entry(withPhoto)?.media_url),
      /^https:\/\/onewindow\.example\.tw\/reports\/.+\/public\.jpg$/,
    );
    assert.equal(entry(hiddenPhoto)?.media_url, null);
    // A multipart form sends its line breaks as CR LF.
    assert.equal(
      entry(awkward)?.description,
      'Quote " backslash \\ newline\r\nTab\tcontrol \u0001 </script> 表情 😀 \u2028 end',
    );
    assert.equal(entry(halfway)?.lat, 22.6274, 'a half rounds up, as Math.round does');
    assert.equal(entry(halfway)?.long, 120.3124);
    assert.equal(entry(oneHour)?.service_notice, 'Expected to be handled within 1 hour.');
    assert.equal(entry(workingDays)?.service_notice, 'Expected to be handled within 1 working day.');
    assert.equal(entry(plain)?.service_notice, 'Expected to be handled within 12 working days.');
    assert.equal(entry(closed)?.status, 'closed');
    assert.equal(entry(closed)?.expected_datetime, '2026-03-09T23:59:59+08:00');
    assert.equal(entry(promisedOnly)?.expected_datetime, '2026-03-10T23:59:59+08:00');
    assert.equal(entry(neither)?.expected_datetime, null);
    assert.equal(entry(neither)?.address, null);
    assert.equal(entry(noDistrict)?.zipcode, null);
    assert.equal(entry(plain)?.zipcode, '802');
    assert.equal(entry(plain)?.status, 'open');
  });

  it('an empty page is a bare empty array', async () => {
    const empty = await get('/open311/v2/requests.json?service_code=pothole-report&page=99');
    assert.equal(empty.statusCode, 200);
    assert.equal(empty.body, '[]');
  });
});
