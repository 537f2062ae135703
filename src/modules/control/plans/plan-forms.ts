import { type Static, Type } from 'typebox';
import { defineForm, field } from '../../../platform/web/components/read-form.ts';
import { wordsOf } from '../shared/control-forms.ts';
import { type PlansTextKey, plansText } from './plan-messages.ts';
import { type HeaderForm, type ItemForm, limits, type StrategyForm } from './plan-rules.ts';
import {
  deadlineKinds,
  type PlanItem,
  type PlanPractice,
  type PlanSnapshot,
  type PlanStrategy,
} from './plan-types.ts';

/**
 * The plan editors' forms: what each field may hold and its label (the error summary names the field by
 * it), and each form's values for an entry that exists. The rules beyond the fields are in plan-rules.ts.
 */

const label = (key: PlansTextKey) => wordsOf(plansText, key);

/** A number as typed: 「三」, 「(三)」, 3 or ３ (plan-rules.ts reads it). */
const number = field.text({ maxLength: 10 });
const reason = field.text({ maxLength: limits.reason });
/** A list section: clauses one a line. */
const clauses = field.text({ maxLength: limits.section });
const english = field.text({ maxLength: limits.english });

export const headerForm = defineForm(
  Type.Object({
    title: field.text({ maxLength: limits.title }),
    titleEn: field.text({ maxLength: limits.shortText }),
    basis: clauses,
    goals: clauses,
    scope: field.text({ maxLength: limits.shortText }),
    contentIntro: field.text({ maxLength: limits.shortText }),
    steps: clauses,
    control: clauses,
    closing: clauses,
    summaryEnBasis: english,
    summaryEnGoals: english,
    summaryEnScope: english,
    summaryEnSteps: english,
    summaryEnControl: english,
    summaryEnClosing: english,
    reason,
  }),
  {
    title: label('planTitleLabel'),
    titleEn: label('planTitleEnLabel'),
    basis: label('basisLabel'),
    goals: label('goalsLabel'),
    scope: label('scopeLabel'),
    contentIntro: label('contentIntroLabel'),
    steps: label('stepsLabel'),
    control: label('controlLabel'),
    closing: label('closingFieldLabel'),
    summaryEnBasis: label('summaryEnBasisLabel'),
    summaryEnGoals: label('summaryEnGoalsLabel'),
    summaryEnScope: label('summaryEnScopeLabel'),
    summaryEnSteps: label('summaryEnStepsLabel'),
    summaryEnControl: label('summaryEnControlLabel'),
    summaryEnClosing: label('summaryEnClosingLabel'),
    reason: label('reasonLabel'),
  },
);

export const itemForm = defineForm(
  Type.Object({
    number,
    title: field.text({ maxLength: limits.title }),
    tableTitle: field.text({ maxLength: limits.title }),
    titleEn: field.text({ maxLength: limits.shortText }),
    reason,
  }),
  {
    number: label('numberLabel'),
    title: label('itemTitleLabel'),
    tableTitle: label('tableTitleLabel'),
    titleEn: label('titleEnLabel'),
    reason: label('reasonLabel'),
  },
);

export const strategyForm = defineForm(
  Type.Object({
    number,
    text: field.text({ maxLength: limits.text }),
    textEn: english,
    practicesSummaryEn: english,
    reason,
  }),
  {
    number: label('numberLabel'),
    text: label('strategyTextLabel'),
    textEn: label('textEnLabel'),
    practicesSummaryEn: label('practicesSummaryEnLabel'),
    reason: label('reasonLabel'),
  },
);

export const practiceForm = defineForm(
  Type.Object({
    number,
    text: field.text({ maxLength: limits.text }),
    parts: field.text({ maxLength: limits.parts * limits.clause }),
    deadlineKind: field.choice(deadlineKinds),
    deadlineRocYear: field.text({ maxLength: 10 }),
    deadlineMonth: field.text({ maxLength: 10 }),
    everyUnit: field.tick(),
    unitCodes: field.ticks({ maxItems: 200, maxLength: 60 }),
    reason,
  }),
  {
    number: label('numberLabel'),
    text: label('practiceTextLabel'),
    parts: label('partsLabel'),
    deadlineKind: label('deadlineLegend'),
    deadlineRocYear: label('deadlineRocYearLabel'),
    deadlineMonth: label('deadlineMonthLabel'),
    // A problem with the units (every unit and single ones ticked) is about the units as a whole.
    everyUnit: label('unitsLegend'),
    unitCodes: label('unitsLegend'),
    reason: label('reasonLabel'),
  },
);

