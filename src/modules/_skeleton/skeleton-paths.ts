/** The skeleton's URLs, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const skeletonPaths = {
  page: '/staff/skeleton',
} as const;
