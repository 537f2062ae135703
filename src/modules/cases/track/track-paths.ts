import { casePaths } from '../core/case-paths.ts';

/** The public look-up and the applicant's own forms, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const trackPaths = {
  track: casePaths.track,
  withdraw: `${casePaths.track}/withdraw`,
  reopen: `${casePaths.track}/reopen`,
  attachment: `${casePaths.track}/attachment`,
  /** Ask for the case's link by e-mail (a number guarded against guessing). */
  link: `${casePaths.track}/link`,
} as const;
