import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { caseStates } from '../cases/index.ts';
import type { Deadline } from '../catalogue/index.ts';
import type { RequestSearch } from './open311-params.ts';
import { kaohsiungZipcodes, type RequestWords, serviceNotice } from './open311-request-format.ts';
import { openFieldReportStates, searchPage } from './open311-requests.ts';

/**
 * A page of the request search as GeoReport v2 JSON, written by PostgreSQL: the same bytes as
 * `JSON.stringify(rows.map(requestEntry))` (a test compares them on every kind of row), without reading
 * 1000 rows of 17 columns into objects and writing them out again. On 1,000,000 reports that was most of a
 * computed list's time: PostgreSQL 9–13 ms, reading the rows 12 ms, JSON.stringify 6.6 ms (CPU profile,
 * docs/benchmarks.md); the answer is now one text column of one row.
 *
 * The words are the same functions' words, handed to the query as parameters: the state words and service
 * names as JSON objects, the service notice and the photo address as templates that the functions wrote
 * themselves around a marker, so the text cannot drift from requestEntry's. Each value is written by
 * `to_json(…)::text`, which escapes strings exactly as JSON.stringify does (", \, the control characters as
 * \b \f \n \r \t or \u00xx) and writes a double in its shortest exact form, as JavaScript does.
 */

/** What the SQL needs of the words, as parameters. */
interface JsonWords {
  stateWords: string;
  serviceNames: string;
  zipcodes: string;
  notice: { hours: [string, string]; days: [string, string] };
  photoUrl: [string, string, string];
}

/** A number no deadline has, to find where a template writes its number. */
const marker = 987_654_321;
const numberMarker = String(marker);
const caseMarker = 'CASENUMBERMARKER';
const photoMarker = 'PHOTOIDMARKER';

/** A template split around its one marker; a template that writes the marker other than once is refused. */
function splitAround(text: string, markerText: string): [string, string] {
  const parts = text.split(markerText);
  if (parts.length !== 2) throw new Error(`template without exactly one ${markerText}: ${text}`);
  return [parts[0] as string, parts[1] as string];
}

function jsonWords(words: RequestWords, serviceCodes: readonly string[]): JsonWords {
  const noticeOf = (deadline: Deadline) => serviceNotice(deadline, words);
  const [beforeCase, afterCase] = splitAround(words.photoUrl(caseMarker, photoMarker), caseMarker);
  const [betweenCaseAndPhoto, afterPhoto] = splitAround(afterCase, photoMarker);
  return {
    stateWords: JSON.stringify(
      Object.fromEntries(caseStates.map((state) => [state, words.stateWords(state)])),
    ),
    serviceNames: JSON.stringify(
      Object.fromEntries(serviceCodes.map((code) => [code, words.serviceName(code)])),
    ),
    zipcodes: JSON.stringify(kaohsiungZipcodes),
    notice: {
      // The one-hour and one-day words may differ from the rest ("within 1 hour" / "within 4 hours").
      hours: [noticeOf({ kind: 'hours', hours: 1 }), noticeOf({ kind: 'hours', hours: marker })],
      days: [noticeOf({ kind: 'working_days', days: 1 }), noticeOf({ kind: 'working_days', days: marker })],
    },
    photoUrl: [beforeCase, betweenCaseAndPhoto, afterPhoto],
  };
}

/** A value as JSON text; SQL null as `null`. */
const json = (value: SQL | AnyColumn) => sql`coalesce(to_json(${value})::text, 'null')`;

/** `"name":value`, the first without its comma. */
const member = (name: string, value: SQL, first = false) =>
  sql`${`${first ? '' : ','}${JSON.stringify(name)}:`}::text || ${value}`;

type Fields = ReturnType<typeof searchPage>['fields'];

/** A request row as requestEntry writes it, member by member in the specification's order. */
function entryText(row: Fields, words: JsonWords, locale: RequestWords['locale']): SQL {
  const openStates = sql.join(
    [...openFieldReportStates].map((open) => sql`${open}`),
    sql`, `,
  );
  const numbered = (template: readonly [string, string], count: SQL) =>
    sql`case when ${count} = '1' then ${template[0]}::text
             else replace(${template[1]}::text, ${numberMarker}::text, ${count}) end`;
  const notice = sql`case when ${row.deadlineRule}->>'kind' = 'working_days'
    then ${numbered(words.notice.days, sql`${row.deadlineRule}->>'days'`)}
    else ${numbered(words.notice.hours, sql`${row.deadlineRule}->>'hours'`)} end`;
  // expectedDateTime: the deadline's instant, else the promised date at the end of its day.
  const promised = sql`to_char(${row.expectedCompletionDate}::date, 'YYYY-MM-DD')`;
  const expected = sql`coalesce(${row.dueDateTime}, ${promised} || 'T23:59:59+08:00')`;
  // publicPoint: Math.round(x * 1e4) / 1e4, which for these degrees is floor(x * 1e4 + 0.5) / 1e4 in the
  // same IEEE doubles (PostgreSQL's round() of a double rounds halves to even).
  const rounded = (degrees: AnyColumn) => sql`floor(${degrees} * 1e4::float8 + 0.5::float8) / 1e4::float8`;
  const bothCoordinates = sql`${row.latitude} is not null and ${row.longitude} is not null`;
  const [beforeCase, between, afterPhoto] = words.photoUrl;
  const members = [
    member('service_request_id', json(row.caseNumber), true),
    member('status', sql`case when ${row.state} in (${openStates}) then '"open"' else '"closed"' end`),
    member(
      'status_notes',
      json(sql`coalesce(${words.stateWords}::jsonb ->> ${row.state}::text, ${row.state}::text)`),
    ),
    member(
      'service_name',
      json(
        sql`coalesce(${words.serviceNames}::jsonb ->> ${row.serviceCode}::text, ${row.serviceCode}::text)`,
      ),
    ),
    member('service_code', json(row.serviceCode)),
    member('description', json(row.description)),
    member('agency_responsible', json(locale === 'en' ? row.unitNameEn : row.unitNameZh)),
    member('service_notice', json(notice)),
    member('requested_datetime', json(row.requestedDateTime)),
    member('updated_datetime', json(row.updatedDateTime)),
    member('expected_datetime', json(expected)),
    member('address', json(row.address)),
    member('address_id', sql`'null'`),
    member('zipcode', json(sql`${words.zipcodes}::jsonb ->> ${row.districtCode}::text`)),
    member('lat', sql`case when ${bothCoordinates} then ${json(rounded(row.latitude))} else 'null' end`),
    member('long', sql`case when ${bothCoordinates} then ${json(rounded(row.longitude))} else 'null' end`),
    member(
      'media_url',
      json(
        sql`${beforeCase}::text || ${row.caseNumber} || ${between}::text || ${row.photoId} || ${afterPhoto}::text`,
      ),
    ),
  ];
  return sql`'{' || ${sql.join(members, sql` || `)} || '}'`;
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
  const entry = entryText(fields, jsonWords(words, serviceCodes), words.locale);
  const [answer] = await db
    .select({
      body: sql<string>`coalesce('[' || string_agg(${entry}, ',' order by ${page.receivedAt} desc) || ']', '[]')`,
      serialPlan: fields.serialPlan,
    })
    .from(page);
  return answer?.body ?? '[]';
}
