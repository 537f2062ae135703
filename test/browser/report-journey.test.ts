import assert from 'node:assert/strict';
import { before, describe, it, type TestContext } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { cases } from '../../src/modules/cases/index.ts';
import { submitPotholeWithPhoto } from '../../src/modules/reports/report-intake-test-support.ts';
import { photosOf } from '../../src/modules/reports/report-queries.ts';
import { aStaffMember, type TestStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import { jpegTakenAt, noisyJpeg } from '../../src/platform/images/photo-test-support.ts';
import {
  browserOrSkip,
  expectFocusedErrorSummary,
  expectNoAxeViolations,
  expectNoSidewaysScrolling,
} from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';
import { withEmailDelivery } from '../helpers/notification-delivery.ts';
import type { ReceivedMessage } from '../helpers/smtp-server.ts';
import { startTileServer } from '../helpers/tile-server.ts';
import { waitUntil } from '../helpers/wait-until.ts';

/**
 * Issue 10's journey of a photo report, one report from the phone to the fix and back, through the real
 * pages in Chromium at 390 × 844 with the e-mails going over SMTP to an in-process server:
 *
 * 1. a citizen chooses a category, asks for their location (the pin goes there), attaches a JPEG whose EXIF
 *    was taken elsewhere (the page offers its position; tapped, the pin moves there), drags the pin a little,
 *    sends without a description (the error summary; the choices kept), sends again, is shown the open
 *    report 8 m away, sends anyway and reaches the confirmation;
 * 2. the confirmation e-mail arrives; until its link is followed the report is not on the public map, after
 *    it is;
 * 3. the report on the public map (its marker's popup) and its page (its photo, the rounded point);
 * 4. a crew member on a phone takes it and marks it fixed with an after-photo;
 * 5. the reporter's e-mail arrives with the after-photo attached and the "not fixed" link;
 * 6. the reporter follows that link, says it is not fixed with a photo, and the report reopens: on /track, its
 *    public page and back in the crew's list.
 *
 * axe (WCAG 2.1 AA) on every page on the way: the form (and with its errors), the duplicate step, the
 * confirmation, the e-mail's confirmation page, map and list, the report's page, the crew page and its
 * mark-fixed form, the "not fixed" form and the pages after. The pages run in contexts that bypass the
 * Content-Security-Policy, because axe is injected as an inline script; each page is tested under the policy
 * in its own file (photo-report, public-reports, crew). Tiles come from a tile server of the test's own.
 *
 * The steps share the report: each `it` is one step, in order.
 */

const tileServer = await startTileServer();

const { app: server, smtp } = await withEmailDelivery((environment) =>
  startBrowserTestServer({
    environment: {
      ...environment,
      MAP_TILE_URL: tileServer.url,
      MAP_TILE_ATTRIBUTION: '<a href="https://example.org/">測試底圖</a> © 測試單位',
    },
  }),
);

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const reporterEmail = 'lin.report@example.tw';

/** 苓雅區, near the city hall: an open pothole report is here before the journey. */
const existing = { lat: 22.62034, lon: 120.31201 };
/** Where the citizen stands when they ask for their location: across the road, about 60 m east. */
const standing = { latitude: 22.62034, longitude: 120.31259 };
/** Where the photo was taken: 8 m north of the open report. */
const takenAt = { lat: existing.lat + 8 / 111_195, lon: existing.lon };

/** What the steps pass on. */
const journey = { existingNumber: '', caseNumber: '', lookupCode: '', caseId: '' };
/** The citizen's phone: one page for the whole journey (its cookies are the citizen's). */
let citizen: Page | null = null;
/** The road maintenance office's crew member who takes the report. */
let crewMember: TestStaffMember | null = null;

before(async () => {
  journey.existingNumber = (await submitPotholeWithPhoto(server, existing)).caseNumber;
  crewMember = await aStaffMember(server.database.db, {
    role: 'handler',
    unitCode: 'road-maintenance',
    displayName: '養護工程處 外勤 張',
  });
});

/** A step after the first: the browser and the citizen's page (or the step skipped, as browserOrSkip). */
async function laterStep(t: TestContext): Promise<{ browser: Browser; page: Page } | null> {
  const browser = await browserOrSkip(t);
  if (!browser) return null;
  assert.ok(citizen && journey.caseNumber, 'step 1 sent the report');
  return { browser, page: citizen };
}

/** Chooses one JPEG in the page's photo input (#photos), as a phone's file picker does. */
function attachJpeg(target: Page, name: string, buffer: Buffer): Promise<void> {
  return target.setInputFiles('#photos', { name, mimeType: 'image/jpeg', buffer });
}

/** The reporter's messages whose subject matches, once there is one. */
async function mailToReporter(subject: RegExp): Promise<ReceivedMessage> {
  const [message] = await waitUntil(
    async () =>
      smtp.messages.filter(
        (received) => received.envelopeTo.includes(reporterEmail) && subject.test(received.subject),
      ),
    (messages) => messages.length >= 1,
    { what: `a message to the reporter: ${subject}`, timeoutMs: 30_000 },
  );
  assert.ok(message);
  return message;
}

/** The one link of `message` whose path starts `pathStart`, as a path on the test server (with its query). */
function linkIn(message: ReceivedMessage, pathStart: string): string {
  const links = [...message.text.matchAll(/https?:\/\/[^\s<>"]+/g)]
    .map(([href]) => new URL(href))
    .filter((url) => url.pathname.startsWith(pathStart));
  assert.equal(links.length >= 1, true, `a link to ${pathStart} in:\n${message.text}`);
  const [link] = links;
  assert.equal(link?.origin, new URL(server.config.publicBaseUrl).origin, 'links to the public site');
  return `${server.baseUrl}${link?.pathname}${link?.search}`;
}

async function stateOf(caseId: string): Promise<string | undefined> {
  const [row] = await server.database.db
    .select({ state: cases.state })
    .from(cases)
    .where(eq(cases.id, caseId));
  return row?.state;
}

/**
 * The text of the public page at `path` once it shows `change`: an anonymous page is kept up to 5 seconds
 * (the reports module's publicReads), so a change made since it was last read shows within that.
 */
async function publicPageShowing(page: Page, path: string, change: RegExp): Promise<string> {
  const keptAtMostMs = 5_000;
  const started = Date.now();
  for (;;) {
    await page.goto(`${server.baseUrl}${path}`);
    const main = (await page.textContent('main')) ?? '';
    if (change.test(main)) return main;
    assert.ok(Date.now() - started < keptAtMostMs + 2_000, `${path} still does not show ${change}:\n${main}`);
    await page.waitForTimeout(250);
  }
}

/** Waits until the public map has drawn the reports of the box in view; returns how many it drew. */
async function markersLoaded(page: Page): Promise<number> {
  await page.waitForFunction(
    () => document.querySelector('#report-map')?.getAttribute('data-loaded') !== null,
  );
  return Number(await page.getAttribute('#report-map', 'data-loaded'));
}

describe('a photo report from the phone to the fix and back (issue 10)', () => {
  it('1. a citizen reports a pothole on a phone: location, a photo that offers its place, the pin dragged, an error, the duplicate step, the confirmation', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const context = await server.newContext(browser, { ...phone, bypassCSP: true });
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(standing);
    const page = await context.newPage();
    citizen = page;

    await page.goto(`${server.baseUrl}/report`);
    await page.waitForSelector('#report-map.leaflet-container .leaflet-tile-loaded');
    await expectNoSidewaysScrolling(page, 'the form at 390 px');
    await expectNoAxeViolations(page, 'the report form');

    // The category: a large labelled choice, tapped.
    await page.locator('label[for]', { hasText: '路面坑洞' }).first().tap();
    assert.equal(await page.locator('input[name="serviceCode"]:checked').inputValue(), 'pothole-report');

    // "Use my location": the pin goes where the phone is.
    await page.locator('#use-my-location').tap();
    await page.waitForFunction(() => (document.querySelector('#latitude') as HTMLInputElement).value !== '');
    assert.equal(await page.inputValue('#latitude'), standing.latitude.toFixed(6));
    assert.equal(await page.inputValue('#longitude'), standing.longitude.toFixed(6));
    assert.equal(await page.locator('#report-pin').count(), 1);

    // A photo taken elsewhere: the pin stays where the person put it, and the page offers the photo's place.
    await attachJpeg(page, 'IMG_2040.jpg', await jpegTakenAt(takenAt));
    const usePhotoPlace = page.locator('#use-photo-place');
    await usePhotoPlace.waitFor({ state: 'visible' });
    assert.equal(await page.inputValue('#latitude'), standing.latitude.toFixed(6), 'not moved unasked');
    await expectNoAxeViolations(page, 'the form offering the photo’s place');
    await usePhotoPlace.tap();
    assert.equal(await page.inputValue('#latitude'), takenAt.lat.toFixed(6));
    assert.equal(await page.inputValue('#longitude'), takenAt.lon.toFixed(6));
    assert.match((await page.textContent('#report-map-status')) ?? '', /已把圖釘移到照片的拍攝位置/);
    // Before sending, the open report nearby is shown with its photo, state and distance.
    await page.waitForSelector('#report-nearby:not([hidden])');
    assert.match((await page.textContent('#report-nearby-text')) ?? '', /30 公尺內已有 1 件/);
    const nearby = page.locator('#report-nearby-list li');
    assert.equal(await nearby.count(), 1);
    assert.equal(await nearby.first().textContent(), `案號 ${journey.existingNumber}：已收件，約 8 公尺`);
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('#report-nearby-list img');
      return image?.complete === true && image.naturalWidth > 0;
    });
    assert.equal(
      await nearby.first().locator('img').getAttribute('alt'),
      `通報 ${journey.existingNumber} 的照片`,
    );
    await expectNoAxeViolations(page, 'the form showing the open report nearby');

    // The pin dragged a few metres west (by touch on the phone; Leaflet's drag follows pointer events).
    const pin = await page.locator('#report-pin').boundingBox();
    assert.ok(pin);
    const grab = { x: pin.x + pin.width / 2, y: pin.y + pin.height - 4 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(grab.x - 6, grab.y, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(
      (before) => (document.querySelector('#longitude') as HTMLInputElement).value !== before,
      takenAt.lon.toFixed(6),
    );
    const dragged = {
      lat: Number(await page.inputValue('#latitude')),
      lon: Number(await page.inputValue('#longitude')),
    };
    const metresWest = (takenAt.lon - dragged.lon) * 111_320 * Math.cos((takenAt.lat * Math.PI) / 180);
    assert.ok(metresWest > 2 && metresWest < 20, `dragged ${metresWest.toFixed(1)} m west`);
    assert.equal(
      await page.textContent('#report-map-status'),
      `圖釘已移到緯度 ${dragged.lat.toFixed(6)}、經度 ${dragged.lon.toFixed(6)}。`,
    );

    // Sent without a description: the error summary names it, and what was chosen is kept.
    await page.check('input[name="answer.pothole-report.size"][value="medium"]');
    await page.fill('#applicantEmail', reporterEmail);
    await page.locator('#report-form button[type="submit"]').tap();
    await page.waitForSelector('.govuk-error-summary');
    await expectFocusedErrorSummary(page);
    // The description, and the photo: a browser never keeps a chosen file across a page, so it says so.
    const problems = await page.locator('.govuk-error-summary__list a').allTextContents();
    assert.equal(problems.length, 2, problems.join(' | '));
    assert.equal(problems[0], '您選擇的照片沒有保留，請重新選擇照片。');
    assert.equal(problems[1], '請簡單描述問題，例如「機車道有一個約 30 公分的坑洞」。');
    assert.equal(await page.locator('input[name="serviceCode"]:checked').inputValue(), 'pothole-report');
    assert.equal(await page.inputValue('#latitude'), dragged.lat.toFixed(6));
    assert.equal(await page.inputValue('#longitude'), dragged.lon.toFixed(6));
    assert.equal(await page.inputValue('#applicantEmail'), reporterEmail);
    await expectNoSidewaysScrolling(page, 'the form with its errors at 390 px');
    await expectNoAxeViolations(page, 'the report form with its errors');

    await page.fill('#description', '人行道旁的機車道有坑洞，下雨後積水。');
    // The photo chosen again: the pin the person dragged stays (the page offers the photo's place instead).
    await attachJpeg(page, 'IMG_2040.jpg', await jpegTakenAt(takenAt));
    await usePhotoPlace.waitFor({ state: 'visible' });
    assert.equal(await page.inputValue('#longitude'), dragged.lon.toFixed(6));
    await page.locator('#report-form button[type="submit"]').tap();

    // The server's duplicate step: the open report 8 m away, with its photo and state.
    await page.waitForSelector('h1:has-text("附近已有人通報")');
    const main = (await page.textContent('main')) ?? '';
    assert.match(main, new RegExp(journey.existingNumber));
    await expectNoSidewaysScrolling(page, 'the duplicate step at 390 px');
    await expectNoAxeViolations(page, 'the duplicate step');

    await page.locator('button[value="different"]').tap();
    await page.waitForURL(/\/report\/sent\/\d{7}-\d{4,6}$/);
    journey.caseNumber = (await page.textContent('#case-number')) ?? '';
    journey.lookupCode = (await page.textContent('#lookup-code')) ?? '';
    assert.match(journey.caseNumber, /^\d{7}-\d{4,6}$/);
    assert.notEqual(journey.caseNumber, journey.existingNumber);
    assert.match(journey.lookupCode, /^[A-Z2-9]{8}$/);
    assert.match((await page.textContent('#expected-fix')) ?? '', /4 小時內處理/);
    await expectNoSidewaysScrolling(page, 'the confirmation at 390 px');
    await expectNoAxeViolations(page, 'the confirmation');

    const [row] = await server.database.db
      .select()
      .from(cases)
      .where(eq(cases.caseNumber, journey.caseNumber));
    assert.ok(row);
    journey.caseId = row.id;
    assert.equal(row.kind, 'field_report');
    assert.equal(row.applicantEmail, reporterEmail);
    assert.equal(row.description, '人行道旁的機車道有坑洞，下雨後積水。');
    const photos = await photosOf(server.database.db, row.id);
    assert.equal(photos.filter((photo) => photo.role === 'report').length, 1, 'the one photo, once');
  });

  it('2. the confirmation e-mail arrives; the report reaches the public map only when its link is followed', async (t) => {
    const step = await laterStep(t);
    if (!step) return;
    const { page } = step;
    const message = await mailToReporter(new RegExp(`請確認您的通報（案號 ${journey.caseNumber}）`));
    const confirmLink = linkIn(message, '/report/confirm/');

    const before = await page.goto(`${server.baseUrl}/reports/${journey.caseNumber}`);
    assert.equal(before?.status(), 404, 'not public before the confirmation');

    await page.goto(confirmLink);
    await expectNoAxeViolations(page, 'the e-mail’s confirmation page');
    await page.locator('main form button[type="submit"]').tap();
    await page.waitForSelector('h1');
    assert.match((await page.textContent('main')) ?? '', new RegExp(journey.caseNumber));
    await expectNoAxeViolations(page, 'the report confirmed');
  });

  it('3. the report is on the public map (its marker’s popup leads to it) and its page shows the photo and a rounded place', async (t) => {
    const step = await laterStep(t);
    if (!step) return;
    const { page } = step;
    await page.goto(`${server.baseUrl}/reports`);
    assert.ok((await markersLoaded(page)) >= 2, 'both reports near the city hall are drawn');
    await expectNoSidewaysScrolling(page, '/reports at 390 px');
    await expectNoAxeViolations(page, '/reports with its map and list');
    const listed = await page
      .locator('.ow-report-list__item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-case-number')));
    assert.equal(listed[0], journey.caseNumber, 'newest first');

    // The two reports 8 m apart share a cluster at the city's zoom: zoom in on it until the marker shows.
    const marker = page.locator('#report-map .ow-map-marker-icon', { hasText: journey.caseNumber });
    for (let attempt = 0; attempt < 8 && (await marker.count()) === 0; attempt += 1) {
      const loads = Number(await page.getAttribute('#report-map', 'data-loads'));
      await page.locator('#report-map .marker-cluster').first().tap();
      await page.waitForFunction(
        (before) => Number(document.querySelector('#report-map')?.getAttribute('data-loads')) > before,
        loads,
      );
    }
    await marker.tap();
    const link = page.locator('#report-map .leaflet-popup-content a');
    await link.waitFor();
    assert.match((await link.textContent()) ?? '', /路面坑洞/);
    await expectNoAxeViolations(page, '/reports with the report’s popup open');
    await link.tap();
    await page.waitForURL(new RegExp(`/reports/${journey.caseNumber}$`));

    const main = (await page.textContent('main')) ?? '';
    assert.match(main, /路面坑洞/);
    assert.match(main, /苓雅區/);
    assert.ok(!main.includes(reporterEmail), 'never the reporter’s e-mail');
    assert.ok(!main.includes('人行道旁的機車道有坑洞'), 'never the description');
    assert.ok(!main.includes(takenAt.lat.toFixed(6)), 'never the exact point');
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('#report-photos img');
      return image?.complete === true && image.naturalWidth > 0;
    });
    // The photo was sent with its GPS position in EXIF; neither its thumbnail nor its public copy has any.
    assert.ok((await jpegTakenAt(takenAt)).includes(Buffer.from('Exif')), 'the photo sent had EXIF');
    const thumb = await page.locator('#report-photos img').first().getAttribute('src');
    assert.match(thumb ?? '', /\/photos\/[^/]+\/thumb\.jpg$/);
    for (const address of [thumb ?? '', (thumb ?? '').replace(/thumb\.jpg$/, 'public.jpg')]) {
      const served = await (await page.request.get(new URL(address, page.url()).href)).body();
      assert.deepEqual([...served.subarray(0, 2)], [0xff, 0xd8], `${address} is a JPEG`);
      assert.equal(served.includes(Buffer.from('Exif')), false, `${address} has no EXIF`);
    }
    await expectNoSidewaysScrolling(page, 'the report’s page at 390 px');
    await expectNoAxeViolations(page, 'the report’s page');
  });

  it('4. a crew member on a phone takes the report and marks it fixed with an after-photo', async (t) => {
    const step = await laterStep(t);
    if (!step) return;
    const crew = await server.staffPage(step.browser, crewMember as TestStaffMember, '/staff/crew');
    try {
      await crew.setViewportSize(phone.viewport);
      const item = crew.locator(`li[data-case-number="${journey.caseNumber}"]`);
      assert.match((await item.textContent()) ?? '', /路面坑洞.*待認領/s);
      await crew.waitForSelector('#crew-map.leaflet-container .leaflet-marker-icon');
      await expectNoSidewaysScrolling(crew, 'the crew page at 390 px');
      await expectNoAxeViolations(crew, 'the crew page');

      await item.getByRole('button', { name: /^認領並前往/ }).click();
      await crew.waitForURL(/done=taken/);
      await item.getByRole('link', { name: /^標記已修復/ }).click();
      await crew.waitForURL(new RegExp(`/staff/crew/${journey.caseNumber}/fixed$`));
      await expectNoAxeViolations(crew, 'the mark-fixed form');
      await attachJpeg(crew, 'after.jpg', await noisyJpeg(640, 480));
      await crew.fill('#resolution', '已以熱拌瀝青修補坑洞並壓實。');
      await crew.click('main form button[type="submit"]');
      await crew.waitForURL(/done=fixed/);
      assert.match(
        (await crew.textContent('#crew-done')) ?? '',
        new RegExp(`通報 ${journey.caseNumber} 已標記為已修復`),
      );
      await expectNoAxeViolations(crew, 'the crew page after marking the report fixed');
      assert.equal(await stateOf(journey.caseId), 'fixed');
    } finally {
      await crew.context().close();
    }
  });

  it('5. the reporter’s e-mail arrives with the after-photo attached and a link to say it is not fixed', async (t) => {
    const step = await laterStep(t);
    if (!step) return;
    const message = await mailToReporter(new RegExp(`您通報的問題已修復（案號 ${journey.caseNumber}）`));
    assert.match(message.text, /已以熱拌瀝青修補坑洞並壓實。/);
    const fixPhotos = (await photosOf(server.database.db, journey.caseId)).filter(
      (photo) => photo.role === 'fix',
    );
    assert.equal(fixPhotos.length, 1);
    assert.equal(message.attachments.length, 1);
    assert.equal(message.attachments[0]?.mediaType, 'image/jpeg');
    assert.deepEqual(
      message.attachments[0]?.content,
      await server.files.read(fixPhotos[0]?.publicSha256 ?? ''),
      'the after-photo’s public copy, byte for byte',
    );

    // The report's public page shows the fix and the after-photo.
    const { page } = step;
    const main = await publicPageShowing(page, `/reports/${journey.caseNumber}`, /已修復/);
    assert.match(main, /已以熱拌瀝青修補坑洞並壓實。/);
    assert.equal(await page.locator('#report-photos img').count(), 1, 'the reporter’s photo');
    assert.equal(await page.locator('#fix-photos img').count(), 1, 'the after-photo');
    await expectNoAxeViolations(page, 'the fixed report’s page');
  });

  it('6. the reporter follows the e-mail’s link, says it is not fixed with a photo, and the report reopens', async (t) => {
    const step = await laterStep(t);
    if (!step) return;
    const { page } = step;
    const message = await mailToReporter(new RegExp(`您通報的問題已修復（案號 ${journey.caseNumber}）`));
    await page.goto(linkIn(message, `/reports/${journey.caseNumber}/not-fixed`));
    assert.match(
      (await page.textContent('main')) ?? '',
      new RegExp(`通報 ${journey.caseNumber}（路面坑洞）已於`),
    );
    await expectNoSidewaysScrolling(page, 'the “not fixed” form at 390 px');
    await expectNoAxeViolations(page, 'the “not fixed” form');

    await page.fill('#reason', '坑洞只補了一半，下雨後又積水。');
    await attachJpeg(page, 'still.jpg', await noisyJpeg(640, 480));
    await page.locator('main form button[type="submit"]').tap();
    await page.waitForSelector('h1');
    assert.match((await page.textContent('main')) ?? '', /已收到，通報已重新處理/);
    await expectNoAxeViolations(page, 'the “not fixed” answer');
    assert.equal(await stateOf(journey.caseId), 'reopened');

    // /track with the number and code shows it reopened with the reason on its timeline.
    await page.goto(`${server.baseUrl}/track?case=${journey.caseNumber}&code=${journey.lookupCode}`);
    const tracked = (await page.textContent('main')) ?? '';
    assert.match(tracked, /重新處理/);
    assert.match(tracked, /坑洞只補了一半，下雨後又積水。/);
    await expectNoAxeViolations(page, '/track of the reopened report');

    // Back in the crew's list, to go again.
    const crew = await server.staffPage(step.browser, crewMember as TestStaffMember, '/staff/crew');
    try {
      const item = crew.locator(`li[data-case-number="${journey.caseNumber}"]`);
      assert.match((await item.textContent()) ?? '', /重新處理/);
    } finally {
      await crew.context().close();
    }
  });
});
