import { Type } from 'typebox';
import { staffProblemText } from '../../../platform/auth/auth-messages.ts';
import { maximumPasswordLength } from '../../../platform/auth/password.ts';
import { staffRoles } from '../../../platform/auth/principal.ts';
import { staffEmailField } from '../../../platform/web/components/email-field.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../../platform/web/components/read-form.ts';
import { staffAdminText as text } from './staff-admin-messages.ts';

const words = (key: Parameters<typeof text>[1]) => ({ 'zh-TW': text('zh-TW', key), en: text('en', key) });

/** The list's search box and filters (a GET form: read from the query with readForm). */
export const staffFilterForm = defineForm(
  Type.Object({
    q: field.text({ maxLength: fieldLimits.searchTerms }),
    role: field.choice(staffRoles),
    unit: field.text({ maxLength: fieldLimits.code }),
    active: field.choice(['yes', 'no'] as const),
    locked: field.choice(['yes', 'no'] as const),
    twoFactor: field.choice(['on', 'off'] as const),
  }),
  {
    q: words('searchLabel'),
    role: words('roleFilterLabel'),
    unit: words('unitFilterLabel'),
    active: words('activeFilterLabel'),
    locked: words('lockedFilterLabel'),
    twoFactor: words('twoFactorFilterLabel'),
  },
);

/** Inviting a colleague: the address, the name, the role and (for a unit's roles) the unit. */
export const inviteForm = defineForm(
  Type.Object({
    email: staffEmailField({
      'zh-TW': staffProblemText('zh-TW', 'email.invalid_format'),
      en: staffProblemText('en', 'email.invalid_format'),
    }),
    displayName: field.text({ maxLength: fieldLimits.personName, isRequired: true }),
    role: field.choice(staffRoles, { isRequired: true }),
    unitCode: field.text({ maxLength: fieldLimits.code }),
  }),
  {
    email: words('emailLabel'),
    displayName: words('displayNameLabel'),
    role: words('roleLabel'),
    unitCode: words('unitLabel'),
  },
);

/** A member's role and unit. */
export const roleForm = defineForm(
  Type.Object({
    role: field.choice(staffRoles, { isRequired: true }),
    unitCode: field.text({ maxLength: fieldLimits.code }),
  }),
  { role: words('roleLabel'), unitCode: words('unitLabel') },
);

/** A button that does one thing (deactivate, release a lockout …): the CSRF token is all it sends. */
export const buttonForm = defineForm(Type.Object({}), {});

/** The invited person's password, twice; kept exactly as typed (spaces count in a password). */
export const acceptForm = defineForm(
  Type.Object({
    password: field.text({ maxLength: maximumPasswordLength, isRequired: true, isTrimmed: false }),
    passwordAgain: field.text({ maxLength: maximumPasswordLength, isRequired: true, isTrimmed: false }),
  }),
  { password: words('passwordLabel'), passwordAgain: words('passwordAgainLabel') },
);
