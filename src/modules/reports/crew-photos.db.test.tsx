import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { mainOf } from '../../../test/helpers/html.ts';
import { buildAppWithLog, buildTestApp } from '../../../test/helpers/test-app.ts';
import { aSignedInMember, auditEntries } from '../../platform/auth/auth-test-support.ts';
import { noisyJpeg } from '../../platform/images/photo-test-support.ts';
import type { CaseRow } from '../cases/index.ts';
import { reportAs, secret, secretReport } from './public-reports-test-support.ts';
import { photosOf, type ReportPhoto } from './report-queries.ts';

/**
 * A report's photos beyond the crews' journey (crew.db.test.tsx): hiding one is audited, and a photo whose
 * stored file was lost answers 404 with one warning in the log, never a 500. The app under test writes its
 * request log where the test reads it (buildAppWithLog), to check what the log holds and what it never does.
 */

const subject = await buildTestApp();
const { db } = subject.database;
const logged = await buildAppWithLog(subject);
const site = { ...subject, app: logged.app };
after(async () => {
  await logged.app.close();
  await subject.app.close();
});

/** What of the reporter must never reach the log. */
const reporterDetails = [secret.name, secret.email, secret.phone, secret.description, secret.address];

let photoCount = 0;
/** A published report by the secret reporter with one photo of its own (so its files are its alone). */
async function aReportWithPhoto(): Promise<{ report: CaseRow; photo: ReportPhoto }> {
  photoCount += 1;
  const stored = await subject.files.put(await noisyJpeg(500 + photoCount, 400));
  const report = await reportAs(subject, secretReport, {
    photos: [{ ...stored, mediaType: 'image/jpeg', fileName: 'IMG_0001.jpg' }],
  });
  const [photo] = await photosOf(db, report.id);
  assert.ok(photo);
  return { report, photo };
}

/** The log's lines (pino: one JSON object a line) written since `mark` (an earlier length of the log). */
function logLinesSince(mark: number): Record<string, unknown>[] {
  return logged
    .log()
    .slice(mark)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('a report’s photos: hiding is audited; a lost file is a 404, not a 500', () => {
  it('hiding a photo writes one audit entry (who, the photo, the case, the reason); the log holds neither the reason nor the reporter’s details', async () => {
    const { report, photo } = await aReportWithPhoto();
    const crew = await aSignedInMember(site, { role: 'handler', unitCode: report.unitCode });
    const page = await crew.get(`/staff/crew/${report.caseNumber}/photos`);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const hideUrl = `/staff/crew/${report.caseNumber}/photos/${photo.id}/hide`;
    const reason = '拍到路人的臉與車牌 ABC-1234';
    const mark = logged.log().length;

    const hidden = await crew.post(hideUrl, { _csrf: token, reason });
    assert.equal(hidden.statusCode, 303);
    const expected = {
      actorLabel: crew.member.email,
      actorStaffId: crew.member.id,
      details: { caseId: report.id, caseNumber: report.caseNumber, role: 'report', position: 1, reason },
    };
    assert.deepEqual(await auditEntries(db, 'report.photo_hidden', photo.id), [expected]);
    // A second click (or a colleague a moment later) hides nothing more and records nothing more.
    assert.equal((await crew.post(hideUrl, { _csrf: token, reason: '再按一次' })).statusCode, 303);
    assert.deepEqual(await auditEntries(db, 'report.photo_hidden', photo.id), [expected]);

    // The request log names the route, never its address with the case and photo, nor the form's fields.
    const requests = logLinesSince(mark).filter((line) => line.msg === 'request');
    assert.deepEqual(
      requests.map((line) => [line.method, line.path, line.statusCode]),
      [
        ['POST', '/staff/crew/:caseNumber/photos/:photoId/hide', 303],
        ['POST', '/staff/crew/:caseNumber/photos/:photoId/hide', 303],
      ],
    );
    const log = logged.log().slice(mark);
    for (const value of [reason, '再按一次', report.caseNumber, photo.id, ...reporterDetails])
      assert.equal(log.includes(value), false, `the log does not hold “${value}”`);
  });

  it('a photo whose files are lost: its addresses answer 404 in the reader’s language with one warning each (the file, the route, nobody’s details); the report’s pages still show', async () => {
    const { report, photo } = await aReportWithPhoto();
    for (const sha256 of [photo.publicSha256, photo.thumbSha256, photo.originalSha256])
      await subject.files.remove(sha256);
    const crew = await aSignedInMember(site, { role: 'handler', unitCode: report.unitCode });
    const publicRoute = '/reports/:number/photos/:photoId/:file';
    const staffRoute = '/staff/crew/:caseNumber/photos/:photoId/:size';
    const staffPhoto = `/staff/crew/${report.caseNumber}/photos/${photo.id}`;
    const publicPhoto = `/reports/${report.caseNumber}/photos/${photo.id}`;
    const asked = [
      { url: `${publicPhoto}/public.jpg`, route: publicRoute, sha256: photo.publicSha256 },
      { url: `${publicPhoto}/thumb.jpg`, route: publicRoute, sha256: photo.thumbSha256 },
      { url: `${staffPhoto}/thumb`, route: staffRoute, sha256: photo.thumbSha256 },
      { url: `${staffPhoto}/public`, route: staffRoute, sha256: photo.publicSha256 },
      { url: `/en${staffPhoto}/original`, route: `/en${staffRoute}`, sha256: photo.originalSha256 },
    ];
    const mark = logged.log().length;
    for (const { url } of asked) {
      // A page asks for it (an <img>, a link opened in a tab): the site's 404 page in the reader's language.
      const response = await crew.get(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers['content-type']), /^text\/html/, url);
      const isEnglish = url.startsWith('/en/');
      assert.match(response.body, isEnglish ? /<h1[^>]*>Page not found</ : /<h1[^>]*>找不到這個頁面</, url);
      assert.equal(String(response.headers['cache-control']).includes('public'), false, url);
    }
    // A program asks for JSON: the one error shape, saying the file is missing rather than the address wrong.
    const asJson = await crew.get(`${publicPhoto}/public.jpg`, { accept: 'application/json' });
    assert.equal(asJson.statusCode, 404);
    assert.deepEqual(JSON.parse(asJson.body), {
      code: 'NOT_FOUND',
      message: '這個檔案目前無法取得，我們已記錄此問題，請稍後再試。',
      errors: [],
      requestId: asJson.headers['x-request-id'],
    });
    const [first] = asked;
    assert.ok(first);
    asked.push(first);
    const lines = logLinesSince(mark);
    const warnings = lines.filter((line) => line.msg === 'stored file missing from the file store');
    assert.deepEqual(
      warnings.map((line) => [line.level, line.sha256, line.route]),
      asked.map(({ route, sha256 }) => [40, sha256, route]),
    );
    assert.equal(
      lines.some((line) => Number(line.level) >= 50),
      false,
      'no error (500) logged',
    );
    for (const warning of warnings)
      for (const value of [report.caseNumber, photo.id, crew.member.email, ...reporterDetails])
        assert.equal(JSON.stringify(warning).includes(value), false, `the warning does not hold “${value}”`);

    // The pages that show the photo still render, with its address (the browser asks for it and gets 404).
    const publicPage = await crew.get(`/reports/${report.caseNumber}`);
    assert.equal(publicPage.statusCode, 200);
    assert.match(
      mainOf(publicPage.body),
      new RegExp(`/reports/${report.caseNumber}/photos/${photo.id}/thumb.jpg`),
    );
    const staffPage = await crew.get(`/staff/crew/${report.caseNumber}/photos`);
    assert.equal(staffPage.statusCode, 200);
    assert.match(
      mainOf(staffPage.body),
      new RegExp(`/staff/crew/${report.caseNumber}/photos/${photo.id}/thumb`),
    );
    assert.equal((await crew.get(`/staff/cases/${report.caseNumber}`)).statusCode, 200);
  });
});

