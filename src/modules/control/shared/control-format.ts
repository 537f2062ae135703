import { formatPageDate } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { controlText as text } from '../plans/plan-messages.ts';
import { chineseNumeral, type PlanPracticeContent, type PracticeDeadline } from '../plans/plan-types.ts';

/** Plans in words: deadlines, units, clause labels and times, the same on every page. */

/** 「101年12月」 / "December 2012"; 「每日」 / "Every day"; 「計畫未訂」 / "None given". */
export function deadlineText(deadline: PracticeDeadline, lang: Lang): string {
  if (deadline.kind === 'daily') return text(lang, 'deadlineDaily');
  if (deadline.kind === 'none') return text(lang, 'deadlineNone');
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, deadline.month - 1, 1)),
  );
  return text(lang, 'deadlineMonth', {
    rocYear: deadline.rocYear,
    month: deadline.month,
    year: deadline.rocYear + 1911,
    monthName,
  });
}

export interface UnitName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** 「本局各單位暨所屬機關」, 「建築管理處（計畫原文：建管處）」, or 「計畫未列」. */
export function unitsText(
  practice: Pick<PlanPracticeContent, 'everyUnit' | 'unitCodes' | 'unitsAsPrinted'>,
  unitNames: ReadonlyMap<string, UnitName>,
  lang: Lang,
): string {
  if (practice.everyUnit) return text(lang, 'everyUnit');
  if (practice.unitCodes.length === 0) return text(lang, 'noUnit');
  const names = practice.unitCodes.map((code) => {
    const unit = unitNames.get(code);
    if (!unit) return code;
    return lang === 'en' ? unit.nameEn : unit.nameZh;
  });
  const joined = names.join(lang === 'en' ? ', ' : '、');
  // The printed abbreviation (「建管處」) is Chinese: the English pages leave it out.
  const printed = practice.unitsAsPrinted;
  return lang === 'zh-TW' && printed !== null && printed !== joined
    ? `${joined}${text(lang, 'printedAs', { text: printed })}`
    : joined;
}

/** The label of the n-th clause of a list section (0 → 「一、」). */
export function clauseLabel(index: number): string {
  return `${chineseNumeral(index + 1)}、`;
}

/** The ISO date of a moment in Taipei (DC.Date, 更新日期). */
export function taipeiIsoDate(moment: Date): string {
  return moment.toLocaleDateString('en-CA', { timeZone: 'Asia/Taipei' });
}

/** A date as pages show it (ADR 0006): 「民國115年3月2日」 / "2 March 2026". */
export function formatDate(lang: Lang, moment: Date): string {
  return formatPageDate(lang, taipeiIsoDate(moment));
}

/** A date and time in Taipei, for staff pages: 「民國115年3月2日 10:00」. */
export function formatDateTime(lang: Lang, moment: Date): string {
  const time = moment.toLocaleTimeString('en-GB', {
    timeZone: 'Asia/Taipei',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return `${formatDate(lang, moment)} ${time}`;
}
