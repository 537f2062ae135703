import { Type } from 'typebox';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { defineForm, field } from '../../platform/web/components/read-form.ts';
import { maxHideReasonLength } from './crew-photos.ts';
import { maxNoteLength } from './report-fix.ts';

/**
 * The crews' forms and the reporter's "not fixed" form. The note and the reason are checked by the use
 * cases (with the photos, so every problem is listed at once); the forms only read and bound them.
 */

const version = { 'zh-TW': '版本', en: 'Version' } as const;

export const fixForm = defineForm(
  Type.Object({
    resolution: field.text({ maxLength: maxNoteLength * 2 }),
    version: field.text({ maxLength: 12 }),
  }),
  { resolution: { 'zh-TW': '處理情形', en: 'What was done' }, version },
);

export const notFixedForm = defineForm(
  Type.Object({ reason: field.text({ maxLength: maxNoteLength * 2 }) }),
  { reason: { 'zh-TW': '哪裡還沒修好', en: 'What is still wrong' } },
);

export const takeForm = defineForm(Type.Object({ version: field.text({ maxLength: 12 }) }), { version });

export const hideForm = defineForm(
  Type.Object({ reason: field.text({ maxLength: maxHideReasonLength, isRequired: true }) }),
  { reason: { 'zh-TW': '隱藏原因', en: 'Why hide it' } },
);

/** The version a form carried; anything else is 0, which no case has (the change is refused as stale). */
export function versionOf(value: string): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : 0;
}

/** A use case checks these fields itself: the form's own words about them would say it twice. */
export function withoutFields(problems: readonly FieldProblem[], fields: readonly string[]): FieldProblem[] {
  return problems.filter((problem) => !fields.includes(problem.field));
}
