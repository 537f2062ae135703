/** The catalogue's URLs, bare (zh-TW); `localePath(lang, path)` gives the English one. */
export const cataloguePaths = {
  /** The public start page of a service. */
  service: (code: string) => `/services/${encodeURIComponent(code)}`,
} as const;

/**
 * Where a service is done online, for the start page's button. Plain paths of other modules' pages, not
 * imports (a module never imports another's files, and catalogue is used by both): keep them in step with
 * the applications module (`applicationPaths.start` in src/modules/applications/applications-paths.ts:
 * applications, petitions and inquiries) and the reports module (`reportPaths.report` in
 * src/modules/reports/report-paths.ts, whose `?service=` chooses the kind of problem).
 */
export const onlineServicePaths = {
  apply: (code: string) => `/apply/${encodeURIComponent(code)}`,
  report: (code: string) => `/report?${new URLSearchParams({ service: code }).toString()}`,
} as const;

/** The editors' pages and API. */
export const catalogueAdminPaths = {
  list: '/staff/catalogue',
  create: '/staff/catalogue/new',
  edit: (code: string) => `/staff/catalogue/${encodeURIComponent(code)}/edit`,
  api: '/api/staff/services',
} as const;
