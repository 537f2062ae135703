import { Type } from 'typebox';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { defineForm, field } from '../../platform/web/components/read-form.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { skeletonText as text } from './skeleton-messages.ts';

/** The form: what each field may hold, and its label in both languages (messages name the field by it). */
export const skeletonForm = defineForm(
  Type.Object({
    name: field.text({ maxLength: 100, isRequired: true }),
    days: field.text({ maxLength: 4, isRequired: true }),
    note: field.text({ maxLength: 2000 }),
  }),
  {
    name: { 'zh-TW': text('zh-TW', 'nameLabel'), en: text('en', 'nameLabel') },
    days: { 'zh-TW': text('zh-TW', 'daysLabel'), en: text('en', 'daysLabel') },
    note: { 'zh-TW': text('zh-TW', 'noteLabel'), en: text('en', 'noteLabel') },
  },
);

/** Full-width digits and spaces accepted, as people type them (UX.md); anything else is not a number. */
export function daysOf(typed: string): number {
  const compact = typed.normalize('NFKC').trim();
  return /^\d{1,4}$/.test(compact) ? Number(compact) : Number.NaN;
}

/** The rule beyond the fields: a pure function, so its unit test loads no database. */
export function skeletonProblems(values: { days: string }, lang: Lang): FieldProblem[] {
  const days = daysOf(values.days);
  return Number.isInteger(days) && days >= 1 && days <= 30
    ? []
    : [{ field: 'days', code: 'range', message: text(lang, 'daysRange') }];
}
