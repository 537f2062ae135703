import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { deviceHashOf, deviceIdOf, deviceTrustDays } from '../../../platform/auth/trusted-devices.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/http/app-types.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { consumeRateLimit } from '../../../platform/http/rate-limit.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { lookupCodeLength, normaliseCaseNumber, normaliseLookupCode } from '../core/case-number.ts';
import { isTrackLinkToken } from '../core/track-url.ts';
import { trackText } from './track-messages.ts';

/**
 * Who may see a case without signing in: whoever holds its number and lookup code. Guessing is made
 * hopeless and silent, and no stranger can lock the rightful applicant out (issue 13, ADR 0014):
 *
 * - The same answer, in the same work, for an unknown number and a wrong code: the row is read by
 *   number and a code compared (a decoy for an unknown number) in constant time, then either way one
 *   failure is counted.
 * - Per client IP: `perIpPerMinute` look-ups a minute (every attempt counts, right or wrong), so one
 *   machine cannot spray numbers.
 * - Per case number: at most `maxFailuresPerDay` wrong codes in any 24 hours are compared. After that the
 *   number is guarded until the oldest failure is a day old: an attempt from a browser not trusted for the
 *   case is not compared at all, and gets the same "use your link or your usual browser" answer whatever
 *   code it carries (so the answer says nothing about the code). The attempt that uses up the budget is
 *   answered like every other wrong code.
 * - Trusted, and so never locked out by others: the receipt's QR code and the e-mailed link, which carry a
 *   link token (`t`, 132 bits derived from the case's random id and its code — see track-url.ts), and a
 *   browser that opened this case before (the `ow_device` cookie, platform/auth/trusted-devices.ts). A
 *   trusted browser's own wrong codes are limited separately (the same budget per browser and case), so a
 *   copied cookie is not a key either.
 *
 * The bound: the code is 8 symbols of 31 (31^8 ≈ 8.5 × 10^11, 39.6 bits). A stranger gets at most
 * `maxFailuresPerDay` (10) guesses per number per day, whatever addresses they use: the chance of finding
 * one given case's code is 10 / 8.5 × 10^11 ≈ 1.2 × 10^-11 a day, and for all of 1,000,000 open cases over a
 * year about 0.4 % — at ten million guesses a day, which the per-IP limit makes cost over 230 addresses.
 */
export const trackLimits = {
  perIpPerMinute: 30,
  maxFailuresPerDay: 10,
} as const;

export type ApplicantAccess =
  | { kind: 'problems'; problems: FieldProblem[] }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'not-found' }
  | { kind: 'found'; caseId: string; caseNumber: string };

const caseNumberPattern = /^\d{7}-\d{4,6}$/;
const lookupCodePattern = new RegExp(`^[A-Z0-9]{${lookupCodeLength}}$`);

/** Every problem with the two fields at once, in the reader's language (format only: says nothing of cases). */
export function lookupProblems(caseNumber: string, lookupCode: string, lang: Lang): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const number = normaliseCaseNumber(caseNumber);
  const code = normaliseLookupCode(lookupCode);
  if (number === '')
    problems.push({ field: 'caseNumber', code: 'required', message: trackText(lang, 'caseNumberRequired') });
  else if (!caseNumberPattern.test(number))
    problems.push({ field: 'caseNumber', code: 'invalid', message: trackText(lang, 'caseNumberInvalid') });
  if (code === '')
    problems.push({ field: 'lookupCode', code: 'required', message: trackText(lang, 'lookupCodeRequired') });
  else if (!lookupCodePattern.test(code))
    problems.push({ field: 'lookupCode', code: 'invalid', message: trackText(lang, 'lookupCodeInvalid') });
  return problems;
}

/** Kept a day (the `day:` prefix: see deleteOldRateLimitHits). */
function failureKey(caseNumber: string): string {
  return `day:track:failures:${caseNumber}`;
}

/** A trusted browser's own wrong codes for one number. */
function deviceFailureKey(deviceHash: string, caseNumber: string): string {
  return `day:track:device:${deviceHash.slice(0, 32)}:${caseNumber}`;
}

interface FailureWindow {
  windowStart: Date;
  count: number;
}

/** The start of the one-minute window `now` falls in (as consumeRateLimit counts them). */
function minuteWindowOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

const dayMilliseconds = 86_400_000;

/** Failure windows older than this no longer count: any of a window's minute within the last day. */
function failuresSince(now: Date): Date {
  return new Date(now.getTime() - dayMilliseconds - 60_000);
}

