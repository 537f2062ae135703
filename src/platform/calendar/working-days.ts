/**
 * Taiwan government working-day calendar and deadline arithmetic, in Asia/Taipei time.
 *
 * This module is pure on purpose: no I/O, no clock, no database. The caller loads the year files
 * (calendar-data.ts) and the admin overrides (calendar-repo.ts) and passes them in, so every answer
 * here is reproducible from its inputs and the rules can be unit-tested exhaustively.
 *
 * Taipei has used UTC+8 without daylight saving since 1980, so a fixed offset is exact for every
 * year the calendar files cover; no time-zone database is needed.
 */

const MILLISECONDS_PER_HOUR = 3_600_000;
const MILLISECONDS_PER_DAY = 86_400_000;
const TAIPEI_OFFSET_MILLISECONDS = 8 * MILLISECONDS_PER_HOUR;

declare const localDateBrand: unique symbol;

/**
 * A calendar date in Taipei, written 'YYYY-MM-DD' (the same text Postgres returns for a `date`
 * column in string mode). The brand stops an arbitrary string from being passed where a checked date
 * is expected; build one with `localDate()` or `toTaipeiLocalDate()`.
 */
export type LocalDate = string & { readonly [localDateBrand]: true };

/** One record of a bundled `YYYY.json` file, exactly as published (see data/README.md). */
export interface CalendarDay {
  /** 'YYYYMMDD' */
  date: string;
  /** Day of the week in Chinese; informative only, never used to decide anything. */
  week: string;
  /** true = government offices closed. The only field that decides whether a day is worked. */
  isHoliday: boolean;
  description: string;
}

/**
 * An admin correction on top of the year files: a typhoon day (天然災害停止上班), a late change of
 * the official calendar, or a day a region reopens.
 */
export interface CalendarOverride {
  /** 'YYYY-MM-DD' */
  date: string;
  isHoliday: boolean;
  /**
   * null or absent: applies everywhere. A string: applies only to a calendar created for exactly
   * that region code (for example '64000', Kaohsiung City).
   */
  region?: string | null;
  reason: string;
}

/**
 * A time the case was waiting for the applicant (補正). `to` is when the supplement was complete;
 * null while the case is still waiting.
 */
export interface Pause {
  from: Date;
  to: Date | null;
}

export interface WorkingDayOptions {
  /**
   * true (default): counting starts on the day after receipt (收文之次日).
   * false: the receipt day itself counts when it is a working day.
   */
  startsDayAfterReceipt?: boolean;
  pauses?: readonly Pause[];
}

export interface ClockOptions {
  pauses?: readonly Pause[];
}

export interface CreateWorkingCalendarOptions {
  /** Year number → that year's records, every day of the year exactly once. */
  years: Readonly<Record<number, readonly CalendarDay[]>>;
  /** Required so that forgetting the override table (typhoon days, the 2025 corrections) is visible. */
  overrides: readonly CalendarOverride[];
  /** Region code this calendar answers for; regional overrides for other regions are ignored. */
  region?: string | null;
}

export interface WorkingCalendar {
  /** The years with data, ascending. Any other year throws CalendarYearMissingError. */
  readonly years: readonly number[];
  readonly region: string | null;
  isWorkingDay(date: LocalDate): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate;
  /**
   * Working days in the interval (from, to]: after `from`, up to and including `to`, so that
   * workingDaysBetween(d, nextWorkingDay(d)) === 1. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /**
   * The deadline of an n-working-day period: 23:59:59.999 Taipei on the nth counted working day.
   * Returns null while an open pause (awaiting supplement) stops the clock before the nth day.
   */
  addWorkingDays(receivedAt: Date, n: number, options?: WorkingDayOptions): Date | null;
  /**
   * The deadline of a period on a 24-hour clock (hazards: holidays do not stop it). Pauses extend it
   * by the time they overlap the running clock. Returns null while an open pause stops the clock.
   */
  addHours(receivedAt: Date, hours: number, options?: ClockOptions): Date | null;
  /**
   * Working days a case used between receipt and completion. A case finished on its receipt day
   * counts as half a day (0.5).
   */
  countWorkingDays(from: Date, to: Date, options?: WorkingDayOptions): number;
}

