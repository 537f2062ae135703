import { createHash } from 'node:crypto';
import { randomToken } from './random-tokens.ts';

/**
 * The pure half of idempotency (platform/http/idempotency.ts): what a usable key looks like, a form's
 * one-time token, and a request's fingerprint.
 */

/** How long a key answers with the first answer; older keys are removed by the housekeeping. */
export const idempotencyKeyLifetimeHours = 24;

/** The header JSON clients send (RFC draft "The Idempotency-Key HTTP Header Field"). */
export const idempotencyKeyHeader = 'idempotency-key';

/** The hidden field of a form's one-time token. */
export const onceFieldName = '_once';

/** 1–255 visible ASCII characters (a UUID, a ULID, a random string): anything else is refused with 400. */
const keyPattern = /^[\x21-\x7e]{1,255}$/;
export const idempotencyKeyPatternSource = '^[\\x21-\\x7E]{1,255}$';

export function isUsableIdempotencyKey(value: string): boolean {
  return keyPattern.test(value);
}

/** 32 random bytes, base64url: issued with each page of a form that creates something. */
export function newOnceToken(): string {
  return randomToken(32);
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** A posted one-time token, or null when the form carried none (an old page) or something else. */
export function onceTokenOf(value: unknown): string | null {
  const token = Array.isArray(value) ? value[0] : value;
  return typeof token === 'string' && tokenPattern.test(token) ? token : null;
}

/**
 * SHA-256 of the request as JSON with its keys sorted at every level: the same body in another key order is
 * the same request, another value is another request (the key was reused: 409).
 */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(stableJson(body)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
