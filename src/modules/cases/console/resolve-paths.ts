import { casePaths } from '../core/case-paths.ts';

/** Where the case page's `resolve` form goes (multipart: it may carry the issued document). */
export const resolvePath = (caseNumber: string) => `${casePaths.casePage(caseNumber)}/resolve`;

/** The form's file input: the document the bureau issues with its decision (a permit, a letter). */
export const issuedDocumentField = 'issuedDocument';

/**
 * Where the case page's `supplement_received` form goes (multipart: the clerk attaches what the applicant
 * delivered at the counter, by post or by e-mail — issue 14), when no deficiency notice is open.
 */
export const supplementReceivedPath = (caseNumber: string) =>
  `${casePaths.casePage(caseNumber)}/supplement-received`;

/** That form's file input: the documents delivered, kept on the case with purpose `supplement`. */
export const supplementFilesField = 'supplementFiles';