/** A date outside the years the calendar has data for. Never answered with a guess. */
export class CalendarYearMissingError extends Error {
  override readonly name = 'CalendarYearMissingError';
  readonly code = 'CALENDAR_YEAR_MISSING';
  readonly year: number;

  constructor(year: number, availableYears: readonly number[]) {
    const range =
      availableYears.length === 0
        ? 'no years are loaded'
        : `loaded years: ${availableYears[0]}–${availableYears[availableYears.length - 1]}`;
    super(
      `No working-day calendar data for ${year} (${range}). Add ${year}.json to src/platform/calendar/data/ once the official calendar is published.`,
    );
    this.year = year;
  }
}

/** A caller passed an argument that breaks the documented contract. */
export class InvalidCalendarInputError extends Error {
  override readonly name = 'InvalidCalendarInputError';
  readonly code = 'CALENDAR_INPUT_INVALID';
}

/** The year files or the overrides are inconsistent (incomplete year, duplicate override, ...). */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
  readonly code = 'CALENDAR_DATA_INVALID';
}

// ---------------------------------------------------------------------------------------------
// Local dates. Internally a date is a day number (days since 1970-01-01), which makes stepping
// and comparing trivial; LocalDate strings exist only at the API boundary.

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumberFromParts(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Date.UTC rolls 2026-02-30 over to March; a round trip rejects such dates.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return time / MILLISECONDS_PER_DAY;
}

function parseLocalDate(text: unknown, what: string): number {
  if (typeof text !== 'string') {
    throw new InvalidCalendarInputError(`${what} must be a 'YYYY-MM-DD' string, got ${typeof text}`);
  }
  const match = localDatePattern.exec(text);
  const dayNumber = match ? dayNumberFromParts(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (dayNumber === null) {
    throw new InvalidCalendarInputError(`${what} must be a real date written 'YYYY-MM-DD', got '${text}'`);
  }
  return dayNumber;
}

function formatDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * MILLISECONDS_PER_DAY).toISOString().slice(0, 10) as LocalDate;
}

function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * MILLISECONDS_PER_DAY).getUTCFullYear();
}

function assertInstant(value: unknown, what: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidCalendarInputError(`${what} must be a valid Date`);
  }
}

function taipeiDayNumberOfInstant(instant: Date): number {
  return Math.floor((instant.getTime() + TAIPEI_OFFSET_MILLISECONDS) / MILLISECONDS_PER_DAY);
}

function endOfTaipeiDayNumber(dayNumber: number): Date {
  return new Date((dayNumber + 1) * MILLISECONDS_PER_DAY - TAIPEI_OFFSET_MILLISECONDS - 1);
}

/** Checks and brands a 'YYYY-MM-DD' string. Throws InvalidCalendarInputError on anything else. */
export function localDate(text: string): LocalDate {
  return formatDayNumber(parseLocalDate(text, 'date'));
}

/** The Taipei calendar date of an instant. */
export function toTaipeiLocalDate(instant: Date): LocalDate {
  assertInstant(instant, 'instant');
  return formatDayNumber(taipeiDayNumberOfInstant(instant));
}

/** 00:00:00.000 Taipei on `date`. */
export function startOfTaipeiDay(date: LocalDate): Date {
  return new Date(parseLocalDate(date, 'date') * MILLISECONDS_PER_DAY - TAIPEI_OFFSET_MILLISECONDS);
}

/** 23:59:59.999 Taipei on `date`: the instant a deadline "on that day" expires. */
export function endOfTaipeiDay(date: LocalDate): Date {
  return endOfTaipeiDayNumber(parseLocalDate(date, 'date'));
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days)) {
    throw new InvalidCalendarInputError(`days must be an integer, got ${days}`);
  }
  return formatDayNumber(parseLocalDate(date, 'date') + days);
}

