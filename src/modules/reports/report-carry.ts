import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReportPhotoFile } from './report-intake.ts';

/**
 * What the report pages carry from one request to the next without a session:
 *
 * - The photos of a report shown the nearby-duplicate step. They are already in the file store (the first
 *   post streamed them there); the step's form carries each one's SHA-256, name, type and size back in one
 *   hidden field, signed with an HMAC (REPORT_SIGNING_SECRET) and dated. Without the signature anyone could
 *   name any file in the store — another person's attachment — as "their photo" and have it published.
 *   A token older than two hours, or signed by another secret (a process started since, or another
 *   process with its own random secret), is refused: the person is asked to choose the photos again.
 * - The confirmation page's key: the case number and lookup code in a short-lived HttpOnly cookie, so
 *   only the browser that sent the report sees its lookup code (report-routes.tsx checks it against the
 *   case, so the cookie needs no signature of its own).
 */

export const carriedPhotosMaxAgeMs = 2 * 60 * 60 * 1000;

type PhotoTuple = [sha256: string, sizeBytes: number, mediaType: string, fileName: string];

function signatureOf(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`report-photos\n${payload}`).digest('base64url');
}

/** The photos as one signed, dated token for a hidden field. */
export function signCarriedPhotos(secret: string, photos: readonly ReportPhotoFile[], now: Date): string {
  const tuples: PhotoTuple[] = photos.map((photo) => [
    photo.sha256,
    photo.sizeBytes,
    photo.mediaType,
    photo.fileName,
  ]);
  const payload = Buffer.from(JSON.stringify({ t: now.getTime(), p: tuples })).toString('base64url');
  return `${payload}.${signatureOf(secret, payload)}`;
}

const isPhotoTuple = (value: unknown): value is PhotoTuple =>
  Array.isArray(value) &&
  value.length === 4 &&
  typeof value[0] === 'string' &&
  /^[0-9a-f]{64}$/.test(value[0]) &&
  typeof value[1] === 'number' &&
  Number.isSafeInteger(value[1]) &&
  value[1] > 0 &&
  typeof value[2] === 'string' &&
  value[2].length <= 100 &&
  typeof value[3] === 'string' &&
  value[3].length <= 300;

/**
 * The photos of a token this process signed within the last two hours; null for anything else (forged,
 * changed, expired, malformed). An empty token is no photos.
 */
export function verifyCarriedPhotos(secret: string, token: string, now: Date): ReportPhotoFile[] | null {
  if (token === '') return [];
  const [payload, signature, extra] = token.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) return null;
  const expected = Buffer.from(signatureOf(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { t: signedAt, p: tuples } = (parsed ?? {}) as { t?: unknown; p?: unknown };
  if (typeof signedAt !== 'number' || !Array.isArray(tuples) || !tuples.every(isPhotoTuple)) return null;
  const age = now.getTime() - signedAt;
  if (age < 0 || age > carriedPhotosMaxAgeMs) return null;
  return tuples.map(([sha256, sizeBytes, mediaType, fileName]) => ({
    sha256,
    sizeBytes,
    mediaType,
    fileName,
  }));
}

/** The confirmation page's cookie: only the browser that sent the report reads its lookup code there. */
export const sentCookieName = 'ow_report_sent';
export const sentCookieMaxAgeSeconds = 60 * 60;

export function sentCookieValue(caseNumber: string, lookupCode: string): string {
  return `${caseNumber}.${lookupCode}`;
}

export function readSentCookie(value: string | undefined): { caseNumber: string; lookupCode: string } | null {
  const match = /^(\d{7}-\d{4,6})\.([A-Za-z0-9]{4,32})$/.exec(value ?? '');
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { caseNumber: match[1], lookupCode: match[2] };
}

/** Constant-time equality of two short secrets (a lookup code). */
export function isSameSecret(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
