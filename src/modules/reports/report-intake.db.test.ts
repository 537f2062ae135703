import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { testCasesContext } from '../../../test/helpers/cases-context.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { systemActor } from '../../platform/auth/audit-log.ts';
import { loadWorkingCalendar } from '../../platform/calendar/calendar-service.ts';
import { createFilesystemStore, type FileStore } from '../../platform/files/file-store.ts';
import { storedFiles } from '../../platform/files/files-schema.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { noisyJpeg } from '../../platform/images/photo-test-support.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { setRoutingRule } from '../cases/core/routing-rules.ts';
import { type CasesContext, cases } from '../cases/index.ts';
import { type ReportPhotoFile, type SubmitReportInput, submitReport } from './report-intake.ts';
import { confirmReport, findNearbyOpenReports, followReport, photosOf } from './report-queries.ts';
import { fieldReports } from './reports-schema.ts';

/** Kaohsiung City Hall, 苓雅區 (a point well inside a district and a village). */
const cityHall = { lat: 22.6203, lon: 120.312 };
/** About 10 m north-east of it, and about 60 m north. */
const tenMetresAway = { lat: 22.62036, lon: 120.31207 };
const sixtyMetresAway = { lat: 22.62084, lon: 120.312 };
/** Taipei 101: not Kaohsiung. */
const taipei = { lat: 25.0339, lon: 121.5645 };

