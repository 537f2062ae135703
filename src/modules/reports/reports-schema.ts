import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff } from '../../platform/auth/auth-schema.ts';
import { timestamptz } from '../../platform/db/columns.ts';
import { storedFiles } from '../../platform/files/files-schema.ts';
import { villages } from '../../platform/geo/geo-schema.ts';
import { cases } from '../cases/core/cases-schema.ts';

/**
 * Photo reports (工務自拍速必修, issue 10). A report is a case of kind `field_report` (its service, unit,
 * state, deadline, reporter, place and timeline are the case's); these tables hold what only a report has:
 * its village, whether the reporter's name may be shown, when it went on the public map, its photos, and
 * the people following it.
 */

export const fieldReports = pgTable(
  'field_reports',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    /** Where the point lies (platform/geo locate); null when no village covers it (harbour waters). */
    villageCode: text('village_code').references(() => villages.code),
    /** The reporter chose to show their name on the public page (default: no). */
    showName: boolean('show_name').notNull().default(false),
    /**
     * On the public map and feeds from this moment. A report from an e-mail address not yet confirmed waits
     * for the confirmation link; one without an address waits until the unit dispatches it.
     */
    publishedAt: timestamptz('published_at'),
    /** SHA-256 (hex) of the e-mail confirmation token; null once confirmed or when none was needed. */
    confirmTokenHash: text('confirm_token_hash'),
    /** The Open311 client (API key name) that filed it, when it came through the API. */
    clientName: text('client_name'),
    /** Open311 `token` given to the client that filed it (GET /open311/v2/tokens/TOKEN). */
    open311Token: text('open311_token'),
  },
  (table) => [
    uniqueIndex('field_reports_confirm_token_idx').on(table.confirmTokenHash),
    uniqueIndex('field_reports_open311_token_idx').on(table.open311Token),
    index('field_reports_published_idx').on(table.publishedAt),
  ],
);

export const reportPhotoRoles = ['report', 'fix', 'not_fixed'] as const;
export type ReportPhotoRole = (typeof reportPhotoRoles)[number];

/**
 * A photo of a report: the original as sent (staff only), the public copy (≤ 2048 px, every metadata
 * stripped) and a thumbnail, each a file in the file store. `role`: the reporter's photo, the crew's
 * after-photo, or the photo sent with "not fixed".
 */
export const reportPhotos = pgTable(
  'report_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    role: text('role').$type<ReportPhotoRole>().notNull(),
    /** Order within its role, from 1. */
    position: integer('position').notNull(),
    originalSha256: text('original_sha256')
      .notNull()
      .references(() => storedFiles.sha256),
    originalMediaType: text('original_media_type').notNull(),
    publicSha256: text('public_sha256')
      .notNull()
      .references(() => storedFiles.sha256),
    thumbSha256: text('thumb_sha256')
      .notNull()
      .references(() => storedFiles.sha256),
    /** Of the public copy. */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    addedAt: timestamptz('added_at').notNull(),
    addedByStaffId: uuid('added_by_staff_id').references(() => staff.id),
    /** Hidden from the public (a face, a number plate), with the reason; staff still see it. */
    hiddenAt: timestamptz('hidden_at'),
    hiddenReason: text('hidden_reason'),
    hiddenByStaffId: uuid('hidden_by_staff_id').references(() => staff.id),
  },
  (table) => [
    index('report_photos_case_idx').on(table.caseId, table.role, table.position),
    // The file sweep asks, for each stored file, whether a row names it (platform/files/sweep-files.ts), and
    // removing a stored_files row checks these foreign keys: without them both read all photo rows.
    index('report_photos_original_sha256_idx').on(table.originalSha256),
    index('report_photos_public_sha256_idx').on(table.publicSha256),
    index('report_photos_thumb_sha256_idx').on(table.thumbSha256),
    check('report_photos_role_known', sql`${table.role} in ('report', 'fix', 'not_fixed')`),
    check(
      'report_photos_hidden_with_reason',
      sql`(${table.hiddenAt} is null) = (${table.hiddenReason} is null)`,
    ),
  ],
);

/** "This is mine — follow it": someone told when the report is fixed (and of a merge's outcome). */
export const reportFollowers = pgTable(
  'report_followers',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** Lower-cased. */
    email: text('email').notNull(),
    lang: text('lang').notNull(),
    followedAt: timestamptz('followed_at').notNull(),
  },
  (table) => [
    primaryKey({ name: 'report_followers_pk', columns: [table.caseId, table.email] }),
    index('report_followers_email_idx').on(table.email),
  ],
);

/** E-mail addresses that confirmed a report once: their next reports go on the public map at once. */
export const reportConfirmedAddresses = pgTable('report_confirmed_addresses', {
  /** SHA-256 (hex) of the lower-cased address: the list is not a mailing list. */
  emailHash: text('email_hash').primaryKey(),
  confirmedAt: timestamptz('confirmed_at').notNull(),
});
