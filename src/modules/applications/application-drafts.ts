import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.ts';
import { recordStoredFiles } from '../../platform/files/file-store.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { consumeRateLimit } from '../../platform/http/rate-limit.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { UploadedFile } from '../../platform/uploads/multipart.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { queueNotification } from '../notifications/index.ts';
import {
  type CodeCheck,
  checkCode,
  codeLifetimeMs,
  draftLifetimeMs,
  hashSecret,
  maxCodeAttempts,
  maxCodesPerHour,
  maxCodesPerIpPerHour,
  newOneTimeCode,
  newResumeToken,
  resendWaitSeconds,
} from './application-rules.ts';
import { applicationText as text } from './applications-messages.ts';
import { applicationDraftFiles, applicationDrafts } from './applications-schema.ts';
import { applicationTopics } from './templates/index.ts';

/**
 * Drafts of online applications: made at "Start", found by the hash of their link's secret, saved at every
 * page (each save keeps the draft 30 more days), the one-time code that proves the contact, and the documents.
 * No personal data goes to a log or the audit log here: a draft is the applicant's own, until submitted.
 */

export type DraftRow = typeof applicationDrafts.$inferSelect;
export type DraftFileRow = typeof applicationDraftFiles.$inferSelect;

/** What a notice about a draft is about, for the delivery log. */
const subjectOf = (draft: DraftRow) => ({ type: 'application_draft', id: draft.id });

const keptUntil = (now: Date) => new Date(now.getTime() + draftLifetimeMs);

/** A new, empty draft of a service version; the token is the link's secret (only its hash is kept). */
export async function createDraft(
  db: Database,
  options: { serviceCode: string; serviceVersion: number; lang: Lang; now: Date },
): Promise<{ token: string; draft: DraftRow }> {
  const token = newResumeToken();
  const [draft] = await db
    .insert(applicationDrafts)
    .values({
      serviceCode: options.serviceCode,
      serviceVersion: options.serviceVersion,
      lang: options.lang,
      resumeTokenHash: hashSecret(token),
      createdAt: options.now,
      updatedAt: options.now,
      expiresAt: keptUntil(options.now),
    })
    .returning();
  if (draft === undefined) throw new Error('insert into application_drafts returned no row');
  return { token, draft };
}

/**
 * The draft a link opens (the e-mailed resume link, or the one the citizen's account last opened it with), or
 * null: unknown or expired (a submitted one opens its confirmation until then).
 */
export async function findDraft(
  db: DatabaseOrTransaction,
  token: string,
  now: Date,
): Promise<DraftRow | null> {
  const hash = hashSecret(token);
  const [draft] = await db
    .select()
    .from(applicationDrafts)
    .where(or(eq(applicationDrafts.resumeTokenHash, hash), eq(applicationDrafts.accountTokenHash, hash)));
  if (draft === undefined) return null;
  if (draft.expiresAt.getTime() <= now.getTime()) return null;
  return draft;
}

/** Saves a page: its answers merged into the draft's, the page marked completed, 30 more days. */
export async function saveDraftPage(
  db: DatabaseOrTransaction,
  options: { draft: DraftRow; answers: Readonly<Record<string, string>>; step: string; now: Date },
): Promise<void> {
  const { draft, now } = options;
  const completed = draft.completedSteps.includes(options.step)
    ? draft.completedSteps
    : [...draft.completedSteps, options.step];
  await db
    .update(applicationDrafts)
    .set({
      answers: { ...draft.answers, ...options.answers },
      completedSteps: completed,
      updatedAt: now,
      expiresAt: keptUntil(now),
    })
    .where(and(eq(applicationDrafts.id, draft.id), sql`${applicationDrafts.submittedAt} is null`));
}

export interface CodeMessage {
  serviceName: string;
  lang: Lang;
  jobs: Jobs;
  now: Date;
}

/**
 * Sends a new one-time code to the draft's contact (given here when it is new or changed: a changed contact
 * is no longer proven). At most one a minute and `maxCodesPerHour` an hour per draft; a refusal is a problem
 * on `field` saying when to try again — never a lock-out.
 */
