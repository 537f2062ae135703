import { casePaths } from '../core/case-paths.ts';
import type { CaseEvent } from '../core/workflows.ts';

/** The staff console's pages and form targets, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const consolePaths = {
  myQueue: '/staff/cases',
  unitQueue: '/staff/cases/unit',
  bulkAssign: '/staff/cases/unit/assign',
  casePage: casePaths.casePage,
  caseEvent: (caseNumber: string, event: CaseEvent | ':event') =>
    `${casePaths.casePage(caseNumber)}/events/${event}`,
  caseAssign: (caseNumber: string) => `${casePaths.casePage(caseNumber)}/assign`,
  caseExtensions: (caseNumber: string) => `${casePaths.casePage(caseNumber)}/extensions`,
  caseExtensionDecision: (caseNumber: string, extensionId: string) =>
    `${casePaths.casePage(caseNumber)}/extensions/${extensionId}`,
  attachment: (caseNumber: string, attachmentId: string) =>
    `${casePaths.casePage(caseNumber)}/attachments/${attachmentId}`,
  supervision: '/staff/supervision',
  lookup: '/staff/lookup',
} as const;
