import type { Readable } from 'node:stream';
import { and, desc, eq } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.ts';
import { pageOfRows, pageWindow } from '../../platform/db/paging.ts';
import { type FileStore, isSha256 } from '../../platform/files/file-store.ts';
import type { Clock } from '../../platform/http/clock.ts';
import { defineQueue, type JobContext, type Jobs } from '../../platform/jobs/jobs.ts';
import type { NotificationTopic } from '../../platform/notify/template-kit.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { maskRecipient } from './masking.ts';
import {
  type DeliveryState,
  type NotificationChannel,
  notificationDeliveries,
} from './notifications-schema.ts';
import { renderCurrent } from './template-versions.ts';
import type { EmailTransport, SmsSender } from './transports.ts';

/**
 * Notifications: a use case renders the message and records it in its own transaction
 * (queueNotification); a pg-boss job, written in the same transaction, delivers it afterwards with
 * retries (deliverNotification). The row is the log of what was sent, to whom, and how it went.
 */

/**
 * A file of the file store sent with an e-mail, by reference: the job names it, and the bytes are read from
 * the store when the message is sent (a photo is not copied into the queue or the log).
 */
export interface NotificationAttachment {
  /** As the recipient sees it, e.g. 1150302-0042-fixed-1.jpg. */
  fileName: string;
  mediaType: string;
  /** The file's name in the file store. */
  sha256: string;
}

/**
 * What a delivery job carries. The attachments travel with the job, written in the same transaction as the
 * delivery row (the delivery table has no column for them yet): a delivery and its job exist together, and
 * every retry of the job sends the same files.
 */
export interface DeliveryJob {
  deliveryId: string;
  attachments?: NotificationAttachment[];
}

/**
 * One job per delivery. Retries: 5, from 30 s doubling (with jitter) up to an hour apart. An attempt that
 * never ends — its process was killed, or lost PostgreSQL before it could settle the job — is retried after
 * 60 s (pg-boss's expiry; its monitor looks every minute): issue 13's fault suite found such deliveries held
 * 5 minutes. One attempt lasts at most the SMTP timeouts (10 + 10 + 30 s, transports.ts); should one outlast
 * its expiry anyway, the delivery row's lock and state keep the retry from sending it a second time.
 */
export const notificationDeliveryQueue = defineQueue<DeliveryJob>({
  name: 'notification.deliver',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  retryDelayMaxSeconds: 3600,
  expireInSeconds: 60,
  policy: 'exclusive',
});

/** What a message is about: `{ type: 'case', id: caseId }`; its page lists the deliveries (listDeliveries). */
export interface NotificationSubject {
  /** Lower case, owned by the module that sends: 'case', 'unit', 'control.report_year'. */
  type: string;
  id: string;
}

export interface QueueNotificationOptions<Data> {
  jobs: Jobs;
  /** What the message is about, for that thing's delivery log; null for nothing in particular. */
  subject: NotificationSubject | null;
  /** The topic (defined by the module that sends it) names the template; `data` is typed by it. */
  topic: NotificationTopic<Data>;
  channel: NotificationChannel;
  /** An e-mail address or a phone number. */
  recipient: string;
  lang: Lang;
  data: Data;
  /**
   * "This message, once": e.g. `case.received:${caseId}:email`, `case.reminder.handler:${caseId}:${dueDate}`.
   * A second call with the same key (a retried request, a double click, a second process) does nothing.
   */
  dedupeKey: string;
  /** Files sent with an e-mail (not with an SMS), read from the file store when it is sent. */
  attachments?: readonly NotificationAttachment[];
}

export interface QueuedNotification {
  deliveryId: string;
  /** False when the dedupe key was already used: nothing new was recorded or sent. */
  isNew: boolean;
}

/**
 * Renders the message now (so the log keeps exactly what is sent) — with the topic's newest edited wording
 * when staff edited it (/staff/notification-templates/:topic), the version kept on the row, records it as 'queued' and sends
 * its delivery job — all in the caller's transaction `tx`: if the caller's change rolls back, there is
 * no row and no job.
 */
