import {
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { handledByRow } from './case-letter-parts.ts';

export interface CaseRejectedData {
  caseNumber: string;
  serviceName: string;
  /** The reasons, as the handler wrote them for the applicant. */
  reason: string;
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
}

/** 不予受理／駁回通知: the request is not accepted, and why — never "closed". */
export const caseRejected: NotificationTemplate<CaseRejectedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '不予受理（駁回）通知：案件不予受理或申請駁回時寄給申請人，附理由。',
    en: 'Not accepted (rejected): sent to the applicant when the request is not accepted or the application is refused, with the reasons.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '道路挖掘許可',
      reason: '申請挖掘路段屬新建道路保固期間，依規定三年內不得挖掘。',
      unitName: '道路養護工程處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Road excavation permit',
      reason: 'The road was newly built and is under warranty: it may not be dug up for three years.',
      unitName: 'Road Maintenance Office',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `不予受理（駁回）通知（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `很抱歉，您的「${data.serviceName}」案件經審查不予受理（駁回），理由如下：`,
        data.reason,
        facts('zh-TW', [['案號', data.caseNumber], handledByRow('zh-TW', data)]),
        `如對本決定有疑問，請來電承辦單位，或在案件查詢頁查看完整紀錄：\n${data.trackingUrl}`,
      ]),
      sms: `工務局：案件${data.caseNumber}不予受理（駁回），理由已寄至您的電子郵件，也可至 ${data.trackingUrl} 查詢。`,
    }),
    en: (data) => ({
      subject: subject('en', `Your request was not accepted (case ${data.caseNumber})`),
      text: letter('en', [
        `We are sorry: your request about “${data.serviceName}” was not accepted (rejected), for these reasons:`,
        data.reason,
        facts('en', [['Case number', data.caseNumber], handledByRow('en', data)]),
        `If you have a question about this decision, call the unit, or see the full record on the tracking page:\n${data.trackingUrl}`,
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} was not accepted (rejected); the reasons are in your e-mail and at ${data.trackingUrl}.`,
    }),
  },
};
