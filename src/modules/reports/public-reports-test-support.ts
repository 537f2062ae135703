/**
 * The photo reports every public-side test reads (public-reports.db.test.tsx, public-report-feeds.db.test.tsx):
 * published reports with photos (one hidden), a reporter who did not choose to show their name and one who
 * did, one never confirmed at the same place, one placed by an address only, one fixed by a crew with an
 * after-photo and a note naming the reporter, and 25 older ones to page through. Not a test file itself.
 */
import { after, before } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { testCasesContext } from '../../../test/helpers/cases-context.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { aStaffMember } from '../../platform/auth/auth-test-support.ts';
import { noisyJpeg } from '../../platform/images/photo-test-support.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { type CaseActor, type CaseRow, type CasesContext, transitionCase } from '../cases/index.ts';
import {
  addReportPhoto,
  checkedPhotos,
  type ReportPhotoFile,
  type SubmitReportInput,
  submitReport,
} from './report-intake.ts';
import { fieldReports, reportPhotos } from './reports-schema.ts';

/** A reporter who did not choose to show their name, and everything of theirs that must stay private. */
export const secret = {
  name: '王小明',
  email: 'wang.xiaoming@example.tw',
  phone: '0912345678',
  description: '我家門口（和平一路 77 巷 5 號）前面有一個大洞，王小明留',
  address: '和平一路 77 巷 5 號前',
  /** The exact point: the public sees 22.6203, 120.3125. */
  lat: 22.620347,
  lon: 120.312468,
};
/** What the secret reporter sends: their exact point, address, description and contact details. */
export const secretReport: Partial<SubmitReportInput> = {
  latitude: secret.lat,
  longitude: secret.lon,
  address: secret.address,
  description: secret.description,
  name: secret.name,
  email: secret.email,
  phone: secret.phone,
};
export const lingya = '64000080';
export const fengshan = '64000120';
export const zuoying = '64000030';
const day = 24 * 60 * 60 * 1000;

export interface PublicReportFixture {
  jpeg: ReportPhotoFile;
  /** Published, with a photo that staff later hid, a shown photo, and the secret reporter's details. */
  first: CaseRow;
  firstShownPhoto: string;
  firstHiddenPhoto: string;
  /** Published, "show my name": yes (陳大文). */
  named: CaseRow;
  /** The same place as `first`, never confirmed: not public. */
  unpublished: CaseRow;
  unpublishedPhoto: string;
  /** An address only, no point. */
  addressOnly: CaseRow;
  /** Fixed by a crew with an after-photo. */
  fixed: CaseRow;
  fixPhoto: string;
  crewName: string;
  /** 25 street lights in Zuoying, one a day from 1 February 2026, oldest first. */
  fillers: CaseRow[];
}

export function casesContextOf(subject: TestApp, lang: Lang = 'zh-TW'): CasesContext {
  return testCasesContext(subject, lang);
}

/**
 * A report through submitReport (a pothole unless told otherwise), then published as the confirmation
 * link would (unless `isPublished: false`); the clock moves on an hour.
 */
export async function reportAs(
  subject: TestApp,
  input: Partial<SubmitReportInput>,
  options: { photos?: readonly ReportPhotoFile[]; isPublished?: boolean } = {},
): Promise<CaseRow> {
  const submitted = await submitReport(
    casesContextOf(subject),
    subject.files,
    {
      serviceCode: 'pothole-report',
      description: '機車道有坑洞。',
      formData: { location: '高雄市苓雅區', size: 'medium' },
      showName: false,
      lang: 'zh-TW',
      channel: 'web',
      ...input,
    },
    options.photos ?? [],
  );
  if (options.isPublished !== false && submitted.publishedAt === null)
    await subject.database.db
      .update(fieldReports)
      .set({ publishedAt: subject.clock.now(), confirmTokenHash: null })
      .where(eq(fieldReports.caseId, submitted.row.id));
  subject.clock.advance(60 * 60 * 1000);
  return submitted.row;
}

async function photoIdsOf(subject: TestApp, caseId: string, role = 'report'): Promise<string[]> {
  const rows = await subject.database.db
    .select({ id: reportPhotos.id })
    .from(reportPhotos)
    .where(sql`${reportPhotos.caseId} = ${caseId} and ${reportPhotos.role} = ${role}`)
    .orderBy(reportPhotos.position);
  return rows.map((row) => row.id);
}

