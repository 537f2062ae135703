import type { Lang } from '../../../platform/web/i18n.ts';
import type { PaymentMethod, PaymentState } from './payment-vocabulary.ts';

/** Payment methods and states in words (pure: pages, receipts and e-mails alike). */

const methodWords: Readonly<Record<PaymentMethod, { zh: string; en: string }>> = {
  cash: { zh: '現金', en: 'Cash' },
  card: { zh: '信用卡／金融卡', en: 'Card' },
  transfer: { zh: '轉帳', en: 'Bank transfer' },
  online: { zh: '線上付款', en: 'Online payment' },
};

const stateWords: Readonly<Record<PaymentState, { zh: string; en: string }>> = {
  pending: { zh: '等待付款結果', en: 'Waiting for the provider' },
  paid: { zh: '已付款', en: 'Paid' },
  failed: { zh: '未完成', en: 'Not completed' },
  refunded: { zh: '已退費', en: 'Refunded' },
};

export function methodName(lang: Lang, method: string): string {
  const words = methodWords[method as PaymentMethod];
  if (words === undefined) return method;
  return lang === 'en' ? words.en : words.zh;
}

export function paymentStateName(lang: Lang, state: string): string {
  const words = stateWords[state as PaymentState];
  if (words === undefined) return state;
  return lang === 'en' ? words.en : words.zh;
}
