import { localePath } from '../../platform/web/i18n.ts';
import { reportPaths } from './report-paths.ts';

/**
 * The crews' pages (staff, under /staff/crew: /staff/reports is the control module's annual reports) and the
 * reporter's "not fixed" page (public, beside the report's own page). Bare paths (zh-TW); `localePath(lang,
 * path)` gives the English one.
 */
// Case numbers are digits and a dash (1150302-0042): nothing to encode, and the route patterns (':caseNumber')
// are built with the same functions.
const one = (caseNumber: string) => `${reportPaths.crew}/${caseNumber}`;

export const crewPaths = {
  /** The crew's list and map. */
  crew: reportPaths.crew,
  /** Take a report of the unit (dispatch it to oneself), or go again to a reopened one. */
  take: (caseNumber: string) => `${one(caseNumber)}/take`,
  /** Mark it fixed: after-photos and the note. */
  fix: (caseNumber: string) => `${one(caseNumber)}/fixed`,
  /** Its photos, each with the form that hides it from the public. */
  photos: (caseNumber: string) => `${one(caseNumber)}/photos`,
  hidePhoto: (caseNumber: string, photoId: string) => `${one(caseNumber)}/photos/${photoId}/hide`,
  /** A photo for staff (hidden ones too): the thumbnail, the public copy or the original as sent. */
  staffPhoto: (caseNumber: string, photoId: string, size: StaffPhotoSize) =>
    `${one(caseNumber)}/photos/${photoId}/${size}`,
  /** The reporter says it is not fixed (public; the case number and the lookup code open it). */
  notFixed: (caseNumber: string) => `/reports/${caseNumber}/not-fixed`,
} as const;

export const staffPhotoSizes = ['thumb', 'public', 'original'] as const;
export type StaffPhotoSize = (typeof staffPhotoSizes)[number];

/** The "not fixed" page with the number and lookup code filled in, in the reporter's language (the e-mail's link). */
export function notFixedUrlOf(
  publicBaseUrl: string,
  row: { caseNumber: string; lookupCode: string; applicantLang: string },
): string {
  const path = localePath(row.applicantLang === 'en' ? 'en' : 'zh-TW', crewPaths.notFixed(row.caseNumber));
  return `${publicBaseUrl.replace(/\/$/, '')}${path}?${new URLSearchParams({ code: row.lookupCode })}`;
}
