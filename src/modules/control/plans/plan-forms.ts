import { type Static, Type } from 'typebox';
import { defineForm, field } from '../../../platform/web/components/read-form.ts';
import { formOfFields } from '../shared/control-forms.ts';
import { plansText } from './plan-messages.ts';
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

/** A number as typed: 「三」, 「(三)」, 3 or ３ (plan-rules.ts reads it). */
const number = [field.text({ maxLength: 10 }), 'numberLabel'] as const;
/** The reason a published plan's every change needs. */
const reason = [field.text({ maxLength: limits.reason }), 'reasonLabel'] as const;
/** A list section: clauses one a line. */
const clauses = field.text({ maxLength: limits.section });
const english = field.text({ maxLength: limits.english });

export const headerForm = formOfFields(plansText, {
  title: [field.text({ maxLength: limits.title }), 'planTitleLabel'],
  titleEn: [field.text({ maxLength: limits.shortText }), 'planTitleEnLabel'],
  basis: [clauses, 'basisLabel'],
  goals: [clauses, 'goalsLabel'],
  scope: [field.text({ maxLength: limits.shortText }), 'scopeLabel'],
  contentIntro: [field.text({ maxLength: limits.shortText }), 'contentIntroLabel'],
  steps: [clauses, 'stepsLabel'],
  control: [clauses, 'controlLabel'],
  closing: [clauses, 'closingFieldLabel'],
  summaryEnBasis: [english, 'summaryEnBasisLabel'],
  summaryEnGoals: [english, 'summaryEnGoalsLabel'],
  summaryEnScope: [english, 'summaryEnScopeLabel'],
  summaryEnSteps: [english, 'summaryEnStepsLabel'],
  summaryEnControl: [english, 'summaryEnControlLabel'],
  summaryEnClosing: [english, 'summaryEnClosingLabel'],
  reason,
});

export const itemForm = formOfFields(plansText, {
  number,
  title: [field.text({ maxLength: limits.title }), 'itemTitleLabel'],
  tableTitle: [field.text({ maxLength: limits.title }), 'tableTitleLabel'],
  titleEn: [field.text({ maxLength: limits.shortText }), 'titleEnLabel'],
  reason,
});

export const strategyForm = formOfFields(plansText, {
  number,
  text: [field.text({ maxLength: limits.text }), 'strategyTextLabel'],
  textEn: [english, 'textEnLabel'],
  practicesSummaryEn: [english, 'practicesSummaryEnLabel'],
  reason,
});

export const practiceForm = formOfFields(plansText, {
  number,
  text: [field.text({ maxLength: limits.text }), 'practiceTextLabel'],
  parts: [field.text({ maxLength: limits.parts * limits.clause }), 'partsLabel'],
  deadlineKind: [field.choice(deadlineKinds), 'deadlineLegend'],
  deadlineRocYear: [field.text({ maxLength: 10 }), 'deadlineRocYearLabel'],
  deadlineMonth: [field.text({ maxLength: 10 }), 'deadlineMonthLabel'],
  // A problem with the units (every unit and single ones ticked) is about the units as a whole.
  everyUnit: [field.tick(), 'unitsLegend'],
  unitCodes: [field.ticks({ maxItems: 200, maxLength: 60 }), 'unitsLegend'],
  reason,
});

/** The removal form under an entry's edit form: its reason is `removeReason`, as the edit form has its own. */
export const removalForm = formOfFields(plansText, {
  confirm: [field.tick(), 'removeHeading'],
  removeReason: reason,
});

/** The use case calls the removal's reason `reason`. */
export const removalRenamed = { reason: 'removeReason' } as const;

export const copyForm = formOfFields(plansText, {
  fromYear: [field.text({ maxLength: 10 }), 'fromYearLabel'],
  toYear: [field.text({ maxLength: 10 }), 'toYearLabel'],
});

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
