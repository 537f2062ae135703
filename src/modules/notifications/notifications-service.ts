import { and, desc, eq } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.ts';
import { pageOfRows, pageWindow } from '../../platform/db/paging.ts';
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
import type { EmailTransport, SmsSender } from './transports.ts';

/**
 * Notifications: a use case renders the message and records it in its own transaction
 * (queueNotification); a pg-boss job, written in the same transaction, delivers it afterwards with
 * retries (deliverNotification). The row is the log of what was sent, to whom, and how it went.
 */

/** One job per delivery. Retries: 5, from 30 s doubling (with jitter) up to an hour apart. */
export const notificationDeliveryQueue = defineQueue<{ deliveryId: string }>({
  name: 'notification.deliver',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  retryDelayMaxSeconds: 3600,
  expireInSeconds: 300,
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
}

export interface QueuedNotification {
  deliveryId: string;
  /** False when the dedupe key was already used: nothing new was recorded or sent. */
  isNew: boolean;
}

/**
 * Renders the message now (so the log keeps exactly what is sent), records it as 'queued' and sends
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
  const message = options.topic.render(options.lang, options.data);
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
    { deliveryId: created.id },
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
}

export type DeliveryOutcome =
  | { kind: 'sent' | 'outbox' | 'already-delivered' | 'not-found' }
  | { kind: 'failed'; isFinal: boolean; reason: string };

/** Thrown to pg-boss so it retries; says nothing personal (SMTP replies can quote the address). */
export class DeliveryAttemptFailed extends Error {
  override name = 'DeliveryAttemptFailed';
}

/**
 * One attempt at one delivery. The row is locked for the whole attempt, and a delivery already sent
 * (or put in the outbox) is never sent again: a retried or duplicated job finds it done. The attempt's
 * result is committed before the job settles, so a failure is logged even when pg-boss retries.
 */
export async function deliverNotification(
  deps: DeliverDeps,
  job: Pick<JobContext<{ deliveryId: string }>, 'data' | 'isLastAttempt' | 'nextAttemptNotBefore'>,
): Promise<DeliveryOutcome> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.id, job.data.deliveryId))
      .for('update');
    if (!row) return { kind: 'not-found' };
    if (row.state === 'sent' || row.state === 'outbox') return { kind: 'already-delivered' };
    try {
      const state = await transmit(deps.transports, row);
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
}

async function transmit(
  transports: DeliveryTransports,
  row: typeof notificationDeliveries.$inferSelect,
): Promise<'sent' | 'outbox'> {
  if (row.channel === 'sms') {
    await transports.sms.send(row.recipient, row.bodyText);
    return 'sent';
  }
  if (transports.email.kind === 'outbox') return 'outbox';
  await transports.email.send({
    to: row.recipient,
    subject: row.subject,
    text: row.bodyText,
    html: row.bodyHtml,
  });
  return 'sent';
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
