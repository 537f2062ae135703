import type { DatabaseOrTransaction } from '../db/database.ts';
import { loadBundledCalendarYears } from './calendar-data.ts';
import { listCalendarOverrides, listLoadedYearKeys, readLoadedYears } from './calendar-repo.ts';
import type { CalendarOverrideRow } from './calendar-schema.ts';
import {
  type CalendarDay,
  type CalendarOverride,
  createWorkingCalendar,
  type WorkingCalendar,
} from './working-days.ts';

let bundledYears: Promise<Record<number, CalendarDay[]>> | null = null;

/**
 * The days of the years an admin loaded (`calendar_years`), kept per process by (year, loaded_at): each call
 * asks the database only for that key — a few rows of two columns — and reads a year's days again only when
 * another load (in any process) gave it a new loaded_at.
 */
const loadedDays = new Map<
  number,
  { loadedAt: number; days: CalendarDay[]; source: string; loadedBy: string }
>();

/** Where a year's days in force come from. */
export type YearSource =
  | { kind: 'bundled' }
  | { kind: 'loaded'; loadedAt: Date; loadedBy: string; source: string }
  | { kind: 'none' };

export interface CalendarInputs {
  /** Every year in force: a loaded year replaces the bundled file of that year. */
  years: Record<number, CalendarDay[]>;
  overrides: CalendarOverrideRow[];
  sourceOf(year: number): YearSource;
}

/** The year files in force and the override table, as they stand now (see loadWorkingCalendar). */
export async function readCalendarInputs(db: DatabaseOrTransaction): Promise<CalendarInputs> {
  bundledYears ??= loadBundledCalendarYears();
  const [bundled, keys, overrides] = await Promise.all([
    bundledYears,
    listLoadedYearKeys(db),
    listCalendarOverrides(db),
  ]);
  const stale = keys
    .filter((key) => loadedDays.get(key.year)?.loadedAt !== key.loadedAt.getTime())
    .map((key) => key.year);
  for (const row of await readLoadedYears(db, stale)) {
    loadedDays.set(row.year, {
      loadedAt: row.loadedAt.getTime(),
      days: row.days,
      source: row.source,
      loadedBy: row.loadedBy,
    });
  }
  const years: Record<number, CalendarDay[]> = { ...bundled };
  const loaded = new Map<number, YearSource>();
  for (const key of keys) {
    const cached = loadedDays.get(key.year);
    if (cached === undefined) continue;
    years[key.year] = cached.days;
    loaded.set(key.year, {
      kind: 'loaded',
      loadedAt: new Date(cached.loadedAt),
      loadedBy: cached.loadedBy,
      source: cached.source,
    });
  }
  return {
    years,
    overrides,
    sourceOf: (year) => loaded.get(year) ?? (year in bundled ? { kind: 'bundled' } : { kind: 'none' }),
  };
}

/** A change not made yet, to see its effect first (the administration's preview). */
export interface ProposedCalendarChange {
  /** An override replacing the one of the same (date, region). */
  override?: CalendarOverride;
  /** A year's days replacing those in force. */
  year?: { year: number; days: CalendarDay[] };
}

/** The calendar from these inputs, for `region`, with a proposed change applied when one is given. */
export function calendarFromInputs(
  inputs: Pick<CalendarInputs, 'years' | 'overrides'>,
  options: { region: string | null; proposed?: ProposedCalendarChange },
): WorkingCalendar {
  const proposed = options.proposed;
  const years = proposed?.year ? { ...inputs.years, [proposed.year.year]: proposed.year.days } : inputs.years;
  const change = proposed?.override;
  const overrides: CalendarOverride[] =
    change === undefined
      ? inputs.overrides
      : [
          ...inputs.overrides.filter(
            (row) => !(row.date === change.date && (row.region ?? null) === (change.region ?? null)),
          ),
          change,
        ];
  return createWorkingCalendar({ years, overrides, region: options.region });
}

/**
 * The working calendar as it stands now: the official year files — a year an admin loaded replaces the
 * bundled file of that year — with the override table applied for `region`. Overrides and loaded years must
 * apply at once in every process, so each call reads the overrides (one small indexed query) and the loaded
 * years' keys (year, loaded_at); a year's days are read again only when its key changed.
 */
export async function loadWorkingCalendar(
  db: DatabaseOrTransaction,
  options: { region: string | null; proposed?: ProposedCalendarChange },
): Promise<WorkingCalendar> {
  return calendarFromInputs(await readCalendarInputs(db), options);
}
