import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { type RequestOrigin, recordAudit } from '../../platform/auth/audit-log.ts';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.ts';
import { consumeRateLimit } from '../../platform/http/rate-limit.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { type Lang, localePath } from '../../platform/web/i18n.ts';
import { queueNotification } from '../notifications/index.ts';
import {
  addressLimitKey,
  hashOfSecret,
  type LinkState,
  lastSeenWriteIntervalMs,
  linkExpiryOf,
  linkLifetimeMinutes,
  linkStateOf,
  linksPerAddressPerHour,
  linksPerIpPerHour,
  newSecret,
  sessionExpiryOf,
  sessionIdleMinutes,
  sessionStateOf,
} from './citizen-rules.ts';
import { citizenPaths } from './citizens-paths.ts';
import { citizenSessions, citizenSignInLinks } from './citizens-schema.ts';
import { citizenTopics } from './templates/index.ts';

/**
 * Signing a citizen in by e-mail link (issue 11 §1): the link (one use, 15 minutes, only its hash kept), the
 * session it starts (a new secret each time, only its hash kept; 30 minutes idle, 12 hours at most) and
 * their end. The address is personal data: it is never logged nor put in the audit log's details.
 */

/** Who a citizen is in the audit log: nobody by name (the address stays out of the log). */
const citizenActor = { staffId: null, label: 'citizen' } as const;

export type LinkRequestOutcome =
  | { kind: 'sent' }
  | { kind: 'limited-address'; retryAfterSeconds: number }
  | { kind: 'limited-ip'; retryAfterSeconds: number };

/**
 * Sends a sign-in link to `email` (normalised), whether or not any case has that address: the page after it
 * says the same either way. Limited per client IP and per address per hour; links already sent stay valid,
 * so a limit never keeps the owner of the address out.
 */
export async function requestSignInLink(
  db: Database,
  options: { email: string; lang: Lang; clientIp: string; now: Date; jobs: Jobs; publicBaseUrl: string },
): Promise<LinkRequestOutcome> {
  const { now } = options;
  return db.transaction(async (tx) => {
    const perIp = await consumeRateLimit(tx, {
      key: `citizen:link-ip:${options.clientIp}`,
      limit: linksPerIpPerHour,
      windowSeconds: 3600,
      now,
    });
    if (!perIp.allowed) return { kind: 'limited-ip', retryAfterSeconds: perIp.retryAfterSeconds };
    const perAddress = await consumeRateLimit(tx, {
      key: addressLimitKey(options.email),
      limit: linksPerAddressPerHour,
      windowSeconds: 3600,
      now,
    });
    if (!perAddress.allowed)
      return { kind: 'limited-address', retryAfterSeconds: perAddress.retryAfterSeconds };
    const token = newSecret();
    const tokenHash = hashOfSecret(token) as string;
    await tx.insert(citizenSignInLinks).values({
      tokenHash,
      email: options.email,
      lang: options.lang,
      createdAt: now,
      expiresAt: linkExpiryOf(now),
    });
    await queueNotification(tx, {
      jobs: options.jobs,
      subject: null,
      topic: citizenTopics.signInLink,
      channel: 'email',
      recipient: options.email,
      lang: options.lang,
      data: {
        signInUrl: `${options.publicBaseUrl.replace(/\/$/, '')}${localePath(options.lang, citizenPaths.link(token))}`,
        minutes: linkLifetimeMinutes,
      },
      dedupeKey: `citizen.sign_in_link:${tokenHash}`,
    });
    return { kind: 'sent' };
  });
}

/** What a link's token is worth at `now`, without using it (the page with the button). */
export async function signInLinkState(
  db: DatabaseOrTransaction,
  token: string,
  now: Date,
): Promise<LinkState> {
  const tokenHash = hashOfSecret(token);
  if (tokenHash === null) return 'unknown';
  const [row] = await db
    .select({ expiresAt: citizenSignInLinks.expiresAt, usedAt: citizenSignInLinks.usedAt })
    .from(citizenSignInLinks)
    .where(eq(citizenSignInLinks.tokenHash, tokenHash));
  return linkStateOf(row ?? null, now);
}

export type SignInOutcome =
  | { kind: 'signed-in'; sessionSecret: string; lang: Lang }
  | { kind: 'refused'; state: Exclude<LinkState, 'usable'> };

/**
 * Uses a link: once (the update that marks it used is the check, so two presses at once sign in once), then
 * starts a session with a new secret. A session the browser already had is ended (no session fixation: the
 * cookie after sign-in is never one that existed before it).
 */
