import { createHash } from 'node:crypto';
import { and, asc, eq, gte, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import type { PageWindow } from '../../platform/db/paging.ts';
import { serialPlan } from '../../platform/db/serial-plan.ts';
import { fingerprintOf, rowVersionOf } from '../../platform/db/sql-helpers.ts';
import { listDistricts } from '../../platform/geo/geo-repo.ts';
import { villages } from '../../platform/geo/geo-schema.ts';
import type { EntryKey } from '../../platform/http/entry-cache.ts';
import { cases, caseTimeline, endOfMergeChain, workflowOf } from '../cases/index.ts';
import { listServices } from '../catalogue/index.ts';
import {
  type BoundingBox,
  type PublicReportFilters,
  rawRangesForPublicBox,
  statesByGroup,
} from './public-report-filters.ts';
import { publicPoint } from './report-place.ts';
import { fieldReports, type ReportPhotoRole, reportPhotos } from './reports-schema.ts';

/**
 * What the public sees of the photo reports: published reports only (field_reports.published_at set),
 * their category, state, district and village, the ROUNDED point, the photos not hidden, and a timeline of
 * state changes with the notes staff wrote for the public. An allow-list: a column reaches a page, a feed or
 * an export only if it is selected here, and the reporter's name only when they chose to show it. The
 * reporter's contact details are read once, to take them out of the notes, and never returned.
 *
 * SQL here reads the cases module's `cases` and `case_events` tables read-only (CONTRIBUTING: a report may
 * join another module's table); `kind = 'field_report'` is written as a literal so that the planner matches
 * the partial indexes on field reports (cases-schema.ts).
 */

const isFieldReport = sql`${cases.kind} = 'field_report'`;

/** The names the public pages and files show for codes: categories, districts, villages. */
export interface PublicVocabulary {
  categories: ReadonlyMap<string, { nameZh: string; nameEn: string }>;
  districts: ReadonlyMap<
    string,
    {
      nameZh: string;
      nameEn: string;
      bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number };
    }
  >;
  villages: ReadonlyMap<string, { nameZh: string; nameEn: string }>;
  /** A hash of all the names above: the written features kept by the entry cache are for these names. */
  fingerprint: string;
}

const vocabularyLifetimeMs = 60_000;
const vocabularies = new WeakMap<object, { loadedAt: number; value: Promise<PublicVocabulary> }>();

/**
 * The field-report categories of the catalogue, Kaohsiung's districts and villages: read at most once a
 * minute per database (a new category shows within a minute), never per row of a 1,000,000-row export.
 */
export function publicVocabulary(db: DatabaseOrTransaction): Promise<PublicVocabulary> {
  const cached = vocabularies.get(db);
  if (cached !== undefined && Date.now() - cached.loadedAt < vocabularyLifetimeMs) return cached.value;
  const value = loadVocabulary(db);
  vocabularies.set(db, { loadedAt: Date.now(), value });
  value.catch(() => vocabularies.delete(db));
  return value;
}

async function loadVocabulary(db: DatabaseOrTransaction): Promise<PublicVocabulary> {
  const [services, districtRows, villageRows] = await Promise.all([
    listServices(db, { lang: 'zh-TW' }),
    listDistricts(db),
    db.select({ code: villages.code, nameZh: villages.nameZh, nameEn: villages.nameEn }).from(villages),
  ]);
  const vocabulary = {
    categories: new Map(
      services
        .filter((service) => service.kind === 'field_report')
        .map((service) => [
          service.code,
          { nameZh: service.nameZh, nameEn: service.nameEn ?? service.nameZh },
        ]),
    ),
    districts: new Map(
      districtRows.map((district) => [
        district.code,
        { nameZh: district.nameZh, nameEn: district.nameEn, bbox: district.bbox },
      ]),
    ),
    villages: new Map(
      villageRows.map((village) => [village.code, { nameZh: village.nameZh, nameEn: village.nameEn }]),
    ),
  };
  const names = JSON.stringify(
    [vocabulary.categories, vocabulary.districts, vocabulary.villages].map((map) => [...map]),
  );
  return { ...vocabulary, fingerprint: createHash('sha256').update(names).digest('base64url') };
}

