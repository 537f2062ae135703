import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { consumeRateLimit, rateLimitHitsSince } from '../../../platform/http/rate-limit.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { lookupCodeLength, normaliseCaseNumber, normaliseLookupCode } from '../core/case-number.ts';
import { findCaseForApplicant } from '../core/case-queries.ts';
import { trackText } from './track-messages.ts';

/**
 * Who may see a case without signing in: whoever holds its number and lookup code. Guessing is made
 * hopeless and silent:
 *
 * - The same answer, in the same work, for an unknown number and a wrong code: findCaseForApplicant
 *   reads the row by number and compares a code (a decoy for an unknown number) in constant time, then
 *   either way one failure is counted and the lockout read again.
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

/** Seconds until the number's failures within the window drop below the limit, or null when not locked. */
async function lockedForSeconds(
  db: DatabaseOrTransaction,
  caseNumber: string,
  now: Date,
): Promise<number | null> {
  const windowMilliseconds = trackLimits.lockoutMinutes * 60_000;
  // A one-minute window counts while any of its minute is within the last `lockoutMinutes`.
  const buckets = await rateLimitHitsSince(db, {
    key: failureKey(caseNumber),
    since: new Date(now.getTime() - windowMilliseconds - 60_000),
  });
  let remaining = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  if (remaining < trackLimits.maxFailures) return null;
  for (const bucket of buckets) {
    remaining -= bucket.count;
    if (remaining < trackLimits.maxFailures) {
      const releasedAt = bucket.windowStart.getTime() + 60_000 + windowMilliseconds;
      return Math.max(1, Math.ceil((releasedAt - now.getTime()) / 1000));
    }
  }
  return null;
}

/**
 * Checks a case number and lookup code from anyone (page, API, the applicant's action forms): limits,
 * form, lockout, then the pair itself. Every failure is counted against the number.
 */
export async function checkApplicantAccess(
  db: DatabaseOrTransaction,
  options: { caseNumber: string; lookupCode: string; clientIp: string; now: Date; lang: Lang },
): Promise<ApplicantAccess> {
  const { now } = options;
  const perIp = await consumeRateLimit(db, {
    key: `track:ip:${options.clientIp}`,
    limit: trackLimits.perIpPerMinute,
    windowSeconds: 60,
    now,
  });
  if (!perIp.allowed) return { kind: 'rate-limited', retryAfterSeconds: perIp.retryAfterSeconds };

  const problems = lookupProblems(options.caseNumber, options.lookupCode, options.lang);
  if (problems.length > 0) return { kind: 'problems', problems };

  const caseNumber = normaliseCaseNumber(options.caseNumber);
  const lockedBefore = await lockedForSeconds(db, caseNumber, now);
  if (lockedBefore !== null) return { kind: 'locked', retryAfterSeconds: lockedBefore };

  const caseId = await findCaseForApplicant(db, caseNumber, options.lookupCode);
  if (caseId !== null) return { kind: 'found', caseId, caseNumber };

  await consumeRateLimit(db, {
    key: failureKey(caseNumber),
    limit: Number.MAX_SAFE_INTEGER,
    windowSeconds: 60,
    now,
  });
  const lockedNow = await lockedForSeconds(db, caseNumber, now);
  if (lockedNow !== null) return { kind: 'locked', retryAfterSeconds: lockedNow };
  return { kind: 'not-found' };
}
