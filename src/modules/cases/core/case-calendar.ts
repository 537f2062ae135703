import { loadWorkingCalendar } from '../../../platform/calendar/calendar-service.ts';
import type { WorkingCalendar } from '../../../platform/calendar/working-days.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';

let calendarCache: { region: string; at: number; calendar: WorkingCalendar } | null = null;

/** The working calendar with overrides; re-read at most every 10 seconds (a typhoon day applies at once). */
export async function calendarFor(db: DatabaseOrTransaction, region: string): Promise<WorkingCalendar> {
  const now = Date.now();
  if (calendarCache !== null && calendarCache.region === region && now - calendarCache.at < 10_000)
    return calendarCache.calendar;
  const calendar = await loadWorkingCalendar(db, { region });
  calendarCache = { region, at: now, calendar };
  return calendar;
}

/** Forget the cached calendar (after an override is written, and in tests). */
export function forgetCalendarCache(): void {
  calendarCache = null;
}
