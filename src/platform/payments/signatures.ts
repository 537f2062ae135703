import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed fields between the app and a payment provider (pure): HMAC-SHA256 over the fields in a canonical
 * order (sorted names, `name=value` with the value percent-encoded, joined by `&`), written as 64 hex
 * digits in a `signature` field, and compared in constant time. Each purpose has its own key, derived from
 * the one configured secret, so a signature made for one purpose is never valid for another.
 */

export const signatureField = 'signature';

export function derivedKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`onewindow-payments:${purpose}`).digest();
}

export function canonicalOf(fields: Readonly<Record<string, string>>): string {
  return Object.keys(fields)
    .filter((name) => name !== signatureField)
    .sort()
    .map((name) => `${name}=${encodeURIComponent(fields[name] ?? '')}`)
    .join('&');
}

export function signatureOf(key: Buffer, fields: Readonly<Record<string, string>>): string {
  return createHmac('sha256', key).update(canonicalOf(fields)).digest('hex');
}

/** The fields with their signature added. */
export function signed<T extends Record<string, string>>(key: Buffer, fields: T): T & { signature: string } {
  return { ...fields, signature: signatureOf(key, fields) };
}

/** Whether `fields.signature` is the signature of the other fields: 64 hex digits, compared in constant time. */
export function hasValidSignature(key: Buffer, fields: Readonly<Record<string, string>>): boolean {
  const given = fields[signatureField];
  if (given === undefined || !/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = Buffer.from(signatureOf(key, fields), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
