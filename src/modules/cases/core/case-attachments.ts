import { type AnyColumn, and, asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { preparedPerHandle } from '../../../platform/db/prepared-sql.ts';
import { recordStoredFiles } from '../../../platform/files/file-store.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import type { AcceptedMediaType } from '../../../platform/uploads/sniff.ts';
import { caseAttachments } from './cases-schema.ts';

/**
 * The documents and photos of a case (`case_attachments`). Files arrive already checked by
 * readMultipartForm (type sniffed from the bytes, safe name) and already in the file store (ADR 0009); this
 * module keeps a row per file with the SHA-256 that names its bytes in the store, lists them, and reads
 * one for serving (`sendStoredFile`). Who may read an attachment (staff, or the applicant holding the
 * lookup code) is the route's decision, not this module's.
 */

export interface AttachmentMetadata {
  id: string;
  caseId: string;
  fileName: string;
  mediaType: AcceptedMediaType;
  sizeBytes: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  checklistItemId: string | null;
  /** 'document' | 'supplement' | 'issued' (AttachmentPurpose). */
  purpose: string;
  uploadedByStaffId: string | null;
  uploadedAt: Date;
}

/**
 * An attachment to serve: its bytes are in the file store under `sha256`, or, for a row written before the
 * store that the start-up move has not reached yet, still in `content`.
 */
export interface Attachment extends AttachmentMetadata {
  content: Buffer | null;
}

/** A file to store, optionally saying which checklist item of the service it documents. */
export type AttachmentUpload = UploadedFile & {
  checklistItemId?: string | null;
  /** Why it is on the case (`case_attachments.purpose`); a document of the application unless said. */
  purpose?: AttachmentPurpose;
};

/** A document of the application, one answering a deficiency notice, or what the bureau issued. */
export type AttachmentPurpose = 'document' | 'supplement' | 'issued';

const metadataColumns = {
  id: caseAttachments.id,
  caseId: caseAttachments.caseId,
  fileName: caseAttachments.fileName,
  mediaType: caseAttachments.mediaType,
  sizeBytes: caseAttachments.sizeBytes,
  sha256: caseAttachments.sha256,
  checklistItemId: caseAttachments.checklistItemId,
  purpose: caseAttachments.purpose,
  uploadedByStaffId: caseAttachments.uploadedByStaffId,
  uploadedAt: caseAttachments.uploadedAt,
};

/**
 * Keeps the files on the case, in the caller's transaction (with the case change they belong to); each is
 * listed in `stored_files` in the same transaction.
 */
export async function storeAttachments(
  tx: DatabaseOrTransaction,
  caseId: string,
  files: readonly AttachmentUpload[],
  actor: { staffId: string | null },
  at: Date,
): Promise<AttachmentMetadata[]> {
  if (files.length === 0) return [];
  await recordStoredFiles(tx, files, at);
  const rows = await tx
    .insert(caseAttachments)
    .values(
      files.map((file) => ({
        caseId,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        checklistItemId: file.checklistItemId ?? null,
        purpose: file.purpose ?? 'document',
        uploadedByStaffId: actor.staffId,
        uploadedAt: at,
      })),
    )
    .returning(metadataColumns);
  return rows.map(asMetadata);
}

/** listAttachments' statement, built once per database handle (prepared-sql.ts). */
const attachmentsQuery = preparedPerHandle((db) =>
  db
    .select(metadataColumns)
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, sql.placeholder('caseId')))
    // Byte order for names ("C"): the same on every server, whatever its collation.
    .orderBy(
      asc(caseAttachments.uploadedAt),
      sql`${caseAttachments.fileName} collate "C"`,
      asc(caseAttachments.id),
    )
    .prepare('cases_attachments_of_case'),
);

/**
 * The attachments (without their bytes) of the case whose id `caseId` gives, as one JSON array in listAttachments'
 * order: a subquery for a statement that reads the case anyway (getCaseDetail), one round trip fewer.
 * `attachmentsFromJson` turns it into what listAttachments returns.
 */
export function attachmentsJson(caseId: AnyColumn) {
  return sql<(Omit<AttachmentMetadata, 'uploadedAt'> & { uploadedAt: number })[]>`(
    select coalesce(json_agg(json_build_object(
      'id', ${caseAttachments.id}, 'caseId', ${caseAttachments.caseId},
      'fileName', ${caseAttachments.fileName}, 'mediaType', ${caseAttachments.mediaType},
      'sizeBytes', ${caseAttachments.sizeBytes}, 'sha256', ${caseAttachments.sha256},
      'checklistItemId', ${caseAttachments.checklistItemId}, 'purpose', ${caseAttachments.purpose},
      'uploadedByStaffId', ${caseAttachments.uploadedByStaffId},
      'uploadedAt', floor(extract(epoch from ${caseAttachments.uploadedAt}) * 1000))
      order by ${caseAttachments.uploadedAt}, ${caseAttachments.fileName} collate "C", ${caseAttachments.id}), '[]'::json)
    from ${caseAttachments} where ${caseAttachments.caseId} = ${caseId})`;
}

export function attachmentsFromJson(
  rows: readonly (Omit<AttachmentMetadata, 'uploadedAt'> & { uploadedAt: number })[],
): AttachmentMetadata[] {
  return rows.map((row) => asMetadata({ ...row, uploadedAt: new Date(row.uploadedAt) }));
}

/** The case's attachments without their bytes, oldest first (then by name). */
export async function listAttachments(
  db: DatabaseOrTransaction,
  caseId: string,
): Promise<AttachmentMetadata[]> {
  const rows = await attachmentsQuery(db).execute({ caseId });
  return rows.map(asMetadata);
}

/** One attachment to serve, only if it belongs to that case; null otherwise (also for a malformed id). */
export async function readAttachment(
  db: DatabaseOrTransaction,
  caseId: string,
  attachmentId: string,
): Promise<Attachment | null> {
  if (!isUuid(caseId) || !isUuid(attachmentId)) return null;
  const [row] = await db
    .select({ ...metadataColumns, content: caseAttachments.content })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, attachmentId), eq(caseAttachments.caseId, caseId)));
  return row === undefined ? null : { ...asMetadata(row), content: row.content };
}

function asMetadata(row: {
  id: string;
  caseId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  checklistItemId: string | null;
  purpose: string;
  uploadedByStaffId: string | null;
  uploadedAt: Date;
}): AttachmentMetadata {
  return { ...row, mediaType: row.mediaType as AcceptedMediaType };
}
