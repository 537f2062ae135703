/** The online application's URLs, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const applicationPaths = {
  list: '/apply',
  start: (code: string) => `/apply/${encodeURIComponent(code)}`,
  /** A draft, by the secret of its resume link: opens the first page not completed. */
  draft: (token: string) => `/apply/d/${token}`,
  step: (token: string, step: string) => `/apply/d/${token}/${step}`,
} as const;

/** Route patterns (the functions above encode their argument, so they cannot make a `:param`). */
export const applicationRoutePatterns = {
  start: '/apply/:code',
  draft: '/apply/d/:token',
  step: '/apply/d/:token/:step',
  sendCode: '/apply/d/:token/code/send',
} as const;
