import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { trustedDevices } from './auth-schema.ts';

/**
 * Device cookies (ADR 0014, after OWASP's "slow down online guessing attacks with device cookies"): a
 * browser that proved who holds it — a staff member who signed in with password and second factor, an
 * applicant who opened their case with its number and code — keeps a random id in `ow_device`, and the
 * server remembers the id's SHA-256 with what it proved (`staff:<id>`, `case:<id>`). The lockouts that
 * strangers can cause apply only to browsers not trusted for that account or case, so a stranger who keeps
 * guessing an e-mail address or a case number never locks the rightful person out of their usual browser.
 * A trusted browser has its own, separate limit on wrong tries (a stolen cookie alone is not a key).
 */

export const deviceCookieName = 'ow_device';
/** A browser unused this long is forgotten (and its cookie expires). */
export const deviceTrustDays = 180;

const deviceIdPattern = /^[A-Za-z0-9_-]{22}$/;

/** What the table keeps of a device id. */
export function deviceHashOf(deviceId: string): string {
  return hashOf(deviceId);
}

function hashOf(deviceId: string): string {
  return createHash('sha256').update(deviceId).digest('hex');
}

/** The browser's device id from its cookie, when well-formed. */
export function deviceIdOf(request: FastifyRequest): string | null {
  const value = request.cookies[deviceCookieName];
  return value !== undefined && deviceIdPattern.test(value) ? value : null;
}

/** The subject a trusted browser proved: a staff account, or a case opened with its number and code. */
export type TrustSubject = `staff:${string}` | `case:${string}`;

/** Whether this browser is trusted for this account or case (seen within `deviceTrustDays`). */
export async function isTrustedDevice(
  db: DatabaseOrTransaction,
  options: { deviceId: string | null; subject: TrustSubject; now: Date },
): Promise<boolean> {
  if (options.deviceId === null) return false;
  const since = new Date(options.now.getTime() - deviceTrustDays * 86_400_000);
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(trustedDevices)
    .where(
      and(
        eq(trustedDevices.deviceHash, hashOf(options.deviceId)),
        eq(trustedDevices.subject, options.subject),
        gt(trustedDevices.lastSeenAt, since),
      ),
    );
  return row !== undefined;
}

/**
 * Trusts the browser for the subject (after it proved it), giving it a device id when it has none, and sets
 * the cookie again (its life starts over). Call only after a full proof: the password and the second factor,
 * or the right number and code.
 */
export async function trustDevice(
  db: DatabaseOrTransaction,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { subject: TrustSubject; now: Date; isSecure: boolean },
): Promise<void> {
  const deviceId = deviceIdOf(request) ?? randomBytes(16).toString('base64url');
  await db
    .insert(trustedDevices)
    .values({
      deviceHash: hashOf(deviceId),
      subject: options.subject,
      grantedAt: options.now,
      lastSeenAt: options.now,
    })
    .onConflictDoUpdate({
      target: [trustedDevices.deviceHash, trustedDevices.subject],
      set: { lastSeenAt: options.now },
    });
  reply.setCookie(deviceCookieName, deviceId, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: options.isSecure,
    maxAge: deviceTrustDays * 86_400,
  });
}

/** The key of a trusted browser's own failure counter (rate_limit_hits) for one subject. */
export function deviceFailureKey(deviceId: string, subject: TrustSubject): string {
  return `device:${hashOf(deviceId).slice(0, 32)}:${subject}`;
}

/** Housekeeping: browsers not seen for `deviceTrustDays`. */
export async function forgetOldDevices(db: DatabaseOrTransaction, now: Date): Promise<number> {
  const before = new Date(now.getTime() - deviceTrustDays * 86_400_000);
  const deleted = await db.delete(trustedDevices).where(lt(trustedDevices.lastSeenAt, before));
  return deleted.rowCount ?? 0;
}
