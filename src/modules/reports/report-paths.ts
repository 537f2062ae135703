/** The addresses of the photo reports' pages (the zh-TW path; `/en` + path in English). */
export const reportPaths = {
  /** The report form. */
  report: '/report',
  /** After sending: the case number, lookup code and expected fix time. */
  sent: (caseNumber: string) => `/report/sent/${encodeURIComponent(caseNumber)}`,
  /** The e-mail confirmation page (one button). */
  confirm: (token: string) => `/report/confirm/${encodeURIComponent(token)}`,
  /** The public map and list. */
  reports: '/reports',
  /** One report, as the public sees it. */
  one: (caseNumber: string) => `/reports/${encodeURIComponent(caseNumber)}`,
  /** A photo of a report: the public copy or its thumbnail. */
  photo: (caseNumber: string, photoId: string, size: 'public' | 'thumb') =>
    `/reports/${encodeURIComponent(caseNumber)}/photos/${photoId}/${size}.jpg`,
  /** The crews' page (staff). */
  crew: '/staff/crew',
} as const;
