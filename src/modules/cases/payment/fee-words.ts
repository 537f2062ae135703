import type { Lang } from '../../../platform/web/i18n.ts';
import type { StoredFeeLine } from '../core/case-vocabulary.ts';

/**
 * A fee in words, the same on the case page, /track, the receipt and the e-mails (pure): NT$ with thousands
 * separators, and each line as "label: unit × quantity = amount" (a fixed fee: its amount alone).
 */

export function twd(amountTwd: number): string {
  return `NT$${amountTwd.toLocaleString('en-US')}`;
}

export function feeLineLabel(lang: Lang, line: StoredFeeLine): string {
  return lang === 'en' ? line.labelEn : line.labelZh;
}

export function feeLineText(lang: Lang, line: StoredFeeLine): string {
  const label = feeLineLabel(lang, line);
  if (line.quantity === 1 && line.unitAmountTwd === line.amountTwd)
    return `${label}${lang === 'en' ? ': ' : '：'}${twd(line.amountTwd)}`;
  return `${label}${lang === 'en' ? ': ' : '：'}${twd(line.unitAmountTwd)} × ${line.quantity} = ${twd(line.amountTwd)}`;
}

/** Whether a case owes its fee now: a fee, and not paid. */
export function owesFee(row: { feeAmountTwd: number; feePaidAt: Date | null }): boolean {
  return row.feeAmountTwd > 0 && row.feePaidAt === null;
}
