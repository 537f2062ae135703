import type { Lang } from '../../platform/web/i18n.ts';
import type { Deadline } from './catalogue-schemas.ts';

/** A deadline in words: 「7 個工作天」 / "7 working days", 「4 小時內」 / "within 4 hours". */
export function deadlineText(deadline: Deadline, lang: Lang): string {
  if (deadline.kind === 'working_days') {
    if (lang === 'en') return deadline.days === 1 ? '1 working day' : `${deadline.days} working days`;
    return `${deadline.days} 個工作天`;
  }
  if (lang === 'en') return deadline.hours === 1 ? 'within 1 hour' : `within ${deadline.hours} hours`;
  return `${deadline.hours} 小時內`;
}

/** How the clock runs, for the start page (TAIWAN.md: from the day after receipt; hazards around the clock). */
export function deadlineExplanation(deadline: Deadline, lang: Lang): string {
  if (deadline.kind === 'working_days') {
    return lang === 'en'
      ? 'Counted in working days from the day after we receive everything needed; weekends, holidays and the time we wait for missing documents are not counted.'
      : '自收件之次日起以工作天計算，不含例假日；等待補正文件的期間不計入。';
  }
  return lang === 'en'
    ? 'Counted around the clock (24 hours a day, weekends and holidays included) from the time we receive the report.'
    : '自受理通報時起算，全天候 24 小時計算（含例假日）。';
}