// ---------------------------------------------------------------------------------------------
// Pauses.
//
// The rule (why: TAIWAN.md, "time waiting for the applicant to supplement is not counted — the clock
// restarts from the day the supplement is complete"):
//   - For working days, a pause covers every Taipei day it touches, from the day it starts to the day
//     it ends, both included. Those days are never counted, even if the pause lasted one hour. So the
//     day the supplement is complete is not counted either, and counting resumes on the next working
//     day, like 收文之次日 for a fresh receipt. Working days counted before the pause stay counted (the
//     clock is suspended, not reset), which is why a pause "shifts" the deadline.
//   - For hour clocks, a pause extends the deadline by exactly the paused time that falls before it.
//   - An open pause (to: null) makes the deadline unknown: the functions return null rather than
//     throw, because awaiting a supplement is a normal state of a case, not an error. The deadline is
//     still returned when it falls before the open pause begins (the pause cannot move it).
//   - A pause must not start before receipt, and must not end before it starts. Pauses may overlap.

interface DayPause {
  firstDay: number;
  /** Infinity for an open pause. */
  lastDay: number;
}

function validatePauses(pauses: unknown, receivedAt: Date): readonly Pause[] {
  if (!Array.isArray(pauses)) {
    throw new InvalidCalendarInputError('pauses must be an array');
  }
  pauses.forEach((pause: unknown, index) => {
    if (typeof pause !== 'object' || pause === null) {
      throw new InvalidCalendarInputError(`pauses[${index}] must be an object { from, to }`);
    }
    const { from, to } = pause as { from: unknown; to: unknown };
    assertInstant(from, `pauses[${index}].from`);
    if (to !== null) {
      assertInstant(to, `pauses[${index}].to`);
      if (to.getTime() < from.getTime()) {
        throw new InvalidCalendarInputError(`pauses[${index}] ends before it starts`);
      }
    }
    if (from.getTime() < receivedAt.getTime()) {
      throw new InvalidCalendarInputError(`pauses[${index}] starts before the case was received`);
    }
  });
  return pauses as readonly Pause[];
}

function toDayPauses(pauses: readonly Pause[]): DayPause[] {
  return pauses.map((pause) => ({
    firstDay: taipeiDayNumberOfInstant(pause.from),
    lastDay: pause.to === null ? Number.POSITIVE_INFINITY : taipeiDayNumberOfInstant(pause.to),
  }));
}