describe('photo reports: submitReport, the duplicate look-up, follow and confirm', () => {
  let subject: TestApp;
  let files: FileStore;
  let storeDir: string;
  let jpeg: ReportPhotoFile;

  const contextOf = (lang: Lang = 'zh-TW'): CasesContext => testCasesContext(subject, lang);
  const pothole = (overrides: Partial<SubmitReportInput> = {}): SubmitReportInput => ({
    serviceCode: 'pothole-report',
    latitude: cityHall.lat,
    longitude: cityHall.lon,
    description: '四維三路外側車道有一個約 30 公分的坑洞。',
    formData: { size: 'medium' },
    email: 'reporter@example.tw',
    showName: false,
    lang: 'zh-TW',
    channel: 'web',
    ...overrides,
  });
  const caseCount = async () =>
    Number(
      (await subject.database.db.execute<{ n: number }>(sql`select count(*)::int as n from cases`)).rows[0]
        ?.n,
    );
  const problemsOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof DomainError, String(error));
      assert.equal(error.code, 'VALIDATION_FAILED');
      return error.problems.map((problem) => `${problem.field}:${problem.code}`);
    }
    assert.fail('the report was accepted');
  };

  before(async () => {
    subject = await buildTestApp();
    storeDir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-report-store-'));
    files = createFilesystemStore(storeDir);
    const stored = await files.put(await noisyJpeg(1200, 900));
    jpeg = { ...stored, mediaType: 'image/jpeg', fileName: 'IMG_0001.jpg' };
  });
  after(async () => {
    await subject.app.close();
    await rm(storeDir, { recursive: true, force: true });
  });

  it('a report with a pin and a photo becomes a routed field report with its village, photos and a confirmation e-mail', async () => {
    const submitted = await submitReport(contextOf(), files, pothole(), [jpeg]);
    const row = submitted.row;
    assert.equal(row.kind, 'field_report');
    assert.equal(row.state, 'received');
    assert.equal(row.channel, 'web');
    assert.equal(row.unitCode, 'road-maintenance');
    assert.equal(row.applicantName, '', 'no name was given and none is invented');
    assert.equal(row.latitude, cityHall.lat);
    assert.ok(row.districtCode?.startsWith('64000'), `district ${row.districtCode}`);
    assert.ok(row.dueAt !== null && row.dueAt.getTime() - row.receivedAt.getTime() === 4 * 3_600_000);
    assert.equal(submitted.awaitsConfirmation, true);
    assert.equal(submitted.publishedAt, null);

    const [report] = await subject.database.db
      .select()
      .from(fieldReports)
      .where(eq(fieldReports.caseId, row.id));
    assert.ok(report?.villageCode?.startsWith(row.districtCode ?? 'x'), `village ${report?.villageCode}`);
    assert.equal(report?.publishedAt, null);
    assert.match(report?.confirmTokenHash ?? '', /^[0-9a-f]{64}$/);

    const photos = await photosOf(subject.database.db, row.id);
    assert.equal(photos.length, 1);
    const [photo] = photos;
    assert.equal(photo?.role, 'report');
    assert.equal(photo?.originalSha256, jpeg.sha256);
    assert.equal(photo?.width, 1200);
    for (const sha256 of [photo?.originalSha256, photo?.publicSha256, photo?.thumbSha256]) {
      assert.ok(await files.has(sha256 ?? ''), `${sha256} is in the store`);
      const listed = await subject.database.db
        .select()
        .from(storedFiles)
        .where(eq(storedFiles.sha256, sha256 ?? ''));
      assert.equal(listed.length, 1, `${sha256} is listed in stored_files`);
    }

    const deliveries = await subject.database.db.execute<{
      topic: string;
      recipient: string;
      body_text: string;
    }>(
      sql`select topic, recipient, body_text from notification_deliveries where subject_id = ${row.id} order by topic`,
    );
    assert.deepEqual(
      deliveries.rows.map((delivery) => `${delivery.topic} → ${delivery.recipient}`),
      ['case.received → reporter@example.tw', 'report.confirm → reporter@example.tw'],
    );
    const link = /\/report\/confirm\/([A-Za-z0-9_-]+)/.exec(deliveries.rows[1]?.body_text ?? '');
    assert.ok(link, 'the confirmation e-mail carries the link');

    // The link confirms once; the address is then known and its next report is public at once.
    const confirmed = await confirmReport(subject.database.db, link[1] ?? '', subject.clock.now());
    assert.deepEqual(confirmed, { caseNumber: row.caseNumber });
    assert.equal(await confirmReport(subject.database.db, link[1] ?? '', subject.clock.now()), null);
    const [published] = await subject.database.db
      .select()
      .from(fieldReports)
      .where(eq(fieldReports.caseId, row.id));
    assert.ok(published?.publishedAt instanceof Date);
    const second = await submitReport(
      contextOf(),
      files,
      pothole({ email: 'REPORTER@example.tw', latitude: 22.63, longitude: 120.3 }),
      [],
    );
    assert.equal(second.awaitsConfirmation, false);
    assert.ok(second.publishedAt instanceof Date);
  });

  it('lists every problem at once, in the reporter’s language, and writes nothing', async () => {
    const before = await caseCount();
    const photos = [jpeg, jpeg, jpeg, jpeg];
    const zh = await problemsOf(
      submitReport(
        contextOf(),
        files,
        pothole({
          serviceCode: '',
          latitude: taipei.lat,
          longitude: taipei.lon,
          email: 'not-an-address',
          description: ' ',
        }),
        photos,
      ),
    );
    assert.deepEqual(zh.sort(), [
      'applicantEmail:invalid',
      'description:required',
      'latitude:outside_kaohsiung',
      'photos:too_many_files',
      'serviceCode:required',
    ]);
    try {
      await submitReport(
        contextOf('en'),
        files,
        pothole({
          serviceCode: 'road-excavation-permit',
          lang: 'en',
          latitude: undefined,
          longitude: undefined,
        }),
        [],
      );
      assert.fail('accepted');
    } catch (error) {
      assert.ok(error instanceof DomainError);
      const messages = error.problems.map((problem) => problem.message);
      assert.ok(
        messages.includes('That is not one of the categories; choose one from the list.'),
        messages.join(' | '),
      );
      assert.ok(
        messages.some((message) => message.startsWith('Put a pin on the map')),
        messages.join(' | '),
      );
    }
    assert.equal(await caseCount(), before);
  });

  it('refuses a file that is not a photo, naming it, and stores no case', async () => {
    const before = await caseCount();
    const text = await files.put(Buffer.from('this is not a photo at all, only words'));
    const problems = await problemsOf(
      submitReport(contextOf(), files, pothole(), [
        { ...text, mediaType: 'image/jpeg', fileName: 'notes.jpg' },
      ]),
    );
    assert.deepEqual(problems, ['photos:photo_not_image']);
    assert.equal(await caseCount(), before);
  });

  it('without a pin, an address or landmark and a district are enough', async () => {
    const submitted = await submitReport(
      contextOf(),
      files,
      pothole({
        latitude: undefined,
        longitude: undefined,
        address: '四維三路與中華四路口',
        districtCode: '64000080',
        email: undefined,
      }),
      [],
    );
    assert.equal(submitted.row.districtCode, '64000080');
    assert.equal(submitted.row.latitude, null);
    assert.equal(submitted.awaitsConfirmation, false, 'no address: nothing to confirm');
  });

  it('a category with a working-day deadline and a routing rule by district: routed by both, due in working days', async () => {
    const { db } = subject.database;
    // 苓雅區 (where City Hall is) sends street lights to another unit; elsewhere they go to the default one.
    const lingya = (
      await db.execute<{ code: string }>(sql`select code from districts where name_zh = '苓雅區'`)
    ).rows[0]?.code;
    assert.ok(lingya);
    await setRoutingRule(
      db,
      {
        serviceCode: 'street-light-repair',
        districtCode: lingya,
        unitCode: 'road-maintenance',
        note: 'test',
      },
      systemActor,
      subject.clock.now(),
    );
    const light = (overrides: Partial<SubmitReportInput>) =>
      pothole({
        serviceCode: 'street-light-repair',
        formData: { problem: 'out' },
        email: undefined,
        ...overrides,
      });
    const here = (await submitReport(contextOf(), files, light({}), [])).row;
    assert.equal(here.districtCode, lingya);
    assert.equal(here.unitCode, 'road-maintenance', 'the district rule');
    const elsewhere = (
      await submitReport(contextOf(), files, light({ latitude: 22.7001, longitude: 120.3001 }), [])
    ).row;
    assert.notEqual(elsewhere.districtCode, lingya);
    assert.equal(elsewhere.unitCode, 'parks', "the category's own unit");
    // Three working days (the category's deadline) on the region's calendar, not 72 hours.
    const calendar = await loadWorkingCalendar(db, { region: subject.config.calendarRegion });
    assert.equal(here.dueAt?.toISOString(), calendar.addWorkingDays(here.receivedAt, 3)?.toISOString());
    assert.deepEqual(here.deadlineRule, { kind: 'working_days', days: 3 });
  });

  it('finds open reports of the same category within the radius, nearest first, and lets a citizen follow one', async () => {
    const first = await submitReport(
      contextOf(),
      files,
      pothole({ latitude: 22.7001, longitude: 120.3001, email: undefined }),
      [jpeg],
    );
    await submitReport(
      contextOf(),
      files,
      pothole({ latitude: 22.7001 + 0.00054, longitude: 120.3001, email: undefined }),
      [],
    );
    await submitReport(
      contextOf(),
      files,
      pothole({
        serviceCode: 'street-light-repair',
        formData: { problem: 'out' },
        latitude: 22.7001,
        longitude: 120.3001,
        email: undefined,
      }),
      [],
    );
    const near = await findNearbyOpenReports(subject.database.db, {
      serviceCode: 'pothole-report',
      lat: 22.7001 + (tenMetresAway.lat - cityHall.lat),
      lon: 120.3001 + (tenMetresAway.lon - cityHall.lon),
      radiusMetres: 30,
    });
    assert.deepEqual(
      near.map((report) => report.caseNumber),
      [first.row.caseNumber],
      'the 60 m one and the street light are not duplicates',
    );
    assert.ok((near[0]?.distanceMetres ?? 99) < 15, `${near[0]?.distanceMetres} m`);
    assert.notEqual(near[0]?.photoId, null);
    assert.ok(sixtyMetresAway.lat > cityHall.lat);

    assert.equal(
      await followReport(
        subject.database.db,
        first.row.caseNumber,
        { email: 'Neighbour@Example.tw', lang: 'en' },
        subject.clock.now(),
      ),
      true,
    );
    await followReport(
      subject.database.db,
      first.row.caseNumber,
      { email: 'neighbour@example.tw', lang: 'en' },
      subject.clock.now(),
    );
    const followers = await subject.database.db.execute<{ email: string }>(
      sql`select email from report_followers where case_id = ${first.row.id}`,
    );
    assert.deepEqual(followers.rows, [{ email: 'neighbour@example.tw' }]);
    assert.equal(
      await followReport(
        subject.database.db,
        '1150101-9999',
        { email: 'x@example.tw', lang: 'en' },
        subject.clock.now(),
      ),
      false,
    );
    const [caseRow] = await subject.database.db
      .select({ state: cases.state })
      .from(cases)
      .where(eq(cases.id, first.row.id));
    assert.equal(caseRow?.state, 'received');
  });
});
