import { Type } from 'typebox';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { staffEmailField } from '../../platform/web/components/email-field.ts';
import { fieldLimits } from '../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../platform/web/components/read-form.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { petitionAdminText as text } from './petition-admin-messages.ts';

const words = (key: Parameters<typeof text>[1]) => ({ 'zh-TW': text('zh-TW', key), en: text('en', key) });

/** A petition type's rules, as petition_types keeps them. */
export interface PetitionRules {
  outerLimitWorkingDays: number;
  needsAnswerApproval: boolean;
  isConfidential: boolean;
  isOnMailbox: boolean;
}

/** A service made a petition type without saying more: petition_types' defaults. */
export const defaultPetitionRules: PetitionRules = {
  outerLimitWorkingDays: 30,
  needsAnswerApproval: true,
  isConfidential: false,
  isOnMailbox: true,
};

/** The outer limit, in working days: the command (`--outer-limit`), the page and the use case share it. */
export const outerLimitBounds = { min: 1, max: 60 } as const;

export function isOuterLimit(days: number): boolean {
  return Number.isInteger(days) && days >= outerLimitBounds.min && days <= outerLimitBounds.max;
}

const yesNo = ['yes', 'no'] as const;

/** A type's page: the outer limit and three yes/no rules. */
export const petitionTypeForm = defineForm(
  Type.Object({
    outerLimit: field.text({ maxLength: fieldLimits.token, isRequired: true }),
    needsAnswerApproval: field.choice(yesNo, { isRequired: true }),
    isConfidential: field.choice(yesNo, { isRequired: true }),
    isOnMailbox: field.choice(yesNo, { isRequired: true }),
  }),
  {
    outerLimit: words('outerLimit'),
    needsAnswerApproval: words('needsAnswerApproval'),
    isConfidential: words('isConfidential'),
    isOnMailbox: words('isOnMailbox'),
  },
);

export interface PetitionTypeFormValues {
  outerLimit: string;
  needsAnswerApproval: 'yes' | 'no' | '';
  isConfidential: 'yes' | 'no' | '';
  isOnMailbox: 'yes' | 'no' | '';
}

/** The form's values from a type's rules (or the defaults, for a service not yet a type). */
export function typeFormValuesOf(rules: PetitionRules): PetitionTypeFormValues {
  return {
    outerLimit: String(rules.outerLimitWorkingDays),
    needsAnswerApproval: rules.needsAnswerApproval ? 'yes' : 'no',
    isConfidential: rules.isConfidential ? 'yes' : 'no',
    isOnMailbox: rules.isOnMailbox ? 'yes' : 'no',
  };
}

/** The outer limit as typed (full-width digits too), or NaN when it is no whole number. */
export function outerLimitOf(typed: string): number {
  const digits = typed.normalize('NFKC').trim();
  return /^\d{1,6}$/.test(digits) ? Number(digits) : Number.NaN;
}

/** The rules the form sets (a choice left empty is left as it is: readForm has already asked for it). */
export function typeChangeOf(values: PetitionTypeFormValues): Partial<PetitionRules> {
  const change: Partial<PetitionRules> = {};
  if (values.outerLimit !== '') change.outerLimitWorkingDays = outerLimitOf(values.outerLimit);
  if (values.needsAnswerApproval !== '') change.needsAnswerApproval = values.needsAnswerApproval === 'yes';
  if (values.isConfidential !== '') change.isConfidential = values.isConfidential === 'yes';
  if (values.isOnMailbox !== '') change.isOnMailbox = values.isOnMailbox === 'yes';
  return change;
}

/** The rules beyond the fields, pure: the outer limit a whole number of working days from 1 to 60. */
export function typeRuleProblems(change: Partial<PetitionRules>, lang: Lang): FieldProblem[] {
  const days = change.outerLimitWorkingDays;
  return days === undefined || isOuterLimit(days)
    ? []
    : [{ field: 'outerLimit', code: 'out_of_range', message: text(lang, 'outerLimitInvalid') }];
}

/** Designating an officer: a staff member's e-mail address. */
export const officerForm = defineForm(
  Type.Object({
    email: staffEmailField(words('emailInvalid')),
  }),
  { email: words('email') },
);

/** Ending a designation: a button, nothing typed. */
export const endDesignationForm = defineForm(Type.Object({}), {});
