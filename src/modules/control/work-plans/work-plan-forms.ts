import { type Static, type TString, Type } from 'typebox';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import { wordsOf } from '../shared/control-forms.ts';
import { workPlanText } from './work-plan-messages.ts';
import type { WorkPlanRow } from './work-plan-reads.ts';
import {
  isBlank,
  maxComment,
  maxShortText,
  maxTargetSlots,
  maxText,
  type RowForm,
  type TargetForm,
  targetField,
  targetParts,
} from './work-plan-rules.ts';

/**
 * The work plans' forms: a method with its targets, the review actions (a send-back's or return's
 * comments), and the actions that carry nothing but the version the page was made from.
 */

const label = (key: Parameters<typeof workPlanText>[1], values?: Record<string, string | number>) =>
  wordsOf(workPlanText, key, values);

/** The version of the work plan the page was made from (a form made from an earlier one is refused). */
const version = field.text({ maxLength: 12 });

type TargetFieldName = `target-${number}-${keyof TargetForm}`;

const targetLabels: Record<keyof TargetForm, Parameters<typeof workPlanText>[1]> = {
  indicator: 'indicatorLabel',
  unitOfMeasure: 'measureUnitLabel',
  baseline: 'baselineLabel',
  target: 'targetLabel',
  measurement: 'measurementLabel',
};

const targetLimits: Record<keyof TargetForm, number> = {
  indicator: maxShortText,
  unitOfMeasure: maxShortText,
  baseline: 50,
  target: 50,
  measurement: maxText,
};

const slots = Array.from({ length: maxTargetSlots }, (_, index) => index + 1);
const targetFields = Object.fromEntries(
  slots.flatMap((n) =>
    targetParts.map((part) => [targetField(n, part), field.text({ maxLength: targetLimits[part] })]),
  ),
) as Record<TargetFieldName, TString>;
/** 「量化目標 2 指標」: a target's input named with its number, as readForm's messages say it. */
const targetFieldLabels = Object.fromEntries(
  slots.flatMap((n) =>
    targetParts.map((part) => {
      const words: Words = {
        'zh-TW': `${workPlanText('zh-TW', 'targetLegend', { n })} ${workPlanText('zh-TW', targetLabels[part])}`,
        en: `${workPlanText('en', 'targetLegend', { n })}: ${workPlanText('en', targetLabels[part])}`,
      };
      return [targetField(n, part), words];
    }),
  ),
) as Record<TargetFieldName, Words>;

/** A method (工作(推動)方法): its texts, the practices it carries out, and up to 20 targets. */
export const rowForm = defineForm(
  Type.Object({
    version,
    itemText: field.text({ maxLength: maxText }),
    focusText: field.text({ maxLength: maxText }),
    methodText: field.text({ maxLength: maxText }),
    remarks: field.text({ maxLength: maxText }),
    practiceIds: field.ticks({ maxItems: 200, maxLength: 36 }),
    ...targetFields,
  }),
  {
    version: label('versionLabel'),
    itemText: label('itemLabel'),
    focusText: label('focusLabel'),
    methodText: label('methodLabel'),
    remarks: label('remarksLabel'),
    practiceIds: label('practicesLegend'),
    ...targetFieldLabels,
  },
);

export type RowValues = Static<typeof rowForm.schema>;

/** The form's values as the use case reads them: the targets up to the last one used (problems keep their numbers). */
export function rowFormOf(values: RowValues): RowForm {
  const typed = values as Readonly<Record<string, unknown>>;
  const targets = slots.map(
    (n) =>
      Object.fromEntries(
        targetParts.map((part) => [part, String(typed[targetField(n, part)] ?? '')]),
      ) as unknown as TargetForm,
  );
  while (targets.length > 0 && isBlank(targets[targets.length - 1] as TargetForm)) targets.pop();
  return {
    itemText: values.itemText,
    focusText: values.focusText,
    methodText: values.methodText,
    remarks: values.remarks,
    practiceIds: values.practiceIds,
    targets,
  };
}

/** A method as its form (a new one: empty). */
export function rowFormOfRow(row: WorkPlanRow | null): RowForm {
  if (!row) return { itemText: '', focusText: '', methodText: '', remarks: '', practiceIds: [], targets: [] };
  return {
    itemText: row.itemText,
    focusText: row.focusText,
    methodText: row.methodText,
    remarks: row.remarks,
    practiceIds: [...row.practiceIds],
    targets: row.targets.map((target) => ({
      indicator: target.indicator,
      unitOfMeasure: target.unitOfMeasure,
      baseline: String(target.baseline),
      target: String(target.target),
      measurement: target.measurement,
    })),
  };
}

/** The review comments' inputs: 'comment-plan' for the whole plan, 'comment-<row id>' for a method. */
export const commentField = (rowId: string | null) => `comment-${rowId ?? 'plan'}`;

/**
 * The form of an action on a work plan: its version, and (to send back or return) a comment on the whole
 * plan and one on each of its methods.
 */
export function actionForm(rows: readonly Pick<WorkPlanRow, 'id' | 'methodText'>[]) {
  const comment = field.text({ maxLength: maxComment });
  const fields: Record<string, TString> = { version, [commentField(null)]: comment };
  const labels: Record<string, Words> = {
    version: label('versionLabel'),
    [commentField(null)]: label('commentWhole'),
  };
  for (const row of rows) {
    fields[commentField(row.id)] = comment;
    labels[commentField(row.id)] = label('commentOnRow', { method: row.methodText });
  }
  return defineForm(Type.Object(fields), labels);
}

/** A form that carries only the version the page was made from (removing a method). */
export const versionForm = defineForm(Type.Object({ version }), { version: label('versionLabel') });

/** A form without fields (starting the unit's work plan: its CSRF token is all it carries). */
export const startForm = defineForm(Type.Object({}), {});

/** The comments typed into an action's form: '' (the whole plan) or a row id → the text. */
export function commentsOf(values: Readonly<Record<string, string>>): Map<string, string> {
  const comments = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    if (!name.startsWith('comment-')) continue;
    const id = name.slice('comment-'.length);
    comments.set(id === 'plan' ? '' : id, value);
  }
  return comments;
}
