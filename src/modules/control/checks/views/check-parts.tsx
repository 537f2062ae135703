import type { Choice } from '../../../../platform/web/components/form-controls.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { type UnitNames, unitLabelIn, unitNameIn } from '../../shared/unit-names.ts';
import { type ActionState, type CheckView, checkKinds } from '../check-rules.ts';
import { checksText as text } from '../checks-messages.ts';

/** What the pages of checks show alike: a check's title, an action's state, the units and kinds to choose. */

/** 「電話禮貌測試：道路養護工程處，民國115年3月1日」 */
export function checkTitle(lang: Lang, check: CheckView, unitNames: UnitNames): string {
  return text(lang, 'checkTitle', {
    kind: text(lang, `kind_${check.kind}`),
    unit: unitNameIn(unitNames, check.unitCode, lang),
    date: formatPageDate(lang, check.checkDate),
  });
}

const stateTagClass: Record<ActionState, string> = {
  open: 'govuk-tag govuk-tag--blue',
  done: 'govuk-tag govuk-tag--green',
  overdue: 'govuk-tag govuk-tag--red',
};

export function StateTag({ lang, state }: { lang: Lang; state: ActionState }) {
  return <strong class={stateTagClass[state]}>{text(lang, `state_${state}`)}</strong>;
}

export function unitChoices(unitNames: UnitNames, lang: Lang): Choice[] {
  return [...unitNames.values()].map((unit) => ({
    value: unit.code,
    label: unitLabelIn(unitNames, unit.code, lang),
  }));
}

export function kindChoices(lang: Lang): Choice[] {
  return checkKinds.map((kind) => ({ value: kind, label: text(lang, `kind_${kind}`) }));
}
