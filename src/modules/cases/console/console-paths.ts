import { casePaths } from '../core/case-paths.ts';
import type { CaseEvent } from '../core/case-workflow.ts';

/** The console's form targets, bare (localePath adds /en); the pages themselves are in casePaths. */
export const consolePaths = {
  bulkAssign: `${casePaths.unitQueue}/assign`,
  caseEvent: (caseNumber: string, event: CaseEvent) => `${casePaths.casePage(caseNumber)}/events/${event}`,
  caseAssign: (caseNumber: string) => `${casePaths.casePage(caseNumber)}/assign`,
  caseExtensions: (caseNumber: string) => `${casePaths.casePage(caseNumber)}/extensions`,
  caseExtensionDecision: (caseNumber: string, extensionId: string) =>
    `${casePaths.casePage(caseNumber)}/extensions/${extensionId}`,
  attachment: (caseNumber: string, attachmentId: string) =>
    `${casePaths.casePage(caseNumber)}/attachments/${attachmentId}`,
} as const;
