import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import { staff } from '../../../platform/auth/auth-schema.ts';
import type { Database, DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { pageOfRows, pageWindow } from '../../../platform/db/paging.ts';
import { announcePublished } from '../../../platform/db/publications.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import {
  administrativeClassifications,
  serviceClassifications,
  themeClassifications,
  units,
} from '../../../platform/reference/reference-schema.ts';
import type { Classification } from '../../../platform/reference/service-classification.ts';
import { formatTaipeiDateTime } from '../../../platform/web/format-date.ts';
import { type ContentEditorTextKey, contentEditorText as text } from './content-editor-messages.ts';
import type { CreateItemValues, EditVersionValues } from './content-form.ts';
import { versionFieldsOf, versionStampOf } from './content-form.ts';
import { indexContentItem } from './content-index.ts';
import {
  type AttachmentRow,
  attachmentsOf,
  audit,
  type EditorContext,
  fieldsOfVersion,
  type ItemRow,
  invalid,
  lockItem,
  setItem,
  setVersion,
  transition,
  type VersionRow,
  versionOf,
  workingVersion,
} from './content-records.ts';
import {
  editTargetOf,
  type ListState,
  publicationProblems,
  reviewRefusal,
  versionProblems,
  visibleFromOf,
} from './content-rules.ts';
import { contentItems, contentVersions } from './content-schema.ts';

/**
 * The web editors' use cases (issue 15 §1–2): create an item, edit its working version (a new version once
 * one is approved: the public keeps the published one until the new is approved), submit, approve or return
 * (never by the one who submitted or last edited the version), and take it down. Each in one transaction,
 * audited; approval and withdrawal write the search index and announce 'content' and 'search' in theirs.
 * Its files: content-attachment-service.ts; what both share: content-records.ts.
 */

// ——— Reading ———

export const contentListPageSize = 25;

function stateCondition(state: ListState, now: Date): SQL | undefined {
  const isPublic = and(isNotNull(contentItems.publishedVersion), ne(contentItems.state, 'withdrawn'));
  switch (state) {
    case 'draft':
    case 'in_review':
    case 'withdrawn':
      return eq(contentItems.state, state);
    case 'scheduled':
      return and(isPublic, gt(contentItems.visibleFrom, now));
    case 'published':
      return and(
        isPublic,
        lte(contentItems.visibleFrom, now),
        or(isNull(contentItems.visibleUntil), gt(contentItems.visibleUntil, now)),
      );
    case 'expired':
      return and(isPublic, lte(contentItems.visibleUntil, now));
  }
}

/** One page of items, newest change first, filtered by kind, unit and state. */
export async function listContentItems(
  db: DatabaseOrTransaction,
  options: { kind: string | null; unitCode: string | null; state: ListState | null; page: number; now: Date },
) {
  const window = pageWindow(options.page, contentListPageSize);
  const rows = await db
    .select({
      item: contentItems,
      titleZh: contentVersions.titleZh,
      titleEn: contentVersions.titleEn,
    })
    .from(contentItems)
    .innerJoin(
      contentVersions,
      and(
        eq(contentVersions.itemId, contentItems.id),
        eq(contentVersions.version, contentItems.currentVersion),
      ),
    )
    .where(
      and(
        options.kind === null ? undefined : eq(contentItems.kind, options.kind),
        options.unitCode === null ? undefined : eq(contentItems.unitCode, options.unitCode),
        options.state === null ? undefined : stateCondition(options.state, options.now),
      ),
    )
    .orderBy(desc(contentItems.updatedAt), desc(contentItems.number))
    .limit(window.limit)
    .offset(window.offset);
  return pageOfRows(rows, window);
}
export type ContentListRow = Awaited<ReturnType<typeof listContentItems>>['rows'][number];

export interface ClassificationChoices {
  theme: Classification[];
  cake: Classification[];
  service: Classification[];
}

/** The three classification tables as loaded, for the edit page's choices and the codes' check. */
export async function loadClassificationChoices(db: DatabaseOrTransaction): Promise<ClassificationChoices> {
  const [theme, cake, service] = await Promise.all(
    [themeClassifications, administrativeClassifications, serviceClassifications].map((table) =>
      db
        .select({
          code: table.code,
          nameZh: table.nameZh,
          nameEn: table.nameEn,
          parentCode: table.parentCode,
        })
        .from(table)
        .orderBy(asc(table.code)),
    ),
  );
  return { theme: theme ?? [], cake: cake ?? [], service: service ?? [] };
}

function knownCodes(choices: ClassificationChoices) {
  const codes = (list: readonly Classification[]) => new Set(list.map((row) => row.code));
  return { theme: codes(choices.theme), cake: codes(choices.cake), service: codes(choices.service) };
}

export interface ContentItemDetail {
  item: ItemRow;
  versions: VersionRow[];
  /** The working version's files, in order. */
  attachments: AttachmentRow[];
  /** Staff names by id, for who edited, submitted and reviewed. */
  staffNames: ReadonlyMap<string, string>;
}

