import {
  date,
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { dateRows, handledByRow, progressLine } from './case-letter-parts.ts';

export interface CaseSupplementReceivedData {
  caseNumber: string;
  serviceName: string;
  unitName: string;
  unitPhone: string;
  /** ISO date: the deadline runs again from today, so the date moves by the days it waited; '' if none. */
  expectedCompletionDate: string;
  trackingUrl: string;
}

/** 補正完成: what was asked for is in; the clock runs again, with the new expected date. */
export const caseSupplementReceived: NotificationTemplate<CaseSupplementReceivedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '補正完成通知：收到補正資料、處理期限恢復計算時寄給申請人，附新的預計完成日期。',
    en: 'Supplement received: sent to the applicant when what was asked for is in and the deadline runs again, with the new expected date.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '建築工程開工申報',
      unitName: '建築管理處',
      unitPhone: '07-3368333',
      expectedCompletionDate: '2026-03-20',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Start-of-works filing',
      unitName: 'Building Management Office',
      unitPhone: '07-3368333',
      expectedCompletionDate: '2026-03-20',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `已收到您的補正資料（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」案件補正資料已收齊，處理期限自今日起恢復計算。`,
        facts('zh-TW', [
          ['案號', data.caseNumber],
          handledByRow('zh-TW', data),
          ...dateRows('zh-TW', '新的預計完成日期', data.expectedCompletionDate),
        ]),
        progressLine('zh-TW', data.trackingUrl),
      ]),
      sms: `工務局：案件${data.caseNumber}已收到補正資料，處理期限恢復計算${data.expectedCompletionDate === '' ? '' : `，預計${date('zh-TW', data.expectedCompletionDate)}完成`}。進度：${data.trackingUrl}`,
    }),
    en: (data) => ({
      subject: subject('en', `We have received the information we asked for (case ${data.caseNumber})`),
      text: letter('en', [
        `We have everything we asked for on your case about “${data.serviceName}”. The deadline runs again from today.`,
        facts('en', [
          ['Case number', data.caseNumber],
          handledByRow('en', data),
          ...dateRows('en', 'New expected completion date', data.expectedCompletionDate),
        ]),
        progressLine('en', data.trackingUrl),
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber}: information received, the deadline runs again${data.expectedCompletionDate === '' ? '' : `; expected by ${date('en', data.expectedCompletionDate)}`}. Track: ${data.trackingUrl}`,
    }),
  },
};
