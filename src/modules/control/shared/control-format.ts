import {
  englishMonthName,
  formatPageDate,
  taipeiIsoDate as taipeiDate,
  taipeiTimeOfDay,
} from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { PracticeDeadline } from '../plans/plan-types.ts';
import { sharedText as text } from './shared-messages.ts';

/** Deadlines, lists, dates and times in words, the same on every page of management control. */

/** 「101年12月」 / "December 2012"; 「每日」 / "Every day"; 「計畫未訂」 / "None given". */
export function deadlineText(deadline: PracticeDeadline, lang: Lang): string {
  if (deadline.kind === 'daily') return text(lang, 'deadlineDaily');
  if (deadline.kind === 'none') return text(lang, 'deadlineNone');
  const monthName = englishMonthName(deadline.month);
  return text(lang, 'deadlineMonth', {
    rocYear: deadline.rocYear,
    month: deadline.month,
    year: deadline.rocYear + 1911,
    monthName,
  });
}

/**
 * A note after a text in brackets as each language writes them: 「示範秘書室（民國115年12月5日 10:00）」,
 * "Demo secretariat (5 December 2026 10:00)" — full-width brackets are Chinese punctuation, not English.
 */
export function withNote(lang: Lang, main: string, note: string): string {
  return lang === 'en' ? `${main} (${note})` : `${main}（${note}）`;
}

/** Names in a sentence: 「工務局、養護工程處」 / "Public Works, Road Maintenance". */
export function listText(lang: Lang, names: readonly string[]): string {
  return names.join(lang === 'en' ? ', ' : '、');
}

/** The ISO date of a moment in Taipei (DC.Date, 更新日期, "today" for deadlines). */
export function taipeiIsoDate(moment: Date): string {
  return taipeiDate(moment);
}

/** An ISO date some days later (or earlier, with a negative number). */
export function addDays(isoDate: string, days: number): string {
  const moment = new Date(`${isoDate}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

/** A date as pages show it (ADR 0006): 「民國115年3月2日」 / "2 March 2026". */
export function formatDate(lang: Lang, moment: Date): string {
  return formatPageDate(lang, taipeiIsoDate(moment));
}

/** A date and time in Taipei, for staff pages: 「民國115年3月2日 10:00」. */
export function formatDateTime(lang: Lang, moment: Date): string {
  return `${formatDate(lang, moment)} ${taipeiTimeOfDay(moment)}`;
}