export async function findContentItem(
  db: DatabaseOrTransaction,
  number: number,
): Promise<ContentItemDetail | null> {
  const [item] = await db.select().from(contentItems).where(eq(contentItems.number, number));
  if (!item) return null;
  const versions = await db
    .select()
    .from(contentVersions)
    .where(eq(contentVersions.itemId, item.id))
    .orderBy(asc(contentVersions.version));
  const attachments = await attachmentsOf(db, item.id, item.currentVersion);
  const ids = new Set<string>();
  for (const version of versions)
    for (const id of [version.editedByStaffId, version.submittedByStaffId, version.reviewedByStaffId])
      if (id !== null) ids.add(id);
  const names =
    ids.size === 0
      ? []
      : await db
          .select({ id: staff.id, name: staff.displayName })
          .from(staff)
          .where(inArray(staff.id, [...ids]));
  return { item, versions, attachments, staffNames: new Map(names.map((row) => [row.id, row.name])) };
}

/** Where the next edit of an item goes (editTargetOf with its working version's review decision). */
export function editTargetOfDetail(detail: ContentItemDetail): { version: number; isNew: boolean } {
  const current = detail.versions.find((version) => version.version === detail.item.currentVersion);
  return editTargetOf(detail.item, current?.reviewDecision ?? null);
}

// ——— Writing ———

async function unitIsActive(db: DatabaseOrTransaction, unitCode: string): Promise<boolean> {
  const [unit] = await db.select({ isActive: units.isActive }).from(units).where(eq(units.code, unitCode));
  return unit?.isActive === true;
}

/** A new item: version 1, a draft with its title. Returns its number. */
export async function createContentItem(
  db: Database,
  options: { values: CreateItemValues; context: EditorContext },
): Promise<number> {
  const { values, context } = options;
  const { lang } = context;
  if (!(await unitIsActive(db, values.unitCode)))
    throw invalid(lang, [{ field: 'unitCode', code: 'unknown_unit', message: text(lang, 'unknownCode') }]);
  return db.transaction(async (tx) => {
    const [item] = await tx
      .insert(contentItems)
      .values({
        kind: values.kind,
        unitCode: values.unitCode,
        foiKinds: values.foiKinds,
        createdByStaffId: context.staffId,
        createdAt: context.now,
        updatedAt: context.now,
      })
      .returning();
    if (!item) throw new Error('createContentItem: no row returned');
    await tx.insert(contentVersions).values({
      itemId: item.id,
      version: 1,
      titleZh: values.titleZh,
      editedByStaffId: context.staffId,
      editedAt: context.now,
    });
    await audit(tx, context, item, {
      action: 'portal.content.created',
      details: { kind: item.kind, unitCode: item.unitCode },
    });
    return item.number;
  });
}

/**
 * Saves the edit form into the working version (a new version once one is approved). Every problem at once
 * — the form's own (`formProblems`) and the rules between its fields — and nothing written then.
 */
export async function saveContentVersion(
  db: Database,
  options: {
    number: number;
    values: EditVersionValues;
    formProblems: readonly FieldProblem[];
    context: EditorContext;
  },
): Promise<{ version: number; isNew: boolean }> {
  const { values, context } = options;
  const { lang } = context;
  const fields = versionFieldsOf(values);
  const choices = await loadClassificationChoices(db);
  const refused = new Set(options.formProblems.map((problem) => problem.field));
  const problems = [
    ...options.formProblems,
    ...versionProblems(values, fields, { lang, known: knownCodes(choices) }).filter(
      (problem) => !refused.has(problem.field),
    ),
  ];
  return db.transaction(async (tx) => {
    const item = await lockItem(tx, options.number, lang);
    const current = await versionOf(tx, item, item.currentVersion);
    if (values.baseStamp !== '' && values.baseStamp !== versionStampOf(current))
      throw new DomainError('CONFLICT', text(lang, 'changedConcurrently'), {
        problems: [{ field: '', code: 'changedConcurrently', message: text(lang, 'changedConcurrently') }],
      });
    const mayChangeItem = item.publishedVersion === null;
    // A unit code the form refused (a character PostgreSQL cannot take) is listed already, not looked up.
    const isUnitToCheck = mayChangeItem && !refused.has('unitCode') && values.unitCode !== item.unitCode;
    if (isUnitToCheck && !(await unitIsActive(tx, values.unitCode)))
      problems.push({ field: 'unitCode', code: 'unknown_unit', message: text(lang, 'unknownCode') });
    if (problems.length > 0) throw invalid(lang, problems);
    const target = await workingVersion(tx, item, context);
    await setVersion(tx, item.id, target.version, {
      ...fields,
      editedByStaffId: context.staffId,
      editedAt: context.now,
      changeNote: values.changeNote,
    });
    await setItem(tx, item.id, {
      updatedAt: context.now,
      ...(mayChangeItem && values.kind !== ''
        ? { kind: values.kind, unitCode: values.unitCode || item.unitCode, foiKinds: values.foiKinds }
        : {}),
    });
    await audit(tx, context, item, {
      action: 'portal.content.saved',
      details: { version: target.version, isNewVersion: target.isNew },
    });
    return { version: target.version, isNew: target.isNew };
  });
}

