import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CalendarDay } from './working-days.ts';

/**
 * Admin corrections applied on top of the bundled year files: typhoon days (天然災害停止上班),
 * late changes to the official calendar, regional reopenings. See working-days.ts for how they win.
 *
 * At most one row per (date, region), where region NULL (= everywhere) is a value of its own. A
 * plain unique (date, region) would let NULL repeat, so there are two partial unique indexes; they
 * are also conflict targets Drizzle can express (it cannot target an expression index).
 */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    date: date('date', { mode: 'string' }).notNull(),
    /** Region code (e.g. '64000' Kaohsiung City); NULL applies everywhere. */
    region: text('region'),
    isHoliday: boolean('is_holiday').notNull(),
    reason: text('reason').notNull(),
    /** Where the decision comes from (announcement, official calendar revision). */
    source: text('source'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('calendar_overrides_date_region_unique')
      .on(table.date, table.region)
      .where(sql`region is not null`),
    uniqueIndex('calendar_overrides_date_everywhere_unique').on(table.date).where(sql`region is null`),
    // '' would be a second spelling of "everywhere" that escapes both indexes.
    check('calendar_overrides_region_not_empty', sql`region is null or btrim(region) <> ''`),
    check('calendar_overrides_reason_not_empty', sql`btrim(reason) <> ''`),
  ],
);

export type CalendarOverrideRow = typeof calendarOverrides.$inferSelect;

/**
 * Official calendar years loaded by an admin (issue 17: 「載入新年度行事曆」), in the shape of the bundled
 * files (`data/YYYY.json`). A year here replaces the bundled file of that year; overrides still apply on top.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    days: jsonb('days').$type<CalendarDay[]>().notNull(),
    /** Where the file came from (its name, the DGPA announcement). */
    source: text('source').notNull(),
    loadedBy: text('loaded_by').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('calendar_years_year_plausible', sql`${table.year} between 1990 and 2200`)],
);

export type CalendarYearRow = typeof calendarYears.$inferSelect;
