import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { Database } from '../../../platform/db/database.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { consumeRateLimit } from '../../../platform/http/rate-limit.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { lookupCodeLength, normaliseCaseNumber, normaliseLookupCode } from '../core/case-number.ts';
import { trackText } from './track-messages.ts';

/**
 * Who may see a case without signing in: whoever holds its number and lookup code. Guessing is made
 * hopeless and silent:
 *
 * - The same answer, in the same work, for an unknown number and a wrong code: the row is read by
 *   number and a code compared (a decoy for an unknown number) in constant time, then either way one
 *   failure is counted and the lockout read again.
 * - Per client IP: `perIpPerMinute` look-ups a minute (every attempt counts, right or wrong), so one
 *   machine cannot spray numbers.
 * - Per case number: after `maxFailures` wrong codes within `lockoutMinutes`, the number is locked —
 *   every attempt, even with the right code, gets 429 until the failures age out (no one has to lift
 *   it). The key is the normalised number whether or not a case has it, so a lockout says nothing about
 *   existence. Failures are counted in one-minute windows of rate_limit_hits and summed over the last
 *   `lockoutMinutes` (a sliding window, to the minute).
 *
 * As with the staff sign-in (ADR 0004), attempts already in flight when the lockout starts are still
 * answered; the per-IP limit bounds how many that can be.
 */
export const trackLimits = {
  perIpPerMinute: 30,
  maxFailures: 5,
  lockoutMinutes: 15,
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

function failureKey(caseNumber: string): string {
  return `track:failures:${caseNumber}`;
}

interface FailureWindow {
  windowStart: Date;
  count: number;
}

/** The start of the one-minute window `now` falls in (as consumeRateLimit counts them). */
function minuteWindowOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

/** Failure windows older than this no longer count: any of a window's minute within the last `lockoutMinutes`. */
function failuresSince(now: Date): Date {
  return new Date(now.getTime() - trackLimits.lockoutMinutes * 60_000 - 60_000);
}

/** Seconds until the failures (windows oldest first) drop below the limit, or null when not locked. */
function lockedForSeconds(windows: readonly FailureWindow[], now: Date): number | null {
  const windowMilliseconds = trackLimits.lockoutMinutes * 60_000;
  let remaining = windows.reduce((sum, window) => sum + window.count, 0);
  if (remaining < trackLimits.maxFailures) return null;
  for (const window of windows) {
    remaining -= window.count;
    if (remaining < trackLimits.maxFailures) {
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
select ip_hit.count as ip_count, failures.windows as failures, c.id, c.lookup_code
from ip_hit
cross join lateral (
  select coalesce(
    json_agg(json_build_array(floor(extract(epoch from h.window_start) * 1000), h.count) order by h.window_start),
    '[]'::json) as windows
  from rate_limit_hits h
  where h.key = $3 and h.window_start > $4::timestamptz
) failures
left join cases c on c.case_number = $5`;

/**
 * One statement, one round trip: counts the attempt against the client IP (the same atomic upsert as
 * consumeRateLimit), and reads the number's failure windows and the case with that number (its id and
 * code). The caller looks at them in that order — a client over its limit learns nothing from the rest.
 *
 * The counter is the only write of a look-up, and losing the last few counts in a crash would only give
 * a client a few more attempts, so its commit does not wait for the WAL to reach the disk
 * (`synchronous_commit` off for this one transaction, set inside the statement).
 */
async function countAttemptAndRead(
  db: Database,
  options: { clientIp: string; caseNumber: string; now: Date },
): Promise<{ ipCount: number; failures: FailureWindow[]; caseId: string | null; lookupCode: string | null }> {
  const { now } = options;
  // Named, on the pool's connection (pg parses it once per connection and PostgreSQL may keep its plan).
  const pool = (db as Database & { $client?: Pool }).$client;
  if (pool === undefined) throw new Error('checkApplicantAccess needs the pool-backed database handle');
  const result = await pool.query<{
    ip_count: number;
    failures: [number, number][];
    id: string | null;
    lookup_code: string | null;
  }>({
    name: 'track_count_attempt_and_read',
    text: countAttemptAndReadSql,
    values: [
      `track:ip:${options.clientIp}`,
      minuteWindowOf(now).toISOString(),
      failureKey(options.caseNumber),
      failuresSince(now).toISOString(),
      options.caseNumber,
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
  };
}

/**
 * Counts one failure against the number and returns its windows, this one's new count included: one
 * statement (the statement reads the table as it was before its own upsert, so the current window is taken
 * from the upsert's answer). Like the per-IP counter, its commit does not wait for the disk.
 */
async function countFailure(db: Database, caseNumber: string, now: Date): Promise<FailureWindow[]> {
  const key = failureKey(caseNumber);
  const windowStart = minuteWindowOf(now).toISOString();
  const result = await db.execute<{ window_start: Date; count: number }>(sql`
    with no_wait as (select set_config('synchronous_commit', 'off', true)),
    hit as (
      insert into rate_limit_hits (key, window_start, count)
      select ${key}, ${windowStart}::timestamptz, 1 from no_wait
      on conflict (key, window_start) do update set count = rate_limit_hits.count + 1
      returning window_start, count
    )
    select window_start, count from hit
    union all
    select window_start, count from rate_limit_hits
    where key = ${key} and window_start > ${failuresSince(now).toISOString()}::timestamptz
      and window_start <> ${windowStart}::timestamptz
    order by window_start`);
  return result.rows.map((row) => ({ windowStart: new Date(row.window_start), count: Number(row.count) }));
}

/** The code given against the case's, in constant time (a decoy for an unknown number: the same work). */
function sameCode(given: string, expected: string | null): boolean {
  const givenBytes = Buffer.from(normaliseLookupCode(given).padEnd(8, '\0').slice(0, 32));
  const expectedBytes = Buffer.from((expected ?? 'XXXXXXXX').padEnd(8, '\0').slice(0, 32));
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}

/**
 * Checks a case number and lookup code from anyone (page, API, the applicant's action forms): limits,
 * form, lockout, then the pair itself. Every failure is counted against the number. A well-formed
 * attempt that succeeds is one statement; a failure adds one (counting it and reading the lockout again).
 * `db` is the pool, never a use case's transaction: the counters' commits do not wait for the disk, which
 * must not spread to anything else written in the same transaction.
 */
export async function checkApplicantAccess(
  db: Database,
  options: { caseNumber: string; lookupCode: string; clientIp: string; now: Date; lang: Lang },
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
  const read = await countAttemptAndRead(db, { clientIp: options.clientIp, caseNumber, now });
  if (read.ipCount > trackLimits.perIpPerMinute) {
    const windowEnd = minuteWindowOf(now).getTime() + 60_000;
    return {
      kind: 'rate-limited',
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
    };
  }

  const lockedBefore = lockedForSeconds(read.failures, now);
  if (lockedBefore !== null) return { kind: 'locked', retryAfterSeconds: lockedBefore };

  const same = sameCode(options.lookupCode, read.lookupCode);
  if (read.caseId !== null && same) return { kind: 'found', caseId: read.caseId, caseNumber };

  const lockedNow = lockedForSeconds(await countFailure(db, caseNumber, now), now);
  if (lockedNow !== null) return { kind: 'locked', retryAfterSeconds: lockedNow };
  return { kind: 'not-found' };
}
