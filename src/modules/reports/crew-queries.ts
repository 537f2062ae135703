import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { StaffRole } from '../../platform/auth/principal.ts';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { pageOfRows, pageWindow } from '../../platform/db/paging.ts';
import { cases } from '../cases/index.ts';
import type { Point } from './crew-rules.ts';
import { distanceMetres } from './report-place.ts';
import { reportPhotos } from './reports-schema.ts';

/**
 * What the crews' page reads: the reports a crew member works on or may take, nearest first (or by
 * deadline), and one report for its forms. Nothing personal: the reporter's name and contact stay on the
 * case page.
 */

export const crewPageSize = 30;

export interface CrewReport {
  caseId: string;
  caseNumber: string;
  version: number;
  state: string;
  serviceCode: string;
  address: string | null;
  districtCode: string | null;
  latitude: number | null;
  longitude: number | null;
  dueAt: Date | null;
  receivedAt: Date;
  handlerId: string | null;
  /** The reporter's first photo (hidden or not: staff see them all), for the thumbnail. */
  photoId: string | null;
  /** From "my position", when the phone gave one and the report has a point. */
  distanceMetres: number | null;
}

export interface CrewMember {
  id: string;
  role: StaffRole;
  unitCode: string | null;
}

/**
 * The field reports a crew member's list shows. A handler: theirs being worked on (dispatched, or reopened
 * by the reporter) and the unit's not yet taken (received or reopened, nobody's). A supervisor: every open
 * report of the unit, to see where the crews are.
 */
function crewScope(member: CrewMember): SQL | undefined {
  const ofUnit = and(eq(cases.kind, 'field_report'), eq(cases.unitCode, member.unitCode ?? ''));
  if (member.role === 'supervisor')
    return and(ofUnit, sql`${cases.state} in ('received', 'dispatched', 'reopened')`);
  return and(
    ofUnit,
    sql`((${cases.state} in ('dispatched', 'reopened') and ${cases.handlerId} = ${member.id})
      or (${cases.state} in ('received', 'reopened') and ${cases.handlerId} is null))`,
  );
}

/**
 * One page of the crew's reports. With a position: nearest first, ordered in SQL by the planar distance
 * (within a city the same order as the great-circle one), reports without a point last; the distance shown
 * is the great-circle one. Without: the earliest deadline first.
 */
export async function listCrewReports(
  db: DatabaseOrTransaction,
  options: { member: CrewMember; position: Point | null; page: number },
): Promise<{ rows: CrewReport[]; hasNextPage: boolean; page: number }> {
  const window = pageWindow(options.page, crewPageSize);
  const position = options.position;
  const byDeadline = [sql`${cases.dueAt} asc nulls last`, asc(cases.receivedAt), asc(cases.caseNumber)];
  const order =
    position === null
      ? byDeadline
      : [
          sql`(${cases.latitude} - ${position.lat}) ^ 2
            + ((${cases.longitude} - ${position.lon}) * ${Math.cos((position.lat * Math.PI) / 180)}) ^ 2
            asc nulls last`,
          ...byDeadline,
        ];
  const rows = await db
    .select({
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      version: cases.version,
      state: cases.state,
      serviceCode: cases.serviceCode,
      address: cases.address,
      districtCode: cases.districtCode,
      latitude: cases.latitude,
      longitude: cases.longitude,
      dueAt: cases.dueAt,
      receivedAt: cases.receivedAt,
      handlerId: cases.handlerId,
      // Spelled out: inside a select list Drizzle writes columns without their table, which a correlated
      // sub-select cannot have.
      photoId: sql<string | null>`(
        select rp.id from report_photos rp
         where rp.case_id = "cases"."id" and rp.role = 'report'
         order by rp.position limit 1)`,
    })
    .from(cases)
    .where(crewScope(options.member))
    .orderBy(...order)
    .limit(window.limit)
    .offset(window.offset);
  const shown = pageOfRows(rows, window);
  return {
    page: window.page,
    hasNextPage: shown.hasNextPage,
    rows: shown.rows.map((row) => ({
      ...row,
      distanceMetres:
        position === null || row.latitude === null || row.longitude === null
          ? null
          : distanceMetres(position, { lat: row.latitude, lon: row.longitude }),
    })),
  };
}

export interface CrewCase {
  id: string;
  caseNumber: string;
  version: number;
  kind: string;
  state: string;
  unitCode: string;
  handlerId: string | null;
  serviceCode: string;
  address: string | null;
  description: string;
}

/** A field report by its number, for the crews' forms; null when there is no field report with it. */
export async function findCrewCase(db: DatabaseOrTransaction, caseNumber: string): Promise<CrewCase | null> {
  const [row] = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      version: cases.version,
      kind: cases.kind,
      state: cases.state,
      unitCode: cases.unitCode,
      handlerId: cases.handlerId,
      serviceCode: cases.serviceCode,
      address: cases.address,
      description: cases.description,
    })
    .from(cases)
    .where(and(eq(cases.caseNumber, caseNumber.trim()), eq(cases.kind, 'field_report')));
  return row ?? null;
}

/** The photo of this report with this id (hidden or not), or null. */
export async function findReportPhoto(
  db: DatabaseOrTransaction,
  caseId: string,
  photoId: string,
): Promise<typeof reportPhotos.$inferSelect | null> {
  const [row] = await db
    .select()
    .from(reportPhotos)
    .where(and(eq(reportPhotos.caseId, caseId), eq(reportPhotos.id, photoId)));
  return row ?? null;
}

/** The next position of a role's photos on a report (a second fix after a reopening adds after the first). */
export async function nextPhotoPosition(
  db: DatabaseOrTransaction,
  caseId: string,
  role: 'fix' | 'not_fixed',
): Promise<number> {
  const [row] = await db
    .select({ last: sql<number | null>`max(${reportPhotos.position})` })
    .from(reportPhotos)
    .where(and(eq(reportPhotos.caseId, caseId), eq(reportPhotos.role, role)));
  return Number(row?.last ?? 0) + 1;
}
