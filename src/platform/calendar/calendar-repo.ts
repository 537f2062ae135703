import { asc, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { calendarOverrideSeed } from './calendar-overrides-seed.ts';
import { type CalendarOverrideRow, calendarOverrides } from './calendar-schema.ts';
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
