/**
 * A photo report as GeoReport v2 shows it to anyone (the request list, one request, the updates feed):
 * the fields in the specification's order, dates with +08:00, `status` open or closed with the detailed
 * state in words in `status_notes`, the point rounded for the public, the first public photo. Never the
 * reporter's name, e-mail, phone or own address. Pure: the routes read the rows and hand them in with
 * what the words need (the workflow's open states and state words, the service names).
 */
import type { Deadline } from '../catalogue/index.ts';
import type { Open311Row, XmlShape } from './open311-format.ts';
import { open311DateTime } from './open311-format.ts';
import { open311Text } from './open311-messages.ts';
import type { Open311Locale } from './open311-services.ts';

/** `requests.xml`, `requests/ID.xml`, `tokens/TOKEN.xml` and the POST answer: `<service_requests><request>`. */
export const requestsShape: XmlShape = { root: 'service_requests', entry: 'request' };
/** `servicerequestupdates.xml` (mySociety's extension): `<service_request_updates><request_update>`. */
export const updatesShape: XmlShape = { root: 'service_request_updates', entry: 'request_update' };

/**
 * 3-digit postal codes (郵遞區號) of Kaohsiung's districts, by MOI town code: the request's `zipcode`,
 * from the district its point or address lies in.
 */
export const kaohsiungZipcodes: Readonly<Record<string, string>> = {
  '64000010': '803', // 鹽埕區
  '64000020': '804', // 鼓山區
  '64000030': '813', // 左營區
  '64000040': '811', // 楠梓區
  '64000050': '807', // 三民區
  '64000060': '800', // 新興區
  '64000070': '801', // 前金區
  '64000080': '802', // 苓雅區
  '64000090': '806', // 前鎮區
  '64000100': '805', // 旗津區
  '64000110': '812', // 小港區
  '64000120': '830', // 鳳山區
  '64000130': '832', // 林園區
  '64000140': '831', // 大寮區
  '64000150': '840', // 大樹區
  '64000160': '815', // 大社區
  '64000170': '814', // 仁武區
  '64000180': '833', // 鳥松區
  '64000190': '820', // 岡山區
  '64000200': '825', // 橋頭區
  '64000210': '824', // 燕巢區
  '64000220': '823', // 田寮區
  '64000230': '822', // 阿蓮區
  '64000240': '821', // 路竹區
  '64000250': '829', // 湖內區
  '64000260': '852', // 茄萣區
  '64000270': '828', // 永安區
  '64000280': '827', // 彌陀區
  '64000290': '826', // 梓官區
  '64000300': '842', // 旗山區
  '64000310': '843', // 美濃區
  '64000320': '844', // 六龜區
  '64000330': '847', // 甲仙區
  '64000340': '846', // 杉林區
  '64000350': '845', // 內門區
  '64000360': '851', // 茂林區
  '64000370': '848', // 桃源區
  '64000380': '849', // 那瑪夏區
};

/** What the words of a request need besides its row. */
export interface RequestWords {
  locale: Open311Locale;
  /** States in which a field report is open (the workflow's); every other is closed. */
  openStates: ReadonlySet<string>;
  /** A state in words, in the locale (已派工 / Crew assigned). */
  stateWords(state: string): string;
  /** A service's name in the locale; its code when the catalogue no longer lists it. */
  serviceName(code: string): string;
  /** The deadline in words, in the locale (「4 小時內」 / "within 4 hours"). */
  deadlineWords(deadline: Deadline): string;
  /** The public address of a photo: the absolute URL of its public copy. */
  photoUrl(caseNumber: string, photoId: string): string;
}