export async function signInWithLink(
  db: Database,
  options: { token: string; previousSessionSecret: string | undefined; now: Date; origin: RequestOrigin },
): Promise<SignInOutcome> {
  const { now } = options;
  const tokenHash = hashOfSecret(options.token);
  if (tokenHash === null) return { kind: 'refused', state: 'unknown' };
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(citizenSignInLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(citizenSignInLinks.tokenHash, tokenHash),
          isNull(citizenSignInLinks.usedAt),
          gt(citizenSignInLinks.expiresAt, now),
        ),
      )
      .returning({ email: citizenSignInLinks.email, lang: citizenSignInLinks.lang });
    if (used === undefined) {
      const state = await signInLinkState(tx, options.token, now);
      return { kind: 'refused', state: state === 'usable' ? 'used' : state };
    }
    const previous = hashOfSecret(options.previousSessionSecret);
    if (previous !== null) await tx.delete(citizenSessions).where(eq(citizenSessions.idHash, previous));
    const sessionSecret = newSecret();
    await tx.insert(citizenSessions).values({
      idHash: hashOfSecret(sessionSecret) as string,
      email: used.email,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiryOf(now),
    });
    await recordAudit(tx, {
      occurredAt: now,
      actor: citizenActor,
      action: 'citizen.sign_in',
      origin: options.origin,
      // Nothing about who: the address is personal data.
      details: {},
    });
    return { kind: 'signed-in', sessionSecret, lang: used.lang === 'en' ? 'en' : 'zh-TW' };
  });
}

export type CitizenSessionLookup =
  | { kind: 'active'; email: string; expiresAt: Date }
  | { kind: 'ended' }
  | { kind: 'none' };

/**
 * The session behind a cookie at `now`: active (its last-seen time moved on, at most once a minute), ended
 * (idle too long or past its absolute end: the row is deleted, the page says why) or none. `keepEnded`: an
 * ended session's row is left for the account page to end and explain (the header's read, on any page).
 */
export async function findCitizenSession(
  db: DatabaseOrTransaction,
  secret: string | undefined,
  now: Date,
  options: { keepEnded?: boolean } = {},
): Promise<CitizenSessionLookup> {
  const idHash = hashOfSecret(secret);
  if (idHash === null) return { kind: 'none' };
  const [row] = await db.select().from(citizenSessions).where(eq(citizenSessions.idHash, idHash));
  if (row === undefined) return { kind: 'none' };
  if (sessionStateOf(row, now) !== 'active') {
    if (options.keepEnded !== true)
      await db.delete(citizenSessions).where(eq(citizenSessions.idHash, idHash));
    return { kind: 'ended' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= lastSeenWriteIntervalMs)
    await db.update(citizenSessions).set({ lastSeenAt: now }).where(eq(citizenSessions.idHash, idHash));
  return { kind: 'active', email: row.email, expiresAt: row.expiresAt };
}

/** Signing out: the session's row goes, so the cookie no longer works anywhere. */
export async function signOutCitizen(
  db: Database,
  options: { secret: string | undefined; now: Date; origin: RequestOrigin },
): Promise<void> {
  const idHash = hashOfSecret(options.secret);
  if (idHash === null) return;
  await db.transaction(async (tx) => {
    const ended = await tx
      .delete(citizenSessions)
      .where(eq(citizenSessions.idHash, idHash))
      .returning({ idHash: citizenSessions.idHash });
    if (ended.length === 0) return;
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: citizenActor,
      action: 'citizen.sign_out',
      origin: options.origin,
      details: {},
    });
  });
}

/**
 * Housekeeping (the manifest's scan): links past their 15 minutes (used or not) and sessions past their end
 * or idle too long. Expiry is enforced on every read anyway.
 */
export async function sweepCitizenSignIns(db: DatabaseOrTransaction, now: Date): Promise<number> {
  const links = await db
    .delete(citizenSignInLinks)
    .where(lte(citizenSignInLinks.expiresAt, now))
    .returning({ tokenHash: citizenSignInLinks.tokenHash });
  const idleSince = new Date(now.getTime() - sessionIdleMinutes * 60_000);
  const sessions = await db
    .delete(citizenSessions)
    .where(or(lte(citizenSessions.expiresAt, now), lte(citizenSessions.lastSeenAt, idleSince)))
    .returning({ idHash: citizenSessions.idHash });
  return links.length + sessions.length;
}

const sweepSlotMs = 60 * 60 * 1000;
let lastSweptSlot: number | null = null;

/** The scan's request (every five minutes): the sweep at most once an hour per process. */
export async function requestCitizenSweep(db: DatabaseOrTransaction, now: Date): Promise<void> {
  const slot = Math.floor(now.getTime() / sweepSlotMs);
  if (slot === lastSweptSlot) return;
  await sweepCitizenSignIns(db, now);
  lastSweptSlot = slot;
}
