import { and, asc, desc, eq, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import type { StaffActorContext } from '../../../platform/auth/actor-context.ts';
import { recordAudit } from '../../../platform/auth/audit-log.ts';
import type { Database, DatabaseOrTransaction, Transaction } from '../../../platform/db/database.ts';
import { pageOfRows, pageWindow } from '../../../platform/db/paging.ts';
import { DomainError, notFound } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { mediaItems } from '../petitions-schema.ts';
import {
  type ClarificationValues,
  clarificationProblems,
  type FactCheckValues,
  factCheckProblems,
  type MediaItemValues,
  mediaItemProblems,
} from './media-form.ts';
import { mediaText as text } from './media-messages.ts';
import {
  type ClarificationKind,
  factCheckDueAtOf,
  listScopeOf,
  type MediaFilter,
  type MediaViewer,
  mayRecordClarification,
  mayRecordFactCheck,
  maySeeMediaItem,
  mediaRecorderRoles,
} from './media-rules.ts';

/**
 * The media log's use cases (輿情, issue 16 §7): record an item (with the unit asked to fact-check it and
 * the hours it has), the unit's fact-check note, the clarification; the lists and one item. Each checks
 * who may (media-rules.ts, as the routes do), lists every problem at once (VALIDATION_FAILED), works in
 * one transaction and is audited — with what happened, never what was typed.
 */

export type MediaTone = 'positive' | 'neutral' | 'negative';

export interface MediaItem {
  id: string;
  title: string;
  outlet: string;
  url: string | null;
  publishedOn: string;
  summary: string;
  tone: MediaTone;
  unitCodes: string[];
  factCheckUnit: string | null;
  factCheckDueAt: Date | null;
  factCheckNote: string | null;
  clarificationKind: ClarificationKind | null;
  clarificationUrl: string | null;
  clarifiedAt: Date | null;
  createdAt: Date;
}

const itemColumns = {
  id: mediaItems.id,
  title: mediaItems.title,
  outlet: mediaItems.outlet,
  url: mediaItems.url,
  publishedOn: mediaItems.publishedOn,
  summary: mediaItems.summary,
  tone: mediaItems.tone,
  unitCodes: mediaItems.unitCodes,
  factCheckUnit: mediaItems.factCheckUnit,
  factCheckDueAt: mediaItems.factCheckDueAt,
  factCheckNote: mediaItems.factCheckNote,
  clarificationKind: mediaItems.clarificationKind,
  clarificationUrl: mediaItems.clarificationUrl,
  clarifiedAt: mediaItems.clarifiedAt,
  createdAt: mediaItems.createdAt,
};

/** The row as read: the tone and the kind are checked when written (the table checks the tone too). */
function itemOf(
  row: Omit<MediaItem, 'tone' | 'clarificationKind'> & { tone: string; clarificationKind: string | null },
): MediaItem {
  return row as MediaItem;
}

function forbidden(lang: Lang): DomainError {
  return new DomainError('FORBIDDEN', text(lang, 'forbidden'));
}

function invalid(lang: Lang, problems: DomainError['problems']): DomainError {
  return new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
}

/**
 * Records an item: the secretariat or an admin. With a unit asked to fact-check, the deadline is now plus
 * the hours typed. `inTransaction` runs in the same transaction with the new id (the form's one-time token
 * is stored there, so a second post of the same form records nothing).
 */
export async function recordMediaItem(
  db: Database,
  options: {
    values: MediaItemValues;
    actor: StaffActorContext;
    inTransaction?: (tx: Transaction, id: string) => Promise<void>;
  },
): Promise<{ id: string }> {
  const { values, actor } = options;
  if (!(mediaRecorderRoles as readonly string[]).includes(actor.staff.role)) throw forbidden(actor.lang);
  const { problems, read } = mediaItemProblems(values, { lang: actor.lang, now: actor.now });
  if (problems.length > 0) throw invalid(actor.lang, problems);
  const factCheckUnit = values.factCheckUnit === '' ? null : values.factCheckUnit;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mediaItems)
      .values({
        title: values.title,
        outlet: values.outlet,
        url: values.url === '' ? null : values.url,
        publishedOn: read.publishedOn,
        summary: values.summary,
        tone: values.tone,
        unitCodes: values.unitCodes,
        factCheckUnit,
        factCheckDueAt: factCheckUnit === null ? null : factCheckDueAtOf(actor.now, read.hours),
        createdBy: actor.staff.id,
        createdAt: actor.now,
      })
      .returning({ id: mediaItems.id });
    if (row === undefined) throw new Error('The media item was not written.');
    await recordAudit(tx, {
      occurredAt: actor.now,
      actor: actor.auditActor,
      action: 'petition.media_record',
      target: { type: 'media_item', id: row.id },
      origin: actor.origin,
      details: { factCheckUnit, hours: factCheckUnit === null ? null : read.hours },
    });
    await options.inTransaction?.(tx, row.id);
    return { id: row.id };
  });
}

