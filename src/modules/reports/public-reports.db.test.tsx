import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { decode, mainOf, metaContent } from '../../../test/helpers/html.ts';
import { workflowOf } from '../cases/index.ts';
import { statesByGroup } from './public-report-filters.ts';
import { fengshan, lingya, secret, seededPublicReports } from './public-reports-test-support.ts';
import { reportPhotos } from './reports-schema.ts';

/**
 * The public pages of the photo reports through the app: the list and its filters, one report's page and
 * its photos — and, across every public page, feed and export, that a reporter's name (unless they chose to
 * show it), e-mail, phone, address, description and exact point never appear. The feeds and exports
 * themselves: public-report-feeds.db.test.tsx.
 */

describe('photo reports, the public side: the list, a report’s page, photos, and no personal data anywhere', () => {
  const site = seededPublicReports();
  const { seed, get } = site;

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
    const newest = [seed.fixed, seed.addressOnly, seed.named, seed.first].map((row) => row.caseNumber);
    const firstPage = listed(main);
    assert.equal(firstPage.length, 20);
    assert.deepEqual(firstPage.slice(0, 4), newest);
    assert.ok(!firstPage.includes(seed.unpublished.caseNumber));
    assert.deepEqual(
      firstPage.slice(4),
      seed.fillers
        .slice(-16)
        .reverse()
        .map((row) => row.caseNumber),
    );
    assert.match(main, /href="\/reports\?page=2" rel="next"/);

    const second = listed(mainOf((await get('/reports?page=2')).body));
    assert.deepEqual(
      second,
      seed.fillers
        .slice(0, 9)
        .reverse()
        .map((row) => row.caseNumber),
    );
    assert.doesNotMatch(mainOf((await get('/reports?page=2')).body), /rel="next"/);
    assert.deepEqual(listed(mainOf((await get('/reports?page=3')).body)), []);
  });

  it('filters by category, state in plain words, district and a date range (民國 or 西元), and says what it ignored', async () => {
    const byCategory = listed(mainOf((await get('/reports?category=park-facility-damage')).body));
    assert.deepEqual(byCategory, [seed.addressOnly.caseNumber]);

    const fixedOnly = mainOf((await get('/reports?state=fixed')).body);
    assert.deepEqual(listed(fixedOnly), [seed.fixed.caseNumber]);
    assert.match(fixedOnly, /data-status="fixed"/);
    const open = listed(mainOf((await get('/reports?state=open')).body));
    assert.ok(!open.includes(seed.fixed.caseNumber));
    assert.ok(open.includes(seed.first.caseNumber));

    assert.deepEqual(listed(mainOf((await get(`/reports?district=${lingya}`)).body)), [
      seed.fixed.caseNumber,
      seed.first.caseNumber,
    ]);
    assert.deepEqual(
      listed(mainOf((await get(`/reports?district=${fengshan}&category=street-light-repair`)).body)),
      [seed.named.caseNumber],
    );

    // 2 to 4 February 2026 (Taipei days): three fillers, written as 民國 and as 西元.
    const range = seed.fillers
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
    const response = await get(`/reports/${seed.first.caseNumber}`);
    assert.equal(response.statusCode, 200);
    const main = decode(mainOf(response.body));
    assert.match(main, new RegExp(`報修案件 ${seed.first.caseNumber}`));
    assert.match(main, /路面坑洞/);
    assert.match(main, /處理中/);
    assert.match(main, /苓雅區/);
    assert.match(main, /晴朗里/);
    assert.match(main, /data-point="22\.6203,120\.3125"/);
    assert.match(main, /約在北緯 22\.6203、東經 120\.3125/);
    assert.match(
      main,
      new RegExp(`/reports/${seed.first.caseNumber}/photos/${seed.firstShownPhoto}/thumb\\.jpg`),
    );
    assert.doesNotMatch(main, new RegExp(seed.firstHiddenPhoto));
    assert.match(main, /有 1 張照片因可能拍到人臉或車牌而隱藏。/);
    assert.deepEqual(
      [...main.matchAll(/data-kind="([^"]+)"/g)].map((match) => match[1]),
      ['created'],
    );
    assert.equal(
      metaContent(response.body, 'DC.Identifier')?.endsWith(`report-${seed.first.caseNumber}`),
      true,
    );
  });

  it('a fixed report shows the after-photo and what was done; the note to the reporter loses their name and phone', async () => {
    const main = decode(mainOf((await get(`/reports/${seed.fixed.caseNumber}`)).body));
    assert.match(main, /已修復/);
    assert.match(
      main,
      new RegExp(
        `id="fix-photos"[\\s\\S]*/reports/${seed.fixed.caseNumber}/photos/${seed.fixPhoto}/thumb\\.jpg`,
      ),
    );
    assert.match(main, /已用瀝青填平坑洞。/);
    assert.deepEqual(
      [...main.matchAll(/data-kind="([^"]+)"/g)].map((match) => match[1]),
      ['created', 'dispatch', 'mark_fixed'],
    );
    assert.match(main, /說明：（已遮蔽）先生您好，坑洞已修復，有問題請回電 （已遮蔽）。/);
    assert.ok(!main.includes(seed.crewName), 'no staff name');
    assert.ok(!main.includes(secret.name));
    assert.ok(!main.includes(secret.phone));
  });

  it('shows the reporter’s name only when they chose to, and only on that report’s page', async () => {
    const main = decode(mainOf((await get(`/reports/${seed.named.caseNumber}`)).body));
    assert.match(main, /通報人<\/dt>\s*<dd class="govuk-summary-list__value">陳大文/);
    assert.ok(!main.includes('chen.dawen@example.tw'));
    assert.ok(!main.includes('0987654321'));
    assert.doesNotMatch(
      decode(mainOf((await get(`/reports/${seed.first.caseNumber}`)).body)),
      /通報人<\/dt>/,
    );
  });

  it('answers 404 for an unknown, malformed or unpublished report number', async () => {
    for (const path of [
      '/reports/1150302-9999',
      '/reports/nope',
      `/reports/${seed.unpublished.caseNumber}`,
      `/en/reports/${seed.unpublished.caseNumber}`,
    ]) {
      const response = await get(path);
      assert.equal(response.statusCode, 404, path);
      assert.ok(!response.body.includes('林美麗'));
    }
    assert.match((await get(`/reports/${seed.unpublished.caseNumber}`)).body, /<title>找不到這個頁面 - /);
  });

  it('streams a photo’s public copy and thumbnail from the file store with a long-lived ETag; hidden or unpublished photos are 404', async () => {
    const [row] = await site.subject.database.db
      .select()
      .from(reportPhotos)
      .where(eq(reportPhotos.id, seed.firstShownPhoto));
    assert.ok(row);
    for (const [size, sha] of [
      ['public', row.publicSha256],
      ['thumb', row.thumbSha256],
    ] as const) {
      const response = await get(
        `/reports/${seed.first.caseNumber}/photos/${seed.firstShownPhoto}/${size}.jpg`,
      );
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'image/jpeg');
      assert.equal(response.headers.etag, `"${sha}"`);
      assert.equal(response.headers['cache-control'], 'public, max-age=3600');
      assert.deepEqual(response.rawPayload, await site.subject.files.read(sha));
      const again = await get(
        `/reports/${seed.first.caseNumber}/photos/${seed.firstShownPhoto}/${size}.jpg`,
        {
          'if-none-match': `"${sha}"`,
        },
      );
      assert.equal(again.statusCode, 304);
    }
    const refused = [
      `/reports/${seed.first.caseNumber}/photos/${seed.firstHiddenPhoto}/public.jpg`,
      `/reports/${seed.first.caseNumber}/photos/${seed.firstHiddenPhoto}/thumb.jpg`,
      `/reports/${seed.unpublished.caseNumber}/photos/${seed.unpublishedPhoto}/public.jpg`,
      `/reports/${seed.named.caseNumber}/photos/${seed.firstShownPhoto}/public.jpg`,
      `/reports/${seed.first.caseNumber}/photos/${seed.firstShownPhoto}/original.jpg`,
      `/reports/${seed.first.caseNumber}/photos/not-a-uuid/public.jpg`,
    ];
    for (const path of refused) assert.equal((await get(path)).statusCode, 404, path);
    // The original as sent is staff-only: its bytes are served by no public address.
    assert.notEqual(row.originalSha256, row.publicSha256);
  });

  it('no public page, feed or export carries the reporter’s name, e-mail, phone, address, description or exact point', async () => {
    const paths = [
      '/reports',
      '/en/reports',
      '/reports?page=2',
      `/reports/${seed.first.caseNumber}`,
      `/en/reports/${seed.first.caseNumber}`,
      `/reports/${seed.fixed.caseNumber}`,
      `/reports/${seed.named.caseNumber}`,
      `/reports/${seed.addressOnly.caseNumber}`,
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
      seed.crewName,
    ];
    for (const path of paths) {
      const response = await get(path);
      assert.equal(response.statusCode, 200, path);
      const body = decode(response.body);
      for (const word of forbidden) assert.ok(!body.includes(word), `${path} contains “${word}”`);
      // A name shown by choice appears on its own page only.
      if (path !== `/reports/${seed.named.caseNumber}`)
        assert.ok(!body.includes('陳大文'), `${path} names 陳大文`);
      // Coordinates: never more than 4 decimals.
      assert.doesNotMatch(body, /\b(?:22|120)\.\d{5,}/, path);
    }
  });
});
