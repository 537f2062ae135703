import { Type } from 'typebox';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import { paymentText } from './payment-messages.ts';
import { counterMethods } from './payment-vocabulary.ts';

/** The fee's forms (the forms kit): the applicant's Pay and receipt (number + code), the counter payment, the refund. */

const words = (key: Parameters<typeof paymentText>[1]): Words => ({
  'zh-TW': paymentText('zh-TW', key),
  en: paymentText('en', key),
});
const versionLabel: Words = { 'zh-TW': '案件版本', en: 'Case version' };

export const applicantKeyForm = defineForm(
  Type.Object({
    caseNumber: field.text({ maxLength: fieldLimits.caseNumber }),
    lookupCode: field.text({ maxLength: fieldLimits.code }),
  }),
  { caseNumber: words('caseNumber'), lookupCode: words('lookupCode') },
);

export const counterPaymentForm = defineForm(
  Type.Object({
    version: field.text({ maxLength: 20 }),
    method: field.choice(counterMethods, { isRequired: true }),
    receiptNumber: field.text({ maxLength: 40, isRequired: true }),
  }),
  { version: versionLabel, method: words('methodLabel'), receiptNumber: words('receiptNumberLabel') },
);

export const refundForm = defineForm(
  Type.Object({
    version: field.text({ maxLength: 20 }),
    reason: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
  }),
  { version: versionLabel, reason: words('refundReasonLabel') },
);