export async function seedPublicReports(subject: TestApp): Promise<PublicReportFixture> {
  const stored = await subject.files.put(await noisyJpeg(400, 300));
  const jpeg: ReportPhotoFile = { ...stored, mediaType: 'image/jpeg', fileName: 'IMG_0001.jpg' };
  const report = (
    input: Partial<SubmitReportInput>,
    options: { photos?: number; isPublished?: boolean } = {},
  ) =>
    reportAs(subject, input, {
      photos: Array.from({ length: options.photos ?? 0 }, () => jpeg),
      ...(options.isPublished === undefined ? {} : { isPublished: options.isPublished }),
    });
  const contextOf = () => casesContextOf(subject);
  const fillers: CaseRow[] = [];

  // 25 older reports in Zuoying, one a day from 1 February 2026, to page through.
  subject.clock.current = new Date('2026-02-01T02:00:00Z');
  for (let index = 0; index < 25; index += 1) {
    fillers.push(
      await report({
        serviceCode: 'street-light-repair',
        formData: { location: '左營區', problem: 'out' },
        latitude: 22.6869 + index * 0.0003,
        longitude: 120.3077,
      }),
    );
    subject.clock.advance(day);
  }

  subject.clock.current = new Date('2026-03-02T02:00:00Z');
  const first = await report(
    { ...secretReport, formData: { location: secret.address, size: 'large' } },
    { photos: 2 },
  );
  const [firstShownPhoto = '', firstHiddenPhoto = ''] = await photoIdsOf(subject, first.id);
  await subject.database.db
    .update(reportPhotos)
    .set({ hiddenAt: subject.clock.now(), hiddenReason: '拍到路人的臉' })
    .where(eq(reportPhotos.id, firstHiddenPhoto));

  const named = await report({
    serviceCode: 'street-light-repair',
    formData: { location: '鳳山區', problem: 'out' },
    latitude: 22.6276,
    longitude: 120.3594,
    name: '陳大文',
    email: 'chen.dawen@example.tw',
    phone: '0987654321',
    showName: true,
  });
  const unpublished = await report(
    {
      latitude: secret.lat,
      longitude: secret.lon,
      name: '林美麗',
      email: 'lin.meili@example.tw',
    },
    { photos: 1, isPublished: false },
  );
  const [unpublishedPhoto = ''] = await photoIdsOf(subject, unpublished.id);
  const addressOnly = await report({
    serviceCode: 'park-facility-damage',
    formData: { 'park-name': '中央公園', location: '左營區蓮池潭', facility: 'bench' },
    districtCode: zuoying,
    address: '蓮池潭旁公園',
  });
  const fixed = await report(
    { latitude: 22.6204, longitude: 120.3124, name: secret.name, phone: secret.phone },
    { photos: 1 },
  );

  // A crew of the unit that received it dispatches it and marks it fixed with an after-photo, writing a
  // note for the reporter that names them.
  const crew = await aStaffMember(subject.database.db, {
    role: 'handler',
    unitCode: fixed.unitCode,
    displayName: '養工處李組長',
  });
  const actor: CaseActor = {
    kind: 'staff',
    id: crew.id,
    displayName: crew.displayName,
    email: crew.email,
    role: crew.role,
    unitCode: crew.unitCode,
  };
  const dispatched = await transitionCase(
    contextOf(),
    { caseId: fixed.id, expectedVersion: fixed.version, event: 'dispatch', input: {} },
    actor,
  );
  subject.clock.advance(2 * 60 * 60 * 1000);
  const [after] = await checkedPhotos(
    subject.files,
    [
      {
        ...(await subject.files.put(await noisyJpeg(320, 240))),
        mediaType: 'image/jpeg',
        fileName: 'after.jpg',
      },
    ],
    'zh-TW',
  );
  await transitionCase(
    contextOf(),
    {
      caseId: fixed.id,
      expectedVersion: dispatched.version,
      event: 'mark_fixed',
      input: {
        resolution: '已用瀝青填平坑洞。',
        publicNote: `${secret.name}先生您好，坑洞已修復，有問題請回電 ${secret.phone}。`,
      },
    },
    actor,
    {
      inTransaction: async (tx, updated) => {
        if (after === undefined) throw new Error('the after-photo was refused');
        await addReportPhoto(
          tx,
          subject.files,
          after,
          { caseId: updated.id, role: 'fix', position: 1, staffId: crew.id },
          subject.clock.now(),
        );
      },
    },
  );
  const [fixPhoto = ''] = await photoIdsOf(subject, fixed.id, 'fix');
  return {
    jpeg,
    first,
    firstShownPhoto,
    firstHiddenPhoto,
    named,
    unpublished,
    unpublishedPhoto,
    addressOnly,
    fixed,
    fixPhoto,
    crewName: crew.displayName,
    fillers,
  };
}

/**
 * The app every public-side test block reads, built (with the public base URL feeds and pages write
 * absolute links with) and seeded before the block's tests and closed after them. Call it in a describe
 * block: `const site = seededPublicReports(); const { seed, get } = site;`, then `seed.first.caseNumber`,
 * `get('/reports')` or `site.subject` inside a test (`seed` is filled, `subject` set, once `before` has run).
 */
export function seededPublicReports() {
  const seed = {} as PublicReportFixture;
  let built: TestApp | undefined;
  const subject = (): TestApp => {
    if (built === undefined) throw new Error('the seeded app is built in before(): read it inside a test');
    return built;
  };
  before(async () => {
    built = await buildTestApp({ environment: { PUBLIC_BASE_URL: 'https://onewindow.example.tw' } });
    Object.assign(seed, await seedPublicReports(built));
  });
  after(() => built?.app.close());
  return {
    seed,
    get subject() {
      return subject();
    },
    get: (url: string, headers: Record<string, string> = {}) =>
      subject().app.inject({ method: 'GET', url, headers }),
  };
}
