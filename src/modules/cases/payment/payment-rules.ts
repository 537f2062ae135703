import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { paymentText } from './payment-messages.ts';
import { counterMethods } from './payment-vocabulary.ts';

/**
 * The counter payment's and the refund's own rules (pure, unit-tested): every problem at once, in the
 * user's language. The form kit reports a blank required field; these hold for any caller of the use case.
 */

/** A receipt number as printed on the bureau's receipts: letters, digits and hyphens, 3 to 40 of them. */
export const receiptNumberPattern = /^[A-Za-z0-9][A-Za-z0-9-]{1,38}[A-Za-z0-9]$/;

export function counterPaymentProblems(
  input: { method: string; receiptNumber: string },
  lang: Lang,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(counterMethods as readonly string[]).includes(input.method))
    problems.push({ field: 'method', code: 'required', message: paymentText(lang, 'methodRequired') });
  const receipt = input.receiptNumber.trim();
  if (receipt === '')
    problems.push({
      field: 'receiptNumber',
      code: 'required',
      message: paymentText(lang, 'receiptNumberRequired'),
    });
  else if (!receiptNumberPattern.test(receipt))
    problems.push({
      field: 'receiptNumber',
      code: 'invalid',
      message: paymentText(lang, 'receiptNumberInvalid'),
    });
  return problems;
}

export function refundProblems(input: { reason: string }, lang: Lang): FieldProblem[] {
  return input.reason.trim() === ''
    ? [{ field: 'reason', code: 'required', message: paymentText(lang, 'refundReasonRequired') }]
    : [];
}
