import { date } from '../../../../platform/notify/template-kit.ts';
import type { Lang } from '../../../../platform/web/i18n.ts';

/** The pieces the letters about a case share, in the applicant's language. */

/** The fact row naming the unit that handles the case, with its phone. */
export function handledByRow(lang: Lang, data: { unitName: string; unitPhone: string }): [string, string] {
  return lang === 'en'
    ? ['Handled by', `${data.unitName} (phone ${data.unitPhone})`]
    : ['承辦單位', `${data.unitName}（電話 ${data.unitPhone}）`];
}

/** A fact row with a date (ISO), or none when the case has no such date (''). */
export function dateRows(lang: Lang, label: string, isoDate: string): [string, string][] {
  return isoDate === '' ? [] : [[label, date(lang, isoDate)]];
}

/** A letter's last line: where the applicant follows the case. */
export function progressLine(lang: Lang, trackingUrl: string): string {
  return lang === 'en' ? `Progress:\n${trackingUrl}` : `辦理進度：\n${trackingUrl}`;
}

/** Where a supplement may be delivered: the handling unit's counter, postal address and e-mail. */
export interface SupplementContact {
  address: string;
  hours: string;
  email: string;
  phone: string;
  /** False while these are placeholders not yet checked with the bureau (platform/reference/units.ts). */
  isContactVerified: boolean;
}

/**
 * How to deliver a supplement (issue 14): one line per way — online when the case offers it (a deficiency
 * notice was issued: cases/deficiency), at the counter with its hours, by post, by e-mail to the unit (not
 * a reply to the notice, which nobody reads) — each quoting the case number; and a caution while the
 * unit's contacts are not yet confirmed. The supplement e-mail and /track both say it with these words.
 */
export function supplementWays(
  lang: Lang,
  data: { caseNumber: string; isOnline: boolean; contact: SupplementContact },
): { lead: string; ways: string[]; caution: string | null } {
  const { caseNumber, contact } = data;
  if (lang === 'en')
    return {
      lead: `How to send them (quote case number ${caseNumber}):`,
      ways: [
        ...(data.isOnline
          ? ['Online: on the tracking page choose “Supplement online”, then upload or correct each item']
          : []),
        `At the counter: ${contact.address} (${contact.hours})`,
        `By post: ${contact.address} (write case number ${caseNumber} on the envelope)`,
        `By e-mail: to ${contact.email}, with case number ${caseNumber} in the subject (write a new message: replies to our notices are not read)`,
      ],
      caution: contact.isContactVerified
        ? null
        : `These address, e-mail and hours are still to be confirmed by the bureau: call ${contact.phone} before you send or come.`,
    };
  return {
    lead: `補正方式（請註明案號 ${caseNumber}）：`,
    ways: [
      ...(data.isOnline ? ['線上補正：在案件查詢頁點選「線上補正」，依各項目上傳文件或更正資料'] : []),
      `臨櫃送件：${contact.address}（${contact.hours}）`,
      `郵寄：${contact.address}（信封註明案號 ${caseNumber}）`,
      `電子郵件：寄至 ${contact.email}，主旨註明案號 ${caseNumber}（請另寫新郵件，系統通知信的回覆無人收閱）`,
    ],
    caution: contact.isContactVerified
      ? null
      : `上列地址、信箱與時間尚待本局確認；寄送或前往前，請先來電 ${contact.phone} 確認。`,
  };
}
