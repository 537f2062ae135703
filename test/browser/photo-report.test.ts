import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { submitPotholeWithPhoto } from '../../src/modules/reports/report-intake-test-support.ts';
import { jpegTakenAt } from '../../src/platform/images/photo-test-support.ts';
import {
  browserOrSkip,
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  expectNoSidewaysScrolling,
  tabUntilFocused,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

/**
 * The citizen's report on a phone (390 × 844): choose a category by keyboard, attach a JPEG whose EXIF
 * places it → the pin and the coordinates move there, the server's duplicate step offers the open report
 * 8 m away, send it anyway, reach the confirmation. axe on the form (also with its errors), the duplicate
 * step and the confirmation; the page under the CSP with its map. Tiles come from this site (a local image),
 * so nothing leaves the machine.
 */
const server = await startBrowserTestServer({
  environment: { MAP_TILE_URL: '/assets/favicon.svg?tile={z}/{x}/{y}' },
});

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** 苓雅區, near the city hall: an open pothole report is here before the test. */
const existing = { lat: 22.62034, lon: 120.31201 };
let existingNumber = '';

before(async () => {
  existingNumber = (await submitPotholeWithPhoto(server, existing)).caseNumber;
});

/** Coordinates as the form's fields hold them (six decimals). */
interface Point {
  lat: string;
  lon: string;
}
const metresPerDegree = 111_320;
const metresNorth = (from: Point, to: Point) => (Number(to.lat) - Number(from.lat)) * metresPerDegree;
const metresEast = (from: Point, to: Point) =>
  (Number(to.lon) - Number(from.lon)) * metresPerDegree * Math.cos((Number(from.lat) * Math.PI) / 180);
/** Six decimals are about 0.1 m: a step is right within 0.25 m. */
function assertMetres(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 0.25, `${what}: moved ${actual.toFixed(2)} m, not ${expected} m`);
}

async function waitForMap(page: Page): Promise<void> {
  await page.waitForSelector('#report-map.leaflet-container');
  await page.waitForSelector('#report-map .leaflet-tile-loaded');
}

