import { type AnyColumn, and, asc, eq, inArray, isNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { staff } from '../../../platform/auth/auth-schema.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { preparedPerHandle } from '../../../platform/db/prepared-sql.ts';
import { DomainError, notFound } from '../../../platform/http/errors.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { getServiceVersion, serviceNamesOf } from '../../catalogue/index.ts';
import type { CaseRow } from './case-actor.ts';
import { type AttachmentMetadata, attachmentsFromJson, attachmentsJson } from './case-attachments.ts';
import { type DeadlineStatus, deadlineStatus } from './case-deadline.ts';
import { caseText } from './case-messages.ts';
import { normaliseCaseNumber } from './case-number.ts';
import { caseExtensions, cases, caseTimeline } from './cases-schema.ts';
import { type CaseState, openStates } from './workflows.ts';

/** Reading cases: one case with its timeline, finding one by number, the queues and the supervision counts. */

export interface CaseDetail {
  row: CaseRow;
  serviceNameZh: string;
  serviceNameEn: string;
  unit: { code: string; nameZh: string; nameEn: string; phone: string };
  handler: { id: string; displayName: string } | null;
  timeline: (typeof caseTimeline.$inferSelect)[];
  extensions: (typeof caseExtensions.$inferSelect)[];
  /** Its files without their bytes, as listAttachments lists them. */
  attachments: AttachmentMetadata[];
  status: DeadlineStatus;
}

type TimelineRow = typeof caseTimeline.$inferSelect;
type ExtensionRow = typeof caseExtensions.$inferSelect;

/** A moment as JSON: whole milliseconds since the epoch (what a Date holds; pg truncates the same way). */
const epochMilliseconds = (column: SQL | AnyColumn) => sql`floor(extract(epoch from ${column}) * 1000)`;

/** The case's timeline, oldest first, as one JSON array (a subquery of getCaseDetail's one statement). */
const timelineJson = sql<(Omit<TimelineRow, 'occurredAt'> & { occurredAt: number })[]>`(
  select coalesce(json_agg(json_build_object(
    'id', ${caseTimeline.id}, 'caseId', ${caseTimeline.caseId},
    'occurredAt', ${epochMilliseconds(caseTimeline.occurredAt)}, 'kind', ${caseTimeline.kind},
    'fromState', ${caseTimeline.fromState}, 'toState', ${caseTimeline.toState},
    'actorStaffId', ${caseTimeline.actorStaffId}, 'actorLabel', ${caseTimeline.actorLabel},
    'publicNote', ${caseTimeline.publicNote}, 'internalNote', ${caseTimeline.internalNote},
    'data', ${caseTimeline.data}) order by ${caseTimeline.id}), '[]'::json)
  from ${caseTimeline} where ${caseTimeline.caseId} = ${cases.id})`;

/** The case's extension requests, oldest first, as one JSON array. */
const extensionsJson = sql<
  (Omit<ExtensionRow, 'requestedAt' | 'decidedAt'> & { requestedAt: number; decidedAt: number | null })[]
>`(
  select coalesce(json_agg(json_build_object(
    'id', ${caseExtensions.id}, 'caseId', ${caseExtensions.caseId}, 'amount', ${caseExtensions.amount},
    'reason', ${caseExtensions.reason}, 'requestedBy', ${caseExtensions.requestedBy},
    'requestedAt', ${epochMilliseconds(caseExtensions.requestedAt)}, 'state', ${caseExtensions.state},
    'decidedBy', ${caseExtensions.decidedBy}, 'decidedAt', ${epochMilliseconds(caseExtensions.decidedAt)},
    'decisionNote', ${caseExtensions.decisionNote}) order by ${caseExtensions.requestedAt}), '[]'::json)
  from ${caseExtensions} where ${caseExtensions.caseId} = ${cases.id})`;

/**
 * getCaseDetail's statement, built once per database handle. Named: each connection parses it once and
 * PostgreSQL can keep its plan (planning cost more than running it: ~0.6 ms against ~0.1 ms on the
 * 1,000,000-case bench database).
 */
const caseDetailQuery = preparedPerHandle((db) =>
  db
    .select({
      row: cases,
      unitNameZh: units.nameZh,
      unitNameEn: units.nameEn,
      unitPhone: units.phone,
      handlerName: staff.displayName,
      timeline: timelineJson,
      extensions: extensionsJson,
      attachments: attachmentsJson(cases.id),
    })
    .from(cases)
    .innerJoin(units, eq(units.code, cases.unitCode))
    .leftJoin(staff, eq(staff.id, cases.handlerId))
    .where(eq(cases.id, sql.placeholder('caseId')))
    .prepare('cases_case_detail'),
);

/**
 * One case with its unit, handler, timeline, extension requests and attachments: one named statement (the
 * timeline, the extensions and the attachments come as JSON arrays from subqueries), so a page or an answer
 * about a case costs one round trip, not four; the service's names come from the catalogue's kept versions.
 */
export async function getCaseDetail(
  db: DatabaseOrTransaction,
  caseId: string,
  now: Date,
): Promise<CaseDetail | null> {
  const [found] = await caseDetailQuery(db).execute({ caseId });
  if (found === undefined) return null;
  const service = await getServiceVersion(db, found.row.serviceCode, found.row.serviceVersion);
  const timeline: TimelineRow[] = found.timeline.map((event) => ({
    ...event,
    occurredAt: new Date(event.occurredAt),
  }));
  const extensions: ExtensionRow[] = found.extensions.map((extension) => ({
    ...extension,
    requestedAt: new Date(extension.requestedAt),
    decidedAt: extension.decidedAt === null ? null : new Date(extension.decidedAt),
  }));
  const row = found.row;
  return {
    row,
    serviceNameZh: service?.nameZh ?? found.row.serviceCode,
    serviceNameEn: service?.nameEn ?? found.row.serviceCode,
    unit: { code: row.unitCode, nameZh: found.unitNameZh, nameEn: found.unitNameEn, phone: found.unitPhone },
    handler: row.handlerId === null ? null : { id: row.handlerId, displayName: found.handlerName ?? '' },
    timeline,
    extensions,
    attachments: attachmentsFromJson(found.attachments),
    status: deadlineStatus(row, now),
  };
}

/** The case's id from a number as typed (in a URL, a form), or NOT_FOUND in the user's language. */
export async function caseIdOrNotFound(
  db: DatabaseOrTransaction,
  caseNumber: string,
  lang: Lang,
): Promise<string> {
  const id = await findCaseIdByNumber(db, caseNumber);
  if (id === null) throw notFound(caseText(lang, 'caseNotFound'));
  return id;
}

/** The ids of cases given by number (the staff API's assignment); every number must name a case. */
export async function caseIdsByNumbers(
  db: DatabaseOrTransaction,
  caseNumbers: readonly string[],
  lang: Lang,
): Promise<string[]> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(inArray(cases.caseNumber, [...caseNumbers]));
  if (rows.length !== new Set(caseNumbers).size)
    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'caseNotFound'), {
      problems: [{ field: 'caseNumbers', code: 'unknown', message: caseText(lang, 'caseNotFound') }],
    });
  return rows.map((row) => row.id);
}

