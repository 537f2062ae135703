import { asc, between, inArray, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { calendarOverrideSeed } from './calendar-overrides-seed.ts';
import {
  type CalendarOverrideRow,
  type CalendarYearRow,
  calendarOverrides,
  calendarYears,
} from './calendar-schema.ts';
import { InvalidCalendarInputError, localDate } from './working-days.ts';

export interface CalendarOverrideInput {
  /** 'YYYY-MM-DD' */
  date: string;
  /** null or absent: everywhere. */
  region?: string | null;
  isHoliday: boolean;
  reason: string;
  source?: string | null;
  createdBy?: string | null;
}

/** All overrides, by date. The rows can be passed straight to createWorkingCalendar({ overrides }). */
export async function listCalendarOverrides(db: DatabaseOrTransaction): Promise<CalendarOverrideRow[]> {
  return db
    .select()
    .from(calendarOverrides)
    .orderBy(asc(calendarOverrides.date), asc(calendarOverrides.region));
}

/**
 * Sets the answer for (date, region), replacing an existing row for the same pair. The row then
 * records who set its current answer and when (created_by, created_at), since the replaced answer
 * no longer applies.
 */
export async function upsertCalendarOverride(
  db: DatabaseOrTransaction,
  input: CalendarOverrideInput,
): Promise<CalendarOverrideRow> {
  const date = localDate(input.date);
  const region = input.region ?? null;
  if (region !== null && region.trim() === '') {
    throw new InvalidCalendarInputError('region must be null (everywhere) or a non-empty region code');
  }
  if (input.reason.trim() === '') {
    throw new InvalidCalendarInputError('reason must not be empty');
  }
  const values = {
    date,
    region,
    isHoliday: input.isHoliday,
    reason: input.reason,
    source: input.source ?? null,
    createdBy: input.createdBy ?? null,
  };
  const update = {
    isHoliday: values.isHoliday,
    reason: values.reason,
    source: values.source,
    createdBy: values.createdBy,
    createdAt: sql`now()`,
  };
  // Each branch names the partial unique index (see calendar-schema.ts) that the row can hit.
  const insert = db.insert(calendarOverrides).values(values);
  const upserted =
    region === null
      ? insert.onConflictDoUpdate({
          target: calendarOverrides.date,
          targetWhere: sql`region is null`,
          set: update,
        })
      : insert.onConflictDoUpdate({
          target: [calendarOverrides.date, calendarOverrides.region],
          targetWhere: sql`region is not null`,
          set: update,
        });
  const [row] = await upserted.returning();
  if (!row) throw new Error('upsert into calendar_overrides returned no row');
  return row;
}

/**
 * Inserts the seed rows (the 2025 corrections) that are not there yet and returns how many were
 * inserted. Idempotent, and it never overwrites a row an admin has since changed.
 */
export async function seedCalendarOverrides(db: DatabaseOrTransaction): Promise<number> {
  const inserted = await db
    .insert(calendarOverrides)
    .values(calendarOverrideSeed.map((row) => ({ ...row, createdBy: 'seed' })))
    .onConflictDoNothing()
    .returning({ id: calendarOverrides.id });
  return inserted.length;
}

/** The overrides of one year, by date (the calendar page's list). */
export async function listCalendarOverridesOfYear(
  db: DatabaseOrTransaction,
  year: number,
): Promise<CalendarOverrideRow[]> {
  return db
    .select()
    .from(calendarOverrides)
    .where(between(calendarOverrides.date, `${year}-01-01`, `${year}-12-31`))
    .orderBy(asc(calendarOverrides.date), asc(calendarOverrides.region));
}

/** Which years an admin loaded and when: the key of each year's days (a tiny query, run on every load). */
export async function listLoadedYearKeys(
  db: DatabaseOrTransaction,
): Promise<{ year: number; loadedAt: Date }[]> {
  return db
    .select({ year: calendarYears.year, loadedAt: calendarYears.loadedAt })
    .from(calendarYears)
    .orderBy(asc(calendarYears.year));
}

/** The loaded years' days, for these years. */
export async function readLoadedYears(
  db: DatabaseOrTransaction,
  years: readonly number[],
): Promise<CalendarYearRow[]> {
  if (years.length === 0) return [];
  return db
    .select()
    .from(calendarYears)
    .where(inArray(calendarYears.year, [...years]));
}

/** Stores a year's official days, replacing a year loaded before. */
export async function upsertCalendarYear(db: DatabaseOrTransaction, row: CalendarYearRow): Promise<void> {
  await db
    .insert(calendarYears)
    .values(row)
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: { days: row.days, source: row.source, loadedBy: row.loadedBy, loadedAt: row.loadedAt },
    });
}