/** One published field report as the list query reads it (no personal data among the columns). */
export interface RequestRow {
  caseNumber: string;
  state: string;
  serviceCode: string;
  description: string;
  address: string | null;
  districtCode: string | null;
  latitude: number | null;
  longitude: number | null;
  /** When it came in, updated, is due: already as GeoReport v2 writes a moment (open311DateTime's form). */
  requestedDateTime: string;
  updatedDateTime: string;
  dueDateTime: string | null;
  expectedCompletionDate: string | null;
  deadlineRule: Deadline;
  unitNameZh: string;
  unitNameEn: string;
  /** The first public, not hidden photo of the reporter's. */
  photoId: string | null;
}

export function open311Status(state: string, openStates: ReadonlySet<string>): 'open' | 'closed' {
  return openStates.has(state) ? 'open' : 'closed';
}

/** What the bureau expects to do, from the category's deadline: 「預計處理時限：4 小時內。」 */
export function serviceNotice(
  deadline: Deadline,
  words: Pick<RequestWords, 'locale' | 'deadlineWords'>,
): string {
  return open311Text(words.locale, deadline.kind === 'hours' ? 'serviceNoticeHours' : 'serviceNoticeDays', {
    deadline: words.deadlineWords(deadline),
  });
}

/**
 * When it should be done: the deadline's instant while the clock runs (as GeoReport v2 writes it); otherwise
 * (finished) the date the reporter was promised, at the end of that Taipei day; null when there is neither.
 */
export function expectedDateTime(
  dueDateTime: string | null,
  expectedCompletionDate: string | null,
): string | null {
  if (dueDateTime !== null) return dueDateTime;
  if (expectedCompletionDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(expectedCompletionDate))
    return `${expectedCompletionDate}T23:59:59+08:00`;
  return null;
}

/** The point as the public sees it: 4 decimals, about 11 m (the reports module's publicPoint rule). */
export type RoundPoint = (lat: number, lon: number) => { lat: number; lon: number };

/** One request, its elements in the specification's order. */
export function requestEntry(row: RequestRow, words: RequestWords, roundPoint: RoundPoint): Open311Row {
  const point =
    row.latitude === null || row.longitude === null ? null : roundPoint(row.latitude, row.longitude);
  return {
    service_request_id: row.caseNumber,
    status: open311Status(row.state, words.openStates),
    status_notes: words.stateWords(row.state),
    service_name: words.serviceName(row.serviceCode),
    service_code: row.serviceCode,
    description: row.description,
    agency_responsible: words.locale === 'en' ? row.unitNameEn : row.unitNameZh,
    service_notice: serviceNotice(row.deadlineRule, words),
    requested_datetime: row.requestedDateTime,
    updated_datetime: row.updatedDateTime,
    expected_datetime: expectedDateTime(row.dueDateTime, row.expectedCompletionDate),
    address: row.address,
    // The bureau keeps no address register (POST refuses address_id), so there is never one.
    address_id: null,
    zipcode: row.districtCode === null ? null : (kaohsiungZipcodes[row.districtCode] ?? null),
    lat: point?.lat ?? null,
    long: point?.lon ?? null,
    media_url: row.photoId === null ? null : words.photoUrl(row.caseNumber, row.photoId),
  };
}

/** One entry of the updates feed as the query reads it: a timeline event of a published report. */
export interface UpdateRow {
  id: number;
  caseNumber: string;
  /** The state the report was in after the event. */
  state: string;
  occurredAt: Date;
  publicNote: string | null;
  /** The crew's after-photo, when the event is the fix. */
  photoId: string | null;
}

/**
 * One update (mySociety's extension): its id, the request, the status after it, when, the public note or
 * else the state in words, and the after-photo of a fix ('' when none, as the extension writes it).
 */
export function updateEntry(row: UpdateRow, words: RequestWords): Open311Row {
  return {
    update_id: String(row.id),
    service_request_id: row.caseNumber,
    status: open311Status(row.state, words.openStates),
    updated_datetime: open311DateTime(row.occurredAt),
    description: row.publicNote ?? words.stateWords(row.state),
    media_url: row.photoId === null ? '' : words.photoUrl(row.caseNumber, row.photoId),
  };
}