/** 'closed' | 'open' when a pause touches the day, null when none does. */
function pauseTouching(dayPauses: readonly DayPause[], dayNumber: number): 'closed' | 'open' | null {
  let found: 'closed' | 'open' | null = null;
  for (const pause of dayPauses) {
    if (pause.firstDay <= dayNumber && dayNumber <= pause.lastDay) {
      if (pause.lastDay === Number.POSITIVE_INFINITY) return 'open';
      found = 'closed';
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The calendar.

function daysInYear(year: number): number {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
}

function loadYears(years: CreateWorkingCalendarOptions['years']): {
  closedByDay: Map<number, boolean>;
  yearList: number[];
} {
  if (typeof years !== 'object' || years === null) {
    throw new InvalidCalendarInputError('years must be an object mapping a year to its records');
  }
  const closedByDay = new Map<number, boolean>();
  const yearList: number[] = [];
  for (const [key, records] of Object.entries(years)) {
    const year = Number(key);
    if (!/^\d{4}$/.test(key)) {
      throw new CalendarDataError(`calendar year key must be a four-digit year, got '${key}'`);
    }
    if (!Array.isArray(records)) {
      throw new CalendarDataError(`calendar data for ${year} must be an array of day records`);
    }
    // A partial year would make missing days look like "no data" only by accident; demand the whole
    // year so that a year is either fully known or absent (and then loudly missing).
    if (records.length !== daysInYear(year)) {
      throw new CalendarDataError(
        `calendar data for ${year} has ${records.length} days, expected ${daysInYear(year)}`,
      );
    }
    for (const record of records as readonly unknown[]) {
      const { date, isHoliday } = (record ?? {}) as { date?: unknown; isHoliday?: unknown };
      const match = typeof date === 'string' ? /^(\d{4})(\d{2})(\d{2})$/.exec(date) : null;
      const dayNumber = match
        ? dayNumberFromParts(Number(match[1]), Number(match[2]), Number(match[3]))
        : null;
      if (dayNumber === null || Number(match?.[1]) !== year) {
        throw new CalendarDataError(`calendar data for ${year} has a record with bad date ${String(date)}`);
      }
      if (typeof isHoliday !== 'boolean') {
        throw new CalendarDataError(`calendar data for ${year}: ${date} has no boolean isHoliday`);
      }
      if (closedByDay.has(dayNumber)) {
        throw new CalendarDataError(`calendar data for ${year} lists ${date} twice`);
      }
      closedByDay.set(dayNumber, isHoliday);
    }
    yearList.push(year);
  }
  yearList.sort((a, b) => a - b);
  return { closedByDay, yearList };
}

function validateRegion(region: unknown, what: string): string | null {
  if (region === undefined || region === null) return null;
  // '' would be indistinguishable from "everywhere" in the database's uniqueness rule, so refuse it.
  if (typeof region !== 'string' || region.trim() === '') {
    throw new InvalidCalendarInputError(`${what} must be null or a non-empty region code`);
  }
  return region;
}

/**
 * Overrides replace the file's answer for their date. Which override wins, for a calendar created
 * for region R:
 *   1. an override with region === R (exact string match), else
 *   2. an override with region null (everywhere), else
 *   3. the year file.
 * Overrides for other regions are ignored, and a calendar created without a region uses only the
 * nationwide ones. At most one override per (date, region) is allowed, as in the database.
 * An override never makes a missing year known: the date's year must still have a file.
 */
function applyOverrides(
  closedByDay: Map<number, boolean>,
  overrides: readonly CalendarOverride[],
  region: string | null,
): void {
  if (!Array.isArray(overrides)) {
    throw new InvalidCalendarInputError('overrides must be an array (pass [] when there are none)');
  }
  const seen = new Set<string>();
  const nationwide: Array<[number, boolean]> = [];
  const regional: Array<[number, boolean]> = [];
  overrides.forEach((override, index) => {
    const what = `overrides[${index}]`;
    if (typeof override !== 'object' || override === null) {
      throw new InvalidCalendarInputError(`${what} must be an object`);
    }
    const dayNumber = parseLocalDate(override.date, `${what}.date`);
    if (typeof override.isHoliday !== 'boolean') {
      throw new InvalidCalendarInputError(`${what}.isHoliday must be a boolean`);
    }
    if (typeof override.reason !== 'string' || override.reason.trim() === '') {
      throw new InvalidCalendarInputError(`${what}.reason must be a non-empty string`);
    }
    const overrideRegion = validateRegion(override.region, `${what}.region`);
    const key = `${override.date}|${overrideRegion ?? ''}`;
    if (seen.has(key)) {
      throw new CalendarDataError(
        `two overrides for ${override.date} in ${overrideRegion === null ? 'all regions' : `region ${overrideRegion}`}`,
      );
    }
    seen.add(key);
    if (overrideRegion === null) nationwide.push([dayNumber, override.isHoliday]);
    else if (overrideRegion === region) regional.push([dayNumber, override.isHoliday]);
  });
  // Regional ones are applied last so that they win over nationwide ones for the same date.
  for (const [dayNumber, isHoliday] of [...nationwide, ...regional]) {
    if (closedByDay.has(dayNumber)) closedByDay.set(dayNumber, isHoliday);
  }
}

function validateWorkingDayOptions(
  options: WorkingDayOptions | undefined,
  receivedAt: Date,
): { startsDayAfterReceipt: boolean; dayPauses: DayPause[] } {
  const startsDayAfterReceipt = options?.startsDayAfterReceipt ?? true;
  if (typeof startsDayAfterReceipt !== 'boolean') {
    throw new InvalidCalendarInputError('startsDayAfterReceipt must be a boolean');
  }
  const pauses = validatePauses(options?.pauses ?? [], receivedAt);
  return { startsDayAfterReceipt, dayPauses: toDayPauses(pauses) };
}

export function createWorkingCalendar(options: CreateWorkingCalendarOptions): WorkingCalendar {
  const region = validateRegion(options.region, 'region');
  const { closedByDay, yearList } = loadYears(options.years);
  applyOverrides(closedByDay, options.overrides, region);
  const frozenYears = Object.freeze([...yearList]);

  function isWorkingDayNumber(dayNumber: number): boolean {
    const isHoliday = closedByDay.get(dayNumber);
    if (isHoliday === undefined) {
      throw new CalendarYearMissingError(yearOfDayNumber(dayNumber), frozenYears);
    }
    return !isHoliday;
  }

  function nextWorkingDayNumber(dayNumber: number): number {
    let candidate = dayNumber + 1;
    // Terminates: either a working day is found or the data runs out and isWorkingDayNumber throws.
    while (!isWorkingDayNumber(candidate)) candidate += 1;
    return candidate;
  }

  /** Working days in (from, to], for from <= to. */
  function countWorkingDayNumbers(fromExclusive: number, toInclusive: number): number {
    let count = 0;
    for (let day = fromExclusive + 1; day <= toInclusive; day += 1) {
      if (isWorkingDayNumber(day)) count += 1;
    }
    return count;
  }

  return {
    years: frozenYears,
    region,

    isWorkingDay(date) {
      return isWorkingDayNumber(parseLocalDate(date, 'date'));
    },

    nextWorkingDay(date) {
      return formatDayNumber(nextWorkingDayNumber(parseLocalDate(date, 'date')));
    },

    workingDaysBetween(from, to) {
      const fromDay = parseLocalDate(from, 'from');
      const toDay = parseLocalDate(to, 'to');
      return fromDay <= toDay
        ? countWorkingDayNumbers(fromDay, toDay)
        : -countWorkingDayNumbers(toDay, fromDay);
    },

    addWorkingDays(receivedAt, n, workingDayOptions) {
      assertInstant(receivedAt, 'receivedAt');
      if (!Number.isSafeInteger(n) || n < 0) {
        throw new InvalidCalendarInputError(`n must be a non-negative integer, got ${n}`);
      }
      const { startsDayAfterReceipt, dayPauses } = validateWorkingDayOptions(workingDayOptions, receivedAt);
      const receiptDay = taipeiDayNumberOfInstant(receivedAt);
      // n = 0 means "the same day": nothing is counted, so neither the calendar nor pauses can move
      // it; the deadline is the end of the receipt day.
      if (n === 0) return endOfTaipeiDayNumber(receiptDay);

      let counted = 0;
      for (let day = startsDayAfterReceipt ? receiptDay + 1 : receiptDay; ; day += 1) {
        const pause = pauseTouching(dayPauses, day);
        if (pause === 'open') return null;
        if (pause === 'closed') continue;
        if (isWorkingDayNumber(day)) {
          counted += 1;
          if (counted === n) return endOfTaipeiDayNumber(day);
        }
      }
    },

    addHours(receivedAt, hours, clockOptions) {
      assertInstant(receivedAt, 'receivedAt');
      if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
        throw new InvalidCalendarInputError(`hours must be a non-negative finite number, got ${hours}`);
      }
      const pauses = [...validatePauses(clockOptions?.pauses ?? [], receivedAt)].sort(
        (a, b) => a.from.getTime() - b.from.getTime(),
      );
      let cursor = receivedAt.getTime();
      let remaining = Math.round(hours * MILLISECONDS_PER_HOUR);
      for (const pause of pauses) {
        // A pause that starts at or after the running deadline cannot move it.
        if (pause.from.getTime() >= cursor + remaining) break;
        // Overlapping pauses: only the part after the cursor consumes no clock time.
        remaining -= Math.max(0, pause.from.getTime() - cursor);
        if (pause.to === null) return null;
        cursor = Math.max(cursor, pause.to.getTime());
      }
      return new Date(cursor + remaining);
    },

    countWorkingDays(from, to, workingDayOptions) {
      assertInstant(from, 'from');
      assertInstant(to, 'to');
      if (to.getTime() < from.getTime()) {
        throw new InvalidCalendarInputError('to must not be before from');
      }
      const { startsDayAfterReceipt, dayPauses } = validateWorkingDayOptions(workingDayOptions, from);
      const receiptDay = taipeiDayNumberOfInstant(from);
      const finishDay = taipeiDayNumberOfInstant(to);
      // 當日收文當日辦結以半日計: finished on the receipt day counts as half a day, whatever the day
      // and whatever the counting option.
      if (finishDay === receiptDay) return 0.5;
      let counted = 0;
      for (let day = startsDayAfterReceipt ? receiptDay + 1 : receiptDay; day <= finishDay; day += 1) {
        // An open pause here means the case is still waiting at `to`: its days are not used.
        if (pauseTouching(dayPauses, day) !== null) continue;
        if (isWorkingDayNumber(day)) counted += 1;
      }
      return counted;
    },
  };
}
