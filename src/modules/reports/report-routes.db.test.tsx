import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { multipartActionOf } from '../../../test/helpers/form-action.ts';
import { decode, mainOf, summaryOf } from '../../../test/helpers/html.ts';
import { withEmailDelivery } from '../../../test/helpers/notification-delivery.ts';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../test/helpers/wait-until.ts';
import { systemActor } from '../../platform/auth/audit-log.ts';
import { csrfTokenIn, TestBrowser } from '../../platform/auth/auth-test-support.ts';
import { noisyJpeg } from '../../platform/images/photo-test-support.ts';
import { sampleExe } from '../../platform/uploads/upload-test-support.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { cases } from '../cases/index.ts';
import { definitionOfService, getService, publishServiceVersion } from '../catalogue/catalogue-service.ts';
import { listServices } from '../catalogue/index.ts';
import { signCarriedPhotos } from './report-carry.ts';
import { potholeFormFields } from './report-intake-test-support.ts';
import { locateReport } from './report-place.ts';
import { fieldReports, reportFollowers, reportPhotos } from './reports-schema.ts';

/**
 * The citizen's reporting journey over HTTP, on a real database and a real SMTP server: the form, every
 * problem at once in both languages, the no-JavaScript duplicate step (follow, or send anyway), the
 * confirmation page only its sender sees, the e-mail confirmation page, the honeypot and the limits.
 * Each test posts from its own client address (the per-IP limit is 3 an hour here) and its own point.
 */

const { app: subject, smtp } = await withEmailDelivery((environment) =>
  buildTestApp({
    environment: {
      ...environment,
      REPORT_LIMIT_PER_IP_PER_HOUR: '3',
      REPORT_LIMIT_PER_CONTACT_PER_HOUR: '2',
      MAP_TILE_URL: 'https://tiles.example.tw/{z}/{x}/{y}.png',
    },
  }),
);
const { db } = subject.database;
after(() => subject.app.close());

type Response = Awaited<ReturnType<TestBrowser['get']>>;

interface FileToSend {
  name: string;
  type: string;
  content: Buffer;
}

let clientCount = 0;

