import type { Lang } from '../../../../platform/web/i18n.ts';

/** The pieces the letters about a case share, in the applicant's language. */

/** The fact row naming the unit that handles the case, with its phone. */
export function handledByRow(lang: Lang, data: { unitName: string; unitPhone: string }): [string, string] {
  return lang === 'en'
    ? ['Handled by', `${data.unitName} (phone ${data.unitPhone})`]
    : ['承辦單位', `${data.unitName}（電話 ${data.unitPhone}）`];
}

/** A letter's last line: where the applicant follows the case. */
export function progressLine(lang: Lang, trackingUrl: string): string {
  return lang === 'en' ? `Progress:\n${trackingUrl}` : `辦理進度：\n${trackingUrl}`;
}