export async function findCaseIdByNumber(
  db: DatabaseOrTransaction,
  caseNumber: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.caseNumber, normaliseCaseNumber(caseNumber)));
  return row?.id ?? null;
}

export interface QueueFilters {
  unitCode?: string | undefined;
  handlerId?: string | undefined;
  state?: CaseState | undefined;
  serviceCode?: string | undefined;
  districtCode?: string | undefined;
  /** 'overdue': past due; 'soon': at risk but not yet overdue; 'unassigned'. */
  due?: 'overdue' | 'soon' | undefined;
  unassigned?: boolean | undefined;
  /** Only cases with an extension request waiting for a supervisor's decision. */
  pendingExtension?: boolean | undefined;
}

export interface QueueItem {
  id: string;
  caseNumber: string;
  kind: string;
  state: CaseState;
  subject: string;
  serviceCode: string;
  serviceNameZh: string;
  serviceNameEn: string;
  districtCode: string | null;
  unitCode: string;
  handlerId: string | null;
  handlerName: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  atRiskAt: Date | null;
  expectedCompletionDate: string | null;
  version: number;
  status: DeadlineStatus;
}

export const queuePageSize = 50;

/** Which filters a queue query has, as a name: the same filters give the same SQL text. */
function queueShape(filters: QueueFilters): string {
  return [
    filters.unitCode !== undefined ? 'u' : '',
    filters.handlerId !== undefined ? 'h' : '',
    filters.unassigned === true ? 'n' : '',
    filters.pendingExtension === true ? 'x' : '',
    filters.state !== undefined ? 's' : '',
    filters.serviceCode !== undefined ? 'v' : '',
    filters.districtCode !== undefined ? 'd' : '',
    filters.due ?? '',
  ].join('');
}

