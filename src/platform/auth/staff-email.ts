import { createHash } from 'node:crypto';

/** The form in which addresses are stored and compared: full-width forms folded (NFKC), trimmed, lower case. */
export function normaliseEmail(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

const maximumEmailLength = 254;

/** A deliberately plain check: one @, something on both sides, a dot in the domain, no spaces. */
export function isEmailFormatValid(normalisedEmail: string): boolean {
  return (
    normalisedEmail.length <= maximumEmailLength && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(normalisedEmail)
  );
}

/**
 * The key of the sign-in failure counter for an address, known or not. A hash keeps typed-in addresses
 * (often mistyped personal addresses) out of the table; it is not a secret.
 */
export function signInFailureKey(email: string): string {
  return createHash('sha256')
    .update(`onewindow-sign-in:${normaliseEmail(email)}`)
    .digest('hex');
}

/** First letter and domain only (TAIWAN.md masking rule): 'w***@example.tw'. */
export function maskEmail(email: string): string {
  const normalised = normaliseEmail(email);
  const at = normalised.lastIndexOf('@');
  if (at <= 0) return normalised === '' ? '' : `${[...normalised][0]}***`;
  return `${[...normalised][0]}***${normalised.slice(at)}`;
}
