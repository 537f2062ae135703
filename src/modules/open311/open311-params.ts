/**
 * The query parameters of the request list and the updates feed (GeoReport v2 "GET Service Requests" and
 * mySociety's servicerequestupdates extension), read into a filter or into the specification's error list,
 * every problem at once. Pure: no database, no request.
 */
import type { Open311Error } from './open311-format.ts';
import { open311Text } from './open311-messages.ts';

/** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const defaultWindowDays = 90;
export const maxPageSize = 1000;
const maxPage = 100_000;
const dayMs = 24 * 60 * 60 * 1000;

export type Open311Status = 'open' | 'closed';

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export interface RequestSearch {
  kind: 'search';
  /** Null: every service. */
  serviceCodes: string[] | null;
  /** requested_datetime from `start` to `end`, both included. */
  start: Date;
  end: Date;
  /** Null: both. */
  status: Open311Status | null;
  bbox: BoundingBox | null;
  page: number;
  pageSize: number;
}

/** `service_request_id` given: "This overrides all other arguments." */
export interface RequestsById {
  kind: 'ids';
  numbers: string[];
}

export type RequestFilter = RequestSearch | RequestsById;

export interface RequestListQuery {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: string | undefined;
  bbox?: string | undefined;
  page?: string | undefined;
  page_size?: string | undefined;
}

const bad = (
  key: Parameters<typeof open311Text>[1],
  values?: Record<string, string | number>,
): Open311Error => ({
  code: 400,
  description: open311Text('en', key, values),
});

/** A comma-delimited list, spaces and empty items dropped ("Optional": empty is the same as absent). */
export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A W3C date-time (the subset of ISO 8601 the specification names): `2026-03-02T10:00:00+08:00`,
 * `2026-03-02T02:00:00Z`, minutes only or with fractions; a time must carry its zone ("Timezone information
 * must be included"). A bare date is a day in Taipei: its first instant, or its last when `edge` is 'end'.
 * A `+` that reached us as a space (an offset not percent-encoded in a query string) is read as `+`.
 * Null when it is none of these or not a real moment (2026-02-30, 25:00).
 */
export function parseW3cDateTime(text: string, edge: 'start' | 'end' = 'start'): Date | null {
  const value = text.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  const match = dateTimePattern.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const numbers = [year, month, day, hour ?? '0', minute ?? '0', second ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = numbers;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
  if (zone === undefined) {
    // A bare date: the Taipei day (UTC+8, no daylight saving).
    const startOfDay = utc - 8 * 60 * 60 * 1000;
    return new Date(edge === 'end' ? startOfDay + dayMs - 1 : startOfDay);
  }
  const offsetMinutes =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (Math.abs(offsetMinutes) > 14 * 60) return null;
  return new Date(utc + millis - offsetMinutes * 60 * 1000);
}

/**
 * The date window of a search: both ends as given, one end and 90 days from it, or the 90 days ending now.
 * "May not span more than 90 days": a longer window, or one that ends before it starts, is an error.
 */
export function dateWindow(
  query: { start_date?: string | undefined; end_date?: string | undefined },
  now: Date,
  errors: Open311Error[],
): { start: Date; end: Date } {
  const startText = (query.start_date ?? '').trim();
  const endText = (query.end_date ?? '').trim();
  const start = startText === '' ? null : parseW3cDateTime(startText, 'start');
  const end = endText === '' ? null : parseW3cDateTime(endText, 'end');
  if (startText !== '' && start === null) errors.push(bad('badDate', { name: 'start_date' }));
  if (endText !== '' && end === null) errors.push(bad('badDate', { name: 'end_date' }));
  const span = defaultWindowDays * dayMs;
  const window =
    start !== null && end !== null
      ? { start, end }
      : start !== null
        ? { start, end: new Date(start.getTime() + span) }
        : end !== null
          ? { start: new Date(end.getTime() - span), end }
          : { start: new Date(now.getTime() - span), end: now };
  if (start !== null && end !== null) {
    if (end.getTime() < start.getTime()) errors.push(bad('endBeforeStart'));
    else if (end.getTime() - start.getTime() > span)
      errors.push(bad('windowTooLong', { days: defaultWindowDays }));
  }
  return window;
}

/** `page` (from 1) and `page_size` (1 to 1000, default 1000): the widely used paging extension. */
export function paging(
  query: { page?: string | undefined; page_size?: string | undefined },
  errors: Open311Error[],
): { page: number; pageSize: number } {
  const whole = (text: string | undefined, fallback: number, max: number, name: string) => {
    const value = (text ?? '').trim();
    if (value === '') return fallback;
    const number = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= 1 && number <= max)) {
      errors.push(bad('badWholeNumber', { name, max }));
      return fallback;
    }
    return number;
  };
  return {
    page: whole(query.page, 1, maxPage, 'page'),
    pageSize: whole(query.page_size, maxPageSize, maxPageSize, 'page_size'),
  };
}

