/** The citizen account's URLs, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const citizenPaths = {
  account: '/account',
  signIn: '/account/sign-in',
  /** The e-mailed link (its secret in the path): GET shows a button, POST signs in. */
  link: (token: string) => `/account/sign-in/${token}`,
  signOut: '/account/sign-out',
  /** "Continue" on a listed draft (POST): a new link for it, and on to the draft. */
  continueDraft: (draftId: string) => `/account/drafts/${draftId}/continue`,
} as const;

export const citizenRoutePatterns = {
  link: '/account/sign-in/:token',
  continueDraft: '/account/drafts/:draftId/continue',
} as const;
