import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { timestamptz } from '../../../platform/db/columns.ts';
import { handlingBucketCount } from './analysis-rules.ts';

/**
 * The case-type analysis's roll-ups (issue 16 §6; ADR 0016, "Analysis"): what the analysis page, its exports
 * and the monthly report read instead of 2,000,000 petitions. Kept by a scan every five minutes, which
 * recomputes whole months (and whole places) that petitions changed in since the last scan; nothing here is
 * written by a petition's own transaction.
 */

/** h0 … h57: petitions finished in each handling-time bucket (analysis-rules.ts, handlingBucketBounds). */
function histogramColumns() {
  return Object.fromEntries(
    Array.from({ length: handlingBucketCount }, (_, bucket) => [
      `h${bucket}`,
      integer(`h${bucket}`).notNull().default(0),
    ]),
  ) as Record<`h${number}`, ReturnType<typeof integer>>;
}

/**
 * Petitions by the Taipei month they were received in, at every grain: a row keeps some of the four
 * dimensions (type, unit, district, source; its `grain`, a bit each: 8, 4, 2, 1) and holds '*' for the
 * others — 16 rows per combination, so that any breakdown under any filters reads only rows where every
 * other dimension is either filtered to one value or '*'. A petition counts in the month it was received,
 * whatever month it was finished in (a cohort): its outcome changes that month's row.
 */
export const petitionMonthStats = pgTable(
  'petition_month_stats',
  {
    month: date('month', { mode: 'string' }).notNull(),
    grain: smallint('grain').notNull(),
    serviceCode: text('service_code').notNull(),
    unitCode: text('unit_code').notNull(),
    /** '' for petitions without a district. */
    districtCode: text('district_code').notNull(),
    source: text('source').notNull(),
    received: integer('received').notNull(),
    /** Answered or ended: coalesce(resolved_at, closed_at) is set. */
    finished: integer('finished').notNull(),
    /** Finished with a deadline in force when first answered or finished (cases.due_at_answer). */
    judged: integer('judged').notNull(),
    onTime: integer('on_time').notNull(),
    /** Declined under 行政程序法 §173 (petitions.decline_ground). */
    declined: integer('declined').notNull(),
    /** Linked to an earlier petition on the same matter (petition_links.case_id). */
    repeats: integer('repeats').notNull(),
    /** Sum of the finished petitions' handling times, seconds from receipt to the answer or the end. */
    handlingSeconds: bigint('handling_seconds', { mode: 'number' }).notNull(),
    ...histogramColumns(),
  },
  (table) => [
    primaryKey({
      columns: [table.month, table.serviceCode, table.unitCode, table.districtCode, table.source],
    }),
    index('petition_month_stats_grain_idx').on(
      table.grain,
      table.serviceCode,
      table.unitCode,
      table.districtCode,
      table.source,
      table.month,
    ),
  ],
);

/**
 * The places with at least three petitions in all (analysis-rules.ts hotspotMinimum), by month: grain 0 is the
 * place alone (type, unit and source '*'), grain 13 keeps type, unit and source (for a filtered list). A
 * confidential petition (檢舉) is left out: it counts everywhere else, but no place of one is shown.
 */
export const petitionPlaceStats = pgTable(
  'petition_place_stats',
  {
    month: date('month', { mode: 'string' }).notNull(),
    grain: smallint('grain').notNull(),
    placeKey: text('place_key').notNull(),
    districtCode: text('district_code').notNull(),
    serviceCode: text('service_code').notNull(),
    unitCode: text('unit_code').notNull(),
    source: text('source').notNull(),
    petitions: integer('petitions').notNull(),
    /** Petitions with a point, and the sums of their coordinates (the map's dot is their mean). */
    located: integer('located').notNull(),
    latitudeSum: doublePrecision('latitude_sum').notNull(),
    longitudeSum: doublePrecision('longitude_sum').notNull(),
  },
  (table) => [
    primaryKey({
      columns: [table.month, table.placeKey, table.serviceCode, table.unitCode, table.source],
    }),
    index('petition_place_stats_grain_idx').on(table.grain, table.unitCode, table.month),
    index('petition_place_stats_place_idx').on(table.placeKey),
  ],
);

/** Where the scan stands: one row. */
export const petitionStatsRefresh = pgTable('petition_stats_refresh', {
  id: smallint('id').primaryKey(),
  /** The last timeline event (case_events.id) read; the next scan reads from a little before it. */
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
  /** The newest link between petitions read (petition_links.linked_at). */
  lastLinkedAt: timestamptz('last_linked_at'),
  refreshedAt: timestamptz('refreshed_at').notNull(),
  /** When every month was last recomputed. */
  rebuiltAt: timestamptz('rebuilt_at').notNull(),
});
