import { createHash, randomBytes } from 'node:crypto';

/**
 * The citizen account's rules (issue 11 §1), pure so that their unit test loads no database: how long a
 * sign-in link and a session last, how many links may be sent, and what a secret looks like.
 */

/** A sign-in link works this long, once. */
export const linkLifetimeMinutes = 15;
/** A session ends after this long without a request … */
export const sessionIdleMinutes = 30;
/** … and this long after signing in, whatever happens. */
export const sessionAbsoluteHours = 12;
/** last_seen_at is rewritten at most this often (a write per request would be the cost of sessions). */
export const lastSeenWriteIntervalMs = 60_000;

/**
 * Links sent per address per hour, and per client IP per hour. The per-address limit never locks the owner
 * out: every link already sent keeps working until it expires or is used, so the newest e-mail still signs
 * them in; after the hour they may ask again.
 */
export const linksPerAddressPerHour = 5;
export const linksPerIpPerHour = 30;

const secretPattern = /^[A-Za-z0-9_-]{43}$/;

/** A new secret for a link or a session cookie: 32 random bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a secret (SHA-256, hex); null for anything that is not one of ours. */
export function hashOfSecret(secret: string | undefined): string | null {
  if (secret === undefined || !secretPattern.test(secret)) return null;
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * The key of an address's rate-limit counter: a hash, so that typed addresses (personal data, often
 * mistyped) never sit in the counters table. Not a secret.
 */
export function addressLimitKey(normalisedEmail: string): string {
  return `citizen:link:${createHash('sha256').update(`onewindow-citizen:${normalisedEmail}`).digest('hex')}`;
}

export type LinkState = 'usable' | 'used' | 'expired' | 'unknown';

/** What a link row means at `now`. */
export function linkStateOf(row: { expiresAt: Date; usedAt: Date | null } | null, now: Date): LinkState {
  if (row === null) return 'unknown';
  if (row.usedAt !== null) return 'used';
  return now.getTime() < row.expiresAt.getTime() ? 'usable' : 'expired';
}

export type SessionState = 'active' | 'idle' | 'expired';

/** A session row at `now`: still active, ended by idleness, or past its absolute end. */
export function sessionStateOf(row: { lastSeenAt: Date; expiresAt: Date }, now: Date): SessionState {
  if (now.getTime() >= row.expiresAt.getTime()) return 'expired';
  if (now.getTime() - row.lastSeenAt.getTime() > sessionIdleMinutes * 60_000) return 'idle';
  return 'active';
}

export function linkExpiryOf(now: Date): Date {
  return new Date(now.getTime() + linkLifetimeMinutes * 60_000);
}

export function sessionExpiryOf(now: Date): Date {
  return new Date(now.getTime() + sessionAbsoluteHours * 3_600_000);
}
