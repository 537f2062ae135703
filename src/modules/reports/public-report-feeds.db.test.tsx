import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { decode, mainOf } from '../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { pageWindow } from '../../platform/db/paging.ts';
import {
  listPublicReports,
  type PublicReportSummary,
  publicReportsInBox,
  publicVocabulary,
  publishedReportBatches,
} from './public-report-queries.ts';
import { fengshan, lingya, reportAs, seededPublicReports, zuoying } from './public-reports-test-support.ts';
import { csvColumns, csvExport } from './report-feeds.ts';

/**
 * The photo reports as data other systems read, through the app: the bounding-box GeoJSON (on the rounded
 * point, capped), the Atom feeds, the CSV and GeoJSON exports (streamed, keyset-paged) and the open-data
 * pages.
 */

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
});

describe('photo reports as open data: GeoJSON, Atom, CSV and the open-data pages', () => {
  const site = seededPublicReports();
  const { seed, get } = site;
  const report = (input: Parameters<typeof reportAs>[1]) => reportAs(site.subject, input);

  it('GET /api/reports.geojson: published reports in the box, rounded points, public fields only', async () => {
    const response = await get('/api/reports.geojson?bbox=120.31,22.619,120.314,22.621');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/geo+json; charset=utf-8');
    assert.equal(response.headers['access-control-allow-origin'], '*');
    const collection = response.json();
    assert.equal(collection.type, 'FeatureCollection');
    assert.equal(collection.truncated, false);
    assert.equal(collection.limit, 2000);
    assert.deepEqual(
      collection.features.map((feature: { id: string }) => feature.id),
      [seed.fixed.caseNumber, seed.first.caseNumber],
    );
    const feature = collection.features[1];
    assert.deepEqual(feature.geometry, { type: 'Point', coordinates: [120.3125, 22.6203] });
    assert.deepEqual(feature.properties, {
      case_number: seed.first.caseNumber,
      category: 'pothole-report',
      category_name: '路面坑洞',
      status: 'open',
      status_name: '處理中',
      state: 'received',
      state_name: '已收件',
      district_code: lingya,
      district_name: '苓雅區',
      village_code: '64000080021',
      village_name: '晴朗里',
      received_at: '2026-03-02T10:00:00+08:00',
      fixed_at: null,
      closed_at: null,
      url: `https://onewindow.example.tw/reports/${seed.first.caseNumber}`,
    });

    const english = (
      await get('/api/reports.geojson?bbox=120.31,22.619,120.314,22.621&state=fixed&lang=en')
    ).json();
    assert.deepEqual(
      english.features.map((one: { id: string; properties: Record<string, string> }) => [
        one.id,
        one.properties.status_name,
        one.properties.url,
      ]),
      [[seed.fixed.caseNumber, 'Fixed', `https://onewindow.example.tw/en/reports/${seed.fixed.caseNumber}`]],
    );
    const elsewhere = (await get('/api/reports.geojson?bbox=120.0,22.0,120.1,22.1')).json();
    assert.deepEqual(elsewhere.features, []);
    // The same dates as the list: the map of a date range shows that range.
    const box = 'bbox=120.31,22.619,120.314,22.621';
    assert.equal((await get(`/api/reports.geojson?${box}&to=115/3/1`)).json().features.length, 0);
    assert.equal(
      (await get(`/api/reports.geojson?${box}&from=2026-03-02&to=2026-03-02`)).json().features.length,
      2,
    );
  });

  it('the box selects on the rounded point: a box a hair away from the public point finds nothing', async () => {
    // The exact point is 22.620347, 120.312468; the public one 22.6203, 120.3125. A box around the exact
    // point that excludes the public one must not find the report (or it would narrow it below ~11 m).
    const around = (await get('/api/reports.geojson?bbox=120.31246,22.62034,120.31248,22.62036')).json();
    assert.deepEqual(around.features, []);
    const onPublic = (await get('/api/reports.geojson?bbox=120.3125,22.6203,120.3125,22.6203')).json();
    assert.deepEqual(
      onPublic.features.map((feature: { id: string }) => feature.id),
      [seed.first.caseNumber],
    );
  });

  it('names every mistake in the GeoJSON query at once, in JSON', async () => {
    const response = await get(
      '/api/reports.geojson?bbox=1,2,3&category=nope&state=later&district=1&from=soon&lang=fr',
    );
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.equal(body.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      body.errors.map((problem: { field: string; code: string }) => `${problem.field}:${problem.code}`),
      [
        'lang:unknown',
        'bbox:malformed',
        'category:unknown',
        'state:unknown',
        'district:unknown',
        'from:invalid_date',
      ],
    );
    const reversed = (
      await get('/api/reports.geojson?bbox=120.4,22.6,120.3,22.7&from=2026-03-02&to=115/3/1')
    ).json();
    assert.deepEqual(
      reversed.errors.map((problem: { code: string }) => problem.code),
      ['out_of_range', 'before_from'],
    );
  });

  it('Atom feeds per district and per category are valid Atom with the newest reports', async () => {
    const response = await get(`/reports/feed.atom?district=${lingya}`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
    const feed = xml.parse(response.body).feed;
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(feed.id, `https://onewindow.example.tw/reports/feed.atom?district=${lingya}`);
    assert.equal(feed.title, '高雄市政府工務局報修案件：苓雅區');
    assert.match(feed.updated, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.ok(feed.author.name);
    assert.deepEqual(
      feed.link.map((link: Record<string, string>) => link['@rel']),
      ['self', 'alternate', 'license'],
    );
    assert.deepEqual(
      feed.entry.map((entry: { id: string }) => entry.id),
      [seed.fixed, seed.first].map((row) => `https://onewindow.example.tw/reports/${row.caseNumber}`),
    );
    const entry = feed.entry[1];
    assert.equal(entry.title, '路面坑洞：苓雅區（已收件）');
    assert.equal(entry.link[0]['@href'], `https://onewindow.example.tw/reports/${seed.first.caseNumber}`);
    assert.equal(entry.updated, '2026-03-02T10:00:00+08:00');
    assert.equal(entry['georss:point'], '22.6203 120.3125');
    // Fixed: its updated time is the fix.
    assert.notEqual(feed.entry[0].updated, feed.entry[0].published);

    const byCategory = xml.parse(
      (await get('/en/reports/feed.atom?category=park-facility-damage')).body,
    ).feed;
    assert.equal(
      byCategory.title,
      'Problems reported to the Kaohsiung Public Works Bureau: Damaged park facilities',
    );
    assert.deepEqual(
      byCategory.entry.map((one: { id: string }) => one.id),
      [`https://onewindow.example.tw/en/reports/${seed.addressOnly.caseNumber}`],
    );
    assert.equal(byCategory.entry[0]['georss:point'], undefined);
    assert.equal((await get('/reports/feed.atom?district=nowhere')).statusCode, 400);
    const empty = xml.parse(
      (await get(`/reports/feed.atom?district=${fengshan}&category=park-facility-damage`)).body,
    ).feed;
    assert.equal(empty.entry, undefined);
    assert.ok(empty.updated);
  });

  it('the CSV export: a byte-order mark, the header, one row per published report, the licence in its headers', async () => {
    const response = await get('/open-data/reports.csv');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8; header=present');
    assert.equal(response.headers.link, '<https://data.gov.tw/license>; rel="license"');
    assert.match(
      String(response.headers['content-disposition']),
      /attachment; filename="kaohsiung-public-works-reports\.csv"/,
    );
    assert.ok(response.body.startsWith('\ufeff'));
    const lines = response.body.slice(1).trimEnd().split('\r\n');
    assert.deepEqual(lines[0]?.split(','), [...csvColumns]);
    const rows = lines.slice(1).map((line) => line.split(','));
    // Oldest first: the 25 fillers, then the four of 2 March; never the unpublished one.
    assert.deepEqual(
      rows.map((row) => row[0]),
      [...seed.fillers, seed.first, seed.named, seed.addressOnly, seed.fixed].map((row) => row.caseNumber),
    );
    const byNumber = new Map(
      rows.map((row) => [
        row[0],
        Object.fromEntries(csvColumns.map((column, index) => [column, row[index]])),
      ]),
    );
    assert.deepEqual(byNumber.get(seed.first.caseNumber), {
      case_number: seed.first.caseNumber,
      category: 'pothole-report',
      category_zh: '路面坑洞',
      category_en: 'Pothole',
      status: 'open',
      state: 'received',
      state_zh: '已收件',
      district_code: lingya,
      district_zh: '苓雅區',
      village_code: '64000080021',
      village_zh: '晴朗里',
      latitude: '22.6203',
      longitude: '120.3125',
      received_at: '2026-03-02T10:00:00+08:00',
      fixed_at: '',
      closed_at: '',
      url: `https://onewindow.example.tw/reports/${seed.first.caseNumber}`,
    });
    assert.equal(byNumber.get(seed.addressOnly.caseNumber)?.latitude, '');
    assert.equal(byNumber.get(seed.addressOnly.caseNumber)?.district_code, zuoying);
    assert.equal(byNumber.get(seed.fixed.caseNumber)?.status, 'fixed');
    assert.match(byNumber.get(seed.fixed.caseNumber)?.fixed_at ?? '', /\+08:00$/);
  });

  it('the GeoJSON export: one FeatureCollection of every published report with the licence, null geometry without a point', async () => {
    const response = await get('/open-data/reports.geojson');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/geo+json; charset=utf-8');
    assert.equal(response.headers.link, '<https://data.gov.tw/license>; rel="license"');
    const collection = response.json();
    assert.equal(collection.type, 'FeatureCollection');
    assert.equal(collection.license, 'OGDL-Taiwan-1.0');
    assert.equal(collection.licenseUrl, 'https://data.gov.tw/license');
    assert.deepEqual(
      collection.features.map((feature: { id: string }) => feature.id),
      [...seed.fillers, seed.first, seed.named, seed.addressOnly, seed.fixed].map((row) => row.caseNumber),
    );
    const byId = new Map(collection.features.map((feature: { id: string }) => [feature.id, feature]));
    assert.equal((byId.get(seed.addressOnly.caseNumber) as { geometry: unknown }).geometry, null);
    assert.deepEqual((byId.get(seed.first.caseNumber) as { geometry: unknown }).geometry, {
      type: 'Point',
      coordinates: [120.3125, 22.6203],
    });
  });

  it('the English exports point to the English pages, and the GeoJSON names things in English', async () => {
    const csv = (await get('/en/open-data/reports.csv')).body;
    assert.ok(csv.includes(`,https://onewindow.example.tw/en/reports/${seed.first.caseNumber}\r\n`));
    assert.ok(csv.includes(',路面坑洞,Pothole,'));
    const collection = (await get('/en/open-data/reports.geojson')).json();
    const feature = collection.features.find((one: { id: string }) => one.id === seed.first.caseNumber);
    assert.equal(feature.properties.category_name, 'Pothole');
    assert.equal(feature.properties.district_name, 'Lingya District');
    assert.equal(feature.properties.url, `https://onewindow.example.tw/en/reports/${seed.first.caseNumber}`);
  });

  it('the exports page through the set by keyset, ties in time by id, and the CSV is written a batch at a time', async () => {
    const { db } = site.subject.database;
    // Three reports received at the same instant: keyset paging must neither repeat nor skip one.
    const instant = new Date('2026-01-15T04:00:00Z');
    const tied: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      site.subject.clock.current = new Date(instant);
      const row = await report({ latitude: 22.7, longitude: 120.3 });
      tied.push(row.caseNumber);
    }
    const batches: string[][] = [];
    for await (const batch of publishedReportBatches(db, 2)) batches.push(batch.map((one) => one.caseNumber));
    assert.ok(batches.every((batch) => batch.length <= 2));
    const all = batches.flat();
    assert.equal(new Set(all).size, all.length, 'no report twice');
    assert.equal(all.length, 25 + 4 + 3);
    assert.deepEqual(all.slice(0, 3).sort(), [...tied].sort());
    assert.ok(!all.includes(seed.unpublished.caseNumber));

    // Remove them again: the other tests count the set.
    await db.execute(
      sql`update field_reports set published_at = null where case_id in (select id from cases where case_number in (${sql.join(
        tied.map((number) => sql`${number}`),
        sql`, `,
      )}))`,
    );
  });

  it('the CSV is written as the batches come: an endless source gives its first rows after a few batches', async () => {
    // Were the export built in memory, this source (a thousand reports a batch, without end) would never
    // give a byte; streamed, the first rows come after the stream's buffer (64 KiB) fills.
    let pulled = 0;
    const [found] = await listPublicReports(site.subject.database.db, {}, pageWindow(1, 1));
    assert.ok(found);
    const template: PublicReportSummary = found;
    async function* endless(): AsyncGenerator<PublicReportSummary[]> {
      while (true) {
        pulled += 1;
        yield Array.from({ length: 1000 }, (_, index) => ({
          ...template,
          caseNumber: `1150101-${pulled}-${index}`,
        }));
      }
    }
    const stream = csvExport(
      endless(),
      await publicVocabulary(site.subject.database.db),
      'https://onewindow.example.tw',
    );
    let bytes = 0;
    let chunks = 0;
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      chunks += 1;
      if (chunks === 3) break;
    }
    assert.ok(bytes > 1000, `${bytes} bytes`);
    assert.ok(pulled <= 5, `${pulled} batches read for three chunks`);
  });

  it('the open-data page lists the datasets with format, licence, update frequency and every field', async () => {
    for (const [path, prefix, words] of [
      ['/open-data/reports', '', ['開放資料：報修案件', '政府資料開放授權條款－第1版', '即時']],
      [
        '/en/open-data/reports',
        '/en',
        ['Open data: reported problems', 'Open Government Data License, version 1.0', 'Live'],
      ],
    ] as const) {
      const response = await get(path);
      assert.equal(response.statusCode, 200);
      const main = decode(mainOf(response.body));
      for (const word of words) assert.ok(main.includes(word), `${path}: ${word}`);
      for (const href of [
        `${prefix}/open-data/reports.csv`,
        `${prefix}/open-data/reports.geojson`,
        `${prefix}/reports/feed.atom`,
        'https://data.gov.tw/license',
      ])
        assert.ok(main.includes(`href="${href}`), `${path}: ${href}`);
      // The API's address is shown, not linked.
      assert.ok(main.includes('id="box-api"'));
      assert.ok(main.includes('https://onewindow.example.tw/api/reports.geojson?bbox='));
      for (const column of csvColumns) assert.ok(main.includes(`>${column}<`), `${path}: ${column}`);
    }
  });

  it('/open-data lists the datasets, each link answering', async () => {
    for (const [path, prefix] of [
      ['/open-data', ''],
      ['/en/open-data', '/en'],
    ] as const) {
      const list = mainOf((await get(path)).body);
      // The reports module's datasets (its manifest's openData), among every module's.
      const links = ['reports.all', 'reports.map', 'reports.feed'].flatMap((id) => {
        const start = list.indexOf(`id="dataset-${id}"`);
        assert.ok(start >= 0, id);
        return [
          ...list
            .slice(start, list.indexOf('</section>', start))
            .matchAll(/<li><a class="govuk-link" href="([^"]+)"/g),
        ].map((match) => decode(match[1] ?? ''));
      });
      assert.deepEqual(links, [
        `${prefix}/open-data/reports.csv`,
        `${prefix}/open-data/reports.geojson`,
        '/api/reports.geojson?bbox=120.25,22.55,120.40,22.70',
        `${prefix}/reports/feed.atom`,
      ]);
      for (const link of links) assert.equal((await get(link)).statusCode, 200, link);
      assert.ok(list.includes(`href="${prefix}/open-data/reports"`));
    }
  });
});

