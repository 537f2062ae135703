import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { testCasesContext } from '../../../test/helpers/cases-context.ts';
import { multipartActionOf } from '../../../test/helpers/form-action.ts';
import { decode, mainOf, summaryOf } from '../../../test/helpers/html.ts';
import { withEmailDelivery } from '../../../test/helpers/notification-delivery.ts';
import type { ReceivedMessage } from '../../../test/helpers/smtp-server.ts';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { aSignedInMember, TestBrowser } from '../../platform/auth/auth-test-support.ts';
import { createFilesystemStore } from '../../platform/files/file-store.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { noisyJpeg, undecodableJpeg } from '../../platform/images/photo-test-support.ts';
import { filesOnDisk } from '../../platform/uploads/upload-app-test-support.ts';
import { multipartForm } from '../../platform/uploads/upload-test-support.ts';
import { formatPageDateTime } from '../../platform/web/format-date.ts';
import {
  type CaseRow,
  type CasesContext,
  cases,
  caseTimeline,
  type StaffCaseActor,
  transitionCase,
} from '../cases/index.ts';
import { markReportFixed } from './report-fix.ts';
import { type ReportPhotoFile, type SubmitReportInput, submitReport } from './report-intake.ts';
import { findNearbyOpenReports, followReport, photosOf } from './report-queries.ts';

/** Kaohsiung City Hall (苓雅區), and points about 300 m and 1 km north of it. */
const cityHall = { lat: 22.6203, lon: 120.312 };
const threeHundredMetresNorth = { lat: 22.623, lon: 120.312 };
const oneKilometreNorth = { lat: 22.6293, lon: 120.312 };
const hour = 3_600_000;
const day = 24 * hour;

const { app: subject, smtp } = await withEmailDelivery((environment) => buildTestApp({ environment }));
const { db } = subject.database;
const files = createFilesystemStore(subject.config.fileStoreDir);
after(async () => {
  await subject.app.close();
});

type Response = Awaited<ReturnType<TestBrowser['get']>>;

const contextOf = (now?: Date, lang: 'zh-TW' | 'en' = 'zh-TW'): CasesContext =>
  testCasesContext(subject, lang, now);

let photoCount = 0;
/** A JPEG in the app's file store, each one different (so each is stored on its own). */
async function storedJpeg(): Promise<ReportPhotoFile & { content: Buffer }> {
  photoCount += 1;
  const content = await noisyJpeg(640 + photoCount, 480);
  const stored = await files.put(content);
  return { ...stored, mediaType: 'image/jpeg', fileName: `IMG_${photoCount}.jpg`, content };
}

let reportCount = 0;
async function aReport(
  overrides: Partial<SubmitReportInput> = {},
  now = subject.clock.now(),
): Promise<CaseRow> {
  reportCount += 1;
  const submitted = await submitReport(
    contextOf(now, overrides.lang),
    files,
    {
      serviceCode: 'pothole-report',
      latitude: cityHall.lat,
      longitude: cityHall.lon,
      address: `四維三路 ${reportCount} 號前`,
      description: '機車道有一個約 30 公分的坑洞。',
      formData: { size: 'medium' },
      email: `reporter-${reportCount}@example.tw`,
      showName: false,
      lang: 'zh-TW',
      channel: 'web',
      ...overrides,
    },
    [await storedJpeg()],
  );
  return submitted.row;
}

const rowOf = async (id: string) => {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  assert.ok(row);
  return row;
};

function actorOf(member: {
  id: string;
  displayName: string;
  email: string;
  role: 'handler' | 'supervisor';
  unitCode: string | null;
}): StaffCaseActor {
  return { kind: 'staff', ...member };
}

/** The crew member takes the report (it is dispatched to them), at `now`. */
const dispatch = (report: CaseRow, actor: StaffCaseActor, now?: Date) =>
  transitionCase(
    contextOf(now),
    { caseId: report.id, expectedVersion: report.version, event: 'dispatch', input: {} },
    actor,
  );

/** The crew member takes the report and marks it fixed ("已修補。", with an after-photo), at `now`. */
async function dispatchAndFix(report: CaseRow, actor: StaffCaseActor, now?: Date): Promise<CaseRow> {
  const dispatched = await dispatch(report, actor, now);
  return markReportFixed(contextOf(now), files, actor, {
    caseId: report.id,
    version: dispatched.version,
    resolution: '已修補。',
    photos: [await storedJpeg()],
  });
}

