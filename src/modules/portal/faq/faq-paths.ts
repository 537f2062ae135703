import { faqStaffPaths } from '../shared/portal-paths.ts';

/** The FAQ editors' form targets beyond the shared paths (portal-paths.ts), bare (zh-TW). */
export const faqActionPaths = {
  publish: (number: number) => `${faqStaffPaths.list}/${number}/publish`,
  withdraw: (number: number) => `${faqStaffPaths.list}/${number}/withdraw`,
  dismissProposal: (id: string) => `${faqStaffPaths.proposals}/${id}/dismiss`,
} as const;
