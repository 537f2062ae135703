import { formatPageDate, formatTaipeiDateTime } from '../../../../platform/web/format-date.ts';
import type { Lang } from '../../../../platform/web/i18n.ts';

/**
 * Dates and times on the console (ADR 0006): 民國 years on Chinese pages, day-month-year on English
 * ones, always Asia/Taipei. Times are on a 24-hour clock.
 */

/** The date and the time of day of a moment in Taipei, from the staff pages' one formatter. */
function parts(date: Date): { isoDate: string; time: string } {
  const taipei = formatTaipeiDateTime(date); // '2026-03-02 10:00:00'
  return { isoDate: taipei.slice(0, 10), time: taipei.slice(11, 16) };
}

/** 'YYYY-MM-DD' of a moment in Taipei. */
export function taipeiIsoDate(date: Date): string {
  return parts(date).isoDate;
}

/** 民國115年3月2日 / 2 March 2026. */
export function formatDate(lang: Lang, date: Date | string): string {
  return formatPageDate(lang, typeof date === 'string' ? date : taipeiIsoDate(date));
}

/** 民國115年3月2日 10:00 / 2 March 2026, 10:00. */
export function formatDateTime(lang: Lang, date: Date): string {
  const { isoDate, time } = parts(date);
  const day = formatPageDate(lang, isoDate);
  return lang === 'en' ? `${day}, ${time}` : `${day} ${time}`;
}

/** A machine-readable value for <time datetime>. */
export function isoInstant(date: Date): string {
  return date.toISOString();
}

/** 1.2 MB / 340 KB / 12 bytes. */
export function formatBytes(lang: Lang, bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return lang === 'en' ? `${bytes} bytes` : `${bytes} 位元組`;
}