/** `bbox=minLon,minLat,maxLon,maxLat` (WGS84), as map clients send it. */
export function boundingBox(value: string | undefined, errors: Open311Error[]): BoundingBox | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  const parts = text
    .split(',')
    .map((part) => (/^\s*-?\d+(\.\d+)?\s*$/.test(part) ? Number(part) : Number.NaN));
  const [minLon, minLat, maxLon, maxLat] = parts;
  if (
    parts.length !== 4 ||
    minLon === undefined ||
    minLat === undefined ||
    maxLon === undefined ||
    maxLat === undefined ||
    parts.some((part) => !Number.isFinite(part)) ||
    minLon < -180 ||
    maxLon > 180 ||
    minLat < -90 ||
    maxLat > 90 ||
    minLon > maxLon ||
    minLat > maxLat
  ) {
    errors.push(bad('badBbox'));
    return null;
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** `status=open`, `closed`, or both comma-delimited (both: every status). */
export function statusFilter(value: string | undefined, errors: Open311Error[]): Open311Status | null {
  const wanted = new Set<string>();
  for (const item of commaList(value)) {
    if (item !== 'open' && item !== 'closed') {
      errors.push(bad('badStatus', { value: item.slice(0, 40) }));
      continue;
    }
    wanted.add(item);
  }
  return wanted.size === 1 ? ([...wanted][0] as Open311Status) : null;
}

const serviceCodePattern = /^[a-z0-9-]{1,100}$/;
/** At most this many ids in one `service_request_id` list (a page's worth). */
export const maxRequestIds = maxPageSize;

/** The ids of a `service_request_id` list, each once, in the order given. */
export function requestIds(value: string | undefined, errors: Open311Error[]): string[] {
  const ids = [...new Set(commaList(value))];
  if (ids.length > maxRequestIds) errors.push(bad('tooManyIds', { max: maxRequestIds }));
  return ids.slice(0, maxRequestIds);
}

/** The request list's filter, or every problem of its parameters. */
export function readRequestListQuery(
  query: RequestListQuery,
  now: Date,
): { filter: RequestFilter; errors: Open311Error[] } {
  const errors: Open311Error[] = [];
  if (commaList(query.service_request_id).length > 0)
    return { filter: { kind: 'ids', numbers: requestIds(query.service_request_id, errors) }, errors };
  const serviceCodes = commaList(query.service_code);
  for (const code of serviceCodes)
    if (!serviceCodePattern.test(code)) errors.push(bad('badServiceCode', { code: code.slice(0, 100) }));
  const window = dateWindow(query, now, errors);
  const filter: RequestSearch = {
    kind: 'search',
    serviceCodes: serviceCodes.length === 0 ? null : serviceCodes,
    ...window,
    status: statusFilter(query.status, errors),
    bbox: boundingBox(query.bbox, errors),
    ...paging(query, errors),
  };
  return { filter, errors };
}

export interface UpdatesFilter {
  /** Null: every published request. */
  numbers: string[] | null;
  /** Null: all time (only with a list of ids and no dates). */
  window: { start: Date; end: Date } | null;
  page: number;
  pageSize: number;
}

/**
 * The updates feed's filter: a date window (as the request list's: 90 days by default) over when the
 * update happened, and/or a list of requests; with a list and no dates, every update of those requests.
 */
export function readUpdatesQuery(
  query: {
    service_request_id?: string | undefined;
    start_date?: string | undefined;
    end_date?: string | undefined;
    page?: string | undefined;
    page_size?: string | undefined;
  },
  now: Date,
): { filter: UpdatesFilter; errors: Open311Error[] } {
  const errors: Open311Error[] = [];
  const ids = requestIds(query.service_request_id, errors);
  const hasDates = (query.start_date ?? '').trim() !== '' || (query.end_date ?? '').trim() !== '';
  const window = ids.length > 0 && !hasDates ? null : dateWindow(query, now, errors);
  return {
    filter: { numbers: ids.length === 0 ? null : ids, window, ...paging(query, errors) },
    errors,
  };
}