/** Sends the working draft for review. */
export async function submitContentVersion(
  db: Database,
  options: { number: number; context: EditorContext },
): Promise<void> {
  const { context } = options;
  await db.transaction(async (tx) => {
    const item = await lockItem(tx, options.number, context.lang);
    if (item.state !== 'draft') throw transition(context.lang, 'notDraft');
    await setVersion(tx, item.id, item.currentVersion, {
      submittedByStaffId: context.staffId,
      submittedAt: context.now,
    });
    await setItem(tx, item.id, { state: 'in_review', updatedAt: context.now });
    await audit(tx, context, item, {
      action: 'portal.content.submitted',
      details: { version: item.currentVersion },
    });
  });
}

/** Whether this staff member may approve the item's version in review: null, or why not (a message key). */
export function reviewRefusalOf(version: VersionRow, staffId: string): ContentEditorTextKey | null {
  return reviewRefusal(version, staffId);
}

/**
 * The second web editor's decision on the version in review. Approval: never by the one who submitted or
 * last edited it (FORBIDDEN), every publication problem at once (VALIDATION_FAILED, nothing written); then
 * the version is the published one from its time (publish_at, or now) until its expiry, indexed and
 * announced in this transaction. Return: with a note, back to draft.
 */
export async function reviewContentVersion(
  db: Database,
  options: {
    number: number;
    decision: 'approve' | 'return';
    note: string;
    context: EditorContext;
  },
): Promise<{ visibleFrom: Date | null }> {
  const { context } = options;
  const { lang } = context;
  const choices = options.decision === 'approve' ? await loadClassificationChoices(db) : null;
  return db.transaction(async (tx) => {
    const item = await lockItem(tx, options.number, lang);
    if (item.state !== 'in_review') throw transition(lang, 'notInReview');
    const version = await versionOf(tx, item, item.currentVersion);
    if (options.decision === 'return') {
      if (options.note === '')
        throw invalid(lang, [
          { field: 'reviewNote', code: 'returnNeedsNote', message: text(lang, 'returnNeedsNote') },
        ]);
      await setVersion(tx, item.id, version.version, {
        reviewedByStaffId: context.staffId,
        reviewedAt: context.now,
        reviewDecision: 'returned',
        reviewNote: options.note,
      });
      await setItem(tx, item.id, { state: 'draft', updatedAt: context.now });
      await audit(tx, context, item, {
        action: 'portal.content.returned',
        details: { version: version.version },
      });
      return { visibleFrom: null };
    }
    const refusal = reviewRefusalOf(version, context.staffId);
    if (refusal !== null) throw new DomainError('FORBIDDEN', text(lang, refusal));
    const fields = fieldsOfVersion(version);
    const problems = publicationProblems(fields, { lang, now: context.now });
    if (choices !== null) {
      const stale = versionProblems(
        { coverageStart: '', coverageEnd: '', publishAt: '', expireAt: '' },
        fields,
        { lang, known: knownCodes(choices) },
      ).filter((problem) => problem.code === 'unknownCode');
      problems.push(...stale);
    }
    if (problems.length > 0) throw invalid(lang, problems, 'cannotPublish');
    const visibleFrom = visibleFromOf(version.publishAt, context.now);
    await setVersion(tx, item.id, version.version, {
      reviewedByStaffId: context.staffId,
      reviewedAt: context.now,
      reviewDecision: 'approved',
      reviewNote: options.note,
    });
    await setItem(tx, item.id, {
      state: 'approved',
      publishedVersion: version.version,
      visibleFrom,
      visibleUntil: version.expireAt,
      updatedAt: context.now,
    });
    await indexContentItem(tx, item.id);
    await announcePublished(tx, 'content');
    await announcePublished(tx, 'search');
    await audit(tx, context, item, {
      action: 'portal.content.approved',
      details: {
        version: version.version,
        visibleFrom: formatTaipeiDateTime(visibleFrom),
        visibleUntil: version.expireAt === null ? null : formatTaipeiDateTime(version.expireAt),
      },
    });
    return { visibleFrom };
  });
}

/** Takes a published item down: no public version, out of the search index, announced. */
export async function withdrawContentItem(
  db: Database,
  options: { number: number; context: EditorContext },
): Promise<void> {
  const { context } = options;
  await db.transaction(async (tx) => {
    const item = await lockItem(tx, options.number, context.lang);
    if (item.publishedVersion === null || item.state === 'withdrawn')
      throw transition(context.lang, 'notPublished');
    await setItem(tx, item.id, {
      state: 'withdrawn',
      publishedVersion: null,
      visibleFrom: null,
      visibleUntil: null,
      updatedAt: context.now,
    });
    await indexContentItem(tx, item.id);
    await announcePublished(tx, 'content');
    await announcePublished(tx, 'search');
    await audit(tx, context, item, {
      action: 'portal.content.withdrawn',
      details: { publishedVersion: item.publishedVersion },
    });
  });
}
