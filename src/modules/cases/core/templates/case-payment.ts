import {
  date,
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { handledByRow, progressLine } from './case-letter-parts.ts';

/**
 * The fee's messages (issue 11 §3): asked for (繳費通知), paid (the receipt, 繳費收據) and refunded (退費通知).
 * Amounts arrive as text already written (NT$1,000) and each fee line as one sentence in the reader's
 * language (cases/payment/fee-words.ts).
 */

interface CaseFeeFacts {
  caseNumber: string;
  serviceName: string;
  /** The total, written: NT$5,000. */
  amount: string;
  /** One line per fee: "審查費：NT$1,000", "路面修復費（每平方公尺）：NT$1,600 × 2.5 = NT$4,000". */
  lines: string[];
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
}

export type CasePaymentRequestedData = CaseFeeFacts;

export interface CasePaymentReceivedData extends CaseFeeFacts {
  /** How it was paid, in words (現金, 線上付款 …). */
  method: string;
  receiptNumber: string;
  /** ISO date of the payment (Taipei). */
  paidOn: string;
}

export interface CasePaymentRefundedData {
  caseNumber: string;
  serviceName: string;
  amount: string;
  receiptNumber: string;
  reason: string;
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
}

const sampleZh: CaseFeeFacts = {
  caseNumber: '1150302-0042',
  serviceName: '道路挖掘許可',
  amount: 'NT$5,000',
  lines: ['審查費：NT$1,000', '路面修復費（每平方公尺）：NT$1,600 × 2.5 = NT$4,000'],
  unitName: '道路養護工程處',
  unitPhone: '07-3368333',
  trackingUrl: 'https://onewindow.example.tw/track?case=1150302-0042',
};
const sampleEn: CaseFeeFacts = {
  ...sampleZh,
  serviceName: 'Road excavation permit',
  lines: ['Review fee: NT$1,000', 'Reinstatement (per m²): NT$1,600 × 2.5 = NT$4,000'],
  unitName: 'Road Maintenance Office',
  trackingUrl: 'https://onewindow.example.tw/en/track?case=1150302-0042',
};

const numbered = (lines: string[]) => lines.map((line, index) => `${index + 1}. ${line}`).join('\n');

/** 繳費通知: the amount, its lines, and the two ways to pay; the deadline is paused until it is paid. */
export const casePaymentRequested: NotificationTemplate<CasePaymentRequestedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '繳費通知：案件須繳規費時寄給申請人，列出金額、明細與繳費方式（線上或臨櫃）。',
    en: 'Fee request: sent when the case owes a fee, with the amount, its lines and how to pay (online or at the counter).',
  },
  sample: { 'zh-TW': sampleZh, en: sampleEn },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `請繳納規費 ${data.amount}（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」案件須繳納規費，共 ${data.amount}：`,
        numbered(data.lines),
        `繳費方式：\n1. 線上繳費：開啟案件查詢頁，輸入案件編號與查詢碼後按「線上繳費」：\n${data.trackingUrl}\n2. 臨櫃繳費：攜帶案件編號至${data.unitName}服務台，以現金、信用卡或轉帳繳納。`,
        '繳費完成前處理期限暫停計算；繳費後我們會繼續審查，並寄送收據給您。',
        facts('zh-TW', [['案號', data.caseNumber], handledByRow('zh-TW', data)]),
      ]),
      sms: `工務局：案件${data.caseNumber}須繳規費${data.amount}，請至 ${data.trackingUrl} 線上繳費或臨櫃繳納。`,
    }),
    en: (data) => ({
      subject: subject('en', `Please pay the fee of ${data.amount} (case ${data.caseNumber})`),
      text: letter('en', [
        `Your case about “${data.serviceName}” owes a fee of ${data.amount}:`,
        numbered(data.lines),
        `How to pay:\n1. Online: open the case look-up, enter your case number and lookup code, and choose “Pay online”:\n${data.trackingUrl}\n2. At the counter: bring your case number to the ${data.unitName} counter and pay by cash, card or bank transfer.`,
        'The time limit is paused until the fee is paid; then we continue and send you a receipt.',
        facts('en', [['Case number', data.caseNumber], handledByRow('en', data)]),
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} owes a fee of ${data.amount}. Pay online at ${data.trackingUrl} or at the counter.`,
    }),
  },
};

/** 繳費收據: what was paid, how, the receipt number and the date. */
export const casePaymentReceived: NotificationTemplate<CasePaymentReceivedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '繳費收據：規費繳清時寄給申請人，列出明細、付款方式、收據號碼與日期。',
    en: 'Receipt: sent when the fee is paid, with its lines, the method, the receipt number and the date.',
  },
  sample: {
    'zh-TW': { ...sampleZh, method: '線上付款', receiptNumber: 'OW1150302-0042-1', paidOn: '2026-03-05' },
    en: { ...sampleEn, method: 'Online payment', receiptNumber: 'OW1150302-0042-1', paidOn: '2026-03-05' },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `繳費收據 ${data.receiptNumber}（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `已收到您「${data.serviceName}」案件的規費 ${data.amount}，明細如下：`,
        numbered(data.lines),
        facts('zh-TW', [
          ['收據號碼', data.receiptNumber],
          ['繳費日期', date('zh-TW', data.paidOn)],
          ['付款方式', data.method],
          ['金額', data.amount],
          ['案號', data.caseNumber],
          handledByRow('zh-TW', data),
        ]),
        '我們會繼續審查您的案件，處理期限自今日起恢復計算。',
        progressLine('zh-TW', data.trackingUrl),
      ]),
      sms: `工務局：已收到案件${data.caseNumber}規費${data.amount}，收據號碼${data.receiptNumber}。`,
    }),
    en: (data) => ({
      subject: subject('en', `Receipt ${data.receiptNumber} (case ${data.caseNumber})`),
      text: letter('en', [
        `We have received the fee of ${data.amount} for your case about “${data.serviceName}”:`,
        numbered(data.lines),
        facts('en', [
          ['Receipt number', data.receiptNumber],
          ['Paid on', date('en', data.paidOn)],
          ['Method', data.method],
          ['Amount', data.amount],
          ['Case number', data.caseNumber],
          handledByRow('en', data),
        ]),
        'We continue with your case; the time limit runs again from today.',
        progressLine('en', data.trackingUrl),
      ]),
      sms: `Public Works Bureau: fee of ${data.amount} received for case ${data.caseNumber}, receipt ${data.receiptNumber}.`,
    }),
  },
};

