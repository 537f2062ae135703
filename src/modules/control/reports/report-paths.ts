/** The annual reports' URLs (bare, i.e. zh-TW; `localePath(lang, …)` gives the English one). */
export const reportPaths = {
  list: '/staff/reports',
  listYear: (year: number) => `/staff/reports?year=${year}`,
  /** subject: a unit code, or 'bureau'. */
  report: (year: number, subject: string) => `/staff/reports/${year}/${subject}`,
  narrative: (year: number, subject: string) => `/staff/reports/${year}/${subject}/narrative`,
  issue: (year: number, subject: string) => `/staff/reports/${year}/${subject}/issue`,
  odt: (year: number, subject: string) => `/staff/reports/${year}/${subject}/report.odt`,
  ods: (year: number, subject: string) => `/staff/reports/${year}/${subject}/tables.ods`,
} as const;

/** Reports a page of the year's list shows (the bureau and every unit). */
export const reportListPageSize = 50;