/** Seconds until the failures (windows oldest first) drop below the budget, or null when within it. */
function guardedForSeconds(windows: readonly FailureWindow[], now: Date): number | null {
  const windowMilliseconds = dayMilliseconds;
  let remaining = windows.reduce((sum, window) => sum + window.count, 0);
  if (remaining < trackLimits.maxFailuresPerDay) return null;
  for (const window of windows) {
    remaining -= window.count;
    if (remaining < trackLimits.maxFailuresPerDay) {
      const releasedAt = window.windowStart.getTime() + 60_000 + windowMilliseconds;
      return Math.max(1, Math.ceil((releasedAt - now.getTime()) / 1000));
    }
  }
  return null;
}

const countAttemptAndReadSql = `
with no_wait as (select set_config('synchronous_commit', 'off', true)),
ip_hit as (
  insert into rate_limit_hits (key, window_start, count)
  select $1, $2::timestamptz, 1 from no_wait
  on conflict (key, window_start) do update set count = rate_limit_hits.count + 1
  returning count
)
select ip_hit.count as ip_count, failures.windows as failures, c.id, c.lookup_code,
  (select coalesce(sum(d.count), 0) from rate_limit_hits d
    where d.key = $6 and d.window_start > $4::timestamptz) as device_failures,
  exists (select 1 from trusted_devices t
    where t.device_hash = $7 and t.subject = 'case:' || c.id::text and t.last_seen_at > $8::timestamptz) as is_trusted
from ip_hit
cross join lateral (
  select coalesce(
    json_agg(json_build_array(floor(extract(epoch from h.window_start) * 1000), h.count) order by h.window_start),
    '[]'::json) as windows
  from rate_limit_hits h
  where h.key = $3 and h.window_start > $4::timestamptz
) failures
left join cases c on c.case_number = $5`;

interface AttemptRead {
  ipCount: number;
  failures: FailureWindow[];
  caseId: string | null;
  lookupCode: string | null;
  /** The browser's own wrong codes for this number in the last day (0 without a device cookie). */
  deviceFailures: number;
  /** The browser opened this case before (its `ow_device` cookie is trusted for it). */
  isTrustedDevice: boolean;
}

/**
 * One statement, one round trip: counts the attempt against the client IP (the same atomic upsert as
 * consumeRateLimit), and reads the number's failure windows, the case with that number (its id and code),
 * and whether the browser is trusted for that case with its own failures. The caller looks at them in that
 * order — a client over its limit learns nothing from the rest.
 *
 * The counter is the only write of a look-up, and losing the last few counts in a crash would only give
 * a client a few more attempts, so its commit does not wait for the WAL to reach the disk
 * (`synchronous_commit` off for this one transaction, set inside the statement).
 */
async function countAttemptAndRead(
  db: Database,
  options: { clientIp: string; caseNumber: string; deviceHash: string | null; now: Date },
): Promise<AttemptRead> {
  const { now } = options;
  // Named, on the pool's connection (pg parses it once per connection and PostgreSQL may keep its plan).
  const pool = (db as Database & { $client?: Pool }).$client;
  if (pool === undefined) throw new Error('checkApplicantAccess needs the pool-backed database handle');
  const result = await pool.query<{
    ip_count: number;
    failures: [number, number][];
    id: string | null;
    lookup_code: string | null;
    device_failures: string | number;
    is_trusted: boolean;
  }>({
    name: 'track_count_attempt_and_read_v2',
    text: countAttemptAndReadSql,
    values: [
      `track:ip:${options.clientIp}`,
      minuteWindowOf(now).toISOString(),
      failureKey(options.caseNumber),
      failuresSince(now).toISOString(),
      options.caseNumber,
      options.deviceHash === null ? '' : deviceFailureKey(options.deviceHash, options.caseNumber),
      options.deviceHash ?? '',
      new Date(now.getTime() - deviceTrustDays * dayMilliseconds).toISOString(),
    ],
  });
  const row = result.rows[0];
  if (row === undefined) throw new Error('the look-up statement returned no row');
  return {
    ipCount: Number(row.ip_count),
    failures: row.failures.map(([at, count]) => ({
      windowStart: new Date(Number(at)),
      count: Number(count),
    })),
    caseId: row.id,
    lookupCode: row.lookup_code,
    deviceFailures: Number(row.device_failures),
    isTrustedDevice: options.deviceHash !== null && row.is_trusted,
  };
}

/**
 * Counts one wrong code against the number, and against the browser's own budget for it when it has a device
 * cookie: one statement. Like the per-IP counter, its commit does not wait for the disk.
 */