/** 退費通知: the fee of a rejected or withdrawn case is returned. */
export const casePaymentRefunded: NotificationTemplate<CasePaymentRefundedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '退費通知：已繳規費的案件被駁回或撤回後，退還規費時寄給申請人。',
    en: 'Refund: sent when the fee of a rejected or withdrawn case is returned.',
  },
  sample: {
    'zh-TW': {
      caseNumber: sampleZh.caseNumber,
      serviceName: sampleZh.serviceName,
      amount: sampleZh.amount,
      receiptNumber: 'OW1150302-0042-1',
      reason: '申請人撤回申請，依規定全額退還。',
      unitName: sampleZh.unitName,
      unitPhone: sampleZh.unitPhone,
      trackingUrl: sampleZh.trackingUrl,
    },
    en: {
      caseNumber: sampleEn.caseNumber,
      serviceName: sampleEn.serviceName,
      amount: sampleEn.amount,
      receiptNumber: 'OW1150302-0042-1',
      reason: 'The application was withdrawn; the fee is returned in full.',
      unitName: sampleEn.unitName,
      unitPhone: sampleEn.unitPhone,
      trackingUrl: sampleEn.trackingUrl,
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `規費退費通知（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您「${data.serviceName}」案件所繳的規費 ${data.amount}（收據號碼 ${data.receiptNumber}）已辦理退費。`,
        `退費原因：${data.reason}`,
        facts('zh-TW', [['案號', data.caseNumber], handledByRow('zh-TW', data)]),
        progressLine('zh-TW', data.trackingUrl),
      ]),
      sms: `工務局：案件${data.caseNumber}規費${data.amount}已辦理退費，詳情請洽${data.unitName} ${data.unitPhone}。`,
    }),
    en: (data) => ({
      subject: subject('en', `Your fee has been refunded (case ${data.caseNumber})`),
      text: letter('en', [
        `The fee of ${data.amount} you paid for your case about “${data.serviceName}” (receipt ${data.receiptNumber}) has been refunded.`,
        `Why: ${data.reason}`,
        facts('en', [['Case number', data.caseNumber], handledByRow('en', data)]),
        progressLine('en', data.trackingUrl),
      ]),
      sms: `Public Works Bureau: the fee of ${data.amount} for case ${data.caseNumber} has been refunded; call ${data.unitName} on ${data.unitPhone} with questions.`,
    }),
  },
};
