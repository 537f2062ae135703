import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { multipartActionOf } from '../../../test/helpers/form-action.ts';
import { decode, mainOf } from '../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { TestBrowser } from '../../platform/auth/auth-test-support.ts';
import { multipartForm } from '../../platform/uploads/upload-test-support.ts';
import { potholeFormFields, submitPotholeWithPhoto } from './report-intake-test-support.ts';

/**
 * REPORT_DUPLICATE_RADIUS_METRES set to something else than its 30 m: the open report of the same category
 * 60 m away is "nearby" for an app told 100 m (the JSON the page script asks, the form's data, the duplicate
 * step when the report is sent) and not for an app left at the default. Each app has its own database, with
 * the same open pothole report at the same point.
 */

const wide = await buildTestApp({ environment: { REPORT_DUPLICATE_RADIUS_METRES: '100' } });
const standard = await buildTestApp();
after(async () => {
  await wide.app.close();
  await standard.app.close();
});

/** 苓雅區, near the city hall: where each app's open pothole report is. */
const existing = { lat: 22.62034, lon: 120.31201 };
/** About `metres` north of `existing` (a degree of latitude is 111,195 m on the haversine's sphere). */
const north = (metres: number) => ({ lat: existing.lat + metres / 111_195, lon: existing.lon });

const existingNumbers = new Map<TestApp, string>();
for (const subject of [wide, standard])
  existingNumbers.set(subject, (await submitPotholeWithPhoto(subject, existing)).caseNumber);

interface NearbyAnswer {
  radiusMetres: number;
  reports: { caseNumber: string; distanceMetres: number }[];
}

async function nearby(
  subject: TestApp,
  point: { lat: number; lon: number },
  service = 'pothole-report',
): Promise<NearbyAnswer> {
  const response = await subject.app.inject({
    method: 'GET',
    url: `/api/reports/nearby?service=${service}&lat=${point.lat}&lon=${point.lon}`,
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as NearbyAnswer;
}

describe('REPORT_DUPLICATE_RADIUS_METRES=100', () => {
  it('GET /api/reports/nearby finds the open report of the same category 60 m away; the default 30 m app does not', async () => {
    const sixtyMetres = north(60);
    const found = await nearby(wide, sixtyMetres);
    assert.equal(found.radiusMetres, 100);
    assert.deepEqual(
      found.reports.map((report) => [report.caseNumber, report.distanceMetres]),
      [[existingNumbers.get(wide), 60]],
    );

    const notFound = await nearby(standard, sixtyMetres);
    assert.equal(notFound.radiusMetres, 30);
    assert.deepEqual(notFound.reports, []);
    // The default app does find it within its own 30 m: the same report, nearer.
    assert.deepEqual(
      (await nearby(standard, north(20))).reports.map((report) => report.caseNumber),
      [existingNumbers.get(standard)],
    );

    // 100 m is still a limit, and still one category.
    assert.deepEqual((await nearby(wide, north(150))).reports, []);
    assert.deepEqual((await nearby(wide, sixtyMetres, 'street-light-repair')).reports, []);
  });

  it('the form tells its script the radius, and a report sent 60 m away gets the duplicate step naming 100 m', async () => {
    for (const [subject, radius] of [
      [wide, '100'],
      [standard, '30'],
    ] as const) {
      const page = await subject.app.inject({ method: 'GET', url: '/report' });
      assert.equal(page.statusCode, 200);
      assert.equal(/id="report-map-block"[\s\S]*?data-radius="(\d+)"/.exec(page.body)?.[1], radius);
    }

    const point = north(60);
    const fields = potholeFormFields(point, { description: '機車道有一個約 30 公分的坑洞。' });
    const send = async (subject: TestApp) => {
      const browser = new TestBrowser(subject.app);
      const form = await browser.get('/report');
      return browser.postMultipart(multipartActionOf(form.body), multipartForm(fields));
    };

    const step = await send(wide);
    assert.equal(step.statusCode, 200, step.body.slice(0, 2000));
    const main = decode(mainOf(step.body));
    assert.match(main, /附近已有人通報/);
    assert.match(main, /100 公尺內已有 1 件尚未完成的「[^」]+」通報/);
    assert.match(main, new RegExp(`value="${existingNumbers.get(wide)}"`));
    assert.match(main, /約 60 公尺/);

    // At 30 m the same report is no duplicate: it is sent at once.
    const sent = await send(standard);
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 2000));
    assert.match(String(sent.headers.location), /^\/report\/sent\/\d{7}-\d{4,6}$/);
  });
});
