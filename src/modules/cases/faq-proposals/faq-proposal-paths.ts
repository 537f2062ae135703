import { casePaths } from '../core/case-paths.ts';

/** "Propose as FAQ": its page and form target, bare (zh-TW). */
export const faqProposalPaths = {
  form: (caseNumber: string) => `${casePaths.casePage(caseNumber)}/faq-proposal`,
} as const;
