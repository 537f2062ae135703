import { and, asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { caseAttachments } from './cases-schema.ts';

/**
 * The documents the bureau issued with its decision (a permit, a letter): attachments of purpose `issued`,
 * added by the handler when resolving (console/resolve-routes.tsx). The closing e-mail carries them and
 * /track lists them for download with the other files of the case.
 */
export interface IssuedDocument {
  fileName: string;
  mediaType: string;
  sha256: string;
}

export async function issuedDocumentsOf(
  db: DatabaseOrTransaction,
  caseId: string,
): Promise<IssuedDocument[]> {
  return db
    .select({
      fileName: caseAttachments.fileName,
      mediaType: caseAttachments.mediaType,
      sha256: caseAttachments.sha256,
    })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.purpose, 'issued')))
    .orderBy(asc(caseAttachments.uploadedAt), sql`${caseAttachments.fileName} collate "C"`);
}
