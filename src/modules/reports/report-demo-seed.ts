/**
 * Demo photo reports for a fresh `npm start` (`DEMO_DATA`, on with the embedded database): forty reports over
 * eleven districts and five categories, each with a small generated photo, taken through the same code as
 * real ones — `submitReport` (routing, deadline, timeline), then `dispatch`, `markReportFixed` (with an
 * after-photo), `close` and `reportNotFixed` — each step at its own moment of the last five weeks. So the
 * public map, the feeds, open data and Open311 have something to show, and it is all consistent.
 */
import { and, asc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { staff } from '../../platform/auth/auth-schema.ts';
import type { DemoDataContext } from '../../platform/composition/app-module.ts';
import type { Database } from '../../platform/db/database.ts';
import { appMeta } from '../../platform/db/meta-schema.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { type CaseRow, type CasesContext, type StaffCaseActor, transitionCase } from '../cases/index.ts';
import { type DemoReport, demoReports, demoStepAfter } from './report-demo-data.ts';
import { markReportFixed, reportNotFixed } from './report-fix.ts';
import { type ReportPhotoFile, submitReport } from './report-intake.ts';

/** The app_meta row that says the demo reports were loaded (or are being loaded) here. */
export const demoReportsMetaKey = 'demo_reports';

/** A plain 640 × 480 JPEG in the category's colour with a label: enough for a thumbnail and a page. */
async function demoPhoto(
  files: FileStore,
  report: DemoReport,
  when: 'before' | 'after',
): Promise<ReportPhotoFile> {
  const caption = `DEMO #${report.number} · ${report.label} · ${when === 'before' ? 'reported' : 'fixed'}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect x="40" y="190" width="560" height="100" rx="12" fill="#ffffff" fill-opacity="0.85"/>
    <text x="320" y="252" font-family="sans-serif" font-size="32" text-anchor="middle" fill="#0b0c0c">${caption}</text>
  </svg>`;
  const bytes = await sharp({
    create: {
      width: 640,
      height: 480,
      channels: 3,
      background: when === 'before' ? report.colour : '#00703c',
    },
  })
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality: 80 })
    .toBuffer();
  const stored = await files.put(bytes);
  return { ...stored, mediaType: 'image/jpeg', fileName: `demo-${report.number}-${when}.jpg` };
}

/** The unit's first active handler (the demo staff's), as the crew who takes, fixes and closes; null if none. */
async function crewOf(db: Database, unitCode: string): Promise<StaffCaseActor | null> {
  const [member] = await db
    .select({ id: staff.id, displayName: staff.displayName, email: staff.email, unitCode: staff.unitCode })
    .from(staff)
    .where(and(eq(staff.unitCode, unitCode), eq(staff.role, 'handler'), eq(staff.isActive, true)))
    .orderBy(asc(staff.email))
    .limit(1);
  return member === undefined ? null : { kind: 'staff', role: 'handler', ...member };
}

/**
 * Takes one report through its steps. Without a handler in its unit (no demo staff) it stays received:
 * the workflow allows no one else to move it.
 */
async function walk(
  context: DemoDataContext,
  report: DemoReport,
  crews: Map<string, StaffCaseActor | null>,
): Promise<void> {
  const { db, files, jobs, config } = context;
  const at = (offset: number): CasesContext => ({
    db,
    jobs,
    now: new Date(report.receivedAt.getTime() + offset),
    lang: 'zh-TW',
    calendarRegion: config.calendarRegion,
    reopenDays: config.caseReopenDays,
    publicBaseUrl: config.publicBaseUrl,
  });
  const submitted = await submitReport(
    at(0),
    files,
    {
      serviceCode: report.serviceCode,
      latitude: report.lat,
      longitude: report.lon,
      description: report.description,
      formData: report.formData,
      showName: false,
      lang: 'zh-TW',
      channel: 'web',
    },
    [await demoPhoto(files, report, 'before')],
  );
  if (report.state === 'received') return;
  let row: CaseRow = submitted.row;
  const unitCode = row.unitCode;
  if (unitCode === null) return;
  if (!crews.has(unitCode)) crews.set(unitCode, await crewOf(db, unitCode));
  const crew = crews.get(unitCode) ?? null;
  if (crew === null) return;
  row = await transitionCase(
    at(demoStepAfter.dispatch),
    { caseId: row.id, expectedVersion: row.version, event: 'dispatch', input: {} },
    crew,
  );
  if (report.state === 'dispatched') return;
  row = await markReportFixed(at(demoStepAfter.fix), files, crew, {
    caseId: row.id,
    version: row.version,
    resolution: report.resolution,
    photos: [await demoPhoto(files, report, 'after')],
  });
  if (report.state === 'closed')
    await transitionCase(
      at(demoStepAfter.close),
      { caseId: row.id, expectedVersion: row.version, event: 'close', input: {} },
      crew,
    );
  if (report.state === 'reopened')
    await reportNotFixed(at(demoStepAfter.reopen), files, {
      caseId: row.id,
      reason: '去現場看過了，還是沒有修好，麻煩再派人來看看。',
      photos: [],
    });
}

/**
 * Loads the demo reports once per database: the app_meta row is claimed first, so a second start (or a
 * second process starting at the same time) finds it and writes nothing. Returns how many it wrote.
 */
export async function seedDemoReports(context: DemoDataContext): Promise<number> {
  const claimed = await context.db
    .insert(appMeta)
    .values({ key: demoReportsMetaKey, value: 'loading' })
    .onConflictDoNothing()
    .returning({ key: appMeta.key });
  if (claimed.length === 0) return 0;
  const reports = demoReports(context.clock.now());
  const crews = new Map<string, StaffCaseActor | null>();
  for (const report of reports) await walk(context, report, crews);
  await context.db
    .update(appMeta)
    .set({ value: `${reports.length} reports` })
    .where(eq(appMeta.key, demoReportsMetaKey));
  return reports.length;
}
