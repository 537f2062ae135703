import { Type } from 'typebox';
import { isEmailFormatValid, normaliseEmail } from '../../platform/auth/staff-email.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { fieldLimits } from '../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../platform/web/components/read-form.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { citizenText as text } from './citizens-messages.ts';

/** The sign-in form: one field. */
export const signInForm = defineForm(
  Type.Object({ email: field.text({ maxLength: fieldLimits.email, isRequired: true }) }),
  { email: { 'zh-TW': text('zh-TW', 'emailLabel'), en: text('en', 'emailLabel') } },
);

/** The address as stored and compared (NFKC, trimmed, lower case), or a problem saying what is wrong. */
export function signInAddressOf(typed: string, lang: Lang): { email: string; problems: FieldProblem[] } {
  const email = normaliseEmail(typed);
  return isEmailFormatValid(email)
    ? { email, problems: [] }
    : { email, problems: [{ field: 'email', code: 'format', message: text(lang, 'emailInvalid') }] };
}