/** The removal form under an entry's edit form: its reason is `removeReason`, as the edit form has its own. */
export const removalForm = defineForm(Type.Object({ confirm: field.tick(), removeReason: reason }), {
  confirm: label('removeHeading'),
  removeReason: label('reasonLabel'),
});

/** The use case calls the removal's reason `reason`. */
export const removalRenamed = { reason: 'removeReason' } as const;

export const copyForm = defineForm(
  Type.Object({ fromYear: field.text({ maxLength: 10 }), toYear: field.text({ maxLength: 10 }) }),
  { fromYear: label('fromYearLabel'), toYear: label('toYearLabel') },
);

/** A form without fields: publishing (its CSRF token is all it carries). */
export const publishForm = defineForm(Type.Object({}), {});

/** The plan's texts as their form. */
export function headerFormOfPlan(plan: PlanSnapshot): HeaderForm {
  const lines = (sentences: readonly string[]) => sentences.join('\n');
  return {
    title: plan.title,
    titleEn: plan.titleEn ?? '',
    basis: lines(plan.basis),
    goals: lines(plan.goals),
    scope: plan.scope,
    contentIntro: plan.contentIntro,
    steps: lines(plan.steps),
    control: lines(plan.control),
    closing: lines(plan.closing),
    summaryEnBasis: plan.summaryEn?.basis ?? '',
    summaryEnGoals: plan.summaryEn?.goals ?? '',
    summaryEnScope: plan.summaryEn?.scope ?? '',
    summaryEnSteps: plan.summaryEn?.steps ?? '',
    summaryEnControl: plan.summaryEn?.control ?? '',
    summaryEnClosing: plan.summaryEn?.closing ?? '',
    reason: '',
  };
}

/** An item as its form; a new one gets the next number. */
export function itemFormOfItem(item: PlanItem | null, nextNumber: number): ItemForm {
  return {
    number: item ? item.label.replace(/、$/, '') : String(nextNumber),
    title: item?.title ?? '',
    tableTitle: item?.tableTitle ?? '',
    titleEn: item?.titleEn ?? '',
    reason: '',
  };
}

/** A strategy as its form; a new one gets the next number. */
export function strategyFormOfStrategy(strategy: PlanStrategy | null, nextNumber: number): StrategyForm {
  return {
    number: strategy ? strategy.label.replace(/^[(（]|[)）]$/g, '') : String(nextNumber),
    text: strategy?.text ?? '',
    textEn: strategy?.textEn ?? '',
    practicesSummaryEn: strategy?.practicesSummaryEn ?? '',
    reason: '',
  };
}

/** A practice as its form; a new one starts as the plan's usual case: December of its year, every unit. */
export function practiceFormOfPractice(
  practice: PlanPractice | null,
  planRocYear: number,
  nextNumber: number,
): Static<typeof practiceForm.schema> {
  if (practice === null)
    return {
      number: String(nextNumber),
      text: '',
      parts: '',
      deadlineKind: 'month',
      deadlineRocYear: String(planRocYear),
      deadlineMonth: '12',
      everyUnit: true,
      unitCodes: [],
      reason: '',
    };
  const deadline = practice.deadline;
  return {
    number: practice.label === '' ? '' : String(practice.ordinal),
    text: practice.text,
    parts: practice.parts.map((part) => `${part.label} ${part.text}`).join('\n'),
    deadlineKind: deadline.kind,
    deadlineRocYear: deadline.kind === 'month' ? String(deadline.rocYear) : '',
    deadlineMonth: deadline.kind === 'month' ? String(deadline.month) : '',
    everyUnit: practice.everyUnit,
    unitCodes: [...practice.unitCodes],
    reason: '',
  };
}
