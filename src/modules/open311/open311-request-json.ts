import type { AnyColumn, SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import {
  jsonArrayAgg,
  jsonLiteral,
  jsonLookup,
  jsonObject,
  jsonValue,
  textTemplate,
} from '../../platform/db/json-text.ts';
import { caseStates } from '../cases/index.ts';
import type { Deadline } from '../catalogue/index.ts';
import { publicDegrees } from '../reports/index.ts';
import type { RequestSearch } from './open311-params.ts';
import { kaohsiungZipcodes, type RequestWords, serviceNotice } from './open311-request-format.ts';
import { openFieldReportStates, searchPage } from './open311-requests.ts';

/**
 * A page of the request search as GeoReport v2 JSON, written by PostgreSQL (platform/db/json-text.ts): the
 * same bytes as `JSON.stringify(rows.map(requestEntry))` (open311-request-json.db.test.ts compares them on
 * every kind of row), without reading 1000 rows of 17 columns into objects and writing them out again. On
 * 1,000,000 reports that was most of a computed list's time: PostgreSQL 9–13 ms, reading the rows 12 ms,
 * JSON.stringify 6.6 ms (CPU profile, docs/benchmarks.md); the answer is now one text column of one row.
 * The words come from requestEntry's own functions: state words and service names as tables, the service
 * notice and the photo's address as templates those functions wrote around a marker.
 */

type Fields = ReturnType<typeof searchPage>['fields'];

/** A number no deadline has, to find where a notice writes its number. */
const numberMarker = '987654321';

/** The service notice of a deadline in SQL, from the words' own notices for 1 and for the marker. */
function noticeOf(rule: SQL | AnyColumn, words: RequestWords): SQL {
  const notice = (deadline: Deadline) => serviceNotice(deadline, words);
  const numbered = (one: string, many: string, count: SQL) =>
    sql`case when ${count} = '1' then ${one}::text
             else ${textTemplate(many, [numberMarker])(count)} end`;
  const marker = Number(numberMarker);
  return sql`case when ${rule}->>'kind' = 'working_days'
    then ${numbered(notice({ kind: 'working_days', days: 1 }), notice({ kind: 'working_days', days: marker }), sql`${rule}->>'days'`)}
    else ${numbered(notice({ kind: 'hours', hours: 1 }), notice({ kind: 'hours', hours: marker }), sql`${rule}->>'hours'`)} end`;
}

/** A request row as requestEntry writes it, member by member in the specification's order. */
function entryText(row: Fields, words: RequestWords, serviceCodes: readonly string[]): SQL {
  const openStates = sql.join(
    [...openFieldReportStates].map((open) => sql`${open}`),
    sql`, `,
  );
  const stateWords = Object.fromEntries(caseStates.map((state) => [state, words.stateWords(state)]));
  const serviceNames = Object.fromEntries(serviceCodes.map((code) => [code, words.serviceName(code)]));
  // expectedDateTime: the deadline's instant, else the promised date at the end of its day.
  const promised = sql`to_char(${row.expectedCompletionDate}::date, 'YYYY-MM-DD')`;
  const expected = sql`coalesce(${row.dueDateTime}, ${promised} || 'T23:59:59+08:00')`;
  const hasPoint = sql`${row.latitude} is not null and ${row.longitude} is not null`;
  const degrees = (column: AnyColumn) =>
    sql`case when ${hasPoint} then ${jsonValue(publicDegrees(column))} else 'null' end`;
  const photoUrl = textTemplate(words.photoUrl('CASENUMBERMARKER', 'PHOTOIDMARKER'), [
    'CASENUMBERMARKER',
    'PHOTOIDMARKER',
  ]);
  return jsonObject([
    ['service_request_id', jsonValue(row.caseNumber)],
    ['status', sql`case when ${row.state} in (${openStates}) then '"open"' else '"closed"' end`],
    ['status_notes', jsonValue(sql`coalesce(${jsonLookup(stateWords, row.state)}, ${row.state})`)],
    [
      'service_name',
      jsonValue(sql`coalesce(${jsonLookup(serviceNames, row.serviceCode)}, ${row.serviceCode})`),
    ],
    ['service_code', jsonValue(row.serviceCode)],
    ['description', jsonValue(row.description)],
    ['agency_responsible', jsonValue(words.locale === 'en' ? row.unitNameEn : row.unitNameZh)],
    ['service_notice', jsonValue(noticeOf(row.deadlineRule, words))],
    ['requested_datetime', jsonValue(row.requestedDateTime)],
    ['updated_datetime', jsonValue(row.updatedDateTime)],
    ['expected_datetime', jsonValue(expected)],
    ['address', jsonValue(row.address)],
    ['address_id', jsonLiteral(null)],
    ['zipcode', jsonValue(jsonLookup(kaohsiungZipcodes, row.districtCode))],
    ['lat', degrees(row.latitude)],
    ['long', degrees(row.longitude)],
    [
      'media_url',
      sql`case when ${row.photoId} is null then 'null' else ${jsonValue(photoUrl(row.caseNumber, row.photoId))} end`,
    ],
  ]);
}

/**
 * The search's page as the JSON answer's text (a bare array; `[]` when nothing matched), newest first as
 * searchRequests orders it. `serviceCodes`: the services whose names the words know.
 */
export async function searchRequestsJson(
  db: DatabaseOrTransaction,
  filter: RequestSearch,
  words: RequestWords,
  serviceCodes: readonly string[],
): Promise<string> {
  const { page, fields } = searchPage(db, filter);
  const [answer] = await db
    .select({
      body: jsonArrayAgg(entryText(fields, words, serviceCodes), sql`${page.receivedAt} desc`),
      serialPlan: fields.serialPlan,
    })
    .from(page);
  return answer?.body ?? '[]';
}
