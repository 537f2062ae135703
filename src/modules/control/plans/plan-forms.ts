import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { ShownProblem } from '../shared/evidence-removal.tsx';
import { type ControlTextKey, controlText as text } from './plan-messages.ts';
import type { CopyForm, HeaderForm, ItemForm, PracticeForm, RemoveForm, StrategyForm } from './plan-rules.ts';
import type { PlanItem, PlanPractice, PlanSnapshot, PlanStrategy } from './plan-types.ts';

/** Between HTML forms and the service: what a body says, what an entry looks like as a form, problems as shown. */

export type FormBody = Readonly<Record<string, unknown>>;

/** One value of a body: a string, the first of a repeated name, or '' when absent. */
export function bodyValue(body: FormBody, name: string): string {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

/** Every value of a repeated name (checkboxes). */
export function bodyValues(body: FormBody, name: string): string[] {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string');
  return [];
}

const isTicked = (body: FormBody, name: string) => bodyValue(body, name) !== '';

export function headerFormOf(body: FormBody): HeaderForm {
  const value = (name: keyof HeaderForm) => bodyValue(body, name);
  return {
    title: value('title'),
    titleEn: value('titleEn'),
    basis: value('basis'),
    goals: value('goals'),
    scope: value('scope'),
    contentIntro: value('contentIntro'),
    steps: value('steps'),
    control: value('control'),
    closing: value('closing'),
    summaryEnBasis: value('summaryEnBasis'),
    summaryEnGoals: value('summaryEnGoals'),
    summaryEnScope: value('summaryEnScope'),
    summaryEnSteps: value('summaryEnSteps'),
    summaryEnControl: value('summaryEnControl'),
    summaryEnClosing: value('summaryEnClosing'),
    reason: value('reason'),
  };
}

export function headerFormOfPlan(plan: PlanSnapshot): HeaderForm {
  const lines = (clauses: readonly string[]) => clauses.join('\n');
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

export function itemFormOf(body: FormBody): ItemForm {
  return {
    number: bodyValue(body, 'number'),
    title: bodyValue(body, 'title'),
    tableTitle: bodyValue(body, 'tableTitle'),
    titleEn: bodyValue(body, 'titleEn'),
    reason: bodyValue(body, 'reason'),
  };
}

export function itemFormOfItem(item: PlanItem | null): ItemForm {
  return {
    number: item ? item.label.replace(/、$/, '') : '',
    title: item?.title ?? '',
    tableTitle: item?.tableTitle ?? '',
    titleEn: item?.titleEn ?? '',
    reason: '',
  };
}

export function strategyFormOf(body: FormBody): StrategyForm {
  return {
    number: bodyValue(body, 'number'),
    text: bodyValue(body, 'text'),
    textEn: bodyValue(body, 'textEn'),
    practicesSummaryEn: bodyValue(body, 'practicesSummaryEn'),
    reason: bodyValue(body, 'reason'),
  };
}

export function strategyFormOfStrategy(strategy: PlanStrategy | null): StrategyForm {
  return {
    number: strategy ? strategy.label.replace(/^[(（]|[)）]$/g, '') : '',
    text: strategy?.text ?? '',
    textEn: strategy?.textEn ?? '',
    practicesSummaryEn: strategy?.practicesSummaryEn ?? '',
    reason: '',
  };
}

export function practiceFormOf(body: FormBody): PracticeForm {
  return {
    number: bodyValue(body, 'number'),
    text: bodyValue(body, 'text'),
    parts: bodyValue(body, 'parts'),
    deadlineKind: bodyValue(body, 'deadlineKind'),
    deadlineRocYear: bodyValue(body, 'deadlineRocYear'),
    deadlineMonth: bodyValue(body, 'deadlineMonth'),
    everyUnit: isTicked(body, 'everyUnit'),
    unitCodes: bodyValues(body, 'unitCodes'),
    reason: bodyValue(body, 'reason'),
  };
}

/** A practice as its form; a new one starts as the plan's usual case: December of its year, every unit. */
export function practiceFormOfPractice(
  practice: PlanPractice | null,
  planRocYear: number,
  nextNumber: number,
): PracticeForm {
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

/** The removal form; its reason field is `removeReason`, as the edit form above it has its own. */
export function removeFormOf(body: FormBody): RemoveForm {
  return { confirm: isTicked(body, 'confirm'), reason: bodyValue(body, 'removeReason') };
}

export function copyFormOf(body: FormBody): CopyForm {
  return { fromYear: bodyValue(body, 'fromYear'), toYear: bodyValue(body, 'toYear') };
}

/** The label of each input, for the error summary's 「label：message」 lines. */
export const inputLabels = {
  header: {
    title: 'planTitleLabel',
    titleEn: 'planTitleEnLabel',
    basis: 'basisLabel',
    goals: 'goalsLabel',
    scope: 'scopeLabel',
    contentIntro: 'contentIntroLabel',
    steps: 'stepsLabel',
    control: 'controlLabel',
    closing: 'closingFieldLabel',
    summaryEnBasis: 'summaryEnBasisLabel',
    summaryEnGoals: 'summaryEnGoalsLabel',
    summaryEnScope: 'summaryEnScopeLabel',
    summaryEnSteps: 'summaryEnStepsLabel',
    summaryEnControl: 'summaryEnControlLabel',
    summaryEnClosing: 'summaryEnClosingLabel',
    reason: 'reasonLabel',
  },
  item: {
    number: 'numberLabel',
    title: 'itemTitleLabel',
    tableTitle: 'tableTitleLabel',
    titleEn: 'titleEnLabel',
    reason: 'reasonLabel',
  },
  strategy: {
    number: 'numberLabel',
    text: 'strategyTextLabel',
    textEn: 'textEnLabel',
    practicesSummaryEn: 'practicesSummaryEnLabel',
    reason: 'reasonLabel',
  },
  practice: {
    number: 'numberLabel',
    text: 'practiceTextLabel',
    parts: 'partsLabel',
    deadlineKind: 'deadlineLegend',
    deadlineRocYear: 'deadlineRocYearLabel',
    deadlineMonth: 'deadlineMonthLabel',
    everyUnit: 'unitsLegend',
    unitCodes: 'unitsLegend',
    reason: 'reasonLabel',
  },
  removal: { confirm: 'removeHeading', removeReason: 'reasonLabel' },
  copy: { fromYear: 'fromYearLabel', toYear: 'toYearLabel' },
} as const satisfies Record<string, Record<string, ControlTextKey>>;

/**
 * Problems as a page shows them: linked to the input they are about (`rename` maps a service field to the
 * page's input, e.g. the removal's reason), the summary line prefixed with the input's label.
 */
export function showProblems(
  problems: readonly FieldProblem[],
  labels: Readonly<Record<string, ControlTextKey>>,
  lang: Lang,
  rename: Readonly<Record<string, string>> = {},
): ShownProblem[] {
  const separator = lang === 'en' ? ': ' : '：';
  return problems.map((problem) => {
    const input = rename[problem.field] ?? problem.field;
    const labelKey = labels[input];
    return {
      input: input === '' ? 'main-content' : input,
      summary: labelKey ? `${text(lang, labelKey)}${separator}${problem.message}` : problem.message,
      message: problem.message,
    };
  });
}
