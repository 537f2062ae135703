/** The auth module's URLs (bare, i.e. zh-TW; `localePath(lang, …)` gives the English one). */
export const staffPaths = {
  home: '/staff',
  signIn: '/staff/sign-in',
  verify: '/staff/sign-in/verify',
  signOut: '/staff/sign-out',
  twoFactor: '/staff/account/two-factor',
  audit: '/staff/audit',
  sessionApi: '/api/staff/session',
} as const;
