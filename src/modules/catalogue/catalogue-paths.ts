/** The catalogue's URLs, bare (zh-TW); `localePath(lang, path)` gives the English one. */
export const cataloguePaths = {
  /** The public start page of a service. */
  service: (code: string) => `/services/${encodeURIComponent(code)}`,
} as const;

/** The editors' pages and API. */
export const catalogueAdminPaths = {
  list: '/staff/catalogue',
  create: '/staff/catalogue/new',
  edit: (code: string) => `/staff/catalogue/${encodeURIComponent(code)}/edit`,
  api: '/api/staff/services',
} as const;