/** The case has an extension request waiting for a supervisor's decision. */
export const hasPendingExtensionSql = sql`exists (select 1 from ${caseExtensions} where ${caseExtensions.caseId} = ${cases.id} and ${caseExtensions.state} = 'pending')`;

/** A value of the queue's filters: as itself, or as a placeholder of a statement prepared once. */
type QueueValue = <Value>(name: string, value: Value) => Value | Placeholder;

/** The queue's conditions for the filters given (their values through `value`). */
function queueWhere(filters: QueueFilters, now: Date, value: QueueValue): SQL | undefined {
  // The open states as literals, not parameters: a kept (generic) plan can then use the partial indexes on
  // open cases (cases_handler_open_due_idx and the like), whose predicate names them.
  const conditions: SQL[] = [sql`${cases.state} in ${openStatesSql}`];
  if (filters.unitCode !== undefined)
    conditions.push(eq(cases.unitCode, value('unitCode', filters.unitCode)));
  if (filters.handlerId !== undefined)
    conditions.push(eq(cases.handlerId, value('handlerId', filters.handlerId)));
  if (filters.unassigned === true) conditions.push(isNull(cases.handlerId));
  if (filters.pendingExtension === true) conditions.push(hasPendingExtensionSql);
  if (filters.state !== undefined) conditions.push(eq(cases.state, value('state', filters.state)));
  if (filters.serviceCode !== undefined)
    conditions.push(eq(cases.serviceCode, value('serviceCode', filters.serviceCode)));
  if (filters.districtCode !== undefined)
    conditions.push(eq(cases.districtCode, value('districtCode', filters.districtCode)));
  if (filters.due === 'overdue') conditions.push(sql`${cases.dueAt} < ${value('now', now)}`);
  if (filters.due === 'soon')
    conditions.push(
      sql`${cases.atRiskAt} <= ${value('now', now)} and ${cases.dueAt} >= ${value('now', now)}`,
    );
  return and(...conditions);
}

const asPlaceholder: QueueValue = (name) => sql.placeholder(name);

/**
 * The queue's statement for one shape of filters, built once per shape and database handle: the page and
 * the total in one statement (the window count is taken over every matching row before LIMIT/OFFSET).
 * Named by its shape (the text is the same for the same filters): parsed once per connection, and its plan
 * kept when PostgreSQL finds the generic one no worse.
 */
const queueQueries = new Map<string, (db: DatabaseOrTransaction) => ReturnType<typeof prepareQueue>>();

function prepareQueue(db: DatabaseOrTransaction, filters: QueueFilters, shape: string) {
  return db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      kind: cases.kind,
      state: cases.state,
      subject: cases.subject,
      serviceCode: cases.serviceCode,
      serviceVersion: cases.serviceVersion,
      districtCode: cases.districtCode,
      unitCode: cases.unitCode,
      handlerId: cases.handlerId,
      handlerName: staff.displayName,
      receivedAt: cases.receivedAt,
      dueAt: cases.dueAt,
      atRiskAt: cases.atRiskAt,
      expectedCompletionDate: cases.expectedCompletionDate,
      version: cases.version,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(cases)
    .leftJoin(staff, eq(staff.id, cases.handlerId))
    .where(queueWhere(filters, new Date(0), asPlaceholder))
    .orderBy(sql`${cases.dueAt} asc nulls last`, asc(cases.receivedAt))
    .limit(queuePageSize)
    .offset(sql.placeholder('offset'))
    .prepare(`cases_queue_${shape}`);
}

