import { casePaths } from '../core/case-paths.ts';

/** The deficiency notice's pages, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const deficiencyPaths = {
  issue: (caseNumber: string) => `${casePaths.casePage(caseNumber)}/deficiency`,
  notice: (caseNumber: string, noticeId: string) =>
    `${casePaths.casePage(caseNumber)}/deficiency/${noticeId}`,
  print: (caseNumber: string, noticeId: string) =>
    `${casePaths.casePage(caseNumber)}/deficiency/${noticeId}/print`,
  odt: (caseNumber: string, noticeId: string) =>
    `${casePaths.casePage(caseNumber)}/deficiency/${noticeId}/notice.odt`,
  decision: (caseNumber: string, noticeId: string) =>
    `${casePaths.casePage(caseNumber)}/deficiency/${noticeId}/decision`,
  counter: (caseNumber: string, noticeId: string) =>
    `${casePaths.casePage(caseNumber)}/deficiency/${noticeId}/counter`,
  counts: '/staff/deficiency-notices',
  /** The applicant's supplement form (number and lookup code in the query, like /track's QR address). */
  supplement: `${casePaths.track}/supplement`,
  /**
   * The applicant's own copy of a notice: the A4 page and the .odt (number and code in the query; `notice`,
   * a notice's id, for any notice they were sent — without it, the open one).
   */
  applicantPrint: `${casePaths.track}/supplement/notice`,
  applicantOdt: `${casePaths.track}/supplement/notice.odt`,
} as const;

/** The applicant's supplement page for a case, with its number and code filled in. */
export function supplementHref(caseNumber: string, lookupCode: string): string {
  return applicantHref(deficiencyPaths.supplement, caseNumber, lookupCode);
}

/**
 * One of the applicant's notice addresses (supplement form, A4 copy, .odt) for a case: number and code in the
 * query, and a past notice's id for its copy.
 */
export function applicantHref(
  path: string,
  caseNumber: string,
  lookupCode: string,
  noticeId?: string,
): string {
  const query = {
    case: caseNumber,
    code: lookupCode,
    ...(noticeId === undefined ? {} : { notice: noticeId }),
  };
  return `${path}?${new URLSearchParams(query).toString()}`;
}
