import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timeOrderedIdKey, timestamptz } from '../../platform/db/columns.ts';

/**
 * The delivery log: one row per message to one recipient, holding exactly what was (or will be) sent.
 * Any module may notify: a row points at what it is about by subject type and id (`case` + the case's id,
 * `unit` + a unit code, …), so each subject's page can show its own log.
 */

export const notificationChannels = ['email', 'sms'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/**
 * queued: waiting for its first attempt or for a retry (last_error says why the previous one failed).
 * sent: handed to the SMTP server / SMS gateway. outbox: no SMTP server is configured, the message is
 * kept here for an admin to read (/staff/outbox). logged: the channel's transport only writes a log line
 * and sends nothing (SMS until a gateway is configured: transports.ts) — never "sent" (issue 14).
 * failed: every attempt failed; last_error says why.
 */
export const deliveryStates = ['queued', 'sent', 'failed', 'outbox', 'logged'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

const quoted = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: timeOrderedIdKey(),
    /** What the message is about, e.g. 'case' (with the case's id), 'unit'; null with the id for nothing in particular. */
    /**
     * Deprecated: what `subject_type = 'case'` now says. Kept one release so that app processes of the
     * previous release keep working during a rolling upgrade (docs/operations.md, "Upgrade"); nothing
     * writes or reads it any more, and a later migration drops it.
     */
    caseId: uuid('case_id'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** What happened, e.g. 'case.received'; also names the template. */
    topic: text('topic').notNull(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    /** E-mail address or phone number: personal data, masked wherever it is listed. */
    recipient: text('recipient').notNull(),
    lang: text('lang').$type<'zh-TW' | 'en'>().notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    state: text('state').$type<DeliveryState>().notNull().default('queued'),
    /** Attempts made so far (each a real try to send). */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The caller's key for "this message, once": a retry or a second call with it sends nothing more. */
    dedupeKey: text('dedupe_key').notNull().unique('notification_deliveries_dedupe_key_unique'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    sentAt: timestamptz('sent_at'),
    /** While queued after a failure: the earliest time of the next attempt. */
    nextAttemptAt: timestamptz('next_attempt_at'),
    /** The edited wording used (`notification_template_versions.version`); null: the built-in wording. */
    templateVersion: integer('template_version'),
  },
  (table) => [
    index('notification_deliveries_subject_idx')
      .on(table.subjectType, table.subjectId, table.createdAt)
      .where(sql`${table.subjectType} is not null`),
    index('notification_deliveries_created_idx').on(table.createdAt),
    check(
      'notification_deliveries_channel_known',
      sql`${table.channel} in (${quoted(notificationChannels)})`,
    ),
    check('notification_deliveries_state_known', sql`${table.state} in (${quoted(deliveryStates)})`),
    check('notification_deliveries_lang_known', sql`${table.lang} in ('zh-TW', 'en')`),
    check('notification_deliveries_attempts_not_negative', sql`${table.attempts} >= 0`),
    check(
      'notification_deliveries_subject_whole',
      sql`(${table.subjectType} is null) = (${table.subjectId} is null)`,
    ),
  ],
);

/** One language's wording of a topic, as an admin edited it: `{{variable}}` marks where data goes. */
export interface TemplateTexts {
  subject: string;
  text: string;
  sms: string;
}

/**
 * Edited wordings of a topic (issue 17), numbered per topic from 1. The newest version is the one sent; a
 * version whose `texts` is null goes back to the built-in wording of the code. Never updated or deleted: a
 * delivery names the version it used.
 */
export const notificationTemplateVersions = pgTable(
  'notification_template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topic: text('topic').notNull(),
    version: integer('version').notNull(),
    texts: jsonb('texts').$type<Record<'zh-TW' | 'en', TemplateTexts>>(),
    /** Why it changed (shown in the version list). */
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('notification_template_versions_topic_version_unique').on(table.topic, table.version),
    check('notification_template_versions_version_positive', sql`${table.version} >= 1`),
  ],
);
