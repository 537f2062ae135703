import { casePaths } from '../core/case-paths.ts';

/** The public look-up and the applicant's own forms, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const trackPaths = {
  track: casePaths.track,
  withdraw: `${casePaths.track}/withdraw`,
  reopen: `${casePaths.track}/reopen`,
  attachment: `${casePaths.track}/attachment`,
} as const;
