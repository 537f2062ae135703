import { localePath } from '../../../platform/web/i18n.ts';

/**
 * The tracking address printed on receipts (QR code) and in notices, with the case number and lookup code
 * filled in, in the applicant's language.
 */
export function trackUrlOf(
  publicBaseUrl: string,
  row: { caseNumber: string; lookupCode: string; applicantLang: string },
): string {
  const path = localePath(row.applicantLang === 'en' ? 'en' : 'zh-TW', '/track');
  const query = new URLSearchParams({ case: row.caseNumber, code: row.lookupCode });
  return `${publicBaseUrl.replace(/\/$/, '')}${path}?${query.toString()}`;
}
