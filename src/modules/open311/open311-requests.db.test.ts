import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { testCasesContext } from '../../../test/helpers/cases-context.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { cliActor } from '../../platform/auth/audit-log.ts';
import { aStaffMember } from '../../platform/auth/auth-test-support.ts';
import { createFilesystemStore } from '../../platform/files/file-store.ts';
import { noisyJpeg } from '../../platform/images/photo-test-support.ts';
import { type CasesContext, cases, transitionCase } from '../cases/index.ts';
import { fieldReports, reportPhotos, submitReport } from '../reports/index.ts';
import { revokeApiKey } from './api-keys.ts';
import { open311DateTime } from './open311-format.ts';
import { apiKeys } from './open311-schema.ts';
import { anApiKey } from './open311-test-support.ts';

/** A real XML parser, as a client would use; every element kept as text, lists always lists. */
const parser = new XMLParser({
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['request', 'error', 'request_update'].includes(name),
});

const base = 'https://onewindow.example.tw';
/** Kaohsiung City Hall, 苓雅區. */
const cityHall = { lat: '22.620345', long: '120.312012' };
const requestElements = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('Open311 GeoReport v2: filing and reading requests', () => {
  let subject: TestApp;
  let key: string;
  let revokedKey: string;
  let slowKey: string;

  before(async () => {
    subject = await buildTestApp({ environment: { PUBLIC_BASE_URL: base } });
    const create = (name: string, rate = '') => anApiKey(subject, name, rate);
    key = await create('kaohsiung-1999', '1000');
    revokedKey = await create('old-app');
    slowKey = await create('slow-app', '2');
    await revokeApiKey(subject.database.db, {
      name: 'old-app',
      actor: cliActor,
      now: subject.clock.now(),
      lang: 'en',
    });
  });
  after(() => subject.app.close());

  const db = () => subject.database.db;
  const get = (url: string) => subject.app.inject({ method: 'GET', url });
  const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
    subject.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payload: new URLSearchParams(fields).toString(),
    });
  const pothole = (overrides: Record<string, string> = {}) => ({
    api_key: key,
    jurisdiction_id: 'pwb.kcg.gov.tw',
    service_code: 'pothole-report',
    ...cityHall,
    address_string: '四維三路與中華四路口',
    description: '機車道有一個約 50 公分的坑洞',
    'attribute[size]': 'large',
    email: 'reporter.open311@example.tw',
    first_name: '小明',
    last_name: '王',
    phone: '0912345678',
    device_id: 'tt222111',
    account_id: 'acct-1',
    ...overrides,
  });
  const fileOne = async (overrides: Record<string, string> = {}) => {
    const response = await post('json', pothole(overrides));
    assert.equal(response.statusCode, 200, response.body);
    const [created] = response.json() as { service_request_id: string }[];
    assert.ok(created);
    return created.service_request_id;
  };
  const caseOf = async (caseNumber: string) => {
    const [row] = await db()
      .select({
        id: cases.id,
        channel: cases.channel,
        unitCode: cases.unitCode,
        version: cases.version,
        applicantName: cases.applicantName,
        applicantEmail: cases.applicantEmail,
        clientName: fieldReports.clientName,
        publishedAt: fieldReports.publishedAt,
        token: fieldReports.open311Token,
        formData: cases.formData,
      })
      .from(cases)
      .innerJoin(fieldReports, eq(fieldReports.caseId, cases.id))
      .where(eq(cases.caseNumber, caseNumber));
    assert.ok(row, `case ${caseNumber}`);
    return row;
  };

  it('POST files a report on the api channel with the key’s name as its client; the answer is a bare array, in XML service_requests/request', async () => {
    const response = await post('json', pothole());
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(response.headers['access-control-allow-origin'], '*');
    const answer = response.json();
    assert.ok(Array.isArray(answer), 'a bare top-level array, even for one request');
    assert.equal(answer.length, 1);
    assert.deepEqual(Object.keys(answer[0]), ['service_request_id', 'service_notice', 'account_id']);
    assert.match(answer[0].service_request_id, /^\d{7}-\d{4}$/);
    assert.equal(answer[0].service_notice, '預計處理時限：4 小時內。');
    assert.equal(answer[0].account_id, null);
    const filed = await caseOf(answer[0].service_request_id);
    assert.equal(filed.channel, 'api');
    assert.equal(filed.clientName, 'kaohsiung-1999');
    assert.deepEqual(
      filed.publishedAt,
      subject.clock.now(),
      'on the public map at once: the client answers for it',
    );
    assert.equal(filed.applicantName, '王小明');
    assert.equal(filed.applicantEmail, 'reporter.open311@example.tw');
    assert.equal(filed.formData.size, 'large');
    assert.match(filed.token ?? '', /^[A-Za-z0-9_-]{16}$/);

    const xml = await post('xml', pothole({ locale: 'en' }));
    assert.equal(xml.statusCode, 200, xml.body);
    assert.equal(xml.headers['content-type'], 'text/xml; charset=utf-8');
    assert.ok(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request>'));
    const [request] = parser.parse(xml.body).service_requests.request;
    assert.deepEqual(Object.keys(request), ['service_request_id', 'service_notice', 'account_id']);
    assert.equal(request.service_notice, 'Expected to be handled within 4 hours.');
    assert.equal(request.account_id, '');
    assert.equal((await caseOf(request.service_request_id)).channel, 'api');
  });

  it('one request is a bare array of one, with the specification’s elements in order and nothing personal', async () => {
    const number = await fileOne();
    const json = await get(`/open311/v2/requests/${number}.json`);
    assert.equal(json.statusCode, 200, json.body);
    const [request, ...rest] = json.json() as Record<string, unknown>[];
    assert.deepEqual(rest, []);
    assert.ok(request);
    assert.deepEqual(Object.keys(request), requestElements);
    assert.equal(request.service_request_id, number);
    assert.equal(request.status, 'open');
    assert.equal(request.status_notes, '已收件');
    assert.equal(request.service_name, '路面坑洞');
    assert.equal(request.service_code, 'pothole-report');
    assert.equal(request.description, '機車道有一個約 50 公分的坑洞');
    assert.equal(request.agency_responsible, '道路養護工程處');
    assert.equal(request.service_notice, '預計處理時限：4 小時內。');
    assert.equal(request.requested_datetime, '2026-03-02T10:00:00+08:00');
    assert.match(String(request.updated_datetime), dateTime);
    assert.equal(request.expected_datetime, '2026-03-02T14:00:00+08:00', 'four hours, around the clock');
    assert.equal(request.address, '四維三路與中華四路口');
    assert.equal(request.address_id, null);
    assert.equal(request.zipcode, '802');
    assert.equal(request.lat, 22.6203, 'rounded to 4 decimals for the public');
    assert.equal(request.long, 120.312);
    assert.equal(request.media_url, null, 'no photo');
    for (const secret of ['reporter.open311', '王小明', '小明', '0912345678', 'acct-1', 'tt222111'])
      assert.ok(!json.body.includes(secret), `${secret} is not public`);

    const english = (await get(`/open311/v2/requests/${number}.json?locale=en`)).json()[0];
    assert.equal(english.status_notes, 'Received');
    assert.equal(english.service_name, 'Pothole');
    assert.match(english.agency_responsible, /Maintenance/);

    const xml = await get(`/open311/v2/requests/${number}.xml`);
    assert.equal(xml.statusCode, 200);
    const [fromXml] = parser.parse(xml.body).service_requests.request;
    assert.deepEqual(Object.keys(fromXml), requestElements);
    assert.equal(fromXml.service_request_id, number);
    assert.equal(fromXml.address_id, '', 'an empty element');
    assert.equal(fromXml.lat, '22.6203');
  });

  it('the list: newest first in the last 90 days, filtered by service_code, status, bbox, dates and pages; ids override the rest; unpublished reports never show', async () => {
    subject.clock.advance(60_000);
    const light = await fileOne({
      service_code: 'street-light-repair',
      'attribute[size]': '',
      'attribute[problem]': 'out',
      lat: '22.6273',
      long: '120.3014',
      description: '路燈不亮',
    });
    subject.clock.advance(60_000);
    const newest = await fileOne({ description: '最新的坑洞' });
    // A web report from an address not yet confirmed waits for its link before it goes on the map.
    const context = testCasesContext(subject);
    const hidden = await submitReport(
      context,
      // No photo: the store is never written.
      createFilesystemStore(path.join(subject.config.dataDir, 'files')),
      {
        serviceCode: 'pothole-report',
        latitude: 22.6204,
        longitude: 120.3121,
        description: '尚未確認的通報',
        formData: { size: 'small' },
        email: 'new.reporter@example.tw',
        showName: false,
        lang: 'zh-TW',
        channel: 'web',
      },
      [],
    );
    assert.equal(hidden.publishedAt, null);

    const list = await get('/open311/v2/requests.json');
    assert.equal(list.statusCode, 200);
    const all = list.json() as { service_request_id: string; requested_datetime: string; status: string }[];
    const numbers = all.map((request) => request.service_request_id);
    assert.equal(numbers[0], newest, 'newest first');
    assert.ok(numbers.includes(light));
    assert.ok(!numbers.includes(hidden.row.caseNumber), 'not on the public map yet');
    assert.equal((await get(`/open311/v2/requests/${hidden.row.caseNumber}.json`)).statusCode, 404);
    const times = all.map((request) => request.requested_datetime);
    assert.deepEqual([...times].sort().reverse(), times);

    const lights = (await get('/open311/v2/requests.json?service_code=street-light-repair')).json();
    assert.deepEqual(
      lights.map((request: { service_request_id: string }) => request.service_request_id),
      [light],
    );
    assert.equal(lights[0].service_name, '路燈維修');
    const both = (
      await get('/open311/v2/requests.json?service_code=street-light-repair,pothole-report')
    ).json();
    assert.equal(both.length, all.length);
    const repeated = (
      await get('/open311/v2/requests.json?service_code=street-light-repair&service_code=pothole-report')
    ).json();
    assert.equal(repeated.length, all.length, 'a parameter declared twice is a comma list');
    assert.equal((await get('/open311/v2/requests.json?status=open')).json().length, all.length);
    assert.deepEqual((await get('/open311/v2/requests.json?status=closed')).json(), []);
    assert.equal((await get('/open311/v2/requests.json?status=open,closed')).json().length, all.length);

    const aroundTheLight = (await get('/open311/v2/requests.json?bbox=120.30,22.625,120.305,22.63')).json();
    assert.deepEqual(
      aroundTheLight.map((request: { service_request_id: string }) => request.service_request_id),
      [light],
    );
    const before = (await get('/open311/v2/requests.json?end_date=2026-03-01T00:00:00%2B08:00')).json();
    assert.deepEqual(before, [], 'nothing was filed before');
    const window = (
      await get(
        '/open311/v2/requests.json?start_date=2026-03-02T10:01:00%2B08:00&end_date=2026-03-02T02:01:30Z',
      )
    ).json();
    assert.deepEqual(
      window.map((request: { service_request_id: string }) => request.service_request_id),
      [light],
    );
    const later = new Date(subject.clock.now().getTime() + 91 * 24 * 3600 * 1000);
    const saved = subject.clock.current;
    subject.clock.current = later;
    assert.deepEqual((await get('/open311/v2/requests.json')).json(), [], 'the default window is 90 days');
    subject.clock.current = saved;

    const page2 = (await get('/open311/v2/requests.json?page_size=1&page=2')).json();
    assert.deepEqual(
      page2.map((request: { service_request_id: string }) => request.service_request_id),
      [numbers[1]],
    );
    const byIds = (
      await get(
        `/open311/v2/requests.json?service_request_id=${light},9990101-0001,${newest}&service_code=nothing&status=closed&start_date=bad`,
      )
    ).json();
    assert.deepEqual(
      byIds.map((request: { service_request_id: string }) => request.service_request_id),
      [light, newest],
      'the ids override every other argument; unknown ones are left out',
    );

    const xml = parser.parse((await get('/open311/v2/requests.xml?service_code=street-light-repair')).body);
    assert.equal(xml.service_requests.request.length, 1);
    assert.deepEqual(Object.keys(xml.service_requests.request[0]), requestElements);
    const emptyXml = (await get('/open311/v2/requests.xml?status=closed')).body;
    assert.equal(emptyXml, '<?xml version="1.0" encoding="utf-8"?>\n<service_requests></service_requests>\n');
  });

  it('an address_string naming its district is a place; its zipcode comes from the district', async () => {
    const number = await fileOne({ lat: '', long: '', address_string: '高雄市鳳山區光復路二段132號前' });
    const [request] = (await get(`/open311/v2/requests/${number}.json`)).json();
    assert.equal(request.address, '高雄市鳳山區光復路二段132號前');
    assert.equal(request.zipcode, '830');
    assert.equal(request.lat, null);
    assert.equal(request.long, null);
  });

  it('multipart with a media JPEG: the photo is processed and the request’s media_url serves its public copy', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(pothole({ description: '附照片的坑洞' })))
      form.append(name, value);
    const jpeg = await noisyJpeg(1600, 1200);
    form.append('media', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'IMG_2048.JPG');
    const response = await subject.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: form,
    });
    assert.equal(response.statusCode, 200, response.body);
    const [created] = response.json();
    const filed = await caseOf(created.service_request_id);
    const photos = await db().select().from(reportPhotos).where(eq(reportPhotos.caseId, filed.id));
    assert.equal(photos.length, 1);
    assert.equal(photos[0]?.role, 'report');
    assert.equal(photos[0]?.width, 1600);
    const [request] = (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json();
    assert.equal(
      request.media_url,
      `${base}/reports/${created.service_request_id}/photos/${photos[0]?.id}/public.jpg`,
    );
    const listed = (await get('/open311/v2/requests.json?page_size=5')).json() as Record<string, unknown>[];
    assert.equal(
      listed.find((entry) => entry.service_request_id === created.service_request_id)?.media_url,
      request.media_url,
      'the list gives the same photo',
    );
    const served = await get(request.media_url.slice(base.length));
    assert.equal(served.statusCode, 200, served.body.slice(0, 200));
    assert.equal(served.headers['content-type'], 'image/jpeg');
    assert.equal(served.rawPayload.subarray(0, 3).toString('hex'), 'ffd8ff');
    assert.ok(!served.rawPayload.includes(Buffer.from('Exif')), 'no metadata in the public copy');

    // A hidden photo (a face, a plate) is no longer the request's media.
    await db()
      .update(reportPhotos)
      .set({ hiddenAt: subject.clock.now(), hiddenReason: '車牌' })
      .where(eq(reportPhotos.caseId, filed.id));
    assert.equal(
      (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json()[0].media_url,
      null,
    );
  });

  it('tokens: the token kept for a filed request gives its id, in both formats; an unknown token is 404', async () => {
    const number = await fileOne();
    const { token } = await caseOf(number);
    assert.ok(token);
    const json = await get(`/open311/v2/tokens/${token}.json`);
    assert.equal(json.statusCode, 200);
    assert.deepEqual(json.json(), [{ service_request_id: number, token }]);
    const xml = parser.parse((await get(`/open311/v2/tokens/${token}.xml`)).body);
    assert.deepEqual(xml.service_requests.request, [{ service_request_id: number, token }]);
    const unknown = await get('/open311/v2/tokens/AAAAAAAAAAAAAAAA.xml');
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(parser.parse(unknown.body).errors.error, [
      { code: '404', description: 'There is no token "AAAAAAAAAAAAAAAA".' },
    ]);
  });

  it('POST errors: a missing, unknown or revoked key is 403 before anything else', async () => {
    const missing = await post('json', pothole({ api_key: '' }));
    assert.equal(missing.statusCode, 403);
    assert.deepEqual(missing.json(), [
      { code: 403, description: 'Filing a request needs an api_key; ask the bureau for one.' },
    ]);
    const wrong = await post('xml', pothole({ api_key: `ow_${'x'.repeat(32)}`, service_code: 'nothing' }));
    assert.equal(wrong.statusCode, 403);
    assert.deepEqual(parser.parse(wrong.body).errors.error, [
      { code: '403', description: 'The api_key is not valid.' },
    ]);
    const garbage = await post('json', pothole({ api_key: 'letmein' }));
    assert.equal(garbage.statusCode, 403);
    const revoked = await post('json', pothole({ api_key: revokedKey }));
    assert.equal(revoked.statusCode, 403);
    assert.deepEqual(revoked.json(), [
      { code: 403, description: 'This api_key has been revoked; ask the bureau for a new one.' },
    ]);
    const count = await db()
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.description, '機車道有一個約 50 公分的坑洞'));
    const before = count.length;
    await post('json', pothole({ api_key: revokedKey }));
    const after = await db()
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.description, '機車道有一個約 50 公分的坑洞'));
    assert.equal(after.length, before, 'nothing filed');
  });

  it('POST errors: an unknown service is 404; every other problem is listed with it, and nothing is filed', async () => {
    const unknown = await post(
      'json',
      pothole({ service_code: 'no-such-thing', jurisdiction_id: 'taipei.gov.tw' }),
    );
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(unknown.json(), [
      { code: 404, description: 'There is no service with the code "no-such-thing".' },
      { code: 400, description: 'This server answers only for the jurisdiction pwb.kcg.gov.tw.' },
    ]);
    // A client that names the jurisdiction in the address of its POST (as the npm open311 library does).
    const { jurisdiction_id: _inBody, ...withoutJurisdiction } = pothole();
    const inAddress = await subject.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json?jurisdiction_id=taipei.gov.tw',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payload: new URLSearchParams(withoutJurisdiction).toString(),
    });
    assert.equal(inAddress.statusCode, 400);
    assert.deepEqual(inAddress.json(), [
      { code: 400, description: 'This server answers only for the jurisdiction pwb.kcg.gov.tw.' },
    ]);
    const application = await post('xml', pothole({ service_code: 'building-construction-start' }));
    assert.equal(application.statusCode, 404, 'an application is not an Open311 service');
    assert.equal(parser.parse(application.body).errors.error[0].code, '404');

    const many = await post(
      'json',
      pothole({
        jurisdiction_id: 'taipei.gov.tw',
        lat: '',
        long: '',
        address_string: '',
        address_id: '545483',
        'attribute[size]': 'enormous',
        'attribute[colour]': 'red',
        email: 'not-an-address',
        phone: '12345',
      }),
    );
    assert.equal(many.statusCode, 400);
    assert.deepEqual(many.json(), [
      { code: 400, description: 'This server answers only for the jurisdiction pwb.kcg.gov.tw.' },
      {
        code: 400,
        description:
          'address_id cannot be used: the bureau has no address register; send lat and long, or address_string.',
      },
      { code: 400, description: 'email is not a valid e-mail address.' },
      {
        code: 400,
        description: 'phone must be a phone number, e.g. 0912345678, +886 7 3368333 or 07-3368333#123.',
      },
      {
        code: 400,
        description: '"colour" is not an attribute of this service (see services/pothole-report.json).',
      },
      { code: 400, description: 'attribute[size] must be one of the keys the service definition lists.' },
    ]);

    const noPlace = await post('xml', pothole({ lat: '', long: '', address_string: '' }));
    assert.equal(noPlace.statusCode, 400);
    assert.deepEqual(parser.parse(noPlace.body).errors.error, [
      {
        code: '400',
        description:
          'A location is required: lat and long, or an address_string that names the district (e.g. 苓雅區 or Lingya District).',
      },
    ]);
    const noDistrict = await post('json', pothole({ lat: '', long: '', address_string: '中山路與五福路口' }));
    assert.deepEqual(noDistrict.json(), [
      {
        code: 400,
        description:
          'address_string must name the district (e.g. 苓雅區 or Lingya District); or send lat and long.',
      },
    ]);
    const taipei = await post('json', pothole({ lat: '25.0339', long: '121.5645' }));
    assert.deepEqual(taipei.json(), [
      {
        code: 400,
        description:
          'lat/long: the point is outside Kaohsiung City; this server takes reports in Kaohsiung only.',
      },
    ]);
    const half = await post('json', pothole({ long: '' }));
    assert.deepEqual(half.json(), [{ code: 400, description: 'Send both lat and long.' }]);
    const noService = await post('json', pothole({ service_code: '' }));
    assert.deepEqual(noService.json(), [
      { code: 400, description: 'service_code is required (see services.json).' },
    ]);
    const notForm = await subject.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'application/octet-stream' },
      payload: 'api_key=x',
    });
    assert.equal(notForm.statusCode, 400, 'not form-encoded: still the specification’s error list');
    assert.equal(parser.parse(notForm.body).errors.error[0].code, '400');
    const filed = await db().select({ id: cases.id }).from(cases).where(eq(cases.applicantPhone, '12345'));
    assert.deepEqual(filed, []);
  });

  it('GET errors: bad dates, status, bbox or paging, a wrong jurisdiction, an unknown id — each listed, in both formats', async () => {
    const bad = await get(
      '/open311/v2/requests.json?start_date=2026-13-01&end_date=yesterday&status=pending&jurisdiction_id=taipei.gov.tw',
    );
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad.json().map((error: { description: string }) => error.description),
      [
        'This server answers only for the jurisdiction pwb.kcg.gov.tw.',
        'start_date must be a W3C date-time with its time zone, e.g. 2026-03-02T10:00:00+08:00 or 2026-03-02T02:00:00Z.',
        'end_date must be a W3C date-time with its time zone, e.g. 2026-03-02T10:00:00+08:00 or 2026-03-02T02:00:00Z.',
        'status must be open or closed (comma-delimited for both); got "pending".',
      ],
    );
    const tooLong = await get(
      '/open311/v2/requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
    );
    assert.equal(tooLong.statusCode, 400);
    assert.deepEqual(parser.parse(tooLong.body).errors.error, [
      { code: '400', description: 'start_date and end_date may not span more than 90 days.' },
    ]);
    const noZone = await get('/open311/v2/requests.json?start_date=2026-03-01T10:00:00');
    assert.equal(noZone.statusCode, 400);
    const paging = await get('/open311/v2/requests.json?page_size=1001&bbox=1,2,3');
    assert.deepEqual(
      paging.json().map((error: { description: string }) => error.description),
      [
        'bbox must be minLon,minLat,maxLon,maxLat: four numbers (WGS84), each minimum not above its maximum.',
        'page_size must be a whole number from 1 to 1000.',
      ],
    );
    const huge = await get(`/open311/v2/requests.json?status=${'open,'.repeat(20)}`);
    assert.equal(huge.statusCode, 400);
    assert.deepEqual(huge.json(), [
      { code: 400, description: 'status: the value is too long or malformed.' },
    ]);

    const unknown = await get('/open311/v2/requests/9990101-0001.json');
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(unknown.json(), [
      { code: 404, description: 'There is no public request "9990101-0001".' },
    ]);
    const unknownXml = await get('/open311/v2/requests/9990101-0001.xml');
    assert.equal(unknownXml.statusCode, 404);
    assert.deepEqual(parser.parse(unknownXml.body).errors.error, [
      { code: '404', description: 'There is no public request "9990101-0001".' },
    ]);
    const noFormat = await get('/open311/v2/requests/9990101-0001.html');
    assert.equal(noFormat.statusCode, 404);
    const updates = await get('/open311/v2/servicerequestupdates.xml?end_date=soon');
    assert.equal(updates.statusCode, 400);
    assert.equal(parser.parse(updates.body).errors.error[0].code, '400');
  });

  it('a key’s own rate per minute: past it, 429 with Retry-After until the minute is over; last used written at most once a minute', async () => {
    // Start at the beginning of a minute, so that the three requests share its window.
    const start = subject.clock.now();
    subject.clock.current = new Date(Math.ceil(start.getTime() / 60_000) * 60_000 + 60_000);
    const attempt = () => post('json', { api_key: slowKey, service_code: '' });
    assert.equal((await attempt()).statusCode, 400, 'counted, then refused for its own problems');
    const firstUse = subject.clock.now();
    subject.clock.advance(20_000);
    assert.equal((await attempt()).statusCode, 400);
    subject.clock.advance(10_000);
    const limited = await attempt();
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['retry-after'], '30');
    assert.deepEqual(limited.json(), [
      {
        code: 429,
        description: 'This api_key may file at most 2 requests a minute; try again in 30 seconds.',
      },
    ]);
    const [row] = await db().select().from(apiKeys).where(eq(apiKeys.name, 'slow-app'));
    assert.deepEqual(row?.lastUsedAt, firstUse, 'not rewritten within the minute');
    subject.clock.advance(31_000);
    assert.equal((await attempt()).statusCode, 400, 'a new minute, a new count');
    const [later] = await db().select().from(apiKeys).where(eq(apiKeys.name, 'slow-app'));
    assert.deepEqual(later?.lastUsedAt, subject.clock.now());
    // Another key is not slowed by this one.
    assert.equal((await post('json', { api_key: key, service_code: '' })).statusCode, 400);
  });

  it('service request updates: state changes and public notes of published requests, oldest first, with the fix photo', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(pothole({ description: '要修的坑洞' })))
      form.append(name, value);
    form.append(
      'media',
      new Blob([new Uint8Array(await noisyJpeg(800, 600))], { type: 'image/jpeg' }),
      'a.jpg',
    );
    const filedAnswer = await subject.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: form,
    });
    assert.equal(filedAnswer.statusCode, 200, filedAnswer.body);
    const number = filedAnswer.json()[0].service_request_id as string;
    const filed = await caseOf(number);
    const [reporterPhoto] = await db().select().from(reportPhotos).where(eq(reportPhotos.caseId, filed.id));
    assert.ok(reporterPhoto);
    const crew = await aStaffMember(db(), { role: 'supervisor', unitCode: filed.unitCode });
    const actor = {
      kind: 'staff' as const,
      id: crew.id,
      displayName: crew.displayName,
      email: crew.email,
      role: crew.role,
      unitCode: crew.unitCode,
    };
    const contextAt = (): CasesContext => testCasesContext(subject);
    subject.clock.advance(10 * 60_000);
    const dispatchedAt = subject.clock.now();
    const dispatched = await transitionCase(
      contextAt(),
      {
        caseId: filed.id,
        expectedVersion: filed.version,
        event: 'dispatch',
        input: { internalNote: '交給第三工班' },
      },
      actor,
    );
    subject.clock.advance(60 * 60_000);
    const fixedAt = subject.clock.now();
    let fixPhotoId = '';
    await transitionCase(
      contextAt(),
      {
        caseId: filed.id,
        expectedVersion: dispatched.version,
        event: 'mark_fixed',
        input: { resolution: '已以冷料補平', publicNote: '坑洞已補平，謝謝您的通報。' },
      },
      actor,
      {
        // The crew's after-photo, stored with the fix (here the same files as the reporter's photo).
        inTransaction: async (tx) => {
          const [row] = await tx
            .insert(reportPhotos)
            .values({
              caseId: filed.id,
              role: 'fix',
              position: 1,
              originalSha256: reporterPhoto.originalSha256,
              originalMediaType: reporterPhoto.originalMediaType,
              publicSha256: reporterPhoto.publicSha256,
              thumbSha256: reporterPhoto.thumbSha256,
              width: reporterPhoto.width,
              height: reporterPhoto.height,
              addedAt: fixedAt,
              addedByStaffId: crew.id,
            })
            .returning({ id: reportPhotos.id });
          fixPhotoId = row?.id ?? '';
        },
      },
    );

    const json = await get(`/open311/v2/servicerequestupdates.json?service_request_id=${number}`);
    assert.equal(json.statusCode, 200, json.body);
    const updates = json.json() as Record<string, string>[];
    assert.equal(updates.length, 2, 'the creation is the request itself, not an update');
    assert.deepEqual(
      updates.map((update) => Object.keys(update)),
      [0, 1].map(() => [
        'update_id',
        'service_request_id',
        'status',
        'updated_datetime',
        'description',
        'media_url',
      ]),
    );
    assert.deepEqual(
      updates.map(({ update_id: _id, ...update }) => update),
      [
        {
          service_request_id: number,
          status: 'open',
          updated_datetime: open311DateTime(dispatchedAt),
          description: '已派工',
          media_url: '',
        },
        {
          service_request_id: number,
          status: 'closed',
          updated_datetime: open311DateTime(fixedAt),
          description: '坑洞已補平，謝謝您的通報。',
          media_url: `${base}/reports/${number}/photos/${fixPhotoId}/public.jpg`,
        },
      ],
    );
    assert.ok(!json.body.includes('交給第三工班'), 'internal notes stay internal');
    assert.ok(Number(updates[0]?.update_id) < Number(updates[1]?.update_id));

    const xml = await get(`/open311/v2/servicerequestupdates.xml?service_request_id=${number}&locale=en`);
    const fromXml = parser.parse(xml.body).service_request_updates.request_update;
    assert.equal(fromXml.length, 2);
    assert.equal(fromXml[0].description, 'Crew assigned');
    assert.equal(fromXml[1].status, 'closed');

    const window = (
      await get(
        `/open311/v2/servicerequestupdates.json?start_date=${encodeURIComponent(new Date(fixedAt.getTime() - 1000).toISOString())}`,
      )
    ).json() as Record<string, string>[];
    assert.deepEqual(
      window.map((update) => update.description),
      ['坑洞已補平，謝謝您的通報。'],
      'a window over when the update happened',
    );
    const request = (await get(`/open311/v2/requests/${number}.json`)).json()[0];
    assert.equal(request.status, 'closed');
    assert.equal(request.status_notes, '已修復');
  });
});
