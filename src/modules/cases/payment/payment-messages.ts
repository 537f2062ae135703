import { translator } from '../../../platform/web/i18n.ts';

/** Every sentence of the fee and its payment (issue 11 §3): staff pages, /track, the simulator's return, zh-TW first. */
const zh = {
  // Refusals inside the workflow (transition-effects.ts).
  noFeeOwed: '這個案件不需繳費或已繳清，無須通知繳費。',
  feeNotPaid: '規費尚未繳清，不能作成審查決定；請先通知繳費，待申請人繳費後再決定。',
  paymentNotRecorded: '請在「收費」頁記錄臨櫃收費（付款方式與收據號碼），案件會自動改為已繳費。',
};

type PaymentTextKey = keyof typeof zh;

const en: Record<PaymentTextKey, string> = {
  noFeeOwed: 'This case owes no fee, or it is already paid: there is nothing to ask for.',
  feeNotPaid:
    'The fee is not paid yet, so the case cannot be decided. Ask for the fee first and decide once it is paid.',
  paymentNotRecorded:
    'Record the counter payment (method and receipt number) on the payment page; the case then moves on by itself.',
};

export const paymentText = translator<PaymentTextKey>({ 'zh-TW': zh, en });
export type { PaymentTextKey };
