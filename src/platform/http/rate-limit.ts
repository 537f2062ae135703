import { and, asc, eq, gt, lt, notLike, or, sql } from 'drizzle-orm';
import { rateLimitHits } from '../auth/auth-schema.ts';
import type { DatabaseOrTransaction } from '../db/database.ts';
import type { Lang } from '../web/i18n.ts';
import { messageFor } from './error-messages.ts';
import { DomainError } from './errors.ts';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the current window ends (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`. One atomic upsert,
 * so concurrent requests on any number of app processes each get their own count. Time comes from the
 * caller (the injected clock), never from the database or Date.now().
 */
export async function consumeRateLimit(
  db: DatabaseOrTransaction,
  options: { key: string; limit: number; windowSeconds: number; now: Date },
): Promise<RateLimitResult> {
  const windowMilliseconds = options.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(options.now.getTime() / windowMilliseconds) * windowMilliseconds);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key: options.key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.key, rateLimitHits.windowStart],
      set: { count: sql`${rateLimitHits.count} + 1` },
    })
    .returning({ count: rateLimitHits.count });
  const count = row?.count ?? 1;
  if (count <= options.limit) return { allowed: true, retryAfterSeconds: 0 };
  const windowEnd = windowStart.getTime() + windowMilliseconds;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - options.now.getTime()) / 1000)),
  };
}

/**
 * The windows of `key` that started after `since`, oldest first, with their counts. Counting hits in
 * one-minute windows with consumeRateLimit and summing the recent ones gives a sliding window (the
 * public look-up's lockout per case number); the counter itself stays the one atomic upsert above.
 */
export async function rateLimitHitsSince(
  db: DatabaseOrTransaction,
  options: { key: string; since: Date },
): Promise<{ windowStart: Date; count: number }[]> {
  return db
    .select({ windowStart: rateLimitHits.windowStart, count: rateLimitHits.count })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.key, options.key), gt(rateLimitHits.windowStart, options.since)))
    .orderBy(asc(rateLimitHits.windowStart));
}

/** consumeRateLimit, throwing RATE_LIMITED (429 with Retry-After) when the limit is passed. */
export async function enforceRateLimit(
  db: DatabaseOrTransaction,
  options: { key: string; limit: number; windowSeconds: number; now: Date; lang: Lang },
): Promise<void> {
  const result = await consumeRateLimit(db, options);
  if (!result.allowed) throw rateLimitedError(options.lang, result.retryAfterSeconds);
}

export function rateLimitedError(lang: Lang, retryAfterSeconds: number): DomainError {
  return new DomainError('RATE_LIMITED', messageFor('RATE_LIMITED', lang), { retryAfterSeconds });
}

/**
 * Drops counters of windows that started before `before`; counters whose key starts with `day:` (a daily
 * budget: wrong lookup codes per case number) are kept until `dayBefore`. Run now and then
 * (deleteStaleAuthState in auth-housekeeping.ts).
 */
export async function deleteOldRateLimitHits(
  db: DatabaseOrTransaction,
  before: Date,
  dayBefore: Date = before,
): Promise<number> {
  const result = await db
    .delete(rateLimitHits)
    .where(
      or(
        and(lt(rateLimitHits.windowStart, before), notLike(rateLimitHits.key, 'day:%')),
        lt(rateLimitHits.windowStart, dayBefore),
      ),
    );
  return result.rowCount ?? 0;
}