function queueQuery(db: DatabaseOrTransaction, filters: QueueFilters) {
  const shape = queueShape(filters);
  let prepared = queueQueries.get(shape);
  if (prepared === undefined) {
    // The filters only decide which conditions there are: every value is a placeholder.
    prepared = preparedPerHandle((handle) => prepareQueue(handle, filters, shape));
    queueQueries.set(shape, prepared);
  }
  return prepared(db);
}

/** A handler's or a unit's open cases, nearest deadline first (paused ones last). */
export async function listQueue(
  db: DatabaseOrTransaction,
  filters: QueueFilters,
  now: Date,
  page = 1,
): Promise<{ items: QueueItem[]; total: number }> {
  const rows = await queueQuery(db, filters).execute({
    unitCode: filters.unitCode,
    handlerId: filters.handlerId,
    state: filters.state,
    serviceCode: filters.serviceCode,
    districtCode: filters.districtCode,
    now,
    offset: (Math.max(1, page) - 1) * queuePageSize,
  });
  // Only a page past the end (no row to carry the window count) needs a count of its own.
  const where = queueWhere(filters, now, (_name, value) => value);
  const total =
    rows[0]?.total ??
    (page > 1
      ? ((await db.select({ total: sql<number>`count(*)::int` }).from(cases).where(where))[0]?.total ?? 0)
      : 0);
  // Names from the catalogue's kept versions (a version never changes): no join per page.
  const nameOf = await serviceNamesOf(db, rows);
  return {
    total,
    items: rows.map(({ serviceVersion, total: _total, ...row }) => ({
      ...row,
      serviceNameZh: nameOf(row.serviceCode, serviceVersion).nameZh,
      serviceNameEn: nameOf(row.serviceCode, serviceVersion).nameEn,
      state: row.state as CaseState,
      status: deadlineStatus(row, now),
    })),
  };
}

export interface SupervisionRow {
  unitCode: string;
  /** The unit's total (first row of each unit); otherwise one handler's, or the unassigned cases (handlerId null). */
  isUnitTotal: boolean;
  handlerId: string | null;
  handlerName: string | null;
  open: number;
  atRisk: number;
  overdue: number;
}

/** The open states of every workflow as an SQL list, for the queries written in SQL (supervision, reminders). */
export const openStatesSql = sql.raw(`(${openStates.map((state) => `'${state}'`).join(', ')})`);

/** Open, at-risk and overdue counts per unit and handler (a unit's row has handlerId null and the total). */
export async function supervisionSummary(
  db: DatabaseOrTransaction,
  options: { unitCode?: string | undefined },
  now: Date,
): Promise<SupervisionRow[]> {
  const unitCondition = options.unitCode === undefined ? sql`true` : sql`c.unit_code = ${options.unitCode}`;
  const result = await db.execute<{
    unit_code: string;
    handler_id: string | null;
    handler_name: string | null;
    is_total: boolean;
    open: number;
    at_risk: number;
    overdue: number;
  }>(sql`
    select c.unit_code, c.handler_id, s.display_name as handler_name, grouping(c.handler_id, s.display_name) = 3 as is_total,
           count(*)::int as open,
           count(*) filter (where c.at_risk_at <= ${now} and c.due_at >= ${now})::int as at_risk,
           count(*) filter (where c.due_at < ${now})::int as overdue
    from cases c left join staff s on s.id = c.handler_id
    where c.state in ${openStatesSql} and ${unitCondition}
    group by grouping sets ((c.unit_code, c.handler_id, s.display_name), (c.unit_code))
    order by c.unit_code, is_total desc, overdue desc, at_risk desc`);
  return result.rows.map((row) => ({
    unitCode: row.unit_code,
    isUnitTotal: row.is_total,
    handlerId: row.is_total ? null : row.handler_id,
    handlerName: row.is_total ? null : (row.handler_name ?? null),
    open: row.open,
    atRisk: row.at_risk,
    overdue: row.overdue,
  }));
}
