/** The satisfaction pages, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const satisfactionPaths = {
  /** The answer from /track (POST). */
  answer: '/track/satisfaction',
  /** The staff results. */
  results: '/staff/satisfaction',
} as const;