/** A published report as lists, the map, feeds and exports show it. */
export interface PublicReportSummary {
  caseId: string;
  caseNumber: string;
  serviceCode: string;
  state: string;
  districtCode: string | null;
  villageCode: string | null;
  /** Rounded (publicPoint); null for a report placed by an address only. */
  point: { lat: number; lon: number } | null;
  receivedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

const summaryColumns = {
  caseId: cases.id,
  caseNumber: cases.caseNumber,
  serviceCode: cases.serviceCode,
  state: cases.state,
  districtCode: cases.districtCode,
  villageCode: fieldReports.villageCode,
  latitude: cases.latitude,
  longitude: cases.longitude,
  receivedAt: cases.receivedAt,
  resolvedAt: cases.resolvedAt,
  closedAt: cases.closedAt,
};

/** A summary as `summaryColumns` reads it: the exact point, before `summaryOf` rounds it. */
type SummaryRow = Omit<PublicReportSummary, 'point'> & { latitude: number | null; longitude: number | null };

function summaryOf({ latitude, longitude, ...row }: SummaryRow): PublicReportSummary {
  return {
    ...row,
    point: latitude === null || longitude === null ? null : publicPoint(latitude, longitude),
  };
}

/** The published field reports matching the filters (every condition on `cases` or `field_reports`). */
function publishedConditions(filters: PublicReportFilters): SQL[] {
  const conditions: SQL[] = [isFieldReport];
  if (filters.serviceCode !== undefined) conditions.push(eq(cases.serviceCode, filters.serviceCode));
  if (filters.stateGroup !== undefined)
    conditions.push(inArray(cases.state, [...statesByGroup[filters.stateGroup]]));
  if (filters.districtCode !== undefined) conditions.push(eq(cases.districtCode, filters.districtCode));
  if (filters.receivedFrom !== undefined) conditions.push(gte(cases.receivedAt, filters.receivedFrom));
  if (filters.receivedBefore !== undefined) conditions.push(lt(cases.receivedAt, filters.receivedBefore));
  return conditions;
}

const isPublished = and(eq(fieldReports.caseId, cases.id), isNotNull(fieldReports.publishedAt));

export interface PublicReportListItem extends PublicReportSummary {
  /** The first photo of the report that is not hidden, for the thumbnail. */
  thumbPhotoId: string | null;
}

/**
 * One page of the list, newest first (received, then id, so the order is total and pages never overlap).
 * Reads a row more than the page (pageWindow) instead of counting a table of a million reports. The
 * partial index on field reports' received time serves the order; the filters are checked as it walks.
 */
export async function listPublicReports(
  db: DatabaseOrTransaction,
  filters: PublicReportFilters,
  window: PageWindow,
): Promise<PublicReportListItem[]> {
  const rows = await db
    .select({
      ...summaryColumns,
      thumbPhotoId: sql<string | null>`(
        select ${reportPhotos.id} from ${reportPhotos}
         where ${reportPhotos.caseId} = ${cases.id} and ${reportPhotos.role} = 'report'
           and ${reportPhotos.hiddenAt} is null
         order by ${reportPhotos.position} limit 1)`,
    })
    .from(cases)
    .innerJoin(fieldReports, isPublished)
    .where(and(...publishedConditions(filters)))
    .orderBy(sql`${cases.receivedAt} desc`, sql`${cases.id} desc`)
    .limit(window.limit)
    .offset(window.offset);
  return rows.map(({ thumbPhotoId, ...row }) => ({ ...summaryOf(row), thumbPhotoId }));
}

/** The published reports matching the filters whose public point lies in the box (rawRangesForPublicBox). */
function inBox(box: BoundingBox, filters: PublicReportFilters) {
  const ranges = rawRangesForPublicBox(box);
  return and(
    ...publishedConditions(filters),
    gte(cases.latitude, ranges.latFrom),
    lt(cases.latitude, ranges.latBelow),
    gte(cases.longitude, ranges.lonFrom),
    lt(cases.longitude, ranges.lonBelow),
  );
}

/** Most features one bounding-box answer carries (docs: the GeoJSON API; the answer says when it cut). */
export const maxFeaturesPerBox = 2000;

/**
 * The newest published reports whose PUBLIC point lies in the box (at most `limit`), and whether more
 * matched. The box is turned into ranges on the raw columns that select exactly on the rounded point
 * (rawRangesForPublicBox). PostgreSQL picks the index: for a street-sized box the partial index
 * cases_field_report_place_idx (latitude, longitude) finds the few rows and sorts them; for a city-wide box
 * it walks cases_field_report_received_idx newest first and stops after `limit` + 1 rows in the box
 * (docs/benchmarks.md has the plans on 1,000,000 reports). The plan is kept serial (serialPlan).
 */
export async function publicReportsInBox(
  db: DatabaseOrTransaction,
  box: BoundingBox,
  filters: PublicReportFilters,
  limit = maxFeaturesPerBox,
): Promise<{ reports: PublicReportSummary[]; isTruncated: boolean }> {
  const rows = await db
    .select({ ...summaryColumns, serialPlan })
    .from(cases)
    .innerJoin(fieldReports, isPublished)
    .where(inBox(box, filters))
    .orderBy(sql`${cases.receivedAt} desc`, sql`${cases.id} desc`)
    .limit(limit + 1);
  return {
    reports: rows.slice(0, limit).map(({ serialPlan: _serial, ...row }) => summaryOf(row)),
    isTruncated: rows.length > limit,
  };
}

/**
 * The box's reports as the entry cache's keys (platform/http/entry-cache.ts): each one's id and a
 * fingerprint of every column its feature is written from; the same plan as publicReportsInBox.
 */
export async function publicReportKeysInBox(
  db: DatabaseOrTransaction,
  box: BoundingBox,
  filters: PublicReportFilters,
  limit = maxFeaturesPerBox,
): Promise<{ keys: EntryKey[]; isTruncated: boolean }> {
  const rows = await db
    .select({
      id: cases.id,
      // summaryColumns are all of the case's row and its field report's.
      fingerprint: fingerprintOf([rowVersionOf(cases), rowVersionOf(fieldReports)]),
      serialPlan,
    })
    .from(cases)
    .innerJoin(fieldReports, isPublished)
    .where(inBox(box, filters))
    .orderBy(sql`${cases.receivedAt} desc`, sql`${cases.id} desc`)
    .limit(limit + 1);
  return {
    keys: rows.slice(0, limit).map(({ id, fingerprint }) => ({ id, fingerprint })),
    isTruncated: rows.length > limit,
  };
}

/** The published reports with these ids (the features the entry cache lacks), in no particular order. */
export async function publicReportsById(
  db: DatabaseOrTransaction,
  ids: readonly string[],
): Promise<PublicReportSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(summaryColumns)
    .from(cases)
    .innerJoin(fieldReports, isPublished)
    .where(and(isFieldReport, inArray(cases.id, [...ids])));
  return rows.map(summaryOf);
}

