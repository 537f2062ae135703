import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import type { CaseRow } from '../../src/modules/cases/index.ts';
import { type SubmitReportInput, submitReport } from '../../src/modules/reports/report-intake.ts';
import { fieldReports } from '../../src/modules/reports/reports-schema.ts';
import { noisyJpeg } from '../../src/platform/images/photo-test-support.ts';
import { browserOrSkip, expectNoAxeViolations, expectNoSidewaysScrolling } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';
import { testCasesContext } from '../helpers/cases-context.ts';
import { startTileServer } from '../helpers/tile-server.ts';

/**
 * The public map and list of photo reports on a phone (390 × 844): markers from the GeoJSON of the box in
 * view on tiles from a local tile server (never the internet), the list and its filters, a marker's popup
 * leading to the report's page; axe on both pages.
 */

// A tile server of our own: every tile is the same light square, and each request is counted.
const tileServer = await startTileServer();

const server = await startBrowserTestServer({
  environment: {
    MAP_TILE_URL: tileServer.url,
    // A link among words, as the real attribution has (axe: links distinguishable without colour).
    MAP_TILE_ATTRIBUTION: '<a href="https://example.org/">測試底圖</a> © 測試單位',
  },
});

const phone = { width: 390, height: 844 };

/** Three potholes near City Hall, a street light in Fengshan, a park bench in Zuoying, one not yet public. */
const reports: Record<'hall1' | 'hall2' | 'hall3' | 'fengshan' | 'zuoying' | 'hidden', CaseRow> = {} as never;

before(async () => {
  const jpeg = await server.files.put(await noisyJpeg(640, 480));
  const submit = async (input: Partial<SubmitReportInput>, isPublished = true) => {
    const submitted = await submitReport(
      testCasesContext(server),
      server.files,
      {
        serviceCode: 'pothole-report',
        description: '機車道有坑洞。',
        formData: { location: '高雄市', size: 'medium' },
        showName: false,
        lang: 'zh-TW',
        channel: 'web',
        ...input,
      },
      [{ ...jpeg, mediaType: 'image/jpeg', fileName: 'IMG_0001.jpg' }],
    );
    if (isPublished && submitted.publishedAt === null)
      await server.database.db
        .update(fieldReports)
        .set({ publishedAt: server.clock.now() })
        .where(eq(fieldReports.caseId, submitted.row.id));
    server.clock.advance(60 * 60 * 1000);
    return submitted.row;
  };
  reports.hall1 = await submit({ latitude: 22.6203, longitude: 120.312 });
  reports.hall2 = await submit({ latitude: 22.6206, longitude: 120.3124 });
  reports.hall3 = await submit({ latitude: 22.6199, longitude: 120.3117 });
  reports.fengshan = await submit({
    serviceCode: 'street-light-repair',
    formData: { location: '鳳山區', problem: 'out' },
    latitude: 22.6276,
    longitude: 120.3594,
  });
  reports.zuoying = await submit({
    serviceCode: 'park-facility-damage',
    formData: { 'park-name': '蓮池潭公園', location: '左營區', facility: 'bench' },
    latitude: 22.6869,
    longitude: 120.3077,
  });
  reports.hidden = await submit(
    { latitude: 22.65, longitude: 120.33, email: 'not.yet@example.tw', name: '林美麗' },
    false,
  );
});

/** Waits until the map has drawn the reports of the box in view; returns how many it drew. */
async function markersLoaded(page: Page): Promise<number> {
  await page.waitForFunction(
    () => document.querySelector('#report-map')?.getAttribute('data-loaded') !== null,
  );
  return Number(await page.getAttribute('#report-map', 'data-loaded'));
}

/**
 * A phone-sized page opened at `path`: under the Content-Security-Policy with its messages collected into
 * `policy`, or (`'axe'`) a page for axe, which bypasses the policy.
 */
async function phonePage(browser: Browser, path: string, policy: string[] | 'axe'): Promise<Page> {
  const page =
    policy === 'axe' ? await server.publicAxePage(browser) : await server.newPolicyPage(browser, policy);
  await page.setViewportSize(phone);
  await page.goto(`${server.baseUrl}${path}`);
  return page;
}