describe('reporting a problem on a phone', () => {
  it('category by keyboard, a photo that places the pin, the duplicate step, send anyway, the confirmation: no WCAG 2.1 AA violations', async (context) => {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const page = await server.newAxePage(browser, phone);
    try {
      await page.goto(`${server.baseUrl}/report`);
      await waitForMap(page);
      assert.equal(await page.locator('#report-map-block').isVisible(), true, 'the script shows the map');
      await expectNoSidewaysScrolling(page, 'the form at 390 px');
      await expectNoAxeViolations(page, 'the report form');

      // The categories are radios: Tab reaches the group, the arrow keys choose.
      const values = await page
        .locator('input[name="serviceCode"]')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      const potholeAt = values.indexOf('pothole-report');
      assert.ok(potholeAt >= 0);
      await tabUntilFocused(page, 'serviceCode', 'the first category');
      await page.keyboard.press('Space');
      for (let step = 0; step < potholeAt; step += 1) await page.keyboard.press('ArrowDown');
      assert.equal(await page.locator('input[name="serviceCode"]:checked').inputValue(), 'pothole-report');
      assert.equal(
        await page.locator('.ow-report-questions[data-category="pothole-report"]').isVisible(),
        true,
      );
      assert.equal(
        await page.locator('.ow-report-questions[data-category="street-light-repair"]').isVisible(),
        false,
        'only the chosen category’s questions',
      );

      // A photo taken 8 m north of the open report: the pin and the coordinates move to it.
      const takenAt = { lat: existing.lat + 8 / 111_195, lon: existing.lon };
      await page.setInputFiles('#photos', {
        name: 'IMG_2040.jpg',
        mimeType: 'image/jpeg',
        buffer: await jpegTakenAt(takenAt),
      });
      await page.waitForFunction(
        () => (document.querySelector('#latitude') as HTMLInputElement).value !== '',
      );
      assert.ok(Math.abs(Number(await page.inputValue('#latitude')) - takenAt.lat) < 1e-5);
      assert.ok(Math.abs(Number(await page.inputValue('#longitude')) - takenAt.lon) < 1e-5);
      assert.equal(
        await page.locator('#report-map .leaflet-marker-icon').count(),
        1,
        'the pin is on the map',
      );
      assert.match((await page.textContent('#report-map-status')) ?? '', /已把圖釘移到照片的拍攝位置/);
      // The page mentions the open report nearby before sending (the server asks again).
      await page.waitForSelector('#report-nearby:not([hidden])');
      assert.match((await page.textContent('#report-nearby')) ?? '', /30 公尺內已有 1 件/);

      await page.check('input[name="answer.pothole-report.size"][value="medium"]');
      await page.fill('#description', '人行道旁的機車道有坑洞，下雨後積水。');
      await page.fill('#applicantEmail', 'phone-reporter@example.tw');
      await page.click('#report-form button[type="submit"]');

      await page.waitForSelector('h1:has-text("附近已有人通報")');
      assert.match((await page.textContent('main')) ?? '', new RegExp(existingNumber));
      await expectNoSidewaysScrolling(page, 'the duplicate step at 390 px');
      await expectNoAxeViolations(page, 'the duplicate step');

      // "Mine is different", by keyboard.
      await page.locator('button[value="different"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/report\/sent\/\d{7}-\d{4,6}$/);
      const caseNumber = (await page.textContent('#case-number')) ?? '';
      assert.match(caseNumber, /^\d{7}-\d{4,6}$/);
      assert.notEqual(caseNumber, existingNumber);
      assert.match((await page.textContent('#lookup-code')) ?? '', /^[A-Z2-9]{8}$/);
      assert.match((await page.textContent('#expected-fix')) ?? '', /4 小時內處理/);
      await expectNoSidewaysScrolling(page, 'the confirmation at 390 px');
      await expectNoAxeViolations(page, 'the confirmation');
    } finally {
      await page.context().close();
    }
  });

  for (const [path, title] of [
    ['/report', /^錯誤：報修/],
    ['/en/report', /^Error: Report a problem/],
  ] as const) {
    it(`${path} sent empty: every problem in the focused error summary, no WCAG 2.1 AA violations`, async (context) => {
      const browser = await browserOrSkip(context);
      if (!browser) return;
      const page = await server.publicAxePage(browser);
      try {
        // The narrowest phones still in use: nothing may scroll sideways at 360 px.
        await page.setViewportSize({ width: 360, height: 740 });
        await page.goto(`${server.baseUrl}${path}`);
        await page.click('#report-form button[type="submit"]');
        await page.waitForSelector('.govuk-error-summary');
        assert.match(await page.title(), title);
        await expectFocusedErrorSummary(page);
        const problems = await page.locator('.govuk-error-summary__list a').allTextContents();
        assert.equal(problems.length, 3, problems.join(' | '));
        await expectNoSidewaysScrolling(page, `${path} with errors at 360 px`);
        await expectNoAxeViolations(page, `${path} with errors`);
      } finally {
        await page.close();
      }
    });
  }

  // The pin without a mouse (WCAG 2.1.1): arrow keys on the map put it down, on the pin move it, and the
  // status line says where, in the page's language.
  for (const { path, pinName, said } of [
    {
      path: '/report',
      pinName: /^問題位置的圖釘：可拖曳，或按方向鍵移動/,
      said: (metres: number, way: string, at: Point) =>
        `圖釘已往${{ north: '北', south: '南', east: '東', west: '西' }[way]}移動 ${metres} 公尺，現在位於緯度 ${at.lat}、經度 ${at.lon}。`,
    },
    {
      path: '/en/report',
      pinName: /^Pin marking the problem: drag it, or move it with the arrow keys/,
      said: (metres: number, way: string, at: Point) =>
        `The pin moved ${metres} m ${way}; it is now at latitude ${at.lat}, longitude ${at.lon}.`,
    },
  ]) {
    it(`${path}: the arrow keys place and move the pin (5 m, 50 m with Shift), the coordinates follow and the move is announced: no WCAG 2.1 AA violations`, async (context) => {
      await server.withAxePage(context, async (page) => {
        await page.goto(`${server.baseUrl}${path}`);
        await waitForMap(page);
        const fields = async (): Promise<Point> => ({
          lat: await page.inputValue('#latitude'),
          lon: await page.inputValue('#longitude'),
        });
        const status = async () => (await page.textContent('#report-map-status')) ?? '';
        assert.equal(await page.locator('#report-map-status').getAttribute('aria-live'), 'polite');

        // On the map, with no pin yet: the first press puts the pin at the middle, 5 m north of it.
        await tabUntilFocused(page, 'report-map', 'the map');
        await page.keyboard.press('ArrowUp');
        await page.waitForSelector('#report-pin');
        const placed = await fields();
        assert.notEqual(placed.lat, '');
        assert.equal(await status(), said(5, 'north', placed));
        assert.equal(
          await page.evaluate(() => document.activeElement?.id),
          'report-map',
          'the map keeps focus',
        );

        // Tab reaches the pin, a button named for how to move it.
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'report-pin');
        assert.equal(await page.getByRole('button', { name: pinName }).count(), 1);

        await page.keyboard.press('ArrowRight');
        const east = await fields();
        assert.equal(east.lat, placed.lat, 'east keeps the latitude');
        assertMetres(metresEast(placed, east), 5, 'ArrowRight');
        assert.equal(await status(), said(5, 'east', east));

        await page.keyboard.press('Shift+ArrowDown');
        const south = await fields();
        assert.equal(south.lon, east.lon, 'south keeps the longitude');
        assertMetres(metresNorth(east, south), -50, 'Shift+ArrowDown');
        assert.equal(await status(), said(50, 'south', south));

        await page.keyboard.press('ArrowLeft');
        const west = await fields();
        assertMetres(metresEast(south, west), -5, 'ArrowLeft');
        assert.equal(await status(), said(5, 'west', west));
        assert.equal(
          await page.evaluate(() => document.activeElement?.id),
          'report-pin',
          'the pin keeps focus',
        );
        // The pin on the map is where the fields say.
        const pin = await page.evaluate(() => {
          const box = document.querySelector('#report-pin')?.getBoundingClientRect();
          const map = document.querySelector('#report-map')?.getBoundingClientRect();
          return box && map ? box.bottom > map.top && box.top < map.bottom : false;
        });
        assert.equal(pin, true, 'the map keeps the pin in view');
        await expectNoAxeViolations(page, `${path} with the pin moved by keyboard`);
      });
    });
  }

  it('the form with its map runs under the Content-Security-Policy without a single violation', async (context) => {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const violations: string[] = [];
    const page = await server.newPolicyPage(browser, violations);
    try {
      await page.goto(`${server.baseUrl}/en/report`);
      await waitForMap(page);
      await page.click('#report-map');
      await page.waitForFunction(
        () => (document.querySelector('#latitude') as HTMLInputElement).value !== '',
      );
      assert.equal(await page.locator('#report-map .leaflet-marker-icon').count(), 1);
      assert.match((await page.textContent('#report-map-status')) ?? '', /The pin is now at latitude/);
      assert.deepEqual(violations, []);
    } finally {
      await page.context().close();
    }
  });
});
