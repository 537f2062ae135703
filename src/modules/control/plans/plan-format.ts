import type { Lang } from '../../../platform/web/i18n.ts';
import { listText } from '../shared/control-format.ts';
import { type UnitNames, unitNameIn } from '../shared/unit-names.ts';
import { plansText as text } from './plan-messages.ts';
import { chineseNumeral, type PlanPracticeContent } from './plan-types.ts';

/** A plan's units and clause labels in words, the same on the public and the staff pages. */

/** 「本局各單位暨所屬機關」, 「建築管理處（計畫原文：建管處）」, or 「計畫未列」. */
export function unitsText(
  practice: Pick<PlanPracticeContent, 'everyUnit' | 'unitCodes' | 'unitsAsPrinted'>,
  unitNames: UnitNames,
  lang: Lang,
): string {
  if (practice.everyUnit) return text(lang, 'everyUnit');
  if (practice.unitCodes.length === 0) return text(lang, 'noUnit');
  const joined = listText(
    lang,
    practice.unitCodes.map((code) => unitNameIn(unitNames, code, lang)),
  );
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
