import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { cases } from '../../src/modules/cases/index.ts';
import { browserOrSkip } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';
import { startTileServer } from '../helpers/tile-server.ts';

/**
 * The report form when the base map cannot be had: the tile server answers every tile with 404 (a tile
 * service down, a blocked address). The page still takes the report by its place without a map — the address
 * or landmark, the district, the optional coordinates — with the script running (its map left blank) and
 * with JavaScript off (no map at all). Each report reaches its confirmation page, and its case holds the
 * place as typed.
 */

// A tile server that has no tiles: every request is counted and answered 404.
const tileServer = await startTileServer({ hasTiles: false });

const server = await startBrowserTestServer({
  environment: {
    MAP_TILE_URL: tileServer.url,
  },
});

/** 苓雅區 (MOI town code). */
const lingya = '64000080';

/** The case the confirmation page names, with its place as stored. */
async function placeOfCase(caseNumber: string) {
  const [row] = await server.database.db
    .select({
      districtCode: cases.districtCode,
      address: cases.address,
      latitude: cases.latitude,
      longitude: cases.longitude,
      serviceCode: cases.serviceCode,
      unitCode: cases.unitCode,
    })
    .from(cases)
    .where(eq(cases.caseNumber, caseNumber));
  assert.ok(row, `case ${caseNumber} exists`);
  return row;
}

/** A pothole report with the form's own controls (no map): the category, its answer, the description. */
async function fillPothole(page: Page, description: string): Promise<void> {
  await page.check('input[name="serviceCode"][value="pothole-report"]');
  await page.check('input[name="answer.pothole-report.size"][value="medium"]');
  await page.fill('#description', description);
}

/** Sends the form and returns the case number on the confirmation page it lands on. */
async function sendAndReadCaseNumber(page: Page): Promise<string> {
  await page.click('#report-form button[type="submit"]');
  await page.waitForSelector('#case-number, .govuk-error-summary');
  const problems = await page.locator('.govuk-error-summary__list a').allTextContents();
  assert.deepEqual(problems, [], 'the form was refused');
  const caseNumber = (await page.textContent('#case-number')) ?? '';
  assert.match(caseNumber, /^\d{7}-\d{4,6}$/);
  assert.match(page.url(), new RegExp(`/report/sent/${caseNumber}$`));
  return caseNumber;
}

describe('reporting when the map’s tiles cannot load', () => {
  it('every tile answered 404: the map stays blank, and the address and district alone send the report', async (context) => {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const page = await (await server.newContext(browser)).newPage();
    try {
      const before = tileServer.requests;
      await page.goto(`${server.baseUrl}/report`);
      // The script runs and asks for tiles; every one is refused and none is drawn.
      await page.waitForSelector('#report-map.leaflet-container');
      await page.waitForFunction(() => {
        const images = [...document.querySelectorAll('#report-map img.leaflet-tile')];
        return images.length > 0 && images.every((image) => (image as HTMLImageElement).complete);
      });
      assert.ok(tileServer.requests > before, 'the page asked the tile server for tiles');
      assert.equal(await page.locator('#report-map .leaflet-tile-loaded').count(), 0, 'no tile was drawn');

      // The place without the map: visible, labelled fields.
      await expectPlaceFields(page);
      await fillPothole(page, '路口的坑洞，地圖打不開，用地址通報。');
      await page.fill('#address', '四維三路 2 號前（市政府前）');
      await page.selectOption('#districtCode', lingya);
      assert.equal(await page.inputValue('#latitude'), '', 'no pin: no coordinates');
      assert.equal(await page.inputValue('#longitude'), '');

      const caseNumber = await sendAndReadCaseNumber(page);
      assert.deepEqual(await placeOfCase(caseNumber), {
        districtCode: lingya,
        address: '四維三路 2 號前（市政府前）',
        latitude: null,
        longitude: null,
        serviceCode: 'pothole-report',
        unitCode: 'road-maintenance',
      });
    } finally {
      await page.context().close();
    }
  });

  it('with JavaScript off there is no map: the address and district send a report, and so do typed coordinates', async (context) => {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const page = await (await server.newContext(browser, { javaScriptEnabled: false })).newPage();
    try {
      const before = tileServer.requests;
      await page.goto(`${server.baseUrl}/report`);
      assert.equal(await page.locator('#report-map-block').isVisible(), false, 'the map is for the script');
      await expectPlaceFields(page);
      await fillPothole(page, '人行道旁的坑洞，沒有開 JavaScript。');
      await page.fill('#address', '中正一路與四維三路口');
      await page.selectOption('#districtCode', lingya);
      const byAddress = await sendAndReadCaseNumber(page);
      assert.deepEqual(await placeOfCase(byAddress), {
        districtCode: lingya,
        address: '中正一路與四維三路口',
        latitude: null,
        longitude: null,
        serviceCode: 'pothole-report',
        unitCode: 'road-maintenance',
      });

      // The optional coordinates, typed: the district comes from the point (苓雅區, near the city hall).
      await page.goto(`${server.baseUrl}/report`);
      await fillPothole(page, '坑洞，座標是手機地圖上看的。');
      await page.fill('#latitude', '22.620340');
      await page.fill('#longitude', '120.312010');
      const byPoint = await sendAndReadCaseNumber(page);
      const place = await placeOfCase(byPoint);
      assert.equal(place.districtCode, lingya);
      assert.equal(place.address, null);
      assert.ok(Math.abs((place.latitude ?? 0) - 22.62034) < 1e-6, `latitude ${place.latitude}`);
      assert.ok(Math.abs((place.longitude ?? 0) - 120.31201) < 1e-6, `longitude ${place.longitude}`);
      assert.equal(tileServer.requests, before, 'without the script no tile is asked for');
    } finally {
      await page.context().close();
    }
  });
});

/** The address or landmark, the district (Kaohsiung's 38 and a blank) and the two coordinates: shown, labelled. */
async function expectPlaceFields(page: Page): Promise<void> {
  for (const [id, label] of [
    ['address', /地址或地標/],
    ['districtCode', /行政區/],
    ['latitude', /緯度/],
    ['longitude', /經度/],
  ] as const) {
    assert.equal(await page.locator(`#${id}`).isVisible(), true, `#${id} is shown`);
    assert.match((await page.locator(`label[for="${id}"]`).textContent()) ?? '', label);
  }
  assert.equal(await page.locator('#districtCode option').count(), 39);
  assert.equal(
    await page.locator('#districtCode option[value="64000080"]').textContent(),
    '苓雅區',
    'the districts by name',
  );
}