describe('the public map of photo reports, on a phone', () => {
  it('shows the published reports as markers on the configured tiles, under the policy, with the list below', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const violations: string[] = [];
    const tilesBefore = tileServer.requests;
    const page = await phonePage(browser, '/reports', violations);
    assert.equal(await markersLoaded(page), 5);
    // Close reports gather in a cluster; the others are markers of their own.
    await page.waitForSelector('#report-map .marker-cluster');
    assert.ok((await page.locator('#report-map .ow-map-marker-icon').count()) >= 1);
    assert.match((await page.textContent('#report-map-status')) ?? '', /地圖上顯示 5 件/);
    // The tiles came from the tile server, which the page's policy let through.
    await page.waitForFunction(
      () => document.querySelectorAll('#report-map .leaflet-tile-loaded').length > 0,
    );
    assert.ok(tileServer.requests > tilesBefore, 'tiles were requested from the configured server');
    assert.match((await page.textContent('#report-map .leaflet-control-attribution')) ?? '', /測試底圖/);
    assert.deepEqual(violations, []);

    const listed = await page
      .locator('.ow-report-list__item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-case-number')));
    assert.deepEqual(
      listed,
      [reports.zuoying, reports.fengshan, reports.hall3, reports.hall2, reports.hall1].map(
        (row) => row.caseNumber,
      ),
    );
    await expectNoSidewaysScrolling(page, '/reports at 390 px');
  });

  it('filters the list and the map by category with the filters form, and finds a report from its marker', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await phonePage(browser, '/reports', []);
    await markersLoaded(page);
    await page.click('.govuk-details__summary');
    await page.selectOption('#category', 'street-light-repair');
    await page.click('form.ow-report-filters button');
    await page.waitForURL(/\/reports\?category=street-light-repair&/);
    assert.equal(await markersLoaded(page), 1);
    assert.deepEqual(
      await page
        .locator('.ow-report-list__item')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-case-number'))),
      [reports.fengshan.caseNumber],
    );

    // The marker is a button with the report in words; its popup links to the report's page.
    const marker = page.locator('#report-map .ow-map-marker-icon', { hasText: reports.fengshan.caseNumber });
    assert.equal(await marker.getAttribute('role'), 'button');
    await marker.click();
    const link = page.locator('#report-map .leaflet-popup-content a');
    assert.match((await link.textContent()) ?? '', /路燈/);
    // The map moves with the popup open (dragged here; opening a popup near an edge pans the map too) and
    // the markers of the new view are loaded: the popup stays open, its link still there to tap.
    const loadsBefore = Number(await page.getAttribute('#report-map', 'data-loads'));
    const map = await page.locator('#report-map').boundingBox();
    assert.ok(map !== null);
    const from = { x: map.x + map.width * 0.15, y: map.y + map.height * 0.85 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y - 20, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(
      (before) => Number(document.querySelector('#report-map')?.getAttribute('data-loads')) > before,
      loadsBefore,
    );
    // A closed popup fades out (its element stays 200 ms with its opacity set to 0): still open means shown.
    assert.equal(await link.count(), 1, 'the popup is still there after the markers were loaded again');
    assert.notEqual(
      await page
        .locator('#report-map .leaflet-popup')
        .evaluate((popup) => (popup as HTMLElement).style.opacity),
      '0',
      'the popup is still open after the markers were loaded again',
    );
    await link.click();
    await page.waitForURL(new RegExp(`/reports/${reports.fengshan.caseNumber}$`));
    assert.match((await page.textContent('h1')) ?? '', new RegExp(reports.fengshan.caseNumber));
  });

  it('map and list: axe finds no WCAG 2.1 AA violations with the markers, a cluster and an open popup', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await phonePage(browser, '/reports', 'axe');
    await markersLoaded(page);
    await page.waitForSelector('#report-map .marker-cluster');
    await expectNoAxeViolations(page, '/reports with its map');
    await page.locator('#report-map .ow-map-marker-icon').first().click();
    await page.waitForSelector('#report-map .leaflet-popup-content a');
    await expectNoAxeViolations(page, '/reports with a popup open');
    await page.goto(`${server.baseUrl}/en/reports?state=open&from=2020-01-01`);
    await markersLoaded(page);
    await expectNoAxeViolations(page, '/en/reports filtered');
    await page.close();
  });

  it('a report’s page: its photo, its place on a small map, and no axe violations', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const violations: string[] = [];
    const page = await phonePage(browser, `/reports/${reports.hall1.caseNumber}`, violations);
    await page.waitForSelector('#report-place-map .ow-map-marker-icon');
    const photo = page.locator('#report-photos img').first();
    await photo.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('#report-photos img');
      return image?.complete === true && image.naturalWidth > 0;
    });
    assert.equal(await photo.evaluate((image: HTMLImageElement) => image.naturalWidth), 320);
    assert.deepEqual(violations, []);
    await expectNoSidewaysScrolling(page, 'a report at 390 px');

    const axePage = await phonePage(browser, `/reports/${reports.hall1.caseNumber}`, 'axe');
    await axePage.waitForSelector('#report-place-map .ow-map-marker-icon');
    await expectNoAxeViolations(axePage, 'a report’s page');
    await axePage.close();

    const hidden = await page.goto(`${server.baseUrl}/reports/${reports.hidden.caseNumber}`);
    assert.equal(hidden?.status(), 404);
  });
});
