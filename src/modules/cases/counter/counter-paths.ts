/** Counter intake's pages, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const counterPaths = {
  /** Step 1: choose the service. */
  counter: '/staff/counter',
  /** Step 2: the intake form (`?service=code`). */
  newIntake: '/staff/counter/new',
  /** The printable receipt (收件憑證). */
  receipt: (caseNumber: string) => `/staff/counter/receipt/${caseNumber}`,
} as const;