/** A person with their own browser (cookies) and client address. */
function aReporter(lang: Lang = 'zh-TW') {
  clientCount += 1;
  const browser = new TestBrowser(subject.app);
  const remoteAddress = `203.0.113.${clientCount}`;
  const prefix = lang === 'en' ? '/en' : '';
  let lastPage = '';
  return {
    browser,
    remoteAddress,
    async open(path = `${prefix}/report`): Promise<Response> {
      const response = await subject.app.inject({
        method: 'GET',
        url: path,
        remoteAddress,
        headers: { cookie: browser.cookieHeader() },
      });
      const kept = browser.keep(response as unknown as Response);
      lastPage = kept.body;
      return kept;
    },
    /** Posts the multipart form of the last page, its hidden CSRF token first, as a browser does. */
    async send(fields: Record<string, string | string[]>, files: FileToSend[] = []): Promise<Response> {
      const form = new FormData();
      form.append('_csrf', csrfTokenIn(lastPage));
      for (const [name, value] of Object.entries(fields))
        for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
      for (const file of files)
        form.append('photos', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
      const response = await subject.app.inject({
        method: 'POST',
        url: multipartActionOf(lastPage),
        remoteAddress,
        headers: { cookie: browser.cookieHeader() },
        payload: form,
      });
      const kept = browser.keep(response as unknown as Response);
      lastPage = kept.body;
      return kept;
    },
    /** The hidden fields of the last page's form, as it would post them. */
    hiddenFields(): Record<string, string> {
      return Object.fromEntries(
        [...lastPage.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [
          decode(match[1] ?? ''),
          decode(match[2] ?? ''),
        ]),
      );
    },
  };
}

let photoCount = 0;
/** A JPEG of noise, each one different (a different size), as a phone would send it. */
async function aJpeg(): Promise<FileToSend> {
  photoCount += 1;
  return {
    name: `IMG_${photoCount}.jpg`,
    type: 'image/jpeg',
    content: await noisyJpeg(320 + photoCount, 240),
  };
}

let pointCount = 0;
/** A point in Kaohsiung's centre, each about 220 m from the last (no duplicates between tests). */
function aPoint(): { lat: number; lon: number } {
  pointCount += 1;
  return { lat: 22.6203 + pointCount * 0.002, lon: 120.312 };
}

/** About `metres` north of a point. */
const north = (point: { lat: number; lon: number }, metres: number) => ({
  lat: point.lat + metres / 111_195,
  lon: point.lon,
});

let emailCount = 0;
const anEmail = () => {
  emailCount += 1;
  return `reporter-${emailCount}@example.tw`;
};

/** A complete pothole report at `point`. */
function potholeAt(point: { lat: number; lon: number }, overrides: Record<string, string> = {}) {
  return potholeFormFields(point, { applicantEmail: anEmail(), ...overrides });
}

const caseCount = async () => (await db.select({ n: count() }).from(cases))[0]?.n ?? 0;
const caseByNumber = async (caseNumber: string) => {
  const [row] = await db
    .select()
    .from(cases)
    .innerJoin(fieldReports, eq(fieldReports.caseId, cases.id))
    .where(eq(cases.caseNumber, caseNumber));
  assert.ok(row, `report ${caseNumber} exists`);
  return row;
};
const sentNumberOf = (response: Response) => {
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  const match = /\/report\/sent\/(\d{7}-\d{4,6})$/.exec(String(response.headers.location));
  assert.ok(match?.[1], `a confirmation page: ${response.headers.location}`);
  return match[1];
};

describe('the report form (/report)', () => {
  it('offers every field-report category with its icon, the map (for the script), the place without it and the §8 notice', async () => {
    const reporter = aReporter();
    const page = await reporter.open();
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(
      String(page.headers['content-security-policy']),
      /img-src 'self' data: https:\/\/tiles\.example\.tw/,
    );
    const main = mainOf(page.body);
    // Every field-report service of the catalogue, the catch-all ("other") last; nothing else.
    const fieldReportServices = (await listServices(db, { lang: 'zh-TW' }))
      .filter((service) => service.kind === 'field_report')
      .map((service) => service.code);
    for (const code of [
      'pothole-report',
      'street-light-repair',
      'park-facility-damage',
      'sidewalk-arcade-damage',
    ])
      assert.ok(fieldReportServices.includes(code), code);
    const offered = [...main.matchAll(/name="serviceCode" type="radio" value="([^"]+)"/g)].map(
      (match) => match[1],
    );
    assert.deepEqual(offered.toSorted(), fieldReportServices.toSorted());
    assert.equal(offered.at(-1), 'public-works-other', '“other public-works problem” comes last');
    assert.ok(!offered.includes('road-maintenance-petition'), 'a petition is not a field report');
    assert.equal([...main.matchAll(/class="ow-category__icon"/g)].length, offered.length);
    assert.match(
      main,
      /id="report-map-block" hidden data-tile-url="https:\/\/tiles\.example\.tw\/\{z\}\/\{x\}\/\{y\}\.png"/,
    );
    // Kaohsiung's 38 districts, plus the blank choice.
    const districts =
      /<select class="govuk-select" id="districtCode" name="districtCode"[^>]*>([\s\S]*?)<\/select>/.exec(
        main,
      )?.[1] ?? '';
    assert.equal([...districts.matchAll(/<option /g)].length, 39);
    assert.match(
      main,
      /<input class="govuk-file-upload" id="photos" name="photos" type="file" multiple accept="image\/jpeg,image\/png,image\/webp"/,
    );
    assert.match(main, /個人資料保護法第 8 條/);
    // "Show my name publicly": no unless the reporter chooses yes.
    assert.match(main, /<input[^>]*name="showName"[^>]*value="no" checked/);
    assert.doesNotMatch(main, /<input[^>]*name="showName"[^>]*value="yes" checked/);
    assert.match(
      main,
      /<div class="ow-report-honeypot" aria-hidden="true">[\s\S]*?tabindex="-1" autocomplete="off"/,
    );
    assert.match(main, /<script type="module" src="\/assets\/build\/report-form.js"><\/script>/);
    // The category's own questions, named for their category; the phone is the form's own field.
    assert.match(main, /name="answer.street-light-repair.pole-number"/);
    assert.doesNotMatch(main, /contact-phone/);
    // Each typed field shows its limit, from field-limits.ts (issue 14 #4): maxlength and the hint.
    assert.match(
      main,
      /<textarea class="govuk-textarea" id="description" name="description"[^>]*maxlength="4000"/,
    );
    assert.match(main, /例如大小、危險程度、在哪一個車道。（最多 4000 個字）/);
    assert.match(main, /id="address" name="address" type="text"[^>]*maxlength="300"/);
    assert.match(main, /id="applicantPhone" name="applicantPhone" type="tel"[^>]*maxlength="40"/);
    assert.match(main, /name="answer.street-light-repair.pole-number"[^>]*maxlength="200"/);

    const english = await aReporter('en').open('/en/report?service=street-light-repair');
    assert.match(english.body, /<title>Report a problem - Public Works Bureau/);
    assert.match(mainOf(english.body), /value="street-light-repair" checked/);
    assert.equal(multipartActionOf(english.body), '/en/report', 'no token in the address (issue 14)');
  });

  it('a report with one JPEG is opened, routed and placed, waits for its e-mail confirmation, and only its sender sees the lookup code', async () => {
    const reporter = aReporter();
    await reporter.open();
    const point = aPoint();
    const email = anEmail();
    const sent = await reporter.send(potholeAt(point, { applicantEmail: email, applicantName: '林小明' }), [
      await aJpeg(),
    ]);
    const caseNumber = sentNumberOf(sent);
    const { cases: row, field_reports: report } = await caseByNumber(caseNumber);
    const located = locateReport(point.lat, point.lon);
    assert.ok(located.inKaohsiung);
    assert.equal(row.kind, 'field_report');
    assert.equal(row.state, 'received');
    assert.equal(row.unitCode, 'road-maintenance');
    assert.equal(row.channel, 'web');
    assert.equal(row.districtCode, located.district.code);
    assert.ok(located.village !== null);
    assert.equal(report.villageCode, located.village.code);
    assert.equal(row.applicantEmail, email);
    assert.deepEqual(row.formData, { size: 'medium' });
    assert.equal(report.publishedAt, null, 'a new address: off the public map until confirmed');
    assert.ok(report.confirmTokenHash !== null);
    const photos = await db.select().from(reportPhotos).where(eq(reportPhotos.caseId, row.id));
    assert.equal(photos.length, 1);
    assert.equal(photos[0]?.role, 'report');
    assert.equal(photos[0]?.originalMediaType, 'image/jpeg');

    const page = await reporter.open(String(sent.headers.location));
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    const main = mainOf(page.body);
    assert.match(main, new RegExp(`<strong id="case-number">${caseNumber}</strong>`));
    assert.match(main, new RegExp(`<strong id="lookup-code">${row.lookupCode}</strong>`));
    // A pothole is made safe within 4 hours, counted around the clock.
    assert.match(decode(main), /我們會在 4 小時內處理，最晚 民國115年3月2日 14:00。/);
    assert.match(decode(main), new RegExp(`我們已寄一封確認信到 ${email}。`));
    assert.match(main, new RegExp(`href="/track\\?case=${caseNumber}&amp;code=${row.lookupCode}"`));

    // The address alone shows nothing: another browser (no cookie) gets a page without the code.
    const stranger = await aReporter().open(String(sent.headers.location));
    assert.equal(stranger.statusCode, 404);
    assert.doesNotMatch(stranger.body, new RegExp(row.lookupCode));
    assert.match(stranger.body, /無法顯示這份通報的確認頁/);

    const messages = await waitUntil(
      async () => smtp.messages.filter((message) => message.envelopeTo.includes(email)),
      (found) => found.some((message) => /請確認您的通報/.test(message.subject)),
      { what: 'the confirmation e-mail' },
    );
    const confirmation = messages.find((message) => /請確認您的通報/.test(message.subject));
    assert.ok(confirmation);
    assert.match(confirmation.subject, new RegExp(caseNumber));
    assert.match(confirmation.text, /\/report\/confirm\/[A-Za-z0-9_-]{16,}/);
  });

  it('the confirmation link opens a page with one button; the button confirms once; an unknown or used link gets a clear page', async () => {
    const reporter = aReporter();
    await reporter.open();
    const email = anEmail();
    const caseNumber = sentNumberOf(await reporter.send(potholeAt(aPoint(), { applicantEmail: email })));
    const message = await waitUntil(
      async () =>
        smtp.messages.find(
          (found) => found.envelopeTo.includes(email) && /請確認您的通報/.test(found.subject),
        ),
      (found) => found !== undefined,
      { what: 'the confirmation e-mail' },
    );
    const path = new URL(/https?:\/\/\S+\/report\/confirm\/\S+/.exec(message?.text ?? '')?.[0] ?? '')
      .pathname;

    const citizen = new TestBrowser(subject.app);
    const page = await citizen.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(mainOf(page.body), /確認我的通報/);
    assert.equal(
      (await caseByNumber(caseNumber)).field_reports.publishedAt,
      null,
      'opening the link confirms nothing',
    );

    const confirmed = await citizen.submit(path, path, {});
    assert.equal(confirmed.statusCode, 200);
    assert.match(mainOf(confirmed.body), new RegExp(`案件 ${caseNumber} 已顯示在公開的通報地圖上`));
    assert.ok((await caseByNumber(caseNumber)).field_reports.publishedAt !== null);

    const again = await citizen.submit(path, path, {});
    assert.equal(again.statusCode, 404);
    assert.match(mainOf(again.body), /這個確認連結無效或已經用過/);
    const unknown = await citizen.submit(
      '/en/report/confirm/AAAAAAAAAAAAAAAAAAAAAAAA',
      '/en/report/confirm/AAAAAAAAAAAAAAAAAAAAAAAA',
      {},
    );
    assert.equal(unknown.statusCode, 404);
    assert.match(mainOf(unknown.body), /This confirmation link is not valid or was already used/);

    // The address is confirmed now: its next report goes on the public map at once.
    const next = sentNumberOf(
      await (async () => {
        await reporter.open();
        return reporter.send(potholeAt(aPoint(), { applicantEmail: email }));
      })(),
    );
    assert.ok((await caseByNumber(next)).field_reports.publishedAt !== null);
  });

  it('“show my name publicly: yes” puts the name, and nothing else of the reporter, on the report’s page', async () => {
    const reporter = aReporter();
    await reporter.open();
    // Without an e-mail address nothing waits for a confirmation: public at once.
    const caseNumber = sentNumberOf(
      await reporter.send(
        potholeAt(aPoint(), {
          applicantName: '陳大文',
          applicantEmail: '',
          applicantPhone: '0912345678',
          showName: 'yes',
        }),
      ),
    );
    const page = await new TestBrowser(subject.app).get(`/reports/${caseNumber}`);
    assert.equal(page.statusCode, 200);
    const main = decode(mainOf(page.body));
    assert.match(main, /通報人<\/dt>\s*<dd class="govuk-summary-list__value">陳大文/);
    assert.ok(!main.includes('0912345678') && !main.includes('0912-345-678'), 'never the phone');
    assert.ok(!main.includes('晚上很難看到'), 'never the description');
  });

  it('a report whose confirmation never comes stays off the public map but is routed and kept', async () => {
    const reporter = aReporter();
    await reporter.open();
    const caseNumber = sentNumberOf(await reporter.send(potholeAt(aPoint())));
    const before = await caseByNumber(caseNumber);
    // A week on, the link never followed.
    subject.clock.advance(7 * 24 * 60 * 60 * 1000);
    const later = await db
      .select({
        state: cases.state,
        unitCode: cases.unitCode,
        dueAt: cases.dueAt,
        publishedAt: fieldReports.publishedAt,
      })
      .from(cases)
      .innerJoin(fieldReports, eq(fieldReports.caseId, cases.id))
      .where(eq(cases.id, before.cases.id));
    assert.deepEqual(later, [
      { state: 'received', unitCode: 'road-maintenance', dueAt: before.cases.dueAt, publishedAt: null },
    ]);
    assert.ok(before.cases.dueAt !== null, 'its deadline runs');
    const list = await new TestBrowser(subject.app).get('/reports');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, new RegExp(caseNumber), 'not on the public list');
    const one = await new TestBrowser(subject.app).get(`/reports/${caseNumber}`);
    assert.notEqual(one.statusCode, 200, 'no public page before the confirmation');
  });
});