/**
 * Where an export has got to: the last row's received time (as PostgreSQL wrote it, to the microsecond: a
 * JavaScript Date would drop the microseconds and read a row twice) and id (keyset paging, oldest first).
 */
interface ExportCursor {
  receivedAt: string;
  caseId: string;
}

/**
 * Every published report, oldest first, a batch at a time: each batch is one short query that starts after
 * the last row of the one before (keyset paging on received time and id). An export of a million rows
 * holds no transaction or connection between batches, so a slow download never ties up the pool, and a
 * report published meanwhile appears in its place or not at all, never twice.
 */
export async function* publishedReportBatches(
  db: DatabaseOrTransaction,
  batchSize = 1000,
): AsyncGenerator<PublicReportSummary[]> {
  let cursor: ExportCursor | null = null;
  while (true) {
    const after: SQL | undefined =
      cursor === null
        ? undefined
        : // The first part is a range on the index of received times (a row comparison would need an
          // index on both columns); the second orders the rows of one instant by id.
          sql`${cases.receivedAt} >= ${cursor.receivedAt}::timestamptz
              and (${cases.receivedAt} > ${cursor.receivedAt}::timestamptz or ${cases.id} > ${cursor.caseId}::uuid)`;
    const rows = await db
      .select({ ...summaryColumns, exactReceivedAt: sql<string>`${cases.receivedAt}::text` })
      .from(cases)
      .innerJoin(fieldReports, isPublished)
      .where(and(isFieldReport, after))
      .orderBy(asc(cases.receivedAt), asc(cases.id))
      .limit(batchSize);
    const last = rows.at(-1);
    if (last === undefined) return;
    yield rows.map(({ exactReceivedAt: _exact, ...row }) => summaryOf(row));
    cursor = { receivedAt: last.exactReceivedAt, caseId: last.caseId };
    if (rows.length < batchSize) return;
  }
}

