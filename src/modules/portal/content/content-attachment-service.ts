import { and, eq } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { recordStoredFile } from '../../../platform/files/file-store.ts';
import { type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { contentEditorText as text } from './content-editor-messages.ts';
import {
  type AttachmentRow,
  audit,
  type EditorContext,
  type ItemRow,
  invalid,
  lockItem,
  setItem,
  workingVersion,
} from './content-records.ts';
import { contentAttachments, contentItems } from './content-schema.ts';

/**
 * The files of a web item (issue 15 §1): added to, changed in or removed from its working version — a new
 * version once one is approved, so the public keeps the published files until the new version is approved.
 * Each in one transaction, audited.
 */

/** The web's attachment types: PDF, ODF and images a browser shows (no Word, Excel, HEIC or TIFF). */
export const webAttachmentTypes: ReadonlySet<string> = new Set([
  'application/pdf',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'image/jpeg',
  'image/png',
  'image/webp',
]);

/**
 * Adds a file to the working version (a new version once one is approved), with the text extracted from it
 * (read by the route: `textOfStoredFile`). `knownProblems`: the upload's and the form's, listed with these.
 */
export async function addContentAttachment(
  db: Database,
  options: {
    number: number;
    file: UploadedFile | null;
    title: { zh: string; en: string };
    role: 'file' | 'sample';
    sortOrder: number;
    extractedText: string;
    knownProblems: readonly FieldProblem[];
    context: EditorContext;
  },
): Promise<void> {
  const { context, file } = options;
  const { lang } = context;
  const problems = [...options.knownProblems];
  if (file === null && !problems.some((problem) => problem.field === 'file'))
    problems.push({ field: 'file', code: 'required', message: text(lang, 'fileRequired') });
  if (file !== null && !webAttachmentTypes.has(file.mediaType))
    problems.push({ field: 'file', code: 'not_for_web', message: text(lang, 'fileNotForWeb') });
  await db.transaction(async (tx) => {
    const item = await lockItem(tx, options.number, lang);
    if (problems.length > 0 || file === null) throw invalid(lang, problems);
    const target = await workingVersion(tx, item, context);
    await recordStoredFile(tx, file, context.now);
    const [row] = await tx
      .insert(contentAttachments)
      .values({
        itemId: item.id,
        version: target.version,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        titleZh: options.title.zh,
        titleEn: options.title.en === '' ? null : options.title.en,
        role: options.role,
        extractedText: options.extractedText,
        sortOrder: options.sortOrder,
        addedByStaffId: context.staffId,
        addedAt: context.now,
      })
      .returning({ id: contentAttachments.id });
    await setItem(tx, item.id, { updatedAt: context.now });
    await audit(tx, context, item, {
      action: 'portal.content.file_added',
      details: {
        version: target.version,
        attachmentId: row?.id ?? null,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        extractedCharacters: options.extractedText.length,
      },
    });
  });
}

/** Changes a file's names, role and order in the working version (a new version once one is approved). */
export async function changeContentAttachment(
  db: Database,
  options: {
    number: number;
    attachmentId: string;
    title: { zh: string; en: string };
    role: 'file' | 'sample';
    sortOrder: number;
    knownProblems: readonly FieldProblem[];
    context: EditorContext;
  },
): Promise<void> {
  const { context } = options;
  await db.transaction(async (tx) => {
    const item = await lockItem(tx, options.number, context.lang);
    const file = await workingFileOf(tx, item, options.attachmentId, context.lang);
    if (options.knownProblems.length > 0) throw invalid(context.lang, [...options.knownProblems]);
    const target = await workingVersion(tx, item, context);
    await tx
      .update(contentAttachments)
      .set({
        titleZh: options.title.zh,
        titleEn: options.title.en === '' ? null : options.title.en,
        role: options.role,
        sortOrder: options.sortOrder,
      })
      .where(eq(contentAttachments.id, target.copiedFiles.get(file.id) ?? file.id));
    await setItem(tx, item.id, { updatedAt: context.now });
    await audit(tx, context, item, {
      action: 'portal.content.file_changed',
      details: {
        version: target.version,
        sha256: file.sha256,
        role: options.role,
        sortOrder: options.sortOrder,
      },
    });
  });
}

/** A file of the item's working version, or 404. */
async function workingFileOf(
  tx: DatabaseOrTransaction,
  item: ItemRow,
  attachmentId: string,
  lang: Lang,
): Promise<AttachmentRow> {
  const [file] = await tx
    .select()
    .from(contentAttachments)
    .where(
      and(
        eq(contentAttachments.id, attachmentId),
        eq(contentAttachments.itemId, item.id),
        eq(contentAttachments.version, item.currentVersion),
      ),
    );
  if (!file) throw notFound(text(lang, 'fileNotFound'));
  return file;
}

/** Removes a file from the working version (a new version without it, once one is approved). */
export async function removeContentAttachment(
  db: Database,
  options: { number: number; attachmentId: string; context: EditorContext },
): Promise<void> {
  const { context } = options;
  await db.transaction(async (tx) => {
    const item = await lockItem(tx, options.number, context.lang);
    const file = await workingFileOf(tx, item, options.attachmentId, context.lang);
    const target = await workingVersion(tx, item, context);
    const removedId = target.copiedFiles.get(file.id) ?? file.id;
    await tx.delete(contentAttachments).where(eq(contentAttachments.id, removedId));
    await setItem(tx, item.id, { updatedAt: context.now });
    await audit(tx, context, item, {
      action: 'portal.content.file_removed',
      details: { version: target.version, fileName: file.fileName, sha256: file.sha256 },
    });
  });
}

/** One attachment of an item (any version), for the staff preview. */
export async function findContentAttachment(
  db: DatabaseOrTransaction,
  number: number,
  attachmentId: string,
): Promise<AttachmentRow | null> {
  const [row] = await db
    .select({ file: contentAttachments })
    .from(contentAttachments)
    .innerJoin(contentItems, eq(contentItems.id, contentAttachments.itemId))
    .where(and(eq(contentItems.number, number), eq(contentAttachments.id, attachmentId)));
  return row?.file ?? null;
}
