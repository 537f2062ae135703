import type { Lang } from './i18n.ts';

/**
 * How long someone must wait, as people say it: rounded to the nearest minute (907 s is "about 15
 * minutes", not 16), in hours from 90 minutes on, never "0". Used with 「約」/"about" in the message.
 */
export function waitText(lang: Lang, seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes >= 90) {
    const hours = Math.round(minutes / 60);
    return lang === 'en' ? `${hours} hours` : `${hours} 小時`;
  }
  if (lang === 'en') return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `${minutes} 分鐘`;
}
