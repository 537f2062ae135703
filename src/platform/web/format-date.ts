import type { Lang } from './i18n.ts';

/**
 * Page dates (更新日期) as readers expect them: 民國 years on Chinese pages, as Taiwanese government sites
 * write them (115年11月26日), and day-month-year in words on English pages (26 November 2026). Both come
 * from one ISO date, which is what the DC.Date metadata carries.
 */
export function formatPageDate(lang: Lang, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (lang === 'zh-TW') return `民國${year - 1911}年${month}月${day}日`;
  return `${day} ${englishMonthName(month)} ${year}`;
}

const englishMonthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "March" for 3. */
export function englishMonthName(month: number): string {
  const name = englishMonthNames[month - 1];
  if (name === undefined) throw new Error(`Not a month (1–12): ${month}`);
  return name;
}

const taipeiDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Taipei',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/*
 * Every date formatter is made once, here. Making an Intl.DateTimeFormat (which `toLocaleDateString` with
 * options also does, every call) costs about 150 µs and 26 KB of native memory that V8 frees only at a full
 * collection and glibc keeps: the plan page made several hundred per render, and 50 visitors took the app
 * from 300 MB to 2.6 GB in 20 s (issue 12). scripts/check-architecture.ts keeps them here.
 */
/** 西元 date and time in Asia/Taipei, ISO-like ('2026-03-02 10:00:00'): the staff pages' format. */
export function formatTaipeiDateTime(date: Date): string {
  return taipeiDateTime.format(date);
}

/** The ISO date ('2026-03-02') of a moment in Asia/Taipei. */
export function taipeiIsoDate(date: Date): string {
  return taipeiDateTime.format(date).slice(0, 10);
}

/** The time of day ('10:05', 24-hour) of a moment in Asia/Taipei. */
export function taipeiTimeOfDay(date: Date): string {
  return taipeiDateTime.format(date).slice(11, 16);
}

/** A moment as a page date and the time of day in Taipei: 「民國115年3月2日 10:00」 / "2 March 2026 10:00". */
export function formatPageDateTime(lang: Lang, date: Date): string {
  const taipei = formatTaipeiDateTime(date);
  return `${formatPageDate(lang, taipei.slice(0, 10))} ${taipei.slice(11, 16)}`;
}
