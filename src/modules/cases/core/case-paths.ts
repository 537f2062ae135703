/**
 * The addresses the case core's own messages link to: a case's staff page (the deadline reminders) and the
 * public tracking page (the notices, the receipt's QR code). Bare (zh-TW); `localePath(lang, …)` gives the
 * English one. Each part's other pages are in its own paths file (console-paths.ts, counter-paths.ts,
 * track-paths.ts).
 */
export const casePaths = {
  casePage: (caseNumber: string) => `/staff/cases/${caseNumber}`,
  track: '/track',
} as const;