describe('a report’s photos are served as downloads, never inline (issue 13)', () => {
  it('each size, to staff and to the public, is an attachment under a sandboxing policy; the pages still show them with <img>', async () => {
    const { report, photo } = await aReportWithPhoto();
    const crew = await aSignedInMember(site, { role: 'handler', unitCode: report.unitCode });
    const staffPhoto = `/staff/crew/${report.caseNumber}/photos/${photo.id}`;
    const publicPhoto = `/reports/${report.caseNumber}/photos/${photo.id}`;
    for (const [url, name] of [
      [`${staffPhoto}/thumb`, `${report.caseNumber}-report-1-thumb.jpg`],
      [`${staffPhoto}/public`, `${report.caseNumber}-report-1-public.jpg`],
      [`/en${staffPhoto}/original`, `${report.caseNumber}-report-1-original.jpg`],
      [`${publicPhoto}/thumb.jpg`, `${report.caseNumber}-${photo.id}-thumb.jpg`],
      [`${publicPhoto}/public.jpg`, `${report.caseNumber}-${photo.id}-public.jpg`],
    ] as const) {
      const response = await crew.get(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['content-type'], 'image/jpeg', url);
      assert.equal(
        response.headers['content-disposition'],
        `attachment; filename="${name}"; filename*=UTF-8''${name}`,
      );
      assert.equal(response.headers['content-security-policy'], "sandbox; default-src 'none'", url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
    }
    const staffPage = mainOf((await crew.get(`/staff/crew/${report.caseNumber}/photos`)).body);
    assert.match(staffPage, new RegExp(`<img src="${staffPhoto}/thumb"`));
    assert.match(staffPage, />下載原始照片（僅限同仁）/);
    const english = mainOf((await crew.get(`/en/staff/crew/${report.caseNumber}/photos`)).body);
    assert.match(english, />Download the original \(staff only\)/);
  });
});
