import { type AnyColumn, and, asc, desc, eq, gte, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { serialPlan } from '../../platform/db/serial-plan.ts';
import { fingerprintOf, rowVersionOf } from '../../platform/db/sql-helpers.ts';
import type { EntryKey } from '../../platform/http/entry-cache.ts';
import { units } from '../../platform/reference/reference-schema.ts';
import { cases, caseTimeline, stateLabel, workflowOf } from '../cases/index.ts';
import { fieldReports, reportPhotos } from '../reports/index.ts';
import type { RequestSearch, UpdatesFilter } from './open311-params.ts';
import type { RequestRow, UpdateRow } from './open311-request-format.ts';

/**
 * What the Open311 reads ask of the database: published field reports (on the public map: `published_at`
 * set), by search or by number, a token's request, and the public updates of published reports. One
 * query each, whatever the number of rows: the unit's name is joined, the first public photo is a
 * sub-select evaluated only for the rows returned, the state words come from the workflow table. No
 * column of the reporter's (name, e-mail, phone, own address) is ever selected.
 */

type CaseState = Parameters<typeof stateLabel>[0];

/** The field-report workflow's open states: GeoReport's `open`; every other state is `closed`. */
export const openFieldReportStates: ReadonlySet<string> = new Set(workflowOf('field_report').openStates);

/** A state in words (已派工 / Crew assigned); the state itself if no workflow knows it. */
export function stateWords(state: string, locale: 'zh-TW' | 'en'): string {
  const words = stateLabel(state as CaseState) as ReturnType<typeof stateLabel> | undefined;
  if (words === undefined) return state;
  return locale === 'en' ? words.en : words.zh;
}

/** The states as SQL literals: constants of the workflow table, so the planner sees them as such. */
const openStateList = sql.raw(
  [...openFieldReportStates].map((state) => `'${state.replaceAll("'", "''")}'`).join(', '),
);

/** The first photo the public may see: the reporter's, not hidden, in their order. */
function firstPublicPhotoOf(caseId: SQL | AnyColumn) {
  return sql<string | null>`(
    select ${reportPhotos.id} from ${reportPhotos}
     where ${reportPhotos.caseId} = ${caseId} and ${reportPhotos.role} = 'report'
       and ${reportPhotos.hiddenAt} is null
     order by ${reportPhotos.position} limit 1)`;
}

/**
 * A moment as GeoReport v2 writes it (open311DateTime: Taipei time to the second, `+08:00`), written by
 * PostgreSQL: a list of 1000 requests then makes and parses no Date for its 3000 moments (a sixth of the
 * app's time for a computed list, CPU profile on 1,000,000 reports). `at time zone interval '08:00'` is the
 * fixed offset (not a zone's rules), and `SS` cuts the fraction off as open311DateTime does.
 */
function open311Moment(moment: SQL | AnyColumn) {
  return sql<string>`to_char(${moment} at time zone interval '08:00', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')`;
}

const requestColumns = {
  id: cases.id,
  caseNumber: cases.caseNumber,
  state: cases.state,
  serviceCode: cases.serviceCode,
  description: cases.description,
  address: cases.address,
  districtCode: cases.districtCode,
  latitude: cases.latitude,
  longitude: cases.longitude,
  receivedAt: cases.receivedAt,
  updatedAt: cases.updatedAt,
  dueAt: cases.dueAt,
  expectedCompletionDate: cases.expectedCompletionDate,
  deadlineRule: cases.deadlineRule,
  unitNameZh: units.nameZh,
  unitNameEn: units.nameEn,
};

/** The columns of a request row with its moments as GeoReport v2 writes them (open311Moment). */
function withMoments<Columns extends { receivedAt: AnyColumn; updatedAt: AnyColumn; dueAt: AnyColumn }>({
  receivedAt,
  updatedAt,
  dueAt,
  ...rest
}: Columns) {
  return {
    ...rest,
    requestedDateTime: open311Moment(receivedAt),
    updatedDateTime: open311Moment(updatedAt),
    dueDateTime: sql<string | null>`${open311Moment(dueAt)}`,
  };
}

// The kind is written as a literal so that the planner matches the partial indexes on field reports
// (`cases_field_report_received_idx`: received_at where kind = 'field_report').
const isFieldReport = sql`${cases.kind} = 'field_report'`;

function publishedRequests(db: DatabaseOrTransaction) {
  return db
    .select({
      ...requestColumns,
      // Not read into entries: the row versions their fingerprints are made of (searchRequestKeys).
      caseVersion: rowVersionOf(cases).as('case_row_version'),
      unitVersion: rowVersionOf(units).as('unit_row_version'),
    })
    .from(cases)
    .innerJoin(fieldReports, and(eq(fieldReports.caseId, cases.id), isNotNull(fieldReports.publishedAt)))
    .innerJoin(units, eq(units.code, cases.unitCode));
}

/** The search's page, cut in a sub-select named `page` (searchRequests). */
function searchPage(db: DatabaseOrTransaction, filter: RequestSearch) {
  const conditions: SQL[] = [
    isFieldReport,
    gte(cases.receivedAt, filter.start),
    lte(cases.receivedAt, filter.end),
  ];
  if (filter.serviceCodes !== null) conditions.push(inArray(cases.serviceCode, filter.serviceCodes));
  if (filter.status === 'open') conditions.push(sql`${cases.state} in (${openStateList})`);
  if (filter.status === 'closed') conditions.push(sql`${cases.state} not in (${openStateList})`);
  if (filter.bbox !== null) {
    conditions.push(
      sql`${cases.latitude} between ${filter.bbox.minLat} and ${filter.bbox.maxLat}`,
      sql`${cases.longitude} between ${filter.bbox.minLon} and ${filter.bbox.maxLon}`,
    );
  }
  return publishedRequests(db)
    .where(and(...conditions))
    .orderBy(desc(cases.receivedAt))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .as('page');
}

// Qualified by hand: a sub-select's column would be written bare, and inside the photo's own sub-select a
// bare "id" is the photo's.
const pageId = sql`${sql.identifier('page')}.${sql.identifier('id')}`;

// The statements below select `serialPlan`: the planner finds a parallel Gather Merge cheaper when the
// filters drop most of the window, and starting its workers costs more than the scan.

/**
 * One page of the search, newest first: the partial index on received_at is read backwards within the
 * window and the scan stops after the page, the other filters applied on the way. The page is cut in a
 * sub-select and only its rows get their photo looked up (a photo column beside the LIMIT would be
 * computed for every row an OFFSET skips too). No tie-breaker after received_at: one would put a sort
 * over the whole window between the index and the LIMIT; two reports in the same microsecond are the
 * only rows a page boundary could order either way.
 */
export async function searchRequests(
  db: DatabaseOrTransaction,
  filter: RequestSearch,
): Promise<RequestRow[]> {
  const page = searchPage(db, filter);
  return db
    .select({
      ...withMoments({
        id: page.id,
        caseNumber: page.caseNumber,
        state: page.state,
        serviceCode: page.serviceCode,
        description: page.description,
        address: page.address,
        districtCode: page.districtCode,
        latitude: page.latitude,
        longitude: page.longitude,
        receivedAt: page.receivedAt,
        updatedAt: page.updatedAt,
        dueAt: page.dueAt,
        expectedCompletionDate: page.expectedCompletionDate,
        deadlineRule: page.deadlineRule,
        unitNameZh: page.unitNameZh,
        unitNameEn: page.unitNameEn,
      }),
      photoId: firstPublicPhotoOf(pageId),
      serialPlan,
    })
    .from(page)
    .orderBy(desc(page.receivedAt));
}

/**
 * The search's page as the entry cache's keys (platform/http/entry-cache.ts): each row's id and a
 * fingerprint of everything its entry is written from: the versions of the case's row and of its unit's
 * (`rowVersionOf`: any change of a column, a renamed unit) and its first public photo (hiding a photo
 * changes no column of the case). The same plan as searchRequests, without sending 19 columns of 1000 rows
 * for the app to read.
 */
export async function searchRequestKeys(
  db: DatabaseOrTransaction,
  filter: RequestSearch,
): Promise<EntryKey[]> {
  const page = searchPage(db, filter);
  return db
    .select({
      id: page.id,
      fingerprint: fingerprintOf([
        sql`${page.caseVersion}`,
        sql`${page.unitVersion}`,
        firstPublicPhotoOf(pageId),
      ]),
      serialPlan,
    })
    .from(page)
    .orderBy(desc(page.receivedAt));
}

/** The published requests with these ids, whole (the entries the cache lacks), in no particular order. */
export async function requestsById(
  db: DatabaseOrTransaction,
  ids: readonly string[],
): Promise<(RequestRow & { id: string })[]> {
  if (ids.length === 0) return [];
  return db
    .select({ ...withMoments(requestColumns), photoId: firstPublicPhotoOf(cases.id) })
    .from(cases)
    .innerJoin(fieldReports, and(eq(fieldReports.caseId, cases.id), isNotNull(fieldReports.publishedAt)))
    .innerJoin(units, eq(units.code, cases.unitCode))
    .where(and(isFieldReport, inArray(cases.id, [...ids])));
}

/** The published requests among these numbers, in the order asked (unknown ones left out). */
export async function requestsByNumber(
  db: DatabaseOrTransaction,
  numbers: readonly string[],
): Promise<RequestRow[]> {
  if (numbers.length === 0) return [];
  const rows = await db
    .select({ ...withMoments(requestColumns), photoId: firstPublicPhotoOf(cases.id) })
    .from(cases)
    .innerJoin(fieldReports, and(eq(fieldReports.caseId, cases.id), isNotNull(fieldReports.publishedAt)))
    .innerJoin(units, eq(units.code, cases.unitCode))
    .where(and(isFieldReport, inArray(cases.caseNumber, [...numbers])));
  const byNumber = new Map(rows.map((row) => [row.caseNumber, row]));
  return numbers.flatMap((number) => {
    const row = byNumber.get(number);
    return row === undefined ? [] : [row];
  });
}

/** The request a token was given for (POST answers with the id at once; the token is kept for clients that ask). */
export async function requestOfToken(db: DatabaseOrTransaction, token: string): Promise<string | null> {
  const [row] = await db
    .select({ caseNumber: cases.caseNumber })
    .from(fieldReports)
    .innerJoin(cases, eq(cases.id, fieldReports.caseId))
    .where(eq(fieldReports.open311Token, token));
  return row?.caseNumber ?? null;
}

/**
 * The public updates of published reports: every change of state and every public note after the report
 * came in (internal notes and the creation itself are not updates), oldest first so that a client polling
 * from its last `updated_datetime` reads them in order. The status of a note-only update is the state the
 * report was in then; the fix carries the crew's after-photo (the latest not hidden one added by then).
 */
export async function listUpdates(db: DatabaseOrTransaction, filter: UpdatesFilter): Promise<UpdateRow[]> {
  const events = caseTimeline;
  const conditions: SQL[] = [
    sql`${events.kind} <> 'created'`,
    sql`(${events.toState} is not null or ${events.publicNote} is not null)`,
  ];
  if (filter.window !== null)
    conditions.push(gte(events.occurredAt, filter.window.start), lte(events.occurredAt, filter.window.end));
  if (filter.numbers !== null) conditions.push(inArray(cases.caseNumber, filter.numbers));
  const stateThen = sql<string>`coalesce(${events.toState}, (
    select earlier.to_state from ${events} as earlier
     where earlier.case_id = ${events.caseId} and earlier.id < ${events.id} and earlier.to_state is not null
     order by earlier.id desc limit 1), ${cases.state})`;
  const fixPhoto = sql<string | null>`case when ${events.kind} = 'mark_fixed' then (
    select ${reportPhotos.id} from ${reportPhotos}
     where ${reportPhotos.caseId} = ${events.caseId} and ${reportPhotos.role} = 'fix'
       and ${reportPhotos.hiddenAt} is null and ${reportPhotos.addedAt} <= ${events.occurredAt}
     order by ${reportPhotos.addedAt} desc, ${reportPhotos.position} limit 1) end`;
  return db
    .select({
      id: events.id,
      caseNumber: cases.caseNumber,
      state: stateThen,
      occurredAt: events.occurredAt,
      publicNote: events.publicNote,
      photoId: fixPhoto,
    })
    .from(events)
    .innerJoin(cases, and(eq(cases.id, events.caseId), isFieldReport))
    .innerJoin(fieldReports, and(eq(fieldReports.caseId, cases.id), isNotNull(fieldReports.publishedAt)))
    .where(and(...conditions))
    .orderBy(asc(events.occurredAt), asc(events.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
}