/** A photo the public may see (never a hidden one), in the order of the report page. */
export interface PublicPhoto {
  id: string;
  role: 'report' | 'fix' | 'not_fixed';
  width: number;
  height: number;
}

export interface PublicTimelineEntry {
  kind: string;
  occurredAt: Date;
  /** Facts for the words: the unit of a transfer, the agency, the merged case number. */
  data: Record<string, unknown>;
  /** The note staff wrote for the public, the reporter's own details taken out; null when none. */
  note: string | null;
}

export interface PublicReportDetail extends PublicReportSummary {
  /** Only when the reporter chose to show it; never their phone, e-mail or address. */
  reporterName: string | null;
  /** The answer written when it was fixed, the reporter's details taken out. */
  resolution: string | null;
  expectedCompletionDate: string | null;
  /** The report this one was merged into, when that one is public too. */
  mergedIntoCaseNumber: string | null;
  photos: PublicPhoto[];
  hiddenPhotoCount: number;
  timeline: PublicTimelineEntry[];
}

/**
 * The timeline kinds the public sees: the report itself and every state change of the field-report
 * workflow (its events), never staff bookkeeping (notes, assignments, deadline changes).
 */
const publicTimelineKinds = new Set<string>(['created', ...workflowOf('field_report').events]);

/**
 * Takes the reporter's own name, e-mail and phone out of a note meant for the public: staff write notes
 * for the person who reported ("王先生您好"), and the reporter's "not fixed" reason is their own text.
 */