export async function sendDraftCode(
  db: Database,
  options: CodeMessage & {
    draftId: string;
    contact?: { kind: 'email' | 'mobile'; value: string };
    field: string;
    /** The client's address: codes from one address are counted too (someone e-mail-bombing through many drafts). */
    ip: string;
  },
): Promise<FieldProblem[]> {
  const { now, lang } = options;
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(applicationDrafts)
      .where(eq(applicationDrafts.id, options.draftId))
      .for('update');
    if (draft === undefined || draft.submittedAt !== null) return [];
    const contact = options.contact ?? null;
    const isNewContact =
      contact !== null && (contact.kind !== draft.contactKind || contact.value !== draft.contact);
    const kind = contact?.kind ?? draft.contactKind;
    const recipient = contact?.value ?? draft.contact;
    if ((kind !== 'email' && kind !== 'mobile') || recipient === null) return [];
    const wait = resendWaitSeconds(draft.codeSentAt, now);
    if (wait > 0)
      return [
        { field: options.field, code: 'too_soon', message: text(lang, 'resendWait', { seconds: wait }) },
      ];
    // Per draft, then per address (someone e-mail-bombing through many drafts); an hour's window each.
    const limits = [
      {
        key: `application:code:${draft.id}`,
        limit: maxCodesPerHour,
        message: (minutes: number) => text(lang, 'resendHourly', { max: maxCodesPerHour, minutes }),
      },
      {
        key: `application:code:ip:${options.ip}`,
        limit: maxCodesPerIpPerHour,
        message: (minutes: number) => text(lang, 'codesFromIp', { minutes }),
      },
    ];
    for (const { key, limit, message } of limits) {
      const counted = await consumeRateLimit(tx, { key, limit, windowSeconds: 3600, now });
      if (!counted.allowed) {
        const minutes = Math.ceil(counted.retryAfterSeconds / 60);
        return [{ field: options.field, code: 'too_many_codes', message: message(minutes) }];
      }
    }
    const code = newOneTimeCode();
    await tx
      .update(applicationDrafts)
      .set({
        contactKind: kind,
        contact: recipient,
        codeHash: hashSecret(code),
        codeSentAt: now,
        codeExpiresAt: new Date(now.getTime() + codeLifetimeMs),
        codeAttempts: 0,
        ...(isNewContact ? { contactVerifiedAt: null } : {}),
        updatedAt: now,
        expiresAt: keptUntil(now),
      })
      .where(eq(applicationDrafts.id, draft.id));
    await queueNotification(tx, {
      jobs: options.jobs,
      subject: subjectOf(draft),
      topic: applicationTopics.code,
      channel: kind === 'email' ? 'email' : 'sms',
      recipient,
      lang,
      data: { code, serviceName: options.serviceName, minutes: codeLifetimeMs / 60_000 },
      dedupeKey: `application.code:${draft.id}:${now.toISOString()}`,
    });
    return [];
  });
}

/**
 * A typed code against the draft's current one: right (the contact is proven now; the first time, the link
 * to come back is sent there), wrong (one try counted), spent (the last try: the code is gone, a new one must be
 * asked for), expired or none.
 */
export async function verifyDraftCode(
  db: Database,
  options: CodeMessage & { draftId: string; typed: string; resumeUrl: string },
): Promise<{ check: CodeCheck; triesLeft: number }> {
  const { now } = options;
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(applicationDrafts)
      .where(eq(applicationDrafts.id, options.draftId))
      .for('update');
    if (draft === undefined || draft.submittedAt !== null) return { check: 'none', triesLeft: 0 };
    const check = checkCode(draft, options.typed, now);
    if (check === 'wrong' || check === 'spent') {
      const attempts = draft.codeAttempts + 1;
      await tx
        .update(applicationDrafts)
        .set({
          codeAttempts: attempts,
          ...(check === 'spent' ? { codeHash: null, codeExpiresAt: null } : {}),
          updatedAt: now,
        })
        .where(eq(applicationDrafts.id, draft.id));
      return { check, triesLeft: Math.max(0, maxCodeAttempts - attempts) };
    }
    if (check !== 'right') return { check, triesLeft: 0 };
    const completed = draft.completedSteps.includes('contact')
      ? draft.completedSteps
      : [...draft.completedSteps, 'contact'];
    await tx
      .update(applicationDrafts)
      .set({
        contactVerifiedAt: now,
        codeHash: null,
        codeExpiresAt: null,
        codeAttempts: 0,
        completedSteps: completed,
        updatedAt: now,
        expiresAt: keptUntil(now),
      })
      .where(eq(applicationDrafts.id, draft.id));
    if (draft.contact !== null && draft.contactKind !== null)
      await queueNotification(tx, {
        jobs: options.jobs,
        subject: subjectOf(draft),
        topic: applicationTopics.resume,
        channel: draft.contactKind === 'email' ? 'email' : 'sms',
        recipient: draft.contact,
        lang: options.lang,
        data: {
          serviceName: options.serviceName,
          resumeUrl: options.resumeUrl,
          keptUntil: keptUntil(now).toISOString().slice(0, 10),
        },
        // Once per draft and address: a second proof (before submitting) sends no second link.
        dedupeKey: `application.resume:${draft.id}:${hashSecret(draft.contact)}`,
      });
    return { check, triesLeft: maxCodeAttempts };
  });
}

