import { and, desc, eq, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { type AuditActor, type RequestOrigin, recordAudit } from '../../platform/auth/audit-log.ts';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { ListedTopic, RenderedMessage } from '../../platform/notify/template-kit.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { notificationText } from './notifications-messages.ts';
import { notificationTemplateVersions, type TemplateTexts } from './notifications-schema.ts';
import { fillTexts, templateTextProblems, variableValues } from './template-text.ts';

/**
 * Versions of a topic's wording (issue 17 §5): each save writes a new numbered version (never an update);
 * the newest is what `queueNotification` sends, and the delivery keeps its number. A version whose texts
 * are null goes back to the built-in wording of the code.
 */

export type TopicTexts = Record<Lang, TemplateTexts>;

export interface TemplateVersion {
  version: number;
  /** Null: the built-in wording. */
  texts: TopicTexts | null;
  note: string;
  createdBy: string;
  createdAt: Date;
}

/** What a `TemplateVersion` is read from. */
const versionColumns = {
  version: notificationTemplateVersions.version,
  texts: notificationTemplateVersions.texts,
  note: notificationTemplateVersions.note,
  createdBy: notificationTemplateVersions.createdBy,
  createdAt: notificationTemplateVersions.createdAt,
};

/** The versions of a topic (all, or the one numbered `version`), newest first. */
function selectVersions(db: DatabaseOrTransaction, topic: string, version?: number) {
  return db
    .select(versionColumns)
    .from(notificationTemplateVersions)
    .where(
      and(
        eq(notificationTemplateVersions.topic, topic),
        version === undefined ? undefined : eq(notificationTemplateVersions.version, version),
      ),
    )
    .orderBy(desc(notificationTemplateVersions.version));
}

/** The newest version of a topic (one indexed read: topic, version), or null when it was never edited. */
export async function currentTemplateVersion(
  db: DatabaseOrTransaction,
  topic: string,
): Promise<TemplateVersion | null> {
  const [row] = await selectVersions(db, topic).limit(1);
  return row ?? null;
}

/**
 * A transaction's reads of topics' current versions, kept for the rest of that transaction: a case's notice
 * goes out by e-mail and by text in one transaction, and read the same row twice (measured: 2 of the 12
 * statements of a case opened through the API). Within one transaction the answer cannot change but by a
 * version saved in it, and saving is a transaction of its own (saveTemplateVersion). Outside a transaction
 * nothing is kept.
 */
const readInTransaction = new WeakMap<object, Map<string, Promise<TemplateVersion | null>>>();

function currentVersionInTransaction(
  db: DatabaseOrTransaction,
  topic: string,
): Promise<TemplateVersion | null> {
  if (!(db instanceof PgTransaction)) return currentTemplateVersion(db, topic);
  let known = readInTransaction.get(db);
  if (known === undefined) {
    known = new Map();
    readInTransaction.set(db, known);
  }
  let read = known.get(topic);
  if (read === undefined) {
    read = currentTemplateVersion(db, topic);
    known.set(topic, read);
  }
  return read;
}

/** Every version of a topic, newest first. */
export async function listTemplateVersions(
  db: DatabaseOrTransaction,
  topic: string,
): Promise<TemplateVersion[]> {
  return selectVersions(db, topic);
}

/** The newest version of every edited topic (the templates page), one row per topic. */
export async function currentTemplateVersions(
  db: DatabaseOrTransaction,
): Promise<Map<string, TemplateVersion>> {
  const rows = await db
    .selectDistinctOn([notificationTemplateVersions.topic], {
      topic: notificationTemplateVersions.topic,
      ...versionColumns,
    })
    .from(notificationTemplateVersions)
    .orderBy(notificationTemplateVersions.topic, desc(notificationTemplateVersions.version));
  const newest = new Map<string, TemplateVersion>();
  for (const { topic, ...version } of rows) newest.set(topic, version);
  return newest;
}

async function versionOf(
  db: DatabaseOrTransaction,
  topic: string,
  version: number,
): Promise<TemplateVersion | null> {
  const [row] = await selectVersions(db, topic, version);
  return row ?? null;
}

/**
 * The message of a topic as it is sent now: the newest edited wording filled with the data, or the built-in
 * wording (no version, or the newest says "built-in"). Read in the caller's transaction, so every app process
 * sends the version committed before the message is queued.
 */
export async function renderCurrent(
  db: DatabaseOrTransaction,
  topic: ListedTopic,
  lang: Lang,
  data: unknown,
): Promise<{ message: RenderedMessage; templateVersion: number | null }> {
  const current = await currentVersionInTransaction(db, topic.topic);
  if (current === null || current.texts === null)
    return { message: topic.renderUnchecked(lang, data), templateVersion: null };
  return {
    message: fillTexts(current.texts[lang], variableValues(topic, lang, data)),
    templateVersion: current.version,
  };
}

export interface SaveTemplateOptions {
  topic: ListedTopic;
  /** Null: back to the built-in wording. */
  texts: TopicTexts | null;
  note: string;
  /** The version the editor started from (0: none): someone else's save in between is a conflict. */
  baseVersion: number;
  actor: AuditActor;
  origin: RequestOrigin;
  now: Date;
  lang: Lang;
  /** What the audit row calls it: a save, a restore of an older version, or back to the built-in wording. */
  action?: 'saved' | 'restored' | 'built_in';
  restoredFrom?: number;
}

/**
 * Saves a new version: every problem of the wording at once (VALIDATION_FAILED), CONFLICT when another
 * version was saved since the editor opened the page; audited with the version and texts before and after.
 */
export async function saveTemplateVersion(
  db: Database,
  options: SaveTemplateOptions,
): Promise<TemplateVersion> {
  const { topic, lang } = options;
  if (options.texts !== null) {
    const problems = templateTextProblems(topic, options.texts, lang);
    if (problems.length > 0)
      throw new DomainError('VALIDATION_FAILED', notificationText(lang, 'templateInvalid'), { problems });
  }
  return db.transaction(async (tx) => {
    // One writer of a topic's versions at a time (two saves never take the same number).
    await tx.execute(sqlLock(topic.topic));
    const before = await currentTemplateVersion(tx, topic.topic);
    if ((before?.version ?? 0) !== options.baseVersion)
      throw new DomainError('CONFLICT', notificationText(lang, 'templateConflict'));
    const version = (before?.version ?? 0) + 1;
    const createdBy = options.actor.label;
    await tx.insert(notificationTemplateVersions).values({
      topic: topic.topic,
      version,
      texts: options.texts,
      note: options.note,
      createdBy,
      createdAt: options.now,
    });
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'notification_template.saved',
      target: { type: 'notification_template', id: topic.topic },
      origin: options.origin,
      details: {
        kind: options.action ?? 'saved',
        ...(options.restoredFrom === undefined ? {} : { restoredFrom: options.restoredFrom }),
        before: { version: before?.version ?? null, texts: before?.texts ?? null },
        after: { version, texts: options.texts },
      },
    });
    return { version, texts: options.texts, note: options.note, createdBy, createdAt: options.now };
  });
}

/** A new version copying an older one's wording (or the built-in wording: version texts null). */
export async function restoreTemplateVersion(
  db: Database,
  options: Omit<SaveTemplateOptions, 'texts' | 'action' | 'restoredFrom'> & { version: number | 'built-in' },
): Promise<TemplateVersion> {
  if (options.version === 'built-in')
    return saveTemplateVersion(db, { ...options, texts: null, action: 'built_in' });
  const old = await versionOf(db, options.topic.topic, options.version);
  if (old === null)
    throw new DomainError('NOT_FOUND', notificationText(options.lang, 'templateVersionNotFound'));
  // An older wording is checked again: the topic's variables may have changed since.
  return saveTemplateVersion(db, {
    ...options,
    texts: old.texts,
    action: old.texts === null ? 'built_in' : 'restored',
    restoredFrom: old.version,
  });
}

function sqlLock(topic: string) {
  return sql`select pg_advisory_xact_lock(hashtext(${`notification_template:${topic}`}))`;
}