export async function queueNotification<Data>(
  tx: DatabaseOrTransaction,
  options: QueueNotificationOptions<Data>,
): Promise<QueuedNotification> {
  const recipient = options.recipient.trim();
  const topic = options.topic.topic;
  if (recipient === '') throw new Error(`queueNotification(${topic}): the recipient is empty`);
  const attachments = options.attachments ?? [];
  if (attachments.length > 0 && options.channel !== 'email')
    throw new Error(`queueNotification(${topic}): only an e-mail can carry attachments`);
  for (const attachment of attachments)
    if (!isSha256(attachment.sha256))
      throw new Error(`queueNotification(${topic}): an attachment is not named by a SHA-256`);
  // The newest edited wording of the topic (issue 17), read in `tx`; the built-in wording otherwise.
  const { message, templateVersion } = await renderCurrent(tx, options.topic, options.lang, options.data);
  const inserted = await tx
    .insert(notificationDeliveries)
    .values({
      subjectType: options.subject?.type ?? null,
      subjectId: options.subject?.id ?? null,
      topic,
      channel: options.channel,
      recipient,
      lang: options.lang,
      subject: message.subject,
      bodyText: options.channel === 'sms' ? message.sms : message.text,
      bodyHtml: null,
      state: 'queued',
      dedupeKey: options.dedupeKey,
      templateVersion,
    })
    .onConflictDoNothing({ target: notificationDeliveries.dedupeKey })
    .returning({ id: notificationDeliveries.id });
  const created = inserted[0];
  if (!created) {
    const [existing] = await tx
      .select({ id: notificationDeliveries.id })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.dedupeKey, options.dedupeKey));
    if (!existing) throw new Error('queueNotification: dedupe conflict without a row');
    return { deliveryId: existing.id, isNew: false };
  }
  await options.jobs.send(
    notificationDeliveryQueue,
    attachments.length === 0
      ? { deliveryId: created.id }
      : { deliveryId: created.id, attachments: attachments.map((attachment) => ({ ...attachment })) },
    { tx, singletonKey: created.id },
  );
  return { deliveryId: created.id, isNew: true };
}

export interface DeliveryTransports {
  email: EmailTransport;
  sms: SmsSender;
}

export interface DeliverDeps {
  db: Database;
  clock: Clock;
  transports: DeliveryTransports;
  /** Where attachments are read from; a delivery with attachments fails (and is retried) without it. */
  files?: FileStore;
}

export type DeliveryOutcome =
  | { kind: 'sent' | 'outbox' | 'logged' | 'already-delivered' | 'not-found' }
  | { kind: 'failed'; isFinal: boolean; reason: string };

/** Thrown to pg-boss so it retries; says nothing personal (SMTP replies can quote the address). */
export class DeliveryAttemptFailed extends Error {
  override name = 'DeliveryAttemptFailed';
}

type TransmittedState = 'sent' | 'outbox' | 'logged';

/**
 * Deliveries this process handed over (the SMTP server said 250, the SMS gateway took it) whose new state it
 * could not record: the database went away between the hand-over and the commit. The job's retry finds the
 * row still queued; it records the state kept here instead of sending the message a second time. An entry
 * goes once its state is committed. Per process and in memory: a process killed in that window (or a retry
 * taken by another process) still sends again, with the same Message-ID (the module README, "Delivery"; docs/benchmarks.md, fault suite).
 */
const transmittedUnrecorded = new Map<string, TransmittedState>();
const transmittedUnrecordedLimit = 10_000;

function rememberTransmitted(deliveryId: string, state: TransmittedState): void {
  // Bounded: an outage long enough to fill it drops the oldest (those may be sent again).
  if (transmittedUnrecorded.size >= transmittedUnrecordedLimit) {
    const oldest = transmittedUnrecorded.keys().next().value;
    if (oldest !== undefined) transmittedUnrecorded.delete(oldest);
  }
  transmittedUnrecorded.set(deliveryId, state);
}

