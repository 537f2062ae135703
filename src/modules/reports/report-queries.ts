import { and, asc, between, eq, isNull, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { cases, mergedAtAnyDepth, workflowOf } from '../cases/index.ts';
import { sha256Hex } from './report-intake.ts';
import { boxAround, distanceMetres } from './report-place.ts';
import { fieldReports, reportConfirmedAddresses, reportFollowers, reportPhotos } from './reports-schema.ts';

/**
 * What the report pages and the API read: open reports near a point (the duplicate step), the follow and
 * confirm actions, and a report's photos. Nothing here returns a reporter's contact details.
 */

const openFieldReportStates = workflowOf('field_report').openStates;

export interface NearbyReport {
  caseId: string;
  caseNumber: string;
  state: string;
  receivedAt: Date;
  distanceMetres: number;
  description: string;
  /** The first public photo (not hidden), for the thumbnail. */
  photoId: string | null;
}

/**
 * Open reports of the same category within `radiusMetres` of the point, nearest first (at most `limit`).
 * The partial index on open field reports (service, latitude, longitude) narrows to a small box; the exact
 * distance is computed here. Reports not yet on the public map are included: a duplicate is a duplicate,
 * and only its number, state, distance and public photo are shown.
 */
export async function findNearbyOpenReports(
  db: DatabaseOrTransaction,
  query: { serviceCode: string; lat: number; lon: number; radiusMetres: number; limit?: number },
): Promise<NearbyReport[]> {
  const box = boxAround({ lat: query.lat, lon: query.lon }, query.radiusMetres);
  const rows = await db
    .select({
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      receivedAt: cases.receivedAt,
      latitude: cases.latitude,
      longitude: cases.longitude,
      description: cases.description,
      // Spelled out: inside a select list Drizzle writes columns without their table, which a correlated
      // sub-select cannot have.
      photoId: sql<string | null>`(
        select rp.id from report_photos rp
         where rp.case_id = "cases"."id" and rp.role = 'report' and rp.hidden_at is null
         order by rp.position limit 1)`,
    })
    .from(cases)
    .where(
      and(
        eq(cases.kind, 'field_report'),
        sql`${cases.state} in (${sql.join(
          openFieldReportStates.map((state) => sql`${state}`),
          sql`, `,
        )})`,
        eq(cases.serviceCode, query.serviceCode),
        between(cases.latitude, box.minLat, box.maxLat),
        between(cases.longitude, box.minLon, box.maxLon),
      ),
    )
    .limit(200);
  return rows
    .map((row) => ({
      caseId: row.caseId,
      caseNumber: row.caseNumber,
      state: row.state,
      receivedAt: row.receivedAt,
      description: row.description,
      photoId: row.photoId,
      distanceMetres: distanceMetres(
        { lat: query.lat, lon: query.lon },
        { lat: row.latitude ?? 0, lon: row.longitude ?? 0 },
      ),
    }))
    .filter((row) => row.distanceMetres <= query.radiusMetres)
    .sort((a, b) => a.distanceMetres - b.distanceMetres)
    .slice(0, query.limit ?? 5);
}

/**
 * "This is mine — follow it": the address is told when the report is fixed (and of a merge's outcome).
 * Following twice is following once. False when there is no open field report with that number.
 */
export async function followReport(
  db: DatabaseOrTransaction,
  caseNumber: string,
  follower: { email: string; lang: string },
  at: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ id: cases.id, state: cases.state })
    .from(cases)
    .where(and(eq(cases.caseNumber, caseNumber), eq(cases.kind, 'field_report')));
  if (row === undefined || workflowOf('field_report').isFinished(row.state)) return false;
  await db
    .insert(reportFollowers)
    .values({
      caseId: row.id,
      email: follower.email.trim().toLowerCase(),
      lang: follower.lang,
      followedAt: at,
    })
    .onConflictDoNothing();
  return true;
}

/** The followers of a report and of the reports merged into it at any depth (A via B), for the "fixed" e-mail. */
export async function followersOf(
  db: DatabaseOrTransaction,
  caseId: string,
): Promise<{ email: string; lang: string }[]> {
  return db
    .select({ email: reportFollowers.email, lang: reportFollowers.lang })
    .from(reportFollowers)
    .where(
      sql`${reportFollowers.caseId} = ${caseId} or ${reportFollowers.caseId} in ${mergedAtAnyDepth(caseId)}`,
    )
    .orderBy(asc(reportFollowers.followedAt));
}

/**
 * The confirmation link was opened and its button pressed: the report goes on the public map and the
 * address is remembered, so its next reports go on at once. Null for an unknown or used token.
 */
export async function confirmReport(
  db: DatabaseOrTransaction,
  token: string,
  at: Date,
): Promise<{ caseNumber: string } | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const [row] = await db
    .update(fieldReports)
    .set({ confirmTokenHash: null, publishedAt: at })
    .where(and(eq(fieldReports.confirmTokenHash, sha256Hex(token)), isNull(fieldReports.publishedAt)))
    .returning({ caseId: fieldReports.caseId });
  if (row === undefined) return null;
  const [reported] = await db
    .select({ caseNumber: cases.caseNumber, email: cases.applicantEmail })
    .from(cases)
    .where(eq(cases.id, row.caseId));
  if (reported === undefined) return null;
  if (reported.email !== null)
    await db
      .insert(reportConfirmedAddresses)
      .values({ emailHash: sha256Hex(reported.email.trim().toLowerCase()), confirmedAt: at })
      .onConflictDoNothing();
  return { caseNumber: reported.caseNumber };
}

export interface ReportPhoto {
  id: string;
  role: string;
  position: number;
  publicSha256: string;
  thumbSha256: string;
  originalSha256: string;
  originalMediaType: string;
  width: number;
  height: number;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  addedAt: Date;
}

/** A report's photos in order (reporter's, then the crew's, then "not fixed"), hidden ones included. */
export async function photosOf(db: DatabaseOrTransaction, caseId: string): Promise<ReportPhoto[]> {
  return db
    .select({
      id: reportPhotos.id,
      role: reportPhotos.role,
      position: reportPhotos.position,
      publicSha256: reportPhotos.publicSha256,
      thumbSha256: reportPhotos.thumbSha256,
      originalSha256: reportPhotos.originalSha256,
      originalMediaType: reportPhotos.originalMediaType,
      width: reportPhotos.width,
      height: reportPhotos.height,
      hiddenAt: reportPhotos.hiddenAt,
      hiddenReason: reportPhotos.hiddenReason,
      addedAt: reportPhotos.addedAt,
    })
    .from(reportPhotos)
    .where(eq(reportPhotos.caseId, caseId))
    .orderBy(
      sql`case ${reportPhotos.role} when 'report' then 0 when 'fix' then 1 else 2 end`,
      asc(reportPhotos.addedAt),
      asc(reportPhotos.position),
    );
}
