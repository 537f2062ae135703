import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { cases } from '../../src/modules/cases/index.ts';
import { submitPotholeWithPhoto } from '../../src/modules/reports/report-intake-test-support.ts';
import { photosOf } from '../../src/modules/reports/report-queries.ts';
import { noisyJpeg } from '../../src/platform/images/photo-test-support.ts';
import {
  browserOrSkip,
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  expectNoSidewaysScrolling,
  problemsAfterSubmitting,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

/**
 * A crew member on a phone (390 × 844): signs in, finds the new pothole report on the crew page (its map
 * and its list), sorts by distance from where they stand, takes the report, sends the mark-fixed form empty
 * (both problems listed), then with an after-photo and a note: the report is fixed. axe on the crew page,
 * the form and the form with its errors. Tiles come from this site (a local image): nothing leaves the machine.
 */
const server = await startBrowserTestServer({
  environment: { MAP_TILE_URL: '/assets/favicon.svg?tile={z}/{x}/{y}' },
});

/** 苓雅區, near the city hall; the crew member stands about 200 m south of it. */
const reported = { lat: 22.6203, lon: 120.312 };
const standing = { latitude: 22.6185, longitude: 120.312 };
let caseNumber = '';
let caseId = '';

before(async () => {
  const report = await submitPotholeWithPhoto(server, reported, {
    address: '四維三路 2 號前',
    email: 'crew-browser-reporter@example.tw',
  });
  caseNumber = report.caseNumber;
  caseId = report.id;
});

describe('the field crews’ page on a phone', () => {
  it('the crew page and its map under the Content-Security-Policy: nothing refused', async (context) => {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const policyViolations: string[] = [];
    const page = await server.staffPage(
      browser,
      { role: 'supervisor', unitCode: 'road-maintenance' },
      '/staff/crew',
      {
        policyViolations,
      },
    );
    try {
      await page.waitForSelector('#crew-map.leaflet-container .leaflet-tile-loaded');
      await page.waitForSelector('#crew-map .leaflet-marker-icon');
      assert.deepEqual(policyViolations, []);
    } finally {
      await page.context().close();
    }
  });

  it('a crew member takes a report and marks it fixed with an after-photo: no WCAG 2.1 AA violations', async (context) => {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const page = await server.staffPage(
      browser,
      { role: 'handler', unitCode: 'road-maintenance' },
      '/staff/crew',
    );
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      const item = page.locator(`li[data-case-number="${caseNumber}"]`);
      assert.match((await item.textContent()) ?? '', /路面坑洞.*四維三路 2 號前.*待認領/s);
      assert.equal(await item.locator('img').getAttribute('alt'), `通報 ${caseNumber} 的照片`);
      await page.waitForSelector('#crew-map.leaflet-container .leaflet-marker-icon');
      assert.equal(
        await page.getAttribute('#crew-map', 'data-loaded'),
        '1',
        'the map shows the listed report',
      );
      await expectNoSidewaysScrolling(page, 'the crew page at 390 px');
      await expectNoAxeViolations(page, 'the crew page');

      // "Sort by distance from me": the browser's position becomes the list's order.
      await page.context().grantPermissions(['geolocation']);
      await page.context().setGeolocation(standing);
      await page.click('button[data-module="ow-crew-locate"]');
      await page.waitForURL(/\/staff\/crew\?lat=22\.618500&lon=120\.312000$/);
      assert.match((await item.locator('[data-field="distance"]').textContent()) ?? '', /距離 (19\d|20\d) m/);

      await item.getByRole('button', { name: /^認領並前往\s*（通報 \d{7}-\d{4}）$/ }).click();
      await page.waitForURL(/done=taken/);
      assert.match((await page.textContent('#crew-done')) ?? '', new RegExp(`您已認領通報 ${caseNumber}`));
      await expectNoAxeViolations(page, 'the crew page after taking a report');

      await item.getByRole('link', { name: /^標記已修復\s*（通報 \d{7}-\d{4}）$/ }).click();
      await page.waitForURL(new RegExp(`/staff/crew/${caseNumber}/fixed$`));
      await expectNoSidewaysScrolling(page, 'the mark-fixed form at 390 px');
      await expectNoAxeViolations(page, 'the mark-fixed form');

      assert.deepEqual(await problemsAfterSubmitting(page, 'main form button[type="submit"]'), [
        '修復後照片：請附上至少一張修復後照片。',
        '處理情形：請簡述處理情形，通報人會收到這段說明。',
      ]);
      await expectFocusedErrorSummary(page);
      await expectNoAxeViolations(page, 'the mark-fixed form with its errors');

      await page.setInputFiles('#photos', {
        name: 'after.jpg',
        mimeType: 'image/jpeg',
        buffer: await noisyJpeg(640, 480),
      });
      await page.fill('#resolution', '已以熱拌瀝青修補坑洞並壓實。');
      await page.click('main form button[type="submit"]');
      await page.waitForURL(/done=fixed/);
      assert.match(
        (await page.textContent('#crew-done')) ?? '',
        new RegExp(`通報 ${caseNumber} 已標記為已修復`),
      );
      assert.equal(await item.count(), 0, 'fixed: no longer in the list of work');
      await expectNoAxeViolations(page, 'the crew page after marking a report fixed');

      const [row] = await server.database.db.select().from(cases).where(eq(cases.id, caseId));
      assert.equal(row?.state, 'fixed');
      assert.equal(row?.resolution, '已以熱拌瀝青修補坑洞並壓實。');
      const fixPhotos = (await photosOf(server.database.db, caseId)).filter((photo) => photo.role === 'fix');
      assert.equal(fixPhotos.length, 1);
    } finally {
      await page.context().close();
    }
  });
});