/**
 * One attempt at one delivery. The row is locked for the whole attempt, and a delivery already sent
 * (or put in the outbox) is never sent again: a retried or duplicated job finds it done, and a retry after
 * the database failed to record a hand-over records it without sending (transmittedUnrecorded). The
 * attempt's result is committed before the job settles, so a failure is logged even when pg-boss retries.
 */
export async function deliverNotification(
  deps: DeliverDeps,
  job: Pick<JobContext<DeliveryJob>, 'data' | 'isLastAttempt' | 'nextAttemptNotBefore'>,
): Promise<DeliveryOutcome> {
  const deliveryId = job.data.deliveryId;
  const outcome = await deps.db.transaction(async (tx): Promise<DeliveryOutcome> => {
    const [row] = await tx
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.id, deliveryId))
      .for('update');
    if (!row) return { kind: 'not-found' };
    if (row.state === 'sent' || row.state === 'outbox' || row.state === 'logged')
      return { kind: 'already-delivered' };
    try {
      const state =
        transmittedUnrecorded.get(row.id) ?? (await transmit(deps, row, job.data.attachments ?? []));
      rememberTransmitted(row.id, state);
      await tx
        .update(notificationDeliveries)
        .set({
          state,
          attempts: row.attempts + 1,
          sentAt: state === 'sent' ? deps.clock.now() : null,
          lastError: null,
          nextAttemptAt: null,
        })
        .where(eq(notificationDeliveries.id, row.id));
      return { kind: state };
    } catch (error) {
      const reason = describeFailure(error);
      const now = deps.clock.now();
      await tx
        .update(notificationDeliveries)
        .set({
          state: job.isLastAttempt ? 'failed' : 'queued',
          attempts: row.attempts + 1,
          lastError: reason,
          nextAttemptAt: job.isLastAttempt ? null : job.nextAttemptNotBefore(now),
        })
        .where(eq(notificationDeliveries.id, row.id));
      return { kind: 'failed', isFinal: job.isLastAttempt, reason };
    }
  });
  // Committed (or nothing was handed over): nothing left to remember.
  transmittedUnrecorded.delete(deliveryId);
  return outcome;
}

async function transmit(
  deps: Pick<DeliverDeps, 'transports' | 'files'>,
  row: typeof notificationDeliveries.$inferSelect,
  attachments: readonly NotificationAttachment[],
): Promise<'sent' | 'outbox' | 'logged'> {
  const { transports } = deps;
  if (row.channel === 'sms') {
    await transports.sms.send(row.recipient, row.bodyText);
    // The built-in sender only logs: the message did not leave, and the row must not say it did.
    return transports.sms.isSending ? 'sent' : 'logged';
  }
  if (transports.email.kind === 'outbox') return 'outbox';
  const opened = await openAttachments(deps.files, attachments);
  try {
    await transports.email.send({
      deliveryId: row.id,
      to: row.recipient,
      subject: row.subject,
      text: row.bodyText,
      html: row.bodyHtml,
      ...(opened.length === 0 ? {} : { attachments: opened }),
    });
  } finally {
    // A stream the transport did not read to its end (a refused recipient) still holds its file open.
    for (const attachment of opened) attachment.content.destroy();
  }
  return 'sent';
}

/**
 * Each attachment's bytes as a stream from the file store (never read whole into memory). A file the store
 * lacks fails the attempt (the reason names the SHA-256, never the recipient); the streams already opened
 * are closed.
 */
