import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { decode, mainOf, metaContent } from '../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { aStaffMember } from '../../platform/auth/auth-test-support.ts';
import { pageWindow } from '../../platform/db/paging.ts';
import { noisyJpeg } from '../../platform/images/photo-test-support.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import {
  type CaseActor,
  type CaseRow,
  type CasesContext,
  transitionCase,
  workflowOf,
} from '../cases/index.ts';
import { statesByGroup } from './public-report-filters.ts';
import {
  listPublicReports,
  type PublicReportSummary,
  publicReportsInBox,
  publicVocabulary,
  publishedReportBatches,
} from './public-report-queries.ts';
import { csvColumns, csvExport } from './report-feeds.ts';
import {
  addReportPhoto,
  checkedPhotos,
  type ReportPhotoFile,
  type SubmitReportInput,
  submitReport,
} from './report-intake.ts';
import { fieldReports, reportPhotos } from './reports-schema.ts';

/**
 * The public side of the photo reports through the app: the map's list and filters, one report's page, its
 * photos, the bounding-box GeoJSON, the Atom feeds, the CSV and GeoJSON exports and the open-data page —
 * and, across all of them, that a reporter's name (unless they chose to show it), e-mail, phone, address,
 * description and exact point never appear.
 */

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
});

/** A reporter who did not choose to show their name, and everything of theirs that must stay private. */
const secret = {
  name: '王小明',
  email: 'wang.xiaoming@example.tw',
  phone: '0912345678',
  description: '我家門口（和平一路 77 巷 5 號）前面有一個大洞，王小明留',
  address: '和平一路 77 巷 5 號前',
  /** The exact point: the public sees 22.6203, 120.3125. */
  lat: 22.620347,
  lon: 120.312468,
};
const lingya = '64000080';
const fengshan = '64000120';
const zuoying = '64000030';
const day = 24 * 60 * 60 * 1000;

