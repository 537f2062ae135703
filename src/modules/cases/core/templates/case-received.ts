import {
  date,
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { handledByRow } from './case-letter-parts.ts';

export interface CaseReceivedData {
  caseNumber: string;
  /** The secret that opens the tracking page together with the case number. */
  lookupCode: string;
  serviceName: string;
  unitName: string;
  unitPhone: string;
  /** ISO date. */
  expectedCompletionDate: string;
  trackingUrl: string;
}

/** 收件通知: sent when a case is received, at the counter or online. */
export const caseReceived: NotificationTemplate<CaseReceivedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '收件通知：案件成立時寄給申請人，附案號、查詢碼與預計完成日期。',
    en: 'Receipt: sent to the applicant when the case is opened, with the case number, lookup code and expected date.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      lookupCode: 'K7PM-Q3',
      serviceName: '路燈維修',
      unitName: '公園處',
      unitPhone: '07-3368333',
      expectedCompletionDate: '2026-03-05',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1150302-0042',
      lookupCode: 'K7PM-Q3',
      serviceName: 'Street light repair',
      unitName: 'Parks and Street Lights Office',
      unitPhone: '07-3368333',
      expectedCompletionDate: '2026-03-05',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `已收到您的申請（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `我們已收到您的「${data.serviceName}」申請，將由${data.unitName}辦理。`,
        facts('zh-TW', [
          ['案號', data.caseNumber],
          ['查詢碼', data.lookupCode],
          handledByRow('zh-TW', data),
          ['預計完成日期', date('zh-TW', data.expectedCompletionDate)],
        ]),
        `您可以隨時用案號與查詢碼查詢辦理進度：\n${data.trackingUrl}`,
        '查詢碼請自行保存，不要提供給他人。如有疑問，請來電承辦單位並告知案號。',
      ]),
      sms: `工務局已收到您的「${data.serviceName}」申請，案號${data.caseNumber}，預計${date('zh-TW', data.expectedCompletionDate)}完成。進度查詢：${data.trackingUrl}`,
    }),
    en: (data) => ({
      subject: subject('en', `We have received your application (case ${data.caseNumber})`),
      text: letter('en', [
        `We have received your application for “${data.serviceName}”. ${data.unitName} will handle it.`,
        facts('en', [
          ['Case number', data.caseNumber],
          ['Lookup code', data.lookupCode],
          handledByRow('en', data),
          ['Expected completion date', date('en', data.expectedCompletionDate)],
        ]),
        `You can check the progress at any time with the case number and lookup code:\n${data.trackingUrl}`,
        'Keep the lookup code to yourself. If you have a question, call the unit and give your case number.',
      ]),
      sms: `Public Works Bureau: we received your application for “${data.serviceName}”, case ${data.caseNumber}, expected by ${date('en', data.expectedCompletionDate)}. Track: ${data.trackingUrl}`,
    }),
  },
};