describe('every problem at once', () => {
  it('a missing category, a missing place and a bad e-mail are listed together, with the values kept (zh-TW)', async () => {
    const reporter = aReporter();
    await reporter.open();
    const before = await caseCount();
    const response = await reporter.send(
      potholeAt(aPoint(), {
        serviceCode: '',
        latitude: '',
        longitude: '',
        applicantEmail: 'not-an-address',
        description: '路燈旁的人行道有一個大洞',
      }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>錯誤：報修 - /);
    assert.deepEqual(summaryOf(response.body), [
      ['serviceCode', '請選擇通報類別。'],
      ['address', '請在地圖上標出位置，或填寫地址、地標並選擇行政區。'],
      ['applicantEmail', '電子郵件格式不正確，例如 name@example.com。'],
    ]);
    const main = mainOf(response.body);
    assert.match(main, /路燈旁的人行道有一個大洞<\/textarea>/);
    assert.match(main, /value="not-an-address"/);
    assert.equal(await caseCount(), before);
  });

  it('the same in English, with the photos to choose again', async () => {
    const reporter = aReporter('en');
    await reporter.open();
    const response = await reporter.send(
      potholeAt(aPoint(), { serviceCode: '', latitude: '', longitude: '', applicantEmail: 'nobody@' }),
      [await aJpeg()],
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Report a problem - /);
    assert.deepEqual(summaryOf(response.body), [
      ['serviceCode', 'Choose what kind of problem it is.'],
      ['address', 'Put a pin on the map, or give an address or landmark and choose the district.'],
      ['photos', 'Your photos were not kept: please choose the photos again.'],
      ['applicantEmail', 'Enter an e-mail address like name@example.com.'],
    ]);
  });

  it('a point outside Kaohsiung is named as the problem; nothing is written', async () => {
    const reporter = aReporter();
    await reporter.open();
    const before = await caseCount();
    const taipei101 = { lat: 25.0339, lon: 121.5645 };
    const response = await reporter.send(potholeAt(taipei101));
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryOf(response.body), [
      ['latitude', '這個位置不在高雄市轄區內，本局無法受理；請洽該地所屬縣市政府。'],
    ]);
    assert.equal(await caseCount(), before);
  });

  it('four photos are one too many; a file that is not a photo is named; a category’s required answer is asked for', async () => {
    const reporter = aReporter();
    await reporter.open();
    const before = await caseCount();
    const four = await reporter.send(potholeAt(aPoint()), [
      await aJpeg(),
      await aJpeg(),
      await aJpeg(),
      await aJpeg(),
    ]);
    assert.equal(four.statusCode, 400);
    assert.deepEqual(summaryOf(four.body), [
      ['photos', '最多可附 3 張照片，您附了 4 張。'],
      ['photos', '您選擇的照片沒有保留，請重新選擇照片。'],
    ]);

    const notPhoto = await reporter.send(potholeAt(aPoint(), { 'answer.pothole-report.size': '' }), [
      { name: 'setup.exe', type: 'application/octet-stream', content: sampleExe() },
      await aJpeg(),
    ]);
    assert.equal(notPhoto.statusCode, 400);
    assert.deepEqual(summaryOf(notPhoto.body), [
      ['photos', '照片「setup.exe」：這個檔案不是照片，請傳送 JPEG、PNG 或 WebP 格式的照片。'],
      ['photos', '您選擇的照片沒有保留，請重新選擇照片。'],
      ['answer-pothole-report-size', '請回答「坑洞大小」。'],
    ]);
    assert.equal(await caseCount(), before);
  });
});