describe('photo reports, the public side: map list, report page, photos, GeoJSON, feeds and exports', () => {
  let subject: TestApp;
  let jpeg: ReportPhotoFile;
  /** Published, with a photo that staff later hide, a shown photo, and a note naming the reporter. */
  let first: CaseRow;
  let firstShownPhoto: string;
  let firstHiddenPhoto: string;
  /** Published, "show my name": yes. */
  let named: CaseRow;
  /** The same place as `first`, never confirmed: not public. */
  let unpublished: CaseRow;
  let unpublishedPhoto: string;
  /** An address only, no point. */
  let addressOnly: CaseRow;
  /** Fixed by a crew with an after-photo. */
  let fixed: CaseRow;
  let fixPhoto: string;
  let crewName: string;
  /** Older reports to fill two pages. */
  const fillers: CaseRow[] = [];

  const get = (url: string, headers: Record<string, string> = {}) =>
    subject.app.inject({ method: 'GET', url, headers });
  const contextOf = (lang: Lang = 'zh-TW'): CasesContext => ({
    db: subject.database.db,
    now: subject.clock.now(),
    lang,
    calendarRegion: subject.config.calendarRegion,
    reopenDays: subject.config.caseReopenDays,
    publicBaseUrl: subject.config.publicBaseUrl,
    jobs: subject.jobs,
  });
  const report = async (
    input: Partial<SubmitReportInput>,
    options: { photos?: number; isPublished?: boolean } = {},
  ): Promise<CaseRow> => {
    const submitted = await submitReport(
      contextOf(),
      subject.files,
      {
        serviceCode: 'pothole-report',
        description: '機車道有坑洞。',
        formData: { location: '高雄市苓雅區', size: 'medium' },
        showName: false,
        lang: 'zh-TW',
        channel: 'web',
        ...input,
      },
      Array.from({ length: options.photos ?? 0 }, () => jpeg),
    );
    // A report from an address that has not confirmed waits; the tests publish it as the link would.
    if (options.isPublished !== false && submitted.publishedAt === null)
      await subject.database.db
        .update(fieldReports)
        .set({ publishedAt: subject.clock.now(), confirmTokenHash: null })
        .where(eq(fieldReports.caseId, submitted.row.id));
    subject.clock.advance(60 * 60 * 1000);
    return submitted.row;
  };
  const photoIdsOf = async (caseId: string, role = 'report') =>
    (
      await subject.database.db
        .select({ id: reportPhotos.id })
        .from(reportPhotos)
        .where(sql`${reportPhotos.caseId} = ${caseId} and ${reportPhotos.role} = ${role}`)
        .orderBy(reportPhotos.position)
    ).map((row) => row.id);

  before(async () => {
    subject = await buildTestApp({ environment: { PUBLIC_BASE_URL: 'https://onewindow.example.tw' } });
    const stored = await subject.files.put(await noisyJpeg(400, 300));
    jpeg = { ...stored, mediaType: 'image/jpeg', fileName: 'IMG_0001.jpg' };

    // 25 older reports in Zuoying, one a day from 1 February 2026, to page through.
    subject.clock.current = new Date('2026-02-01T02:00:00Z');
    for (let index = 0; index < 25; index += 1) {
      fillers.push(
        await report({
          serviceCode: 'street-light-repair',
          formData: { location: '左營區', problem: 'out' },
          latitude: 22.6869 + index * 0.0003,
          longitude: 120.3077,
        }),
      );
      subject.clock.advance(day);
    }

    subject.clock.current = new Date('2026-03-02T02:00:00Z');
    first = await report(
      {
        latitude: secret.lat,
        longitude: secret.lon,
        address: secret.address,
        description: secret.description,
        name: secret.name,
        email: secret.email,
        phone: secret.phone,
        formData: { location: secret.address, size: 'large' },
      },
      { photos: 2 },
    );
    [firstShownPhoto = '', firstHiddenPhoto = ''] = await photoIdsOf(first.id);
    await subject.database.db
      .update(reportPhotos)
      .set({ hiddenAt: subject.clock.now(), hiddenReason: '拍到路人的臉' })
      .where(eq(reportPhotos.id, firstHiddenPhoto));

    named = await report({
      serviceCode: 'street-light-repair',
      formData: { location: '鳳山區', problem: 'out' },
      latitude: 22.6276,
      longitude: 120.3594,
      name: '陳大文',
      email: 'chen.dawen@example.tw',
      phone: '0987654321',
      showName: true,
    });
    unpublished = await report(
      {
        latitude: secret.lat,
        longitude: secret.lon,
        name: '林美麗',
        email: 'lin.meili@example.tw',
      },
      { photos: 1, isPublished: false },
    );
    [unpublishedPhoto = ''] = await photoIdsOf(unpublished.id);
    addressOnly = await report({
      serviceCode: 'park-facility-damage',
      formData: { 'park-name': '中央公園', location: '左營區蓮池潭', facility: 'bench' },
      districtCode: zuoying,
      address: '蓮池潭旁公園',
    });
    fixed = await report(
      { latitude: 22.6204, longitude: 120.3124, name: secret.name, phone: secret.phone },
      { photos: 1 },
    );

    // A crew of the unit that received it dispatches it and marks it fixed with an after-photo, writing a
    // note for the reporter that names them.
    const crew = await aStaffMember(subject.database.db, {
      role: 'handler',
      unitCode: fixed.unitCode,
      displayName: '養工處李組長',
    });
    crewName = crew.displayName;
    const actor: CaseActor = {
      kind: 'staff',
      id: crew.id,
      displayName: crew.displayName,
      email: crew.email,
      role: crew.role,
      unitCode: crew.unitCode,
    };
    const dispatched = await transitionCase(
      contextOf(),
      { caseId: fixed.id, expectedVersion: fixed.version, event: 'dispatch', input: {} },
      actor,
    );
    subject.clock.advance(2 * 60 * 60 * 1000);
    const [after] = await checkedPhotos(
      subject.files,
      [
        {
          ...(await subject.files.put(await noisyJpeg(320, 240))),
          mediaType: 'image/jpeg',
          fileName: 'after.jpg',
        },
      ],
      'zh-TW',
    );
    await transitionCase(
      contextOf(),
      {
        caseId: fixed.id,
        expectedVersion: dispatched.version,
        event: 'mark_fixed',
        input: {
          resolution: '已用瀝青填平坑洞。',
          publicNote: `${secret.name}先生您好，坑洞已修復，有問題請回電 ${secret.phone}。`,
        },
      },
      actor,
      {
        inTransaction: async (tx, updated) => {
          if (after === undefined) throw new Error('the after-photo was refused');
          await addReportPhoto(
            tx,
            subject.files,
            after,
            { caseId: updated.id, role: 'fix', position: 1, staffId: crew.id },
            subject.clock.now(),
          );
        },
      },
    );
    [fixPhoto = ''] = await photoIdsOf(fixed.id, 'fix');
  });
  after(() => subject.app.close());

  /** Every case number on a page of the list, in order. */
  const listed = (html: string) => [...html.matchAll(/data-case-number="([^"]+)"/g)].map((match) => match[1]);

  it('groups every state of the field-report workflow once, "open" being exactly its open states', () => {
    const workflow = workflowOf('field_report');
    const grouped = Object.values(statesByGroup).flat();
    assert.deepEqual([...grouped].sort(), [...workflow.states].sort());
    assert.equal(new Set(grouped).size, grouped.length);
    assert.deepEqual([...statesByGroup.open].sort(), [...workflow.openStates].sort());
  });

  it('/reports lists published reports newest first, 20 a page, with previous and next links', async () => {
    const response = await get('/reports');
    assert.equal(response.statusCode, 200);
    const main = mainOf(response.body);
    const newest = [fixed, addressOnly, named, first].map((row) => row.caseNumber);
    const firstPage = listed(main);
    assert.equal(firstPage.length, 20);
    assert.deepEqual(firstPage.slice(0, 4), newest);
    assert.ok(!firstPage.includes(unpublished.caseNumber));
    assert.deepEqual(
      firstPage.slice(4),
      fillers
        .slice(-16)
        .reverse()
        .map((row) => row.caseNumber),
    );
    assert.match(main, /href="\/reports\?page=2" rel="next"/);

    const second = listed(mainOf((await get('/reports?page=2')).body));
    assert.deepEqual(
      second,
      fillers
        .slice(0, 9)
        .reverse()
        .map((row) => row.caseNumber),
    );
    assert.doesNotMatch(mainOf((await get('/reports?page=2')).body), /rel="next"/);
    assert.deepEqual(listed(mainOf((await get('/reports?page=3')).body)), []);
  });

  it('filters by category, state in plain words, district and a date range (民國 or 西元), and says what it ignored', async () => {
    const byCategory = listed(mainOf((await get('/reports?category=park-facility-damage')).body));
    assert.deepEqual(byCategory, [addressOnly.caseNumber]);

    const fixedOnly = mainOf((await get('/reports?state=fixed')).body);
    assert.deepEqual(listed(fixedOnly), [fixed.caseNumber]);
    assert.match(fixedOnly, /data-status="fixed"/);
    const open = listed(mainOf((await get('/reports?state=open')).body));
    assert.ok(!open.includes(fixed.caseNumber));
    assert.ok(open.includes(first.caseNumber));

    assert.deepEqual(listed(mainOf((await get(`/reports?district=${lingya}`)).body)), [
      fixed.caseNumber,
      first.caseNumber,
    ]);
    assert.deepEqual(
      listed(mainOf((await get(`/reports?district=${fengshan}&category=street-light-repair`)).body)),
      [named.caseNumber],
    );

    // 2 to 4 February 2026 (Taipei days): three fillers, written as 民國 and as 西元.
    const range = fillers
      .slice(1, 4)
      .reverse()
      .map((row) => row.caseNumber);
    assert.deepEqual(listed(mainOf((await get('/reports?from=115/2/2&to=2026-02-04')).body)), range);
    assert.deepEqual(
      listed(mainOf((await get(`/reports?from=${encodeURIComponent('民國115年2月2日')}&to=115-02-04`)).body)),
      range,
    );

    const ignored = await get('/reports?category=nope&state=broken&district=999&from=yesterday');
    assert.equal(ignored.statusCode, 200);
    const notices = [...mainOf(ignored.body).matchAll(/data-notice="([^"]+)">([^<]*)</g)].map((match) =>
      decode(match[2] ?? ''),
    );
    assert.deepEqual(notices, [
      '沒有「nope」這個類別，已略過這個篩選條件。',
      '處理狀態「broken」不是處理中、已修復或已結案，已略過這個篩選條件。',
      '沒有代碼為「999」的行政區，已略過這個篩選條件。',
      '起始日期看不懂，已略過；請寫成 115/3/2 或 2026-03-02。',
    ]);
    assert.equal(listed(mainOf(ignored.body)).length, 20);

    const english = await get('/en/reports?state=fixed');
    assert.match(english.body, /<title>Reported problems map - /);
    assert.match(mainOf(english.body), />Fixed</);
    assert.match(mainOf(english.body), /data-geojson="\/api\/reports\.geojson\?state=fixed&amp;lang=en"/);
  });

  it('a report’s page shows its category, state, district, village, rounded point, photos and public timeline', async () => {
    const response = await get(`/reports/${first.caseNumber}`);
    assert.equal(response.statusCode, 200);
    const main = decode(mainOf(response.body));
    assert.match(main, new RegExp(`報修案件 ${first.caseNumber}`));
    assert.match(main, /路面坑洞/);
    assert.match(main, /處理中/);
    assert.match(main, /苓雅區/);
    assert.match(main, /晴朗里/);
    assert.match(main, /data-point="22\.6203,120\.3125"/);
    assert.match(main, /約在北緯 22\.6203、東經 120\.3125/);
    assert.match(main, new RegExp(`/reports/${first.caseNumber}/photos/${firstShownPhoto}/thumb\\.jpg`));
    assert.doesNotMatch(main, new RegExp(firstHiddenPhoto));
    assert.match(main, /有 1 張照片因可能拍到人臉或車牌而隱藏。/);
    assert.deepEqual(
      [...main.matchAll(/data-kind="([^"]+)"/g)].map((match) => match[1]),
      ['created'],
    );
    assert.equal(metaContent(response.body, 'DC.Identifier')?.endsWith(`report-${first.caseNumber}`), true);
  });

  it('a fixed report shows the after-photo and what was done; the note to the reporter loses their name and phone', async () => {
    const main = decode(mainOf((await get(`/reports/${fixed.caseNumber}`)).body));
    assert.match(main, /已修復/);
    assert.match(
      main,
      new RegExp(`id="fix-photos"[\\s\\S]*/reports/${fixed.caseNumber}/photos/${fixPhoto}/thumb\\.jpg`),
    );
    assert.match(main, /已用瀝青填平坑洞。/);
    assert.deepEqual(
      [...main.matchAll(/data-kind="([^"]+)"/g)].map((match) => match[1]),
      ['created', 'dispatch', 'mark_fixed'],
    );
    assert.match(main, /說明：（已遮蔽）先生您好，坑洞已修復，有問題請回電 （已遮蔽）。/);
    assert.ok(!main.includes(crewName), 'no staff name');
    assert.ok(!main.includes(secret.name));
    assert.ok(!main.includes(secret.phone));
  });

  it('shows the reporter’s name only when they chose to, and only on that report’s page', async () => {
    const main = decode(mainOf((await get(`/reports/${named.caseNumber}`)).body));
    assert.match(main, /通報人<\/dt>\s*<dd class="govuk-summary-list__value">陳大文/);
    assert.ok(!main.includes('chen.dawen@example.tw'));
    assert.ok(!main.includes('0987654321'));
    assert.doesNotMatch(decode(mainOf((await get(`/reports/${first.caseNumber}`)).body)), /通報人<\/dt>/);
  });

  it('answers 404 for an unknown, malformed or unpublished report number', async () => {
    for (const path of [
      '/reports/1150302-9999',
      '/reports/nope',
      `/reports/${unpublished.caseNumber}`,
      `/en/reports/${unpublished.caseNumber}`,
    ]) {
      const response = await get(path);
      assert.equal(response.statusCode, 404, path);
      assert.ok(!response.body.includes('林美麗'));
    }
    assert.match((await get(`/reports/${unpublished.caseNumber}`)).body, /<title>找不到這個頁面 - /);
  });

  it('streams a photo’s public copy and thumbnail from the file store with a long-lived ETag; hidden or unpublished photos are 404', async () => {
    const [row] = await subject.database.db
      .select()
      .from(reportPhotos)
      .where(eq(reportPhotos.id, firstShownPhoto));
    assert.ok(row);
    for (const [size, sha] of [
      ['public', row.publicSha256],
      ['thumb', row.thumbSha256],
    ] as const) {
      const response = await get(`/reports/${first.caseNumber}/photos/${firstShownPhoto}/${size}.jpg`);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'image/jpeg');
      assert.equal(response.headers.etag, `"${sha}"`);
      assert.equal(response.headers['cache-control'], 'public, max-age=3600');
      assert.deepEqual(response.rawPayload, await subject.files.read(sha));
      const again = await get(`/reports/${first.caseNumber}/photos/${firstShownPhoto}/${size}.jpg`, {
        'if-none-match': `"${sha}"`,
      });
      assert.equal(again.statusCode, 304);
    }
    const refused = [
      `/reports/${first.caseNumber}/photos/${firstHiddenPhoto}/public.jpg`,
      `/reports/${first.caseNumber}/photos/${firstHiddenPhoto}/thumb.jpg`,
      `/reports/${unpublished.caseNumber}/photos/${unpublishedPhoto}/public.jpg`,
      `/reports/${named.caseNumber}/photos/${firstShownPhoto}/public.jpg`,
      `/reports/${first.caseNumber}/photos/${firstShownPhoto}/original.jpg`,
      `/reports/${first.caseNumber}/photos/not-a-uuid/public.jpg`,
    ];
    for (const path of refused) assert.equal((await get(path)).statusCode, 404, path);
    // The original as sent is staff-only: its bytes are served by no public address.
    assert.notEqual(row.originalSha256, row.publicSha256);
  });

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
      [fixed.caseNumber, first.caseNumber],
    );
    const feature = collection.features[1];
    assert.deepEqual(feature.geometry, { type: 'Point', coordinates: [120.3125, 22.6203] });
    assert.deepEqual(feature.properties, {
      case_number: first.caseNumber,
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
      url: `https://onewindow.example.tw/reports/${first.caseNumber}`,
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
      [[fixed.caseNumber, 'Fixed', `https://onewindow.example.tw/en/reports/${fixed.caseNumber}`]],
    );
    const elsewhere = (await get('/api/reports.geojson?bbox=120.0,22.0,120.1,22.1')).json();
    assert.deepEqual(elsewhere.features, []);
  });

  it('the box selects on the rounded point: a box a hair away from the public point finds nothing', async () => {
    // The exact point is 22.620347, 120.312468; the public one 22.6203, 120.3125. A box around the exact
    // point that excludes the public one must not find the report (or it would narrow it below ~11 m).
    const around = (await get('/api/reports.geojson?bbox=120.31246,22.62034,120.31248,22.62036')).json();
    assert.deepEqual(around.features, []);
    const onPublic = (await get('/api/reports.geojson?bbox=120.3125,22.6203,120.3125,22.6203')).json();
    assert.deepEqual(
      onPublic.features.map((feature: { id: string }) => feature.id),
      [first.caseNumber],
    );
  });

  it('names every mistake in the GeoJSON query at once, in JSON', async () => {
    const response = await get(
      '/api/reports.geojson?bbox=1,2,3&category=nope&state=later&district=1&lang=fr',
    );
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.equal(body.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      body.errors.map((problem: { field: string; code: string }) => `${problem.field}:${problem.code}`),
      ['lang:unknown', 'bbox:malformed', 'category:unknown', 'state:unknown', 'district:unknown'],
    );
    const reversed = (await get('/api/reports.geojson?bbox=120.4,22.6,120.3,22.7')).json();
    assert.deepEqual(
      reversed.errors.map((problem: { code: string }) => problem.code),
      ['out_of_range'],
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
      [fixed, first].map((row) => `https://onewindow.example.tw/reports/${row.caseNumber}`),
    );
    const entry = feed.entry[1];
    assert.equal(entry.title, '路面坑洞：苓雅區（已收件）');
    assert.equal(entry.link[0]['@href'], `https://onewindow.example.tw/reports/${first.caseNumber}`);
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
      [`https://onewindow.example.tw/en/reports/${addressOnly.caseNumber}`],
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
      [...fillers, first, named, addressOnly, fixed].map((row) => row.caseNumber),
    );
    const byNumber = new Map(
      rows.map((row) => [
        row[0],
        Object.fromEntries(csvColumns.map((column, index) => [column, row[index]])),
      ]),
    );
    assert.deepEqual(byNumber.get(first.caseNumber), {
      case_number: first.caseNumber,
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
      url: `https://onewindow.example.tw/reports/${first.caseNumber}`,
    });
    assert.equal(byNumber.get(addressOnly.caseNumber)?.latitude, '');
    assert.equal(byNumber.get(addressOnly.caseNumber)?.district_code, zuoying);
    assert.equal(byNumber.get(fixed.caseNumber)?.status, 'fixed');
    assert.match(byNumber.get(fixed.caseNumber)?.fixed_at ?? '', /\+08:00$/);
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
      [...fillers, first, named, addressOnly, fixed].map((row) => row.caseNumber),
    );
    const byId = new Map(collection.features.map((feature: { id: string }) => [feature.id, feature]));
    assert.equal((byId.get(addressOnly.caseNumber) as { geometry: unknown }).geometry, null);
    assert.deepEqual((byId.get(first.caseNumber) as { geometry: unknown }).geometry, {
      type: 'Point',
      coordinates: [120.3125, 22.6203],
    });
  });

  it('the exports page through the set by keyset, ties in time by id, and the CSV is written a batch at a time', async () => {
    const { db } = subject.database;
    // Three reports received at the same instant: keyset paging must neither repeat nor skip one.
    const instant = new Date('2026-01-15T04:00:00Z');
    const tied: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      subject.clock.current = new Date(instant);
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
    assert.ok(!all.includes(unpublished.caseNumber));

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
    const [found] = await listPublicReports(subject.database.db, {}, pageWindow(1, 1));
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
      await publicVocabulary(subject.database.db),
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
    for (const [path, words] of [
      ['/open-data/reports', ['開放資料：報修案件', '政府資料開放授權條款－第1版', '即時']],
      [
        '/en/open-data/reports',
        ['Open data: reported problems', 'Open Government Data License, version 1.0', 'Live'],
      ],
    ] as const) {
      const response = await get(path);
      assert.equal(response.statusCode, 200);
      const main = decode(mainOf(response.body));
      for (const word of words) assert.ok(main.includes(word), `${path}: ${word}`);
      for (const href of [
        '/open-data/reports.csv',
        '/open-data/reports.geojson',
        '/api/reports.geojson?bbox=',
        'https://data.gov.tw/license',
      ])
        assert.ok(main.includes(`href="${href}`), `${path}: ${href}`);
      for (const column of csvColumns) assert.ok(main.includes(`>${column}<`), `${path}: ${column}`);
    }
  });

  it('no public page, feed or export carries the reporter’s name, e-mail, phone, address, description or exact point', async () => {
    const paths = [
      '/reports',
      '/en/reports',
      '/reports?page=2',
      `/reports/${first.caseNumber}`,
      `/en/reports/${first.caseNumber}`,
      `/reports/${fixed.caseNumber}`,
      `/reports/${named.caseNumber}`,
      `/reports/${addressOnly.caseNumber}`,
      '/reports/feed.atom',
      `/reports/feed.atom?district=${lingya}`,
      '/en/reports/feed.atom',
      '/api/reports.geojson',
      '/api/reports.geojson?lang=en',
      '/open-data/reports.csv',
      '/open-data/reports.geojson',
      '/open-data/reports',
    ];
    const forbidden = [
      secret.name,
      `${secret.name.slice(0, 1)}先生`,
      secret.email,
      secret.phone,
      '0912-345-678',
      secret.address,
      '和平一路',
      secret.description,
      String(secret.lat),
      String(secret.lon),
      '林美麗',
      'lin.meili@example.tw',
      'chen.dawen@example.tw',
      '0987654321',
      '蓮池潭',
      crewName,
    ];
    for (const path of paths) {
      const response = await get(path);
      assert.equal(response.statusCode, 200, path);
      const body = decode(response.body);
      for (const word of forbidden) assert.ok(!body.includes(word), `${path} contains “${word}”`);
      // A name shown by choice appears on its own page only.
      if (path !== `/reports/${named.caseNumber}`)
        assert.ok(!body.includes('陳大文'), `${path} names 陳大文`);
      // Coordinates: never more than 4 decimals.
      assert.doesNotMatch(body, /\b(?:22|120)\.\d{5,}/, path);
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
    const submitted = await submitReport(
      {
        db,
        now: subject.clock.now(),
        lang: 'zh-TW',
        calendarRegion: subject.config.calendarRegion,
        reopenDays: subject.config.caseReopenDays,
        publicBaseUrl: subject.config.publicBaseUrl,
        jobs: subject.jobs,
      },
      subject.files,
      {
        serviceCode: 'pothole-report',
        latitude: 22.62,
        longitude: 120.3,
        description: '坑洞',
        formData: { location: '高雄市', size: 'small' },
        showName: false,
        lang: 'zh-TW',
        channel: 'web',
      },
      [],
    );
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
       where id = ${submitted.row.id}`);
    await db.execute(sql`
      insert into field_reports (case_id, published_at)
      select id, received_at from cases where case_number like '1140101-%'`);

    const wide = (
      await subject.app.inject({ method: 'GET', url: '/api/reports.geojson?bbox=120.2,22.5,120.4,22.9' })
    ).json();
    assert.equal(wide.truncated, true);
    assert.equal(wide.features.length, 2000);
    assert.equal(wide.features[0].id, submitted.row.caseNumber);
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