async function openAttachments(
  files: FileStore | undefined,
  attachments: readonly NotificationAttachment[],
): Promise<{ fileName: string; mediaType: string; content: Readable }[]> {
  if (attachments.length === 0) return [];
  if (files === undefined) throw new Error('This delivery has attachments but no file store was given');
  const opened: { fileName: string; mediaType: string; content: Readable }[] = [];
  try {
    for (const attachment of attachments)
      opened.push({
        fileName: attachment.fileName,
        mediaType: attachment.mediaType,
        content: await files.open(attachment.sha256),
      });
    return opened;
  } catch (error) {
    for (const attachment of opened) attachment.content.destroy();
    throw error;
  }
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1000);
}

export interface NotificationWorkerLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

/** Starts delivering in this process (main.ts, after the app is built). */
export async function startNotificationWorker(
  deps: DeliverDeps & { jobs: Jobs; log: NotificationWorkerLog; concurrency?: number },
): Promise<void> {
  await deps.jobs.work(
    notificationDeliveryQueue,
    async (job) => {
      const outcome = await deliverNotification(deps, job);
      // Ids and outcomes only: the recipient and the text stay in the database.
      const details = { deliveryId: job.data.deliveryId, attempt: job.attempt, outcome: outcome.kind };
      if (outcome.kind !== 'failed') {
        deps.log.info(details, 'notification delivery');
        return;
      }
      deps.log.warn({ ...details, isFinal: outcome.isFinal }, 'notification delivery failed');
      throw new DeliveryAttemptFailed(
        `delivery ${job.data.deliveryId} failed (attempt ${job.attempt}); the reason is in notification_deliveries.last_error`,
      );
    },
    { concurrency: deps.concurrency ?? 2 },
  );
}

export interface DeliveryRow {
  id: string;
  subjectType: string | null;
  subjectId: string | null;
  topic: string;
  channel: NotificationChannel;
  recipient: string;
  lang: Lang;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
  /** The edited wording used (its version number); null: the built-in wording. */
  templateVersion: number | null;
}

function toDeliveryRow(row: typeof notificationDeliveries.$inferSelect): DeliveryRow {
  const { dedupeKey: _dedupeKey, ...rest } = row;
  return rest;
}

/** One subject's delivery log, newest first (e.g. on the staff case page). Recipients in full: staff only. */
export async function listDeliveries(
  db: DatabaseOrTransaction,
  subject: NotificationSubject,
): Promise<DeliveryRow[]> {
  const rows = await db
    .select()
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.subjectType, subject.type),
        eq(notificationDeliveries.subjectId, subject.id),
      ),
    )
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id));
  return rows.map(toDeliveryRow);
}

export interface OutboxListItem {
  id: string;
  topic: string;
  channel: NotificationChannel;
  /** Masked: 'w***@example.com'. */
  recipient: string;
  subject: string;
  state: DeliveryState;
  createdAt: Date;
}

export interface OutboxPage {
  rows: OutboxListItem[];
  page: number;
  hasNextPage: boolean;
}

export const outboxPageSize = 50;

/** Every delivery, newest first, recipients masked; one row more than a page tells if another follows. */
export async function listOutbox(
  db: DatabaseOrTransaction,
  options: { page: number; pageSize?: number },
): Promise<OutboxPage> {
  const window = pageWindow(options.page, options.pageSize ?? outboxPageSize);
  const rows = await db
    .select({
      id: notificationDeliveries.id,
      topic: notificationDeliveries.topic,
      channel: notificationDeliveries.channel,
      recipient: notificationDeliveries.recipient,
      subject: notificationDeliveries.subject,
      state: notificationDeliveries.state,
      createdAt: notificationDeliveries.createdAt,
    })
    .from(notificationDeliveries)
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(window.limit)
    .offset(window.offset);
  const shown = pageOfRows(rows, window);
  return {
    rows: shown.rows.map((row) => ({ ...row, recipient: maskRecipient(row.channel, row.recipient) })),
    page: window.page,
    hasNextPage: shown.hasNextPage,
  };
}

export async function getDelivery(db: DatabaseOrTransaction, id: string): Promise<DeliveryRow | null> {
  const [row] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id));
  return row ? toDeliveryRow(row) : null;
}
