import { and, asc, eq } from 'drizzle-orm';
import type { AuditActor, RequestOrigin } from '../../../platform/auth/audit-log.ts';
import { recordAudit } from '../../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type ContentEditorTextKey, contentEditorText as text } from './content-editor-messages.ts';
import { editTargetOf, type VersionFields } from './content-rules.ts';
import { contentAttachments, contentItems, contentVersions } from './content-schema.ts';

/**
 * What the web editors' use cases share (content-service.ts for items and versions,
 * content-attachment-service.ts for their files): the rows, the context, the errors, and the writes every
 * change makes in its transaction — the item locked, the working version made ready, the audit row.
 */

export interface EditorContext {
  staffId: string;
  actor: AuditActor;
  origin: RequestOrigin;
  now: Date;
  lang: Lang;
}

export type ItemRow = typeof contentItems.$inferSelect;
export type VersionRow = typeof contentVersions.$inferSelect;
export type AttachmentRow = typeof contentAttachments.$inferSelect;

export const invalid = (lang: Lang, problems: FieldProblem[], key: ContentEditorTextKey = 'invalid') =>
  new DomainError('VALIDATION_FAILED', text(lang, key), { problems });
export const transition = (lang: Lang, key: ContentEditorTextKey) =>
  new DomainError('INVALID_TRANSITION', text(lang, key), {
    problems: [{ field: '', code: key, message: text(lang, key) }],
  });

export function itemNotFound(lang: Lang): DomainError {
  return notFound(text(lang, 'notFound'));
}

/** A version's fields as the rules read them. */
export function fieldsOfVersion(version: VersionRow): VersionFields {
  return {
    titleZh: version.titleZh,
    titleEn: version.titleEn,
    summaryZh: version.summaryZh,
    summaryEn: version.summaryEn,
    bodyZh: version.bodyZh,
    bodyEn: version.bodyEn,
    subjectsZh: version.subjectsZh,
    subjectsEn: version.subjectsEn,
    creators: version.creators,
    contributors: version.contributors,
    sources: version.sources,
    relations: version.relations,
    rights: version.rights,
    coverageStart: version.coverageStart,
    coverageEnd: version.coverageEnd,
    themeCodes: version.themeCodes,
    cakeCodes: version.cakeCodes,
    serviceCodes: version.serviceCodes,
    publishAt: version.publishAt,
    expireAt: version.expireAt,
  };
}

export async function attachmentsOf(db: DatabaseOrTransaction, itemId: string, version: number) {
  return db
    .select()
    .from(contentAttachments)
    .where(and(eq(contentAttachments.itemId, itemId), eq(contentAttachments.version, version)))
    .orderBy(asc(contentAttachments.sortOrder), asc(contentAttachments.addedAt));
}

// ——— Writing (in the caller's transaction) ———

export async function lockItem(tx: DatabaseOrTransaction, number: number, lang: Lang): Promise<ItemRow> {
  const [item] = await tx.select().from(contentItems).where(eq(contentItems.number, number)).for('update');
  if (!item) throw itemNotFound(lang);
  return item;
}

export async function versionOf(
  tx: DatabaseOrTransaction,
  item: ItemRow,
  version: number,
): Promise<VersionRow> {
  const [row] = await tx
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.itemId, item.id), eq(contentVersions.version, version)));
  if (!row) throw new Error(`content item ${item.number} has no version ${version}`);
  return row;
}

export async function audit(
  tx: DatabaseOrTransaction,
  context: EditorContext,
  item: ItemRow,
  entry: { action: string; details: Record<string, unknown> },
) {
  await recordAudit(tx, {
    occurredAt: context.now,
    actor: context.actor,
    origin: context.origin,
    action: entry.action,
    target: { type: 'content_item', id: item.id },
    details: { number: item.number, ...entry.details },
  });
}

/**
 * The version an edit goes to, made ready: a copy (current + 1, with the files) of an approved, withdrawn or
 * returned version; a version in review taken back to draft. Returns the version and, for a copy, the ids of
 * its files by the ids they were copied from.
 */
export async function workingVersion(
  tx: DatabaseOrTransaction,
  item: ItemRow,
  context: EditorContext,
): Promise<{ version: number; isNew: boolean; copiedFiles: Map<string, string> }> {
  const current = await versionOf(tx, item, item.currentVersion);
  const target = editTargetOf(item, current.reviewDecision);
  const copiedFiles = new Map<string, string>();
  if (!target.isNew) {
    if (item.state === 'in_review') {
      await setVersion(tx, item.id, target.version, { submittedByStaffId: null, submittedAt: null });
      await setItem(tx, item.id, { state: 'draft' });
    }
    return { ...target, copiedFiles };
  }
  await tx.insert(contentVersions).values({
    ...fieldsOfVersion(current),
    itemId: item.id,
    version: target.version,
    editedByStaffId: context.staffId,
    editedAt: context.now,
    changeNote: '',
  });
  for (const file of await attachmentsOf(tx, item.id, item.currentVersion)) {
    const { id, ...copy } = file;
    const [row] = await tx
      .insert(contentAttachments)
      .values({ ...copy, version: target.version })
      .returning({ id: contentAttachments.id });
    if (row) copiedFiles.set(id, row.id);
  }
  await setItem(tx, item.id, { currentVersion: target.version, state: 'draft' });
  return { ...target, copiedFiles };
}

/** Writes to one version of an item (in the caller's transaction). */
export function setVersion(
  tx: DatabaseOrTransaction,
  itemId: string,
  version: number,
  values: Partial<typeof contentVersions.$inferInsert>,
) {
  return tx
    .update(contentVersions)
    .set(values)
    .where(and(eq(contentVersions.itemId, itemId), eq(contentVersions.version, version)));
}

/** Writes to an item's row (in the caller's transaction). */
export function setItem(
  tx: DatabaseOrTransaction,
  itemId: string,
  values: Partial<typeof contentItems.$inferInsert>,
) {
  return tx.update(contentItems).set(values).where(eq(contentItems.id, itemId));
}
