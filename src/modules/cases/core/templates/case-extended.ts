import {
  date,
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { handledByRow, progressLine } from './case-letter-parts.ts';

export interface CaseExtendedData {
  caseNumber: string;
  serviceName: string;
  /** ISO date: the new expected completion date. */
  newDate: string;
  /** Why, as the supervisor approved it; written for the applicant. */
  reason: string;
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
}

/** 展延通知: a supervisor approved more time; the applicant is told the new date and why. */
export const caseExtended: NotificationTemplate<CaseExtendedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '展延通知：主管核准延長處理期限時寄給申請人，附新的預計完成日期與原因。',
    en: 'Extension: sent to the applicant when a supervisor approves more time, with the new date and the reason.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '道路挖掘許可',
      newDate: '2026-03-20',
      reason: '需會同管線單位現場會勘。',
      unitName: '道路養護工程處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Road excavation permit',
      newDate: '2026-03-20',
      reason: 'A joint site inspection with the utility companies is needed.',
      unitName: 'Road Maintenance Engineering Office',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `案件處理期限延長通知（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」案件需要較多時間辦理，預計完成日期延至${date('zh-TW', data.newDate)}。`,
        facts('zh-TW', [
          ['案號', data.caseNumber],
          ['新的預計完成日期', date('zh-TW', data.newDate)],
          ['延長原因', data.reason],
          handledByRow('zh-TW', data),
        ]),
        progressLine('zh-TW', data.trackingUrl),
      ]),
      sms: `工務局：案件${data.caseNumber}預計完成日期延至${date('zh-TW', data.newDate)}。原因：${data.reason}`,
    }),
    en: (data) => ({
      subject: subject('en', `More time is needed for your case (case ${data.caseNumber})`),
      text: letter('en', [
        `Your case about “${data.serviceName}” needs more time. The expected completion date is now ${date('en', data.newDate)}.`,
        facts('en', [
          ['Case number', data.caseNumber],
          ['New expected completion date', date('en', data.newDate)],
          ['Reason', data.reason],
          handledByRow('en', data),
        ]),
        progressLine('en', data.trackingUrl),
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} is now expected by ${date('en', data.newDate)}. Reason: ${data.reason}`,
    }),
  },
};