describe('the nearby-duplicate step without JavaScript', () => {
  it('a second report 10 m away is offered the first; "mine is different" sends it with its photo; a third follows one', async () => {
    const point = aPoint();
    const first = aReporter();
    await first.open();
    const firstNumber = sentNumberOf(await first.send(potholeAt(point), [await aJpeg()]));

    const second = aReporter();
    await second.open();
    const before = await caseCount();
    const step = await second.send(potholeAt(north(point, 10)), [await aJpeg()]);
    assert.equal(step.statusCode, 200);
    assert.equal(await caseCount(), before, 'nothing is created before the choice');
    const main = mainOf(step.body);
    assert.match(main, /附近已有人通報/);
    assert.match(main, new RegExp(`<dd class="govuk-summary-list__value">${firstNumber}</dd>`));
    assert.match(main, /<dd class="govuk-summary-list__value">已收件<\/dd>/);
    assert.match(main, /約 10 公尺/);
    const [firstPhoto] = await db
      .select({ id: reportPhotos.id })
      .from(reportPhotos)
      .innerJoin(cases, eq(cases.id, reportPhotos.caseId))
      .where(eq(cases.caseNumber, firstNumber));
    assert.ok(firstPhoto);
    assert.match(main, new RegExp(`src="/reports/${firstNumber}/photos/${firstPhoto.id}/thumb.jpg"`));
    const carried = second.hiddenFields();
    assert.equal(carried.serviceCode, 'pothole-report');
    assert.match(carried.carriedPhotos ?? '', /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    assert.equal(carried.followCase, firstNumber);

    const different = await second.send({ ...carried, applicantEmail: anEmail(), decision: 'different' });
    const secondNumber = sentNumberOf(different);
    assert.notEqual(secondNumber, firstNumber);
    const secondRow = await caseByNumber(secondNumber);
    const secondPhotos = await db
      .select()
      .from(reportPhotos)
      .where(eq(reportPhotos.caseId, secondRow.cases.id));
    assert.equal(secondPhotos.length, 1, 'the photo chosen before the step is the report’s');
    assert.equal(secondRow.cases.description, '機車道有一個約 30 公分的坑洞，晚上很難看到。');

    // A third, 5 m away: both are offered; following needs an e-mail and a choice.
    const third = aReporter();
    await third.open();
    const offered = await third.send(potholeAt(north(point, 5), { applicantEmail: '' }));
    assert.equal(offered.statusCode, 200);
    assert.match(mainOf(offered.body), new RegExp(`value="${secondNumber}"`));
    const fields = third.hiddenFields();
    const refused = await third.send({ ...fields, applicantEmail: '', decision: 'follow' });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryOf(refused.body), [
      ['applicantEmail', '追蹤需要電子郵件，請填寫您的電子郵件。'],
      ['followCase', '請選擇您要追蹤的通報。'],
    ]);
    const followerEmail = anEmail();
    const followed = await third.send({
      ...third.hiddenFields(),
      followCase: firstNumber,
      applicantEmail: followerEmail,
      decision: 'follow',
    });
    assert.equal(followed.statusCode, 200);
    assert.match(
      mainOf(followed.body),
      new RegExp(`案件 ${firstNumber} 修好時，我們會寄信到 ${followerEmail} 通知您`),
    );
    const [firstRow] = await db.select({ id: cases.id }).from(cases).where(eq(cases.caseNumber, firstNumber));
    const followers = await db
      .select({ email: reportFollowers.email, lang: reportFollowers.lang })
      .from(reportFollowers)
      .where(and(eq(reportFollowers.caseId, firstRow?.id ?? ''), eq(reportFollowers.email, followerEmail)));
    assert.deepEqual(followers, [{ email: followerEmail, lang: 'zh-TW' }]);
    assert.equal(await caseCount(), before + 1, 'following sends no report');
  });

  it('another category at the same place is not a duplicate; a forged photo token is refused', async () => {
    const point = aPoint();
    const first = aReporter();
    await first.open();
    sentNumberOf(await first.send(potholeAt(point)));
    const light = aReporter();
    await light.open();
    const sent = await light.send(
      potholeAt(north(point, 3), {
        serviceCode: 'street-light-repair',
        'answer.street-light-repair.problem': 'out',
        description: '路燈整晚不亮。',
      }),
    );
    sentNumberOf(sent);

    const forger = aReporter();
    await forger.open();
    const someoneElsesFile = {
      sha256: 'a'.repeat(64),
      sizeBytes: 10,
      mediaType: 'image/jpeg',
      fileName: 'x.jpg',
    };
    const forged = signCarriedPhotos(
      'not the server’s secret, but long enough to pass',
      [someoneElsesFile],
      subject.clock.now(),
    );
    const before = await caseCount();
    const response = await forger.send({
      ...potholeAt(aPoint()),
      carriedPhotos: forged,
      decision: 'different',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryOf(response.body)[0], ['photos', '先前上傳的照片已經失效，請重新選擇照片。']);
    assert.equal(await caseCount(), before);
  });
});

describe('anti-abuse', () => {
  it('a filled honeypot is answered like a success and stores nothing', async () => {
    const robot = aReporter();
    await robot.open();
    const before = await caseCount();
    const response = await robot.send(potholeAt(aPoint(), { homepage: 'http://cheap-pills.example' }), [
      await aJpeg(),
    ]);
    assert.equal(response.statusCode, 200);
    assert.match(mainOf(response.body), /通報已送出/);
    assert.equal(await caseCount(), before);
  });

  it('past the per-IP limit: 429 with when to try again; an e-mail address is limited per hour, not for ever', async () => {
    const reporter = aReporter();
    await reporter.open();
    for (let index = 0; index < 3; index += 1) {
      await reporter.open();
      sentNumberOf(await reporter.send(potholeAt(aPoint())));
    }
    await reporter.open();
    const limited = await reporter.send(potholeAt(aPoint()));
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.match(mainOf(limited.body), /短時間內送出太多通報/);
    assert.match(
      decode(mainOf(limited.body)),
      /請在 民國115年3月\d{1,2}日 \d{2}:\d{2} 以後（約 \d+ 分鐘後）再試一次/,
    );

    // Two reports an hour per address (here), whichever connection they come from.
    const email = anEmail();
    for (let index = 0; index < 2; index += 1) {
      const someone = aReporter();
      await someone.open();
      sentNumberOf(await someone.send(potholeAt(aPoint(), { applicantEmail: email })));
    }
    const third = aReporter('en');
    await third.open();
    const refused = await third.send(potholeAt(aPoint(), { applicantEmail: email.toUpperCase() }));
    assert.equal(refused.statusCode, 429);
    assert.match(mainOf(refused.body), /Too many reports for now/);
    subject.clock.advance(60 * 60 * 1000);
    const nextHour = aReporter();
    await nextHour.open();
    sentNumberOf(await nextHour.send(potholeAt(aPoint(), { applicantEmail: email })));
  });
});

describe('GET /api/reports/nearby', () => {
  it('lists the open reports of a category near a point, nearest first, without who sent them', async () => {
    const point = aPoint();
    const reporter = aReporter();
    await reporter.open();
    const caseNumber = sentNumberOf(await reporter.send(potholeAt(point, { applicantName: '王大明' })));
    const near = north(point, 12);
    const response = await subject.app.inject({
      method: 'GET',
      url: `/api/reports/nearby?service=pothole-report&lat=${near.lat}&lon=${near.lon}&lang=en`,
    });
    assert.equal(response.statusCode, 200);
    const body = response.json() as {
      radiusMetres: number;
      reports: { caseNumber: string; stateText: string; distanceMetres: number }[];
    };
    assert.equal(body.radiusMetres, 30);
    assert.deepEqual(
      body.reports.map((report) => [report.caseNumber, report.stateText, report.distanceMetres]),
      [[caseNumber, 'Received', 12]],
    );
    assert.doesNotMatch(response.body, /王大明|example\.tw/);
    const elsewhere = await subject.app.inject({
      method: 'GET',
      url: `/api/reports/nearby?service=street-light-repair&lat=${near.lat}&lon=${near.lon}`,
    });
    assert.deepEqual((elsewhere.json() as { reports: unknown[] }).reports, []);
  });
});

describe('the categories on /report are kept a few seconds, and a catalogue change shows at once', () => {
  it('a new version of a category published in this process is on the next /report page', async () => {
    const current = await getService(db, { code: 'street-light-repair' });
    assert.ok(current);
    const before = mainOf((await subject.app.inject({ method: 'GET', url: '/report' })).body);
    assert.ok(before.includes(current.nameZh));
    const renamed = `${current.nameZh}（夜間）`;
    await publishServiceVersion(db, {
      definition: { ...definitionOfService(current), nameZh: renamed },
      actor: systemActor,
      now: new Date(),
    });
    try {
      const after = mainOf((await subject.app.inject({ method: 'GET', url: '/report' })).body);
      assert.ok(after.includes(renamed), 'the new name, not the kept one');
    } finally {
      await publishServiceVersion(db, {
        definition: definitionOfService(current),
        actor: systemActor,
        now: new Date(),
      });
    }
  });
});

describe('the report form sent twice (issue 13)', () => {
  it('the same post again from the same browser (a double click, a retry) → the same report, one case; another report → a new one', async () => {
    const reporter = aReporter();
    const page = await reporter.open();
    const action = multipartActionOf(page.body);
    const fields = potholeAt(aPoint());
    const photo = await aJpeg();
    const post = async (sent: Record<string, string>) => {
      const form = new FormData();
      form.append('_csrf', csrfTokenIn(page.body));
      for (const [name, value] of Object.entries(sent)) form.append(name, value);
      form.append('photos', new Blob([new Uint8Array(photo.content)], { type: photo.type }), photo.name);
      return reporter.browser.keep(
        (await subject.app.inject({
          method: 'POST',
          url: action,
          remoteAddress: reporter.remoteAddress,
          headers: { cookie: reporter.browser.cookieHeader() },
          payload: form,
        })) as unknown as Response,
      );
    };
    const before = await caseCount();
    const first = await post(fields);
    const number = sentNumberOf(first);
    // A double click: the second post is the first's (it answers with its confirmation).
    assert.equal(sentNumberOf(await post(fields)), number);
    // Two at once: one case; the other answers with it, or (when it reached the nearby check before the
    // first had stored its answer) offers the first as the report nearby — never a second case.
    const pair = await Promise.all([post(fields), post(fields)]);
    for (const answer of pair) {
      if (answer.statusCode === 303) assert.equal(sentNumberOf(answer), number);
      else assert.match(mainOf(answer.body), new RegExp(number), 'the nearby step offers the first report');
    }
    // After a lost answer the browser sends it once more: the same confirmation, which it may open.
    const retry = await post(fields);
    assert.equal(sentNumberOf(retry), number);
    assert.equal(await caseCount(), before + 1);
    const confirmation = await reporter.open(String(retry.headers.location));
    assert.equal(confirmation.statusCode, 200);
    assert.match(mainOf(confirmation.body), new RegExp(number));
    // Another report (another description) from the same browser is filed.
    const elsewhere = aPoint();
    const other = await post({
      ...fields,
      latitude: elsewhere.lat.toFixed(6),
      longitude: elsewhere.lon.toFixed(6),
      description: '另一條路上也有坑洞。',
    });
    assert.notEqual(sentNumberOf(other), number);
    assert.equal(await caseCount(), before + 2);
    const photos = await db
      .select({ n: count() })
      .from(reportPhotos)
      .innerJoin(cases, eq(cases.id, reportPhotos.caseId))
      .where(and(eq(cases.caseNumber, number), eq(reportPhotos.role, 'report')));
    assert.equal(photos[0]?.n, 1, 'one photo row, not one per post');
  });
});
