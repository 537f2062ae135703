import { createHash, timingSafeEqual } from 'node:crypto';
import { localePath } from '../../../platform/web/i18n.ts';

/**
 * The link token (`t`) of the tracking address: 132 bits derived from the case's random id (a UUID that
 * never leaves staff pages) and its lookup code. Whoever holds the receipt's QR code or the e-mailed link
 * holds it; no one can guess it, so a case number guarded against guessing (track-access.ts) still opens
 * for them. It changes with the code.
 */
export function trackLinkTokenOf(caseId: string, lookupCode: string): string {
  return createHash('sha256')
    .update(`onewindow/track-link/${caseId}/${lookupCode}`)
    .digest('base64url')
    .slice(0, 22);
}

/** Whether `token` is the case's link token (constant time). */
export function isTrackLinkToken(token: string, caseId: string, lookupCode: string): boolean {
  const expected = Buffer.from(trackLinkTokenOf(caseId, lookupCode));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The tracking address printed on receipts (QR code) and in notices, with the case number and lookup code
 * filled in, in the applicant's language, and the link token when the case's id is known.
 */
export function trackUrlOf(
  publicBaseUrl: string,
  row: { caseNumber: string; lookupCode: string; applicantLang: string; id?: string },
): string {
  const path = localePath(row.applicantLang === 'en' ? 'en' : 'zh-TW', '/track');
  const query = new URLSearchParams({ case: row.caseNumber, code: row.lookupCode });
  if (row.id !== undefined) query.set('t', trackLinkTokenOf(row.id, row.lookupCode));
  return `${publicBaseUrl.replace(/\/$/, '')}${path}?${query.toString()}`;
}
