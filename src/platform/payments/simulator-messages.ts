import { translator } from '../web/i18n.ts';

/** The simulated provider's page (模擬付款), zh-TW first: it must never be mistaken for a real payment. */
const zh = {
  title: '模擬付款（測試用）',
  caption: '模擬付款服務',
  warning: '這是模擬的付款頁面，僅供展示與測試：不會收取任何費用，也不會連到任何銀行或金流業者。',
  amount: '金額',
  description: '付款項目',
  reference: '付款編號',
  payButton: '模擬付款成功',
  cancelButton: '取消付款',
  invalidTitle: '付款要求無效',
  invalidText: '這個付款連結不完整或已被修改。請回到案件查詢頁重新按「線上繳費」。',
};

type SimulatorTextKey = keyof typeof zh;

const en: Record<SimulatorTextKey, string> = {
  title: 'Simulated payment (for testing)',
  caption: 'Payment simulator',
  warning:
    'This is a simulated payment page for demonstrations and tests: nothing is charged, and no bank or payment company is involved.',
  amount: 'Amount',
  description: 'Paying for',
  reference: 'Payment reference',
  payButton: 'Simulate a successful payment',
  cancelButton: 'Cancel the payment',
  invalidTitle: 'This payment request is not valid',
  invalidText:
    'The payment link is incomplete or has been changed. Go back to the case look-up and choose “Pay online” again.',
};

export const simulatorText = translator<SimulatorTextKey>({ 'zh-TW': zh, en });
