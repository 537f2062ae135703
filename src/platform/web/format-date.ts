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
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
  return `${day} ${monthName} ${year}`;
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

/** 西元 date and time in Asia/Taipei, ISO-like ('2026-03-02 10:00:00'): the staff pages' format. */
export function formatTaipeiDateTime(date: Date): string {
  return taipeiDateTime.format(date);
}

/** A moment as a page date and the time of day in Taipei: 「民國115年3月2日 10:00」 / "2 March 2026 10:00". */
export function formatPageDateTime(lang: Lang, date: Date): string {
  const taipei = formatTaipeiDateTime(date);
  return `${formatPageDate(lang, taipei.slice(0, 10))} ${taipei.slice(11, 16)}`;
}
