/**
 * Loads the bundled official calendar files (data/YYYY.json) into the shape createWorkingCalendar
 * takes. Kept apart from working-days.ts so that module stays free of I/O.
 */
import { readdir, readFile } from 'node:fs/promises';
import { CalendarDataError, type CalendarDay } from './working-days.ts';

/** The folder holding the bundled files, next to this module whether run from source or copied. */
export const bundledCalendarDirectory = new URL('./data/', import.meta.url);

const yearFilePattern = /^(\d{4})\.json$/;

function parseYearFile(year: number, text: string): CalendarDay[] {
  // The upstream files have no byte-order mark today; strip one anyway so a re-saved file still loads.
  const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (!Array.isArray(parsed)) {
    throw new CalendarDataError(`${year}.json must contain a JSON array`);
  }
  return parsed.map((record: unknown, index): CalendarDay => {
    const { date, week, isHoliday, description } = (record ?? {}) as Record<string, unknown>;
    if (
      typeof date !== 'string' ||
      typeof week !== 'string' ||
      typeof isHoliday !== 'boolean' ||
      typeof description !== 'string'
    ) {
      throw new CalendarDataError(
        `${year}.json record ${index} does not match { date, week, isHoliday, description }`,
      );
    }
    return { date, week, isHoliday, description };
  });
}

/**
 * Every `YYYY.json` in the data folder, keyed by year. Completeness of each year is checked by
 * createWorkingCalendar; a year without a file is simply absent, so asking about it fails loudly.
 */
export async function loadBundledCalendarYears(
  directory: URL = bundledCalendarDirectory,
): Promise<Record<number, CalendarDay[]>> {
  const years: Record<number, CalendarDay[]> = {};
  const fileNames = (await readdir(directory)).sort();
  for (const fileName of fileNames) {
    const match = yearFilePattern.exec(fileName);
    if (!match) continue;
    const year = Number(match[1]);
    years[year] = parseYearFile(year, await readFile(new URL(fileName, directory), 'utf8'));
  }
  return years;
}
