import type { Lang } from '../../../platform/web/i18n.ts';
import { workPlanText as text } from './work-plan-messages.ts';
import type { WorkPlanState } from './work-plan-schema.ts';

/** A work plan in words, the same on the staff and the public pages. */

export function stateText(lang: Lang, state: WorkPlanState | null): string {
  return state === null ? text(lang, 'stateNone') : text(lang, `state_${state}`);
}

/** 「道路養護工程處民國101年度提昇服務品質工作計畫」 */
export function workPlanTitle(
  lang: Lang,
  plan: { unitNameZh: string; unitNameEn: string; year: number; rocYear: number },
): string {
  return text(lang, 'planTitle', {
    unit: lang === 'en' ? plan.unitNameEn : plan.unitNameZh,
    rocYear: plan.rocYear,
    year: plan.year,
  });
}

/** A baseline or target as typed: whole numbers bare, others to at most four decimals. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}