async function countFailure(
  db: Database,
  caseNumber: string,
  now: Date,
  deviceHash: string | null,
): Promise<void> {
  const windowStart = minuteWindowOf(now).toISOString();
  const keys = [failureKey(caseNumber)];
  if (deviceHash !== null) keys.push(deviceFailureKey(deviceHash, caseNumber));
  const rows = keys.map((key) => sql`(${key}, ${windowStart}::timestamptz, 1)`);
  await db.execute(sql`
    with no_wait as (select set_config('synchronous_commit', 'off', true))
    insert into rate_limit_hits (key, window_start, count)
    select hit.key, hit.window_start, hit.count from no_wait,
      (values ${sql.join(rows, sql`, `)}) as hit (key, window_start, count)
    on conflict (key, window_start) do update set count = rate_limit_hits.count + 1`);
}

/** The code given against the case's, in constant time (a decoy for an unknown number: the same work). */
function sameCode(given: string, expected: string | null): boolean {
  const givenBytes = Buffer.from(normaliseLookupCode(given).padEnd(8, '\0').slice(0, 32));
  const expectedBytes = Buffer.from((expected ?? 'XXXXXXXX').padEnd(8, '\0').slice(0, 32));
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}

/**
 * Checks a case number and lookup code from anyone (page, API, the applicant's action forms): limits,
 * form, the number's daily budget of wrong codes (unless the browser is trusted for the case or the link
 * token is right), then the pair itself. A well-formed attempt that succeeds is one statement; a wrong code
 * adds one (counting it). `db` is the pool, never a use case's transaction: the counters' commits do not
 * wait for the disk, which must not spread to anything else written in the same transaction.
 *
 * `deviceId`: the browser's `ow_device` cookie (deviceIdOf); `linkToken`: the `t` of the receipt's or the
 * e-mail's link. On `found`, a page should trust the browser for the case (trustDevice).
 */
export async function checkApplicantAccess(
  db: Database,
  options: {
    caseNumber: string;
    lookupCode: string;
    clientIp: string;
    now: Date;
    lang: Lang;
    deviceId?: string | null;
    linkToken?: string | undefined;
  },
): Promise<ApplicantAccess> {
  const { now } = options;
  const problems = lookupProblems(options.caseNumber, options.lookupCode, options.lang);
  if (problems.length > 0) {
    // Every attempt counts towards the client's limit, malformed ones too.
    const perIp = await consumeRateLimit(db, {
      key: `track:ip:${options.clientIp}`,
      limit: trackLimits.perIpPerMinute,
      windowSeconds: 60,
      now,
    });
    if (!perIp.allowed) return { kind: 'rate-limited', retryAfterSeconds: perIp.retryAfterSeconds };
    return { kind: 'problems', problems };
  }

  const caseNumber = normaliseCaseNumber(options.caseNumber);
  const deviceHash = options.deviceId ? deviceHashOf(options.deviceId) : null;
  const read = await countAttemptAndRead(db, { clientIp: options.clientIp, caseNumber, deviceHash, now });
  if (read.ipCount > trackLimits.perIpPerMinute) {
    const windowEnd = minuteWindowOf(now).getTime() + 60_000;
    return {
      kind: 'rate-limited',
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
    };
  }

  const same = sameCode(options.lookupCode, read.lookupCode);
  const hasLink =
    options.linkToken !== undefined &&
    read.caseId !== null &&
    same &&
    isTrackLinkToken(options.linkToken, read.caseId, read.lookupCode ?? '');
  const isTrusted = hasLink || (read.isTrustedDevice && read.deviceFailures < trackLimits.maxFailuresPerDay);
  const guardedFor = guardedForSeconds(read.failures, now);
  // Over the day's budget, a stranger's code is not even compared: the same answer for any code.
  if (guardedFor !== null && !isTrusted) return { kind: 'locked', retryAfterSeconds: guardedFor };

  if (read.caseId !== null && same) return { kind: 'found', caseId: read.caseId, caseNumber };

  await countFailure(db, caseNumber, now, read.isTrustedDevice ? deviceHash : null);
  // The wrong code that uses up the budget is answered like every other one.
  return { kind: 'not-found' };
}

/**
 * checkApplicantAccess for a request of the applicant's browser: its address, its trusted-device cookie, the
 * app's clock and the request's language unless `lang` says another (every /track page that takes a number and code: the look-up, the
 * supplement and its copies, payment, satisfaction).
 */
export function checkRequestAccess(
  request: FastifyRequest,
  deps: Pick<AppDeps, 'db' | 'clock'>,
  key: { caseNumber: string; lookupCode: string },
  options: { lang?: Lang; linkToken?: string | undefined } = {},
): Promise<ApplicantAccess> {
  return checkApplicantAccess(deps.db, {
    ...key,
    clientIp: request.ip,
    deviceId: deviceIdOf(request),
    now: deps.clock.now(),
    lang: options.lang ?? request.lang,
    linkToken: options.linkToken,
  });
}
