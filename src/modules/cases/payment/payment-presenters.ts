import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { CaseRow } from '../core/case-actor.ts';
import type { CaseDetail } from '../core/case-queries.ts';
import { isRefundDue, type PaymentRow } from './payment-service.ts';
import type { FeeFacts } from './views/fee-parts.tsx';
import type { PaymentLine, ReceiptView } from './views/payment-pages.tsx';

/** What the fee's pages show, made from the rows (the views only lay it out). */

export function feeFactsOf(row: CaseRow): FeeFacts {
  return {
    caseNumber: row.caseNumber,
    state: row.state,
    feeAmountTwd: row.feeAmountTwd,
    feeLines: row.feeLines,
    feePaidOn: row.feePaidAt === null ? null : toTaipeiLocalDate(row.feePaidAt),
    feeRefundedOn: row.feeRefundedAt === null ? null : toTaipeiLocalDate(row.feeRefundedAt),
    status:
      row.feePaidAt === null
        ? 'owed'
        : row.feeRefundedAt !== null
          ? 'refunded'
          : isRefundDue(row)
            ? 'refund_due'
            : 'paid',
  };
}

export function paymentLinesOf(payments: readonly PaymentRow[]): PaymentLine[] {
  return payments.map((payment) => ({
    id: payment.id,
    createdOn: toTaipeiLocalDate(payment.createdAt),
    method: payment.method,
    state: payment.state,
    receiptNumber: payment.receiptNumber,
    amountTwd: payment.amountTwd,
  }));
}

export function receiptViewOf(
  lang: Lang,
  detail: CaseDetail,
  payment: PaymentRow,
  back: { href: string; text: string },
): ReceiptView {
  return {
    lang,
    caseNumber: detail.row.caseNumber,
    serviceName: lang === 'en' ? detail.serviceNameEn : detail.serviceNameZh,
    lines: detail.row.feeLines,
    amountTwd: payment.amountTwd,
    method: payment.method,
    receiptNumber: payment.receiptNumber ?? '',
    paidOn: toTaipeiLocalDate(payment.paidAt ?? payment.createdAt),
    refundedOn: payment.refundedAt === null ? null : toTaipeiLocalDate(payment.refundedAt),
    backHref: back.href,
    backText: back.text,
  };
}
