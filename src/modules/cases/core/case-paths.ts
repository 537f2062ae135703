/**
 * Kept apart from cases-http.ts, with no imports: platform code (the staff home's areas) and views read
 * these at module load, and cases-http.ts imports require-staff.ts, which imports the app — a cycle in
 * which a constant could be read before it exists.
 */

/** Paths of the case pages, bare (localePath adds /en). */
export const casePaths = {
  counter: '/staff/counter',
  counterReceipt: (caseNumber: string) => `/staff/counter/receipt/${caseNumber}`,
  myQueue: '/staff/cases',
  unitQueue: '/staff/cases/unit',
  caseBase: '/staff/cases/',
  casePage: (caseNumber: string) => `/staff/cases/${caseNumber}`,
  supervision: '/staff/supervision',
  lookup: '/staff/lookup',
  track: '/track',
} as const;