export function withoutReporterDetails(
  note: string,
  reporter: { name: string | null; email: string | null; phone: string | null },
  replacement: string,
): string {
  let result = note;
  const name = reporter.name?.trim() ?? '';
  if (name.length >= 2) result = result.replaceAll(name, replacement);
  // A Chinese name is also written as its surname with 先生/小姐/女士.
  if (/^\p{Script=Han}{2,4}$/u.test(name))
    result = result.replace(new RegExp(`${name.slice(0, 1)}(先生|小姐|女士)`, 'gu'), replacement);
  const email = reporter.email?.trim() ?? '';
  if (email !== '') result = result.replace(new RegExp(escapeRegExp(email), 'gi'), replacement);
  // Any phone number at all (09xx-xxx-xxx, 07-xxxxxxx, with spaces or dashes): the bureau's own numbers
  // are on the page anyway, and a citizen's must never be.
  result = result.replace(/(?:\+?886[\s-]?|0)\d(?:[\s-]?\d){7,9}/g, replacement);
  // And any e-mail address.
  result = result.replace(/[^\s@（）()<>]+@[^\s@（）()<>]+\.[^\s@（）()<>]+/g, replacement);
  return result;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The report's photos, the report's first, then the fix's, each in the order added, as one JSON array. */
const photosJson = sql<
  { id: string; role: ReportPhotoRole; width: number; height: number; hidden: boolean }[]
>`(
  select coalesce(json_agg(json_build_object(
    'id', ${reportPhotos.id}, 'role', ${reportPhotos.role}, 'width', ${reportPhotos.width},
    'height', ${reportPhotos.height}, 'hidden', ${reportPhotos.hiddenAt} is not null)
    order by case ${reportPhotos.role} when 'report' then 0 when 'fix' then 1 else 2 end,
      ${reportPhotos.addedAt}, ${reportPhotos.position}), '[]'::json)
  from ${reportPhotos} where ${reportPhotos.caseId} = ${cases.id})`;

/**
 * The case's timeline, oldest first, as one JSON array; a moment in whole milliseconds since the epoch
 * (what a Date holds; pg truncates the same way).
 */
const timelineJson = sql<
  { kind: string; occurredAt: number; data: Record<string, unknown>; publicNote: string | null }[]
>`(
  select coalesce(json_agg(json_build_object(
    'kind', ${caseTimeline.kind}, 'occurredAt', floor(extract(epoch from ${caseTimeline.occurredAt}) * 1000),
    'data', ${caseTimeline.data}, 'publicNote', ${caseTimeline.publicNote}) order by ${caseTimeline.id}), '[]'::json)
  from ${caseTimeline} where ${caseTimeline.caseId} = ${cases.id})`;

/**
 * One published report with its public photos and timeline, or null (unknown, or not public): one
 * statement (a merged report reads the end of its chain too).
 */
export async function findPublicReport(
  db: DatabaseOrTransaction,
  caseNumber: string,
  maskedText: string,
): Promise<PublicReportDetail | null> {
  const [row] = await db
    .select({
      ...summaryColumns,
      showName: fieldReports.showName,
      // Read to take them out of the notes below; never returned.
      applicantName: cases.applicantName,
      applicantEmail: cases.applicantEmail,
      applicantPhone: cases.applicantPhone,
      resolution: cases.resolution,
      expectedCompletionDate: cases.expectedCompletionDate,
      mergedIntoId: cases.mergedIntoId,
      photos: photosJson,
      timeline: timelineJson,
    })
    .from(cases)
    .innerJoin(fieldReports, isPublished)
    .where(and(isFieldReport, eq(cases.caseNumber, caseNumber)))
    .limit(1);
  if (row === undefined) return null;
  const {
    showName,
    applicantName,
    applicantEmail,
    applicantPhone,
    resolution,
    expectedCompletionDate,
    mergedIntoId,
    photos: _photos,
    timeline: _timeline,
    ...summary
  } = row;
  const reporter = {
    // A name shown by choice is no secret on its own page.
    name: showName ? null : applicantName,
    email: applicantEmail,
    phone: applicantPhone,
  };
  const clean = (text: string | null) =>
    text === null || text.trim() === '' ? null : withoutReporterDetails(text.trim(), reporter, maskedText);

  // The photos and the timeline came with the row (JSON subqueries): one round trip, not three.
  const { photos: photoRows, timeline: events } = row;
  // The report everyone follows: the end of the chain of merges (A → B → C: C), when it is public too.
  const merged =
    mergedIntoId === null
      ? []
      : await endOfMergeChain(db, row.caseId).then((end) =>
          end === null
            ? []
            : db
                .select({ caseNumber: cases.caseNumber })
                .from(cases)
                .innerJoin(fieldReports, isPublished)
                .where(eq(cases.id, end.id)),
        );
  const isDone = statesByGroup.fixed.includes(row.state) || row.state === 'closed';
  return {
    ...summaryOf(summary),
    reporterName: showName && applicantName.trim() !== '' ? applicantName.trim() : null,
    resolution: isDone ? clean(resolution) : null,
    expectedCompletionDate: statesByGroup.open.includes(row.state) ? expectedCompletionDate : null,
    mergedIntoCaseNumber: merged[0]?.caseNumber ?? null,
    photos: photoRows.filter((photo) => !photo.hidden).map(({ hidden: _hidden, ...photo }) => photo),
    hiddenPhotoCount: photoRows.filter((photo) => photo.hidden).length,
    timeline: events
      .filter((event) => publicTimelineKinds.has(event.kind))
      .map((event) => ({
        kind: event.kind,
        occurredAt: new Date(event.occurredAt),
        data: event.data,
        note: clean(event.publicNote),
      })),
  };
}

/**
 * The public copy or thumbnail of a photo: its SHA-256 in the file store, when the report is published and
 * the photo is not hidden; null otherwise (the route answers 404 alike, so nobody learns which).
 */
export async function publicPhotoFile(
  db: DatabaseOrTransaction,
  caseNumber: string,
  photoId: string,
  size: 'public' | 'thumb',
): Promise<string | null> {
  const [row] = await db
    .select({ publicSha256: reportPhotos.publicSha256, thumbSha256: reportPhotos.thumbSha256 })
    .from(reportPhotos)
    .innerJoin(cases, eq(cases.id, reportPhotos.caseId))
    .innerJoin(fieldReports, isPublished)
    .where(
      and(
        eq(reportPhotos.id, photoId),
        eq(cases.caseNumber, caseNumber),
        isFieldReport,
        sql`${reportPhotos.hiddenAt} is null`,
      ),
    )
    .limit(1);
  if (row === undefined) return null;
  return size === 'public' ? row.publicSha256 : row.thumbSha256;
}
