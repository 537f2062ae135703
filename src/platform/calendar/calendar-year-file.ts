/**
 * A new year's official calendar file (行政院人事行政總處's 辦公日曆表, as data.gov.tw dataset 14718 publishes
 * it; the shape of the bundled `data/YYYY.json`), checked before it may replace what is in force: every
 * problem at once, in the reader's language, then the differences against the days in force. Pure: no I/O,
 * no clock, so the rules are unit-tested without a database (calendar-year-file.test.ts).
 */
import type { FieldProblem } from '../http/errors.ts';
import { type Lang, translator } from '../web/i18n.ts';
import type { CalendarDay } from './working-days.ts';

/** How many examples a kind of problem names before it says how many more there are. */
const examplesShown = 10;

const text = translator({
  'zh-TW': {
    notJson: '檔案不是有效的 JSON：{detail}',
    notArray: '檔案內容必須是一個陣列（[ … ]），每一天一筆。',
    badRecord: '第 {numbers} 筆不符合格式 { date: "YYYYMMDD", week, isHoliday: true/false, description }。',
    badDate: '第 {numbers} 筆的日期不是 YYYYMMDD 格式的真實日期。',
    otherYear: '有 {count} 筆不屬於 {year} 年：{dates}。',
    duplicate: '下列日期出現不只一次：{dates}。',
    missing: '缺少 {count} 天：{dates}。',
    more: '{shown}⋯等 {count} 項',
    badYear: '年度須為 1990 到 2200 之間的四位數年份。',
  },
  en: {
    notJson: 'The file is not valid JSON: {detail}',
    notArray: 'The file must hold one array ([ … ]) with a record per day.',
    badRecord:
      'Records {numbers} do not match { date: "YYYYMMDD", week, isHoliday: true/false, description }.',
    badDate: 'Records {numbers} have a date that is not a real date written YYYYMMDD.',
    otherYear: '{count} records are not in {year}: {dates}.',
    duplicate: 'These dates appear more than once: {dates}.',
    missing: '{count} days are missing: {dates}.',
    more: '{shown} … {count} in all',
    badYear: 'The year must be a four-digit year from 1990 to 2200.',
  },
});

/** The years `calendar_years` accepts (its check constraint). */
export function isPlausibleCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1990 && year <= 2200;
}

export function calendarYearProblem(field: string, lang: Lang): FieldProblem {
  return { field, code: 'year', message: text(lang, 'badYear') };
}

function listed(items: readonly (string | number)[], lang: Lang): string {
  const separator = lang === 'zh-TW' ? '、' : ', ';
  const shown = items.slice(0, examplesShown).join(separator);
  return items.length <= examplesShown ? shown : text(lang, 'more', { shown, count: items.length });
}

/** 'YYYYMMDD' → 'YYYY-MM-DD'. */
export function isoOfCalendarDate(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}

function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let time = Date.UTC(year, 0, 1); new Date(time).getUTCFullYear() === year; time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10).replaceAll('-', ''));
  }
  return days;
}

function isRealCompactDate(date: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return (
    parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day
  );
}

export interface CheckedYearFile {
  /** The records, in date order, when there is no problem; empty otherwise. */
  days: CalendarDay[];
  /** Every problem of the file at once, each naming up to ten examples (field: `field`). */
  problems: FieldProblem[];
}

/**
 * Reads the text of a year file for `year`: JSON (a byte-order mark is ignored), an array of
 * `{ date: 'YYYYMMDD', week, isHoliday, description }`, every day of the year exactly once and no other.
 * Extra properties of a record are dropped. Problems name the records by number (1 = the first).
 */