/** The draft's documents, oldest first. */
export function listDraftFiles(db: DatabaseOrTransaction, draftId: string): Promise<DraftFileRow[]> {
  return db
    .select()
    .from(applicationDraftFiles)
    .where(eq(applicationDraftFiles.draftId, draftId))
    .orderBy(asc(applicationDraftFiles.uploadedAt), asc(applicationDraftFiles.id));
}

/**
 * Keeps uploaded files on the draft, one per item: a file for an item that has one replaces it (a second file
 * for one item in the same post: the last). Each file is listed in `stored_files` in the same transaction
 * (ADR 0009); a replaced one is left to the orphan sweep. Returns the draft's documents as they are then
 * (listDraftFiles), so the page need not read them again; with `complete`, the page is saved as completed in
 * the same transaction when they are all there. A handful of statements whatever the number of
 * files (one each to list, replace and insert them): the documents page is on the submission's hot path.
 */
export async function keepDraftFiles(
  db: Database,
  options: {
    draftId: string;
    files: readonly { itemId: string; file: UploadedFile }[];
    now: Date;
    /**
     * The page saved as completed (saveDraftPage, in the same transaction) if `when` accepts the draft's
     * documents as they are then; null: the files are only kept.
     */
    complete?: {
      draft: DraftRow;
      step: string;
      when: (files: readonly DraftFileRow[]) => boolean;
    } | null;
  },
): Promise<DraftFileRow[]> {
  const complete = options.complete ?? null;
  if (options.files.length === 0) {
    const files = await listDraftFiles(db, options.draftId);
    if (complete?.when(files))
      await saveDraftPage(db, { draft: complete.draft, answers: {}, step: complete.step, now: options.now });
    return files;
  }
  const lastPerItem = new Map(options.files.map((entry) => [entry.itemId, entry.file]));
  return db.transaction(async (tx) => {
    await recordStoredFiles(
      tx,
      options.files.map((entry) => entry.file),
      options.now,
    );
    await tx
      .delete(applicationDraftFiles)
      .where(
        and(
          eq(applicationDraftFiles.draftId, options.draftId),
          inArray(applicationDraftFiles.checklistItemId, [...lastPerItem.keys()]),
        ),
      );
    await tx.insert(applicationDraftFiles).values(
      [...lastPerItem].map(([itemId, file]) => ({
        draftId: options.draftId,
        checklistItemId: itemId,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        content: null,
        uploadedAt: options.now,
      })),
    );
    const files = await listDraftFiles(tx, options.draftId);
    // saveDraftPage keeps the draft 30 more days too: one update either way.
    if (complete?.when(files))
      await saveDraftPage(tx, { draft: complete.draft, answers: {}, step: complete.step, now: options.now });
    else
      await tx
        .update(applicationDrafts)
        .set({ updatedAt: options.now, expiresAt: keptUntil(options.now) })
        .where(eq(applicationDrafts.id, options.draftId));
    return files;
  });
}

/** Removes one of the draft's files (its bytes stay until the orphan sweep finds nobody names them). */
export async function removeDraftFile(
  db: Database,
  options: { draftId: string; fileId: string; now: Date },
): Promise<boolean> {
  const removed = await db
    .delete(applicationDraftFiles)
    .where(
      and(eq(applicationDraftFiles.draftId, options.draftId), eq(applicationDraftFiles.id, options.fileId)),
    )
    .returning({ id: applicationDraftFiles.id });
  return removed.length > 0;
}

/**
 * Deletes the expired drafts (a submitted one's case keeps everything), and with them their file rows (the
 * foreign key cascades); the files themselves go with the orphan sweep once nothing names them.
 */
export async function sweepExpiredDrafts(db: DatabaseOrTransaction, now: Date): Promise<number> {
  const deleted = await db
    .delete(applicationDrafts)
    .where(lt(applicationDrafts.expiresAt, now))
    .returning({ id: applicationDrafts.id });
  return deleted.length;
}

const sweepSlotMs = 60 * 60 * 1000;
let lastSweptSlot: number | null = null;

/** The scan's request (every five minutes): the sweep at most once an hour per process. */
export async function requestDraftSweep(db: DatabaseOrTransaction, now: Date): Promise<void> {
  const slot = Math.floor(now.getTime() / sweepSlotMs);
  if (slot === lastSweptSlot) return;
  await sweepExpiredDrafts(db, now);
  lastSweptSlot = slot;
}
