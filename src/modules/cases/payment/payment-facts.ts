import { and, desc, eq } from 'drizzle-orm';
import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { feeLineText, twd } from './fee-words.ts';
import { casePayments } from './payment-schema.ts';
import { methodName } from './payment-words.ts';

/**
 * What the case core asks of the payments (core/case-notices.ts, core/transition-effects.ts): the fee and the
 * payment a notice is about, and whether the case has a paid payment.
 */

export function feeFactsOf(lang: Lang, row: Pick<CaseRow, 'feeAmountTwd' | 'feeLines'>) {
  return { amount: twd(row.feeAmountTwd), lines: row.feeLines.map((line) => feeLineText(lang, line)) };
}

/** The case's payment in the given state (the latest): its receipt number, method and date. */
export async function paymentFactsOf(
  tx: Transaction,
  lang: Lang,
  caseId: string,
  state: 'paid' | 'refunded',
): Promise<{ method: string; receiptNumber: string; paidOn: string; amount: string }> {
  const [payment] = await tx
    .select()
    .from(casePayments)
    .where(and(eq(casePayments.caseId, caseId), eq(casePayments.state, state)))
    .orderBy(desc(casePayments.paidAt))
    .limit(1);
  if (payment === undefined) throw new Error(`case ${caseId}: no ${state} payment for its notice`);
  return {
    method: methodName(lang, payment.method),
    receiptNumber: payment.receiptNumber ?? '',
    paidOn: toTaipeiLocalDate(payment.paidAt ?? payment.createdAt),
    amount: twd(payment.amountTwd),
  };
}

/** Whether the case has a payment that is paid (set in the same transaction before `payment_received`). */
export async function hasPaidPayment(tx: Transaction, caseId: string): Promise<boolean> {
  const [payment] = await tx
    .select({ id: casePayments.id })
    .from(casePayments)
    .where(and(eq(casePayments.caseId, caseId), eq(casePayments.state, 'paid')))
    .limit(1);
  return payment !== undefined;
}
