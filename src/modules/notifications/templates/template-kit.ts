import { BUREAU } from '../../../platform/reference/units.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';

/** What a template produces: the e-mail (subject and plain text) and the short text of an SMS. */
export interface RenderedMessage {
  subject: string;
  text: string;
  /** One or two sentences: an SMS is read on a small screen and costs per 70 characters. */
  sms: string;
}

/**
 * One topic's message in both languages. Staff read these files (and /staff/notification-templates,
 * which renders each with its sample): keep the wording plain, one idea per paragraph.
 *
 * Data rules: names (service, unit, agency) arrive already in the recipient's language; dates arrive
 * as ISO dates (YYYY-MM-DD) and are written here as readers expect (民國 years in Chinese).
 */
export interface NotificationTemplate<Data> {
  /** Who receives it: the applicant, or staff (reminders). */
  audience: 'applicant' | 'staff';
  /** What it is for, shown on the templates page. */
  purpose: Record<Lang, string>;
  /** Filled-in example data for the templates page, per language (invented: no real person). */
  sample: Record<Lang, Data>;
  render: Record<Lang, (data: Data) => RenderedMessage>;
}

export function date(lang: Lang, isoDate: string): string {
  return formatPageDate(lang, isoDate);
}

export const bureauName: Record<Lang, string> = { 'zh-TW': BUREAU.nameZh, en: BUREAU.nameEn };

/** Subject prefix for citizens' mail: whom it is from, in the form Taiwanese agencies use. */
export function subject(lang: Lang, text: string): string {
  return lang === 'zh-TW' ? `【${BUREAU.nameZh}】${text}` : `${text} – ${BUREAU.nameEn}`;
}

/** Paragraphs joined by a blank line, the greeting first and the sign-off last. */
export function letter(
  lang: Lang,
  paragraphs: (string | null)[],
  options: { toStaff?: boolean } = {},
): string {
  const greeting = options.toStaff
    ? lang === 'zh-TW'
      ? '同仁您好：'
      : 'Hello,'
    : lang === 'zh-TW'
      ? '您好：'
      : 'Hello,';
  const signOff =
    lang === 'zh-TW'
      ? `${BUREAU.nameZh}\n本郵件由系統自動發送，請勿直接回覆。`
      : `${BUREAU.nameEn}\nThis message was sent automatically; please do not reply to it.`;
  return [greeting, ...paragraphs.filter((paragraph) => paragraph !== null), signOff].join('\n\n');
}

/** 'label：value' lines (Chinese full-width colon) / 'Label: value' lines. */
export function facts(lang: Lang, rows: [string, string][]): string {
  const separator = lang === 'zh-TW' ? '：' : ': ';
  return rows.map(([label, value]) => `${label}${separator}${value}`).join('\n');
}
