import { Type } from 'typebox';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { trackText } from './track-messages.ts';

/**
 * The public look-up's forms (the forms kit's `defineForm`) and their rules beyond the fields. Every form on
 * the result page sends the case number and lookup code again: each action re-checks them like a look-up.
 * What a number or a code must look like is track-access.ts's rule (the same for the page and the API).
 */

const words = (key: Parameters<typeof trackText>[1]): Words => ({
  'zh-TW': trackText('zh-TW', key),
  en: trackText('en', key),
});
const versionLabel: Words = { 'zh-TW': '案件版本', en: 'Case version' };

const applicantKey = {
  caseNumber: field.text({ maxLength: fieldLimits.caseNumber }),
  lookupCode: field.text({ maxLength: fieldLimits.code }),
};
const applicantKeyLabels = { caseNumber: words('caseNumberLabel'), lookupCode: words('lookupCodeLabel') };

export const trackForm = defineForm(Type.Object(applicantKey), applicantKeyLabels);

/** "E-mail me the link": the number alone. */
export const trackLinkForm = defineForm(Type.Object({ caseNumber: applicantKey.caseNumber }), {
  caseNumber: applicantKeyLabels.caseNumber,
});

export const withdrawForm = defineForm(
  Type.Object({
    ...applicantKey,
    version: field.text({ maxLength: fieldLimits.token }),
    confirm: field.tick(),
  }),
  { ...applicantKeyLabels, version: versionLabel, confirm: words('withdrawConfirm') },
);

export const reopenForm = defineForm(
  Type.Object({
    ...applicantKey,
    version: field.text({ maxLength: fieldLimits.token }),
    reason: field.text({ maxLength: fieldLimits.longText }),
  }),
  { ...applicantKeyLabels, version: versionLabel, reason: words('reopenReasonLabel') },
);

export const attachmentForm = defineForm(
  Type.Object({ ...applicantKey, attachmentId: field.text({ maxLength: fieldLimits.token }) }),
  { ...applicantKeyLabels, attachmentId: words('download') },
);

/** Withdrawing ends the case: the applicant ticks that they are sure. */
export function withdrawProblems(values: { confirm: boolean }, lang: Lang): FieldProblem[] {
  return values.confirm
    ? []
    : [{ field: 'confirm', code: 'required', message: trackText(lang, 'withdrawConfirmRequired') }];
}

/** A reopening says why: the case officer works from it. */
export function reopenProblems(values: { reason: string }, lang: Lang): FieldProblem[] {
  return values.reason === ''
    ? [{ field: 'reason', code: 'required', message: trackText(lang, 'reopenReasonRequired') }]
    : [];
}
