import {
  date,
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { dateRows, handledByRow, progressLine } from './case-letter-parts.ts';

export interface CaseAcceptedData {
  caseNumber: string;
  serviceName: string;
  /** The unit that took the case on (its handler's), with its phone. */
  unitName: string;
  unitPhone: string;
  /** ISO date, recomputed when the case was accepted; '' when the case has none. */
  expectedCompletionDate: string;
  trackingUrl: string;
}

/** 受理通知: the unit has taken the case on; who handles it and when it should be done. */
export const caseAccepted: NotificationTemplate<CaseAcceptedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '受理通知：承辦單位受理案件時寄給申請人，附承辦單位與預計完成日期。',
    en: 'Accepted: sent to the applicant when the unit takes the case on, with the unit and the expected date.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '道路挖掘許可',
      unitName: '道路養護工程處',
      unitPhone: '07-3368333',
      expectedCompletionDate: '2026-03-16',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Road excavation permit',
      unitName: 'Road Maintenance Office',
      unitPhone: '07-3368333',
      expectedCompletionDate: '2026-03-16',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `您的案件已受理（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」案件已由${data.unitName}受理，並指定承辦人處理。`,
        facts('zh-TW', [
          ['案號', data.caseNumber],
          handledByRow('zh-TW', data),
          ...dateRows('zh-TW', '預計完成日期', data.expectedCompletionDate),
        ]),
        progressLine('zh-TW', data.trackingUrl),
      ]),
      sms: `工務局：案件${data.caseNumber}已由${data.unitName}受理${data.expectedCompletionDate === '' ? '' : `，預計${date('zh-TW', data.expectedCompletionDate)}完成`}。進度：${data.trackingUrl}`,
    }),
    en: (data) => ({
      subject: subject('en', `Your case has been accepted (case ${data.caseNumber})`),
      text: letter('en', [
        `${data.unitName} has accepted your case about “${data.serviceName}” and named a case officer.`,
        facts('en', [
          ['Case number', data.caseNumber],
          handledByRow('en', data),
          ...dateRows('en', 'Expected completion date', data.expectedCompletionDate),
        ]),
        progressLine('en', data.trackingUrl),
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} accepted by ${data.unitName}${data.expectedCompletionDate === '' ? '' : `, expected by ${date('en', data.expectedCompletionDate)}`}. Track: ${data.trackingUrl}`,
    }),
  },
};