export function checkCalendarYearFile(
  year: number,
  fileText: string,
  options: { lang: Lang; field: string },
): CheckedYearFile {
  const { lang, field } = options;
  const problem = (code: string, message: string): FieldProblem => ({ field, code, message });
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileText.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : '';
    return { days: [], problems: [problem('not_json', text(lang, 'notJson', { detail }))] };
  }
  if (!Array.isArray(parsed)) return { days: [], problems: [problem('not_array', text(lang, 'notArray'))] };

  const badRecords: number[] = [];
  const badDates: number[] = [];
  const otherYear: string[] = [];
  const seen = new Map<string, number>();
  const days: CalendarDay[] = [];
  parsed.forEach((record: unknown, index) => {
    const { date, week, isHoliday, description } =
      typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : {};
    if (
      typeof date !== 'string' ||
      typeof week !== 'string' ||
      typeof isHoliday !== 'boolean' ||
      typeof description !== 'string'
    ) {
      badRecords.push(index + 1);
      return;
    }
    if (!isRealCompactDate(date)) {
      badDates.push(index + 1);
      return;
    }
    if (Number(date.slice(0, 4)) !== year) {
      otherYear.push(isoOfCalendarDate(date));
      return;
    }
    seen.set(date, (seen.get(date) ?? 0) + 1);
    days.push({ date, week, isHoliday, description });
  });
  const duplicates = [...seen].filter(([, count]) => count > 1).map(([date]) => isoOfCalendarDate(date));
  const missing = daysOfYear(year)
    .filter((date) => !seen.has(date))
    .map(isoOfCalendarDate);

  const problems: FieldProblem[] = [];
  if (badRecords.length > 0)
    problems.push(problem('bad_record', text(lang, 'badRecord', { numbers: listed(badRecords, lang) })));
  if (badDates.length > 0)
    problems.push(problem('bad_date', text(lang, 'badDate', { numbers: listed(badDates, lang) })));
  if (otherYear.length > 0)
    problems.push(
      problem(
        'other_year',
        text(lang, 'otherYear', { count: otherYear.length, year, dates: listed(otherYear, lang) }),
      ),
    );
  if (duplicates.length > 0)
    problems.push(problem('duplicate_day', text(lang, 'duplicate', { dates: listed(duplicates, lang) })));
  if (missing.length > 0)
    problems.push(
      problem('missing_day', text(lang, 'missing', { count: missing.length, dates: listed(missing, lang) })),
    );
  if (problems.length > 0) return { days: [], problems };
  return { days: days.sort((a, b) => a.date.localeCompare(b.date)), problems };
}

export interface WorkingStatusChange {
  /** 'YYYY-MM-DD' */
  date: string;
  /** Closed (a holiday) in what is in force; null when no calendar of that year is in force. */
  wasHoliday: boolean | null;
  isHoliday: boolean;
  description: string;
}

export interface DescriptionChange {
  /** 'YYYY-MM-DD' */
  date: string;
  before: string;
  after: string;
}

export interface YearDifferences {
  /** Days whose working status the new file changes (none when no calendar of the year was in force). */
  statusChanges: WorkingStatusChange[];
  /** Days whose status stays but whose description (holiday name) changes. */
  descriptionChanges: DescriptionChange[];
  /** Whether the new file is exactly what is in force (status and descriptions). */
  isSame: boolean;
}

/**
 * What loading `next` changes against the year's days in force (`current`, null when the year has no
 * calendar yet): the days that change working status, and the descriptions that change. Overrides are not
 * part of either side: they stay in force on top of whichever file.
 */
export function diffCalendarYears(
  current: readonly CalendarDay[] | null,
  next: readonly CalendarDay[],
): YearDifferences {
  const before = new Map((current ?? []).map((day) => [day.date, day]));
  const statusChanges: WorkingStatusChange[] = [];
  const descriptionChanges: DescriptionChange[] = [];
  for (const day of next) {
    const old = before.get(day.date);
    const date = isoOfCalendarDate(day.date);
    if (old === undefined) {
      if (current !== null)
        statusChanges.push({
          date,
          wasHoliday: null,
          isHoliday: day.isHoliday,
          description: day.description,
        });
      continue;
    }
    if (old.isHoliday !== day.isHoliday)
      statusChanges.push({
        date,
        wasHoliday: old.isHoliday,
        isHoliday: day.isHoliday,
        description: day.description,
      });
    else if (old.description.trim() !== day.description.trim())
      descriptionChanges.push({ date, before: old.description, after: day.description });
  }
  return {
    statusChanges,
    descriptionChanges,
    isSame: current !== null && statusChanges.length === 0 && descriptionChanges.length === 0,
  };
}
