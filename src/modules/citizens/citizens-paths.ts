/** The citizen account's URLs, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const citizenPaths = {
  account: '/account',
  signIn: '/account/sign-in',
  /** The e-mailed link (its secret in the path): GET shows a button, POST signs in. */
  link: (token: string) => `/account/sign-in/${token}`,
  signOut: '/account/sign-out',
} as const;

export const citizenRoutePatterns = {
  link: '/account/sign-in/:token',
} as const;