/** Someone follows the report by e-mail (the public page's "follow"). */
async function follow(caseNumber: string, email: string, lang: 'zh-TW' | 'en'): Promise<void> {
  assert.ok(await followReport(db, caseNumber, { email, lang }, subject.clock.now()));
}

/** The case numbers the crew page lists, in order. */
const listedNumbers = (html: string) =>
  [...mainOf(html).matchAll(/<li[^>]*data-case-number="([^"]+)"/g)].map((match) => match[1]);

/** One report's item on the crew page. */
function itemOf(html: string, caseNumber: string): string {
  const main = mainOf(html);
  const start = main.indexOf(`data-case-number="${caseNumber}"`);
  assert.notEqual(start, -1, `${caseNumber} is listed`);
  return main.slice(start, main.indexOf('</li>', start));
}

/** The fields and JPEG photos posted as the page's multipart form is. */
function postMultipart(
  browser: TestBrowser,
  url: string,
  fields: Record<string, string>,
  photos: { name: string; content: Buffer }[],
): Promise<Response> {
  const files = photos.map(({ name, content }) => ({ field: 'photos', name, type: 'image/jpeg', content }));
  return browser.postMultipart(url, multipartForm(fields, files));
}

/** The "fixed" messages the SMTP server received for this address (waiting up to 10 s for `count`). */
async function fixedMailTo(address: string, count = 1): Promise<ReceivedMessage[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = smtp.messages.filter(
      (message) => message.envelopeTo.includes(address) && /已修復|is fixed/.test(message.subject),
    );
    if (found.length >= count) return found;
    if (Date.now() > deadline) assert.fail(`expected ${count} message(s) to ${address}, got ${found.length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('field crews: the list, mark fixed, not fixed, hiding a photo, merged duplicates', () => {
  it('the crew list: my reports and the unit’s free ones, nearest first from my position (by deadline without), with photo, category, place and due time', async () => {
    const crew = await aSignedInMember(subject, { role: 'handler', unitCode: 'road-maintenance' });
    const colleague = await aSignedInMember(subject, { role: 'handler', unitCode: 'road-maintenance' });
    // Reported an hour apart: the first is due first.
    const now = subject.clock.now().getTime();
    const far = await aReport(
      { latitude: oneKilometreNorth.lat, longitude: oneKilometreNorth.lon },
      new Date(now - 2 * hour),
    );
    const middle = await aReport(
      { latitude: threeHundredMetresNorth.lat, longitude: threeHundredMetresNorth.lon },
      new Date(now - hour),
    );
    const near = await aReport();
    const colleagues = await aReport();
    const otherUnit = await aReport({ serviceCode: 'street-light-repair', formData: { problem: 'out' } });
    assert.equal(otherUnit.unitCode, 'parks');

    // The crew takes the far one from the list; the colleague takes another.
    const list = await crew.get('/staff/crew');
    assert.equal(list.statusCode, 200, String(list.headers.location));
    const taken = await crew.post(`/staff/crew/${far.caseNumber}/take`, {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(itemOf(list.body, far.caseNumber))?.[1] ?? '',
      version: String(far.version),
    });
    assert.equal(taken.statusCode, 303);
    assert.match(String(taken.headers.location), /^\/staff\/crew\?done=taken&n=/);
    assert.equal((await rowOf(far.id)).state, 'dispatched');
    assert.equal((await rowOf(far.id)).handlerId, crew.member.id);
    await dispatch(colleagues, actorOf({ ...colleague.member, role: 'handler' }));

    const byDistance = await crew.get(`/staff/crew?lat=${cityHall.lat}&lon=${cityHall.lon}`);
    assert.equal(byDistance.statusCode, 200);
    const ours = [near, middle, far].map((row) => row.caseNumber);
    assert.deepEqual(
      listedNumbers(byDistance.body).filter((number) => number !== undefined && ours.includes(number)),
      ours,
      'nearest first',
    );
    assert.ok(
      !listedNumbers(byDistance.body).includes(colleagues.caseNumber),
      'a colleague’s report is theirs',
    );
    assert.ok(
      !listedNumbers(byDistance.body).includes(otherUnit.caseNumber),
      'another unit’s report is not listed',
    );
    assert.match(mainOf(byDistance.body), /依與您目前位置的距離排序/);

    const nearItem = decode(itemOf(byDistance.body, near.caseNumber));
    assert.match(nearItem, /路面坑洞/);
    assert.match(nearItem, new RegExp(`${near.address}`));
    assert.match(nearItem, /距離 0 m/);
    assert.match(nearItem, /待認領/);
    assert.match(nearItem, new RegExp(`${formatPageDateTime('zh-TW', near.dueAt ?? new Date())}前`));
    assert.match(nearItem, />認領並前往/);
    const middleItem = decode(itemOf(byDistance.body, middle.caseNumber));
    assert.match(middleItem, /距離 (29\d|30\d) m/);
    const farItem = decode(itemOf(byDistance.body, far.caseNumber));
    assert.match(farItem, /距離 1\.0 km/);
    assert.match(farItem, /您負責/);
    assert.match(farItem, /href="\/staff\/crew\/[^"]+\/fixed"/);

    // The thumbnail is the reporter's photo, served to staff.
    const [photo] = await photosOf(db, near.id);
    assert.ok(photo);
    const thumbPath = `/staff/crew/${near.caseNumber}/photos/${photo.id}/thumb`;
    assert.match(nearItem, new RegExp(`<img src="${thumbPath}"`));
    const thumb = await subject.app.inject({
      method: 'GET',
      url: thumbPath,
      headers: { cookie: crew.cookieHeader() },
    });
    assert.equal(thumb.statusCode, 200);
    assert.equal(thumb.headers['content-type'], 'image/jpeg');
    assert.deepEqual(thumb.rawPayload, await files.read(photo.thumbSha256));

    // Without a position: the earliest deadline first (the far one was reported first).
    const byDeadline = await crew.get('/staff/crew');
    assert.deepEqual(
      listedNumbers(byDeadline.body).filter((number) => number !== undefined && ours.includes(number)),
      [far, middle, near].map((row) => row.caseNumber),
    );
    assert.match(mainOf(byDeadline.body), /依處理期限排序/);

    // Not a crew: a counter clerk may not use the page.
    const clerk = await aSignedInMember(subject, { role: 'counter_clerk' });
    assert.equal((await clerk.get('/staff/crew')).statusCode, 403);
  });

  it('marking fixed: without a photo or a note, both problems listed; with a photo, fixed, the photo stored and the reporter and a follower e-mailed with it attached', async () => {
    const crew = await aSignedInMember(subject, { role: 'handler', unitCode: 'road-maintenance' });
    const report = await aReport({ email: 'fix-reporter@example.tw' });
    await follow(report.caseNumber, 'Fix-Follower@example.tw', 'en');
    await dispatch(report, actorOf({ ...crew.member, role: 'handler' }));

    const page = await crew.get(`/staff/crew/${report.caseNumber}/fixed`);
    assert.equal(page.statusCode, 200);
    assert.match(decode(mainOf(page.body)), /附修復後照片的通知會寄給 2 人/);
    const action = multipartActionOf(page.body);

    const refused = await postMultipart(
      crew,
      action,
      { version: String(report.version + 1), resolution: '' },
      [],
    );
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryOf(refused.body), [
      ['photos', '修復後照片：請附上至少一張修復後照片。'],
      ['resolution', '處理情形：請簡述處理情形，通報人會收到這段說明。'],
    ]);
    assert.equal((await rowOf(report.id)).state, 'dispatched');
    assert.equal((await photosOf(db, report.id)).filter((photo) => photo.role === 'fix').length, 0);
    // An after-photo that cannot be decoded: named, and nothing of it stored.
    const storedBefore = await filesOnDisk(files.dir);
    const undecodable = await postMultipart(
      crew,
      action,
      { version: String(report.version + 1), resolution: '已修補。' },
      [{ name: 'IMG_0043.jpg', content: await undecodableJpeg() }],
    );
    assert.equal(undecodable.statusCode, 400);
    assert.deepEqual(summaryOf(undecodable.body), [
      ['photos', '修復後照片：照片「IMG_0043.jpg」：這張照片已損壞，無法讀取，請改傳其他照片。'],
    ]);
    assert.deepEqual(await filesOnDisk(files.dir), storedBefore);
    assert.equal((await rowOf(report.id)).state, 'dispatched');

    const after = await storedJpeg();
    const fixed = await postMultipart(
      crew,
      action,
      { version: String(report.version + 1), resolution: '已以熱拌瀝青修補坑洞並壓實。' },
      [{ name: 'after.jpg', content: after.content }],
    );
    assert.equal(fixed.statusCode, 303, fixed.body.slice(0, 500));
    assert.equal(fixed.headers.location, `/staff/crew?done=fixed&n=${report.caseNumber}`);
    const row = await rowOf(report.id);
    assert.equal(row.state, 'fixed');
    assert.equal(row.resolution, '已以熱拌瀝青修補坑洞並壓實。');
    assert.equal(row.closedAt?.getTime(), subject.clock.now().getTime());
    const fixPhotos = (await photosOf(db, report.id)).filter((photo) => photo.role === 'fix');
    assert.equal(fixPhotos.length, 1);
    const [fixPhoto] = fixPhotos;
    assert.equal(fixPhoto?.originalSha256, after.sha256);
    assert.equal(fixPhoto?.position, 1);
    const [events] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(caseTimeline)
      .where(and(eq(caseTimeline.caseId, report.id), eq(caseTimeline.kind, 'mark_fixed')));
    assert.equal(events?.count, 1);

    const publicCopy = await files.read(fixPhoto?.publicSha256 ?? '');
    const [toReporter] = await fixedMailTo('fix-reporter@example.tw');
    assert.ok(toReporter);
    assert.match(toReporter.subject, /您通報的問題已修復（案號 /);
    assert.match(toReporter.text, /已以熱拌瀝青修補坑洞並壓實。/);
    assert.match(
      toReporter.text,
      new RegExp(`/reports/${report.caseNumber}/not-fixed\\?code=${report.lookupCode}`),
    );
    assert.equal(toReporter.attachments.length, 1);
    assert.equal(toReporter.attachments[0]?.mediaType, 'image/jpeg');
    assert.equal(toReporter.attachments[0]?.fileName, `${report.caseNumber}-fixed-1.jpg`);
    assert.deepEqual(
      toReporter.attachments[0]?.content,
      publicCopy,
      'the public copy (no metadata), byte for byte',
    );
    assert.deepEqual([...publicCopy.subarray(0, 2)], [0xff, 0xd8]);

    const [toFollower] = await fixedMailTo('fix-follower@example.tw');
    assert.ok(toFollower);
    assert.match(toFollower.subject, /The problem you reported is fixed/);
    assert.match(toFollower.text, /report you followed has been fixed/);
    assert.doesNotMatch(toFollower.text, /not-fixed/, 'only the reporter holds the lookup code');
    assert.deepEqual(toFollower.attachments[0]?.content, publicCopy);

    // Listed on the crew page with the banner, and gone from the list of work.
    const listed = await crew.get(fixed.headers.location as string);
    assert.match(decode(mainOf(listed.body)), new RegExp(`通報 ${report.caseNumber} 已標記為已修復`));
    assert.ok(!listedNumbers(listed.body).includes(report.caseNumber));
  });

  it('“not fixed” within the window: the report reopens with the reason on its timeline and the photo, and is back in its crew’s list', async () => {
    const crew = await aSignedInMember(subject, { role: 'handler', unitCode: 'road-maintenance' });
    const actor = actorOf({ ...crew.member, role: 'handler' });
    const report = await aReport();
    await dispatchAndFix(report, actor);

    const visitor = new TestBrowser(subject.app);
    const wrong = await visitor.get(`/reports/${report.caseNumber}/not-fixed?code=ZZZZZZZZ`);
    assert.equal(wrong.statusCode, 404);
    assert.match(decode(mainOf(wrong.body)), /找不到這個案件編號與查詢碼的通報/);

    // The tracking page offers it, with the number and code filled in.
    const tracked = await visitor.get(`/track?case=${report.caseNumber}&code=${report.lookupCode}`);
    assert.equal(tracked.statusCode, 200);
    assert.match(
      decode(mainOf(tracked.body)),
      new RegExp(
        `<a class="govuk-link" href="/reports/${report.caseNumber}/not-fixed\\?code=${report.lookupCode}">附上現場照片告訴我們還沒修好</a>`,
      ),
    );
    const page = await visitor.get(`/reports/${report.caseNumber}/not-fixed?code=${report.lookupCode}`);
    assert.equal(page.statusCode, 200);
    assert.match(decode(mainOf(page.body)), new RegExp(`通報 ${report.caseNumber}（路面坑洞）已於`));
    const action = multipartActionOf(page.body);

    const empty = await postMultipart(visitor, action, { reason: '' }, []);
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(summaryOf(empty.body), [['reason', '哪裡還沒修好：請說明哪裡還沒修好。']]);
    // A photo that cannot be decoded: named, and nothing of it stored (the input is held until decoded).
    const storedBefore = await filesOnDisk(files.dir);
    const undecodable = await postMultipart(visitor, action, { reason: '還是有坑洞。' }, [
      { name: 'IMG_0042.jpg', content: await undecodableJpeg() },
    ]);
    assert.equal(undecodable.statusCode, 400);
    assert.deepEqual(summaryOf(undecodable.body), [
      ['photos', '現場照片：照片「IMG_0042.jpg」：這張照片已損壞，無法讀取，請改傳其他照片。'],
    ]);
    assert.deepEqual(await filesOnDisk(files.dir), storedBefore);

    const stillThere = await storedJpeg();
    const sent = await postMultipart(visitor, action, { reason: '坑洞只補了一半，下雨後又積水。' }, [
      { name: 'still.jpg', content: stillThere.content },
    ]);
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
    const row = await rowOf(report.id);
    assert.equal(row.state, 'reopened');
    assert.equal(row.handlerId, crew.member.id, 'back with the same crew');
    const [reopened] = await db
      .select()
      .from(caseTimeline)
      .where(and(eq(caseTimeline.caseId, report.id), eq(caseTimeline.kind, 'reopen')));
    assert.equal(reopened?.publicNote, '坑洞只補了一半，下雨後又積水。');
    assert.equal(reopened?.actorLabel, 'applicant');
    const notFixedPhotos = (await photosOf(db, report.id)).filter((photo) => photo.role === 'not_fixed');
    assert.equal(notFixedPhotos.length, 1);
    assert.equal(notFixedPhotos[0]?.originalSha256, stillThere.sha256);

    const done = await visitor.get(String(sent.headers.location));
    assert.match(decode(mainOf(done.body)), /已收到，通報已重新處理/);

    const list = await crew.get('/staff/crew');
    const item = decode(itemOf(list.body, report.caseNumber));
    assert.match(item, /重新處理/);
    assert.match(item, />再次前往/);
  });

  it('“not fixed” past the window is refused in plain words, and nothing changes', async () => {
    const crew = await aSignedInMember(subject, { role: 'handler', unitCode: 'road-maintenance' });
    const actor = actorOf({ ...crew.member, role: 'handler' });
    const days = 7; // a field report's "not fixed" window (its workflow's own, not CASE_REOPEN_DAYS)
    const longAgo = new Date(subject.clock.now().getTime() - (days + 2) * day);
    const report = await aReport({}, longAgo);
    await dispatchAndFix(report, actor, longAgo);

    const visitor = new TestBrowser(subject.app);
    const url = `/reports/${report.caseNumber}/not-fixed?code=${report.lookupCode}`;
    const page = await visitor.get(url);
    assert.equal(page.statusCode, 200);
    const refusal = `這件通報修復已超過 ${days} 天，不能再重新處理。若問題仍在，請另外通報一次。`;
    assert.match(decode(mainOf(page.body)), new RegExp(refusal));
    assert.doesNotMatch(mainOf(page.body), /<form/);

    // A form sent anyway (a page left open): the same words, 409, and the report stays fixed.
    const token = /name="_csrf" value="([^"]+)"/.exec((await visitor.get('/track')).body)?.[1];
    assert.ok(token);
    const action = `${url}&_csrf=${encodeURIComponent(token ?? '')}`;
    const late = await postMultipart(visitor, action, { reason: '還是壞的。' }, []);
    assert.equal(late.statusCode, 409);
    assert.match(decode(mainOf(late.body)), new RegExp(refusal));
    assert.equal((await rowOf(report.id)).state, 'fixed');

    // The use case says the same to any caller.
    await assert.rejects(
      import('./report-fix.ts').then(({ reportNotFixed }) =>
        reportNotFixed(contextOf(), files, { caseId: report.id, reason: '還是壞的。', photos: [] }),
      ),
      (error) =>
        error instanceof DomainError && error.code === 'INVALID_TRANSITION' && error.message === refusal,
    );
  });

  it('hiding a photo: a reason is required; then hidden from the public (photosOf shows it) with a note on the timeline; another unit may not', async () => {
    const crew = await aSignedInMember(subject, { role: 'handler', unitCode: 'road-maintenance' });
    const report = await aReport({ latitude: 22.6102, longitude: 120.3001 });
    const [photo] = await photosOf(db, report.id);
    assert.ok(photo);
    const nearbyPhoto = async () =>
      (
        await findNearbyOpenReports(db, {
          serviceCode: 'pothole-report',
          lat: 22.6102,
          lon: 120.3001,
          radiusMetres: 5,
        })
      ).find((nearby) => nearby.caseId === report.id)?.photoId;
    assert.equal(await nearbyPhoto(), photo.id);

    // The case page leads to the photos page.
    const casePage = await crew.get(`/staff/cases/${report.caseNumber}`);
    assert.match(
      decode(mainOf(casePage.body)),
      new RegExp(`<a class="govuk-link" href="/staff/crew/${report.caseNumber}/photos">通報照片與修復後照片`),
    );
    const page = await crew.get(`/staff/crew/${report.caseNumber}/photos`);
    assert.equal(page.statusCode, 200);
    const hideUrl = `/staff/crew/${report.caseNumber}/photos/${photo.id}/hide`;
    assert.match(page.body, new RegExp(`action="${hideUrl}"`));
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';

    const noReason = await crew.post(hideUrl, { _csrf: token, reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(summaryOf(noReason.body), [[`reason-${photo.id}`, '隱藏原因：請填寫隱藏原因']]);
    assert.equal((await photosOf(db, report.id))[0]?.hiddenAt, null);

    const hidden = await crew.post(hideUrl, { _csrf: token, reason: '拍到路人的臉' });
    assert.equal(hidden.statusCode, 303);
    const [after] = await photosOf(db, report.id);
    assert.equal(after?.hiddenAt?.getTime(), subject.clock.now().getTime());
    assert.equal(after?.hiddenReason, '拍到路人的臉');
    assert.equal(await nearbyPhoto(), null, 'the public no longer sees it');
    const [note] = await db
      .select()
      .from(caseTimeline)
      .where(and(eq(caseTimeline.caseId, report.id), eq(caseTimeline.kind, 'note')));
    assert.equal(note?.internalNote, '通報照片第 1 張已對外隱藏，原因：拍到路人的臉');
    assert.equal(note?.publicNote, null);
    assert.equal(note?.actorStaffId, crew.member.id);
    const shown = await crew.get(String(hidden.headers.location));
    assert.match(decode(mainOf(shown.body)), /已對外隱藏/);
    // Staff still see it.
    assert.equal(
      (await crew.get(`/staff/crew/${report.caseNumber}/photos/${photo.id}/public`)).statusCode,
      200,
    );

    const outsider = await aSignedInMember(subject, { role: 'handler', unitCode: 'parks' });
    const outsiderPage = await outsider.get(`/staff/crew/${report.caseNumber}/photos`);
    assert.doesNotMatch(outsiderPage.body, /<form method="post" action="\/staff\/crew\/[^"]+\/hide"/);
    const refused = await outsider.post(hideUrl, {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(outsiderPage.body)?.[1] ?? '',
      reason: '測試',
    });
    assert.equal(refused.statusCode, 403);
  });

  it('merged duplicates: the reporter and the follower of a report merged into another are told, with the photo, when that one is fixed', async () => {
    const crew = await aSignedInMember(subject, { role: 'handler', unitCode: 'road-maintenance' });
    const actor = actorOf({ ...crew.member, role: 'handler' });
    const first = await aReport({ email: 'merge-first@example.tw' });
    const duplicate = await aReport({ email: 'merge-duplicate@example.tw', lang: 'en' });
    await follow(duplicate.caseNumber, 'merge-follower@example.tw', 'zh-TW');
    await transitionCase(
      contextOf(),
      {
        caseId: duplicate.id,
        expectedVersion: duplicate.version,
        event: 'merge',
        input: { targetCase: first.caseNumber },
      },
      actor,
    );
    assert.equal((await rowOf(duplicate.id)).state, 'merged');

    const fixed = await dispatchAndFix(first, actor);
    assert.equal(fixed.state, 'fixed');

    const [toFirst] = await fixedMailTo('merge-first@example.tw');
    assert.match(toFirst?.text ?? '', /您通報的「路面坑洞」已由維修人員修復/);
    const [toDuplicate] = await fixedMailTo('merge-duplicate@example.tw');
    assert.match(toDuplicate?.text ?? '', /was the same problem as another report/);
    assert.match(
      toDuplicate?.text ?? '',
      new RegExp(`case=${duplicate.caseNumber}`),
      'their own case’s tracking page',
    );
    assert.doesNotMatch(toDuplicate?.text ?? '', /not-fixed/);
    const [toFollower] = await fixedMailTo('merge-follower@example.tw');
    assert.match(toFollower?.text ?? '', /您關注的「路面坑洞」通報已由維修人員修復/);
    for (const message of [toFirst, toDuplicate, toFollower]) {
      assert.equal(message?.attachments.length, 1);
      assert.equal(message?.attachments[0]?.mediaType, 'image/jpeg');
    }
  });
});