/** One item for a viewer: 404 when there is none, 403 when it is not theirs to see. */
export async function getMediaItem(
  db: DatabaseOrTransaction,
  options: { id: string; viewer: MediaViewer; lang: Lang },
): Promise<MediaItem> {
  const [row] = await db.select(itemColumns).from(mediaItems).where(eq(mediaItems.id, options.id));
  if (row === undefined) throw notFound(text(options.lang, 'notFound'));
  if (!maySeeMediaItem(options.viewer, row)) throw forbidden(options.lang);
  return itemOf(row);
}

/** The item, locked for this transaction, once the actor may do `may` with it. */
async function lockedItem(
  tx: Transaction,
  id: string,
  actor: StaffActorContext,
  may: (viewer: MediaViewer, item: { factCheckUnit: string | null }) => boolean,
): Promise<{ factCheckUnit: string | null; clarifiedAt: Date | null }> {
  const [row] = await tx
    .select({ factCheckUnit: mediaItems.factCheckUnit, clarifiedAt: mediaItems.clarifiedAt })
    .from(mediaItems)
    .where(eq(mediaItems.id, id))
    .for('update');
  if (row === undefined) throw notFound(text(actor.lang, 'notFound'));
  if (!may(actor.staff, row)) throw forbidden(actor.lang);
  return row;
}

/** The asked unit's supervisor or handler records (or corrects) the fact-check note. */
export async function recordFactCheckNote(
  db: Database,
  options: { id: string; values: FactCheckValues; actor: StaffActorContext },
): Promise<void> {
  const { actor } = options;
  await db.transaction(async (tx) => {
    await lockedItem(tx, options.id, actor, mayRecordFactCheck);
    const problems = factCheckProblems(options.values, actor.lang);
    if (problems.length > 0) throw invalid(actor.lang, problems);
    await tx
      .update(mediaItems)
      .set({ factCheckNote: options.values.note })
      .where(eq(mediaItems.id, options.id));
    await recordAudit(tx, {
      occurredAt: actor.now,
      actor: actor.auditActor,
      action: 'petition.media_fact_check',
      target: { type: 'media_item', id: options.id },
      origin: actor.origin,
      details: {},
    });
  });
}

/**
 * The clarification (a press release or a reply, with its link): the secretariat, an admin, or the asked
 * unit. A correction keeps the first time it was recorded: the item left the overdue list then.
 */
export async function recordClarification(
  db: Database,
  options: { id: string; values: ClarificationValues; actor: StaffActorContext },
): Promise<void> {
  const { actor, values } = options;
  await db.transaction(async (tx) => {
    const item = await lockedItem(tx, options.id, actor, mayRecordClarification);
    const problems = clarificationProblems(values, actor.lang);
    if (problems.length > 0 || values.clarificationKind === '') throw invalid(actor.lang, problems);
    await tx
      .update(mediaItems)
      .set({
        clarificationKind: values.clarificationKind,
        clarificationUrl: values.clarificationUrl,
        clarifiedAt: item.clarifiedAt ?? actor.now,
      })
      .where(eq(mediaItems.id, options.id));
    await recordAudit(tx, {
      occurredAt: actor.now,
      actor: actor.auditActor,
      action: 'petition.media_clarify',
      target: { type: 'media_item', id: options.id },
      origin: actor.origin,
      details: { kind: values.clarificationKind, isCorrection: item.clarifiedAt !== null },
    });
  });
}

export const mediaPageSize = 20;

/**
 * One page of a list, for a viewer (the secretariat and admins every item; a unit's supervisors and
 * handlers the items asked of their unit): not clarified (newest first), overdue (longest overdue first),
 * clarified (latest first) or all (newest first).
 */
export async function listMediaItems(
  db: DatabaseOrTransaction,
  options: { viewer: MediaViewer; filter: MediaFilter; page: number; now: Date },
): Promise<{ rows: MediaItem[]; hasNextPage: boolean }> {
  const scope = listScopeOf(options.viewer);
  if (scope === 'none') return { rows: [], hasNextPage: false };
  const window = pageWindow(options.page, mediaPageSize);
  const conditions: (SQL | undefined)[] = [
    scope.unitCode === null ? undefined : eq(mediaItems.factCheckUnit, scope.unitCode),
  ];
  let order: SQL[] = [desc(mediaItems.createdAt), desc(mediaItems.id)];
  switch (options.filter) {
    case 'open':
      conditions.push(isNull(mediaItems.clarifiedAt));
      break;
    case 'overdue':
      conditions.push(isNull(mediaItems.clarifiedAt), lt(mediaItems.factCheckDueAt, options.now));
      order = [asc(mediaItems.factCheckDueAt), asc(mediaItems.id)];
      break;
    case 'clarified':
      conditions.push(isNotNull(mediaItems.clarifiedAt));
      order = [desc(mediaItems.clarifiedAt), desc(mediaItems.id)];
      break;
    case 'all':
      break;
  }
  const rows = await db
    .select(itemColumns)
    .from(mediaItems)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(window.limit)
    .offset(window.offset);
  return pageOfRows(rows.map(itemOf), window);
}
