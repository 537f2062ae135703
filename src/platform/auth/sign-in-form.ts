import { Type } from 'typebox';
import { defineForm, field } from '../web/components/read-form.ts';
import { authText } from './auth-messages.ts';

/**
 * The sign-in forms, read with the forms kit: bounded text, unusable characters refused, answered on the page.
 * Missing fields and wrong credentials are the sign-in service's to say (it lists both missing fields at
 * once and never tells whether an account exists).
 */
export const signInForm = defineForm(
  Type.Object({
    email: field.text({ maxLength: 320 }),
    // A password is checked exactly as typed: spaces at either end are part of it.
    password: field.text({ maxLength: 1024, isTrimmed: false }),
  }),
  {
    email: { 'zh-TW': authText('zh-TW', 'emailLabel'), en: authText('en', 'emailLabel') },
    password: { 'zh-TW': authText('zh-TW', 'passwordLabel'), en: authText('en', 'passwordLabel') },
  },
);

/** The authenticator code, on the sign-in step and on the two-factor enrolment page. */
export const codeForm = defineForm(Type.Object({ code: field.text({ maxLength: 40 }) }), {
  code: { 'zh-TW': authText('zh-TW', 'codeLabel'), en: authText('en', 'codeLabel') },
});
