import { casePaths } from '../core/case-paths.ts';

/** Where the case page's `resolve` form goes (multipart: it may carry the issued document). */
export const resolvePath = (caseNumber: string) => `${casePaths.casePage(caseNumber)}/resolve`;

/** The form's file input: the document the bureau issues with its decision (a permit, a letter). */
export const issuedDocumentField = 'issuedDocument';