describe('photo reports, the public side: the bounding-box answer is capped and says so', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  it('answers the newest 2000 in the box with "truncated": true, and all of a box that holds fewer', async () => {
    const { db } = subject.database;
    const original = await reportAs(subject, { latitude: 22.62, longitude: 120.3 });
    // 2,100 more published reports copied from it, a minute apart going back, 0.0001° apart going north.
    await db.execute(sql`
      insert into cases (id, case_number, lookup_code, kind, channel, service_code, service_version, unit_code,
                         state, applicant_type, applicant_name, applicant_lang, consent_at, subject, description,
                         district_code, latitude, longitude, received_at, deadline_rule, created_at, updated_at)
      select gen_random_uuid(), '1140101-' || lpad(g::text, 5, '0'), lookup_code, kind, channel, service_code,
             service_version, unit_code, state, applicant_type, applicant_name, applicant_lang, consent_at, subject,
             description, district_code, latitude + g * 0.0001, longitude, received_at - g * interval '1 minute',
             deadline_rule, created_at, updated_at
        from cases, generate_series(1, 2100) g
       where id = ${original.id}`);
    await db.execute(sql`
      insert into field_reports (case_id, published_at)
      select id, received_at from cases where case_number like '1140101-%'`);

    const wide = (
      await subject.app.inject({ method: 'GET', url: '/api/reports.geojson?bbox=120.2,22.5,120.4,22.9' })
    ).json();
    assert.equal(wide.truncated, true);
    assert.equal(wide.features.length, 2000);
    assert.equal(wide.features[0].id, original.caseNumber);
    assert.equal(wide.features[1999].id, '1140101-01999');

    // 0.0105° north: the original and the first 100 copies (the box ends between two of them).
    const narrow = (
      await subject.app.inject({
        method: 'GET',
        url: '/api/reports.geojson?bbox=120.29,22.61,120.31,22.63005',
      })
    ).json();
    assert.equal(narrow.truncated, false);
    assert.equal(narrow.features.length, 101);

    const direct = await publicReportsInBox(
      db,
      { minLon: 120.2, minLat: 22.5, maxLon: 120.4, maxLat: 22.9 },
      {},
      10,
    );
    assert.equal(direct.isTruncated, true);
    assert.equal(direct.reports.length, 10);
    const page = await listPublicReports(db, { serviceCode: 'pothole-report' }, pageWindow(3, 20));
    assert.equal(page.length, 21);
  });
});
