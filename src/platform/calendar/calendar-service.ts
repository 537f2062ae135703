import type { DatabaseOrTransaction } from '../db/database.ts';
import { loadBundledCalendarYears } from './calendar-data.ts';
import { listCalendarOverrides } from './calendar-repo.ts';
import { type CalendarDay, createWorkingCalendar, type WorkingCalendar } from './working-days.ts';

let bundledYears: Promise<Record<number, CalendarDay[]>> | null = null;

/**
 * The working calendar as it stands now: the bundled official files (read once per process) with the
 * override table applied for `region`. Overrides change rarely but must apply at once, so they are
 * read on each call — one small indexed query.
 */
export async function loadWorkingCalendar(
  db: DatabaseOrTransaction,
  options: { region: string | null },
): Promise<WorkingCalendar> {
  bundledYears ??= loadBundledCalendarYears();
  const [years, overrides] = await Promise.all([bundledYears, listCalendarOverrides(db)]);
  return createWorkingCalendar({ years, overrides, region: options.region });
}
