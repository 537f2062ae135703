import { type TString, Type } from 'typebox';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import { wordsOf } from '../shared/control-forms.ts';
import { progressText } from './progress-messages.ts';
import { maxNarrative, type ProgressForm, type TargetView } from './progress-rules.ts';

/** The progress pages' forms: a practice's entry for a period, the cadence, removing evidence. */

const label = (key: Parameters<typeof progressText>[1], values?: Record<string, string | number>) =>
  wordsOf(progressText, key, values);

/** The input of a target's measured value. */
export const valueField = (targetId: string) => `value-${targetId}`;

/**
 * A practice's entry: its status, narrative, the measured value of each of the unit's targets, links (its
 * files come through readMultipartForm). The status is checked by the rules, with their words.
 */
export function entryForm(
  targets: readonly Pick<TargetView, 'id' | 'indicator' | 'unitOfMeasure' | 'target'>[],
) {
  const fields: Record<string, TString> = {
    practiceId: field.text({ maxLength: 36 }),
    status: field.text({ maxLength: 20 }),
    narrative: field.text({ maxLength: maxNarrative }),
    links: field.text({ maxLength: 20_000 }),
  };
  const labels: Record<string, Words> = {
    practiceId: label('practice'),
    status: label('statusLabel'),
    narrative: label('narrativeLabel'),
    links: label('linksLabel'),
  };
  for (const target of targets) {
    fields[valueField(target.id)] = field.text({ maxLength: 50 });
    labels[valueField(target.id)] = label('valueLabel', {
      indicator: target.indicator,
      unit: target.unitOfMeasure,
      target: target.target,
    });
  }
  return defineForm(Type.Object(fields), labels);
}

/** An entry's form as the use case reads it. */
export function progressFormOf(values: Readonly<Record<string, string>>): ProgressForm {
  const measured: Record<string, string> = {};
  for (const [name, value] of Object.entries(values))
    if (name.startsWith('value-')) measured[name.slice('value-'.length)] = value;
  return {
    practiceId: values.practiceId ?? '',
    status: values.status ?? '',
    narrative: values.narrative ?? '',
    values: measured,
    links: values.links ?? '',
  };
}

/** The year's cadence: checked by the rules (both problems at once), so both fields are plain text here. */
export const settingsForm = defineForm(
  Type.Object({ cadence: field.text({ maxLength: 20 }), dueDay: field.text({ maxLength: 10 }) }),
  { cadence: label('cadenceLabel'), dueDay: label('dueDayLabel') },
);

/** A form without fields: removing a piece of evidence. */
export const removalForm = defineForm(Type.Object({}), {});
