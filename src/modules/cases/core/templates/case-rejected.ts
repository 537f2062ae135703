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
  /**
   * What was not accepted, for what the applicant can do next: an application (a decision the applicant
   * may contest, or apply again once the reasons are put right) or a petition or report (raise it again).
   */
  kind: 'application' | 'request';
}

/** What the applicant can do after a rejection, one line each. */
function nextSteps(lang: 'zh-TW' | 'en', data: CaseRejectedData): string {
  if (lang === 'en')
    return [
      'What you can do:',
      data.kind === 'application'
        ? `- If the reasons can be put right (a document, a form), apply again with them, quoting case number ${data.caseNumber}.`
        : `- If the situation changes or the problem is still there, contact us again, quoting case number ${data.caseNumber}.`,
      `- If you think the decision is wrong, call ${data.unitName} on ${data.unitPhone} as soon as you can${data.kind === 'application' ? ': they will tell you how it can be reviewed (for a permit, an administrative appeal, 訴願, has a time limit)' : ''}.`,
    ].join('\n');
  return [
    '您可以：',
    data.kind === 'application'
      ? `・理由所述的文件或資料可以補齊時，備妥後重新申請，並註明本案號 ${data.caseNumber}。`
      : `・情況有變或問題仍在時，請再次陳情或通報，並註明本案號 ${data.caseNumber}。`,
    `・如認為本決定有誤，請儘速來電${data.unitName}（${data.unitPhone}）${data.kind === 'application' ? '，洽詢重新審查或提起訴願的方式與期限' : ''}。`,
  ].join('\n');
}

/**
 * 不予受理／駁回通知: the request is not accepted, why, and what the applicant can do — never "closed"
 * (issue 14: each outcome in its own words; closing, forwarding, withdrawing and merging have theirs).
 */
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
      kind: 'application',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Road excavation permit',
      reason: 'The road was newly built and is under warranty: it may not be dug up for three years.',
      unitName: 'Road Maintenance Office',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/en/track',
      kind: 'application',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `不予受理（駁回）通知（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `很抱歉，您的「${data.serviceName}」案件經審查不予受理（駁回），理由如下：`,
        data.reason,
        facts('zh-TW', [['案號', data.caseNumber], handledByRow('zh-TW', data)]),
        nextSteps('zh-TW', data),
        `案件的完整紀錄在案件查詢頁：\n${data.trackingUrl}`,
      ]),
      sms: `工務局：案件${data.caseNumber}不予受理（駁回），理由已寄至您的電子郵件，也可至 ${data.trackingUrl} 查詢。`,
    }),
    en: (data) => ({
      subject: subject('en', `Your request was not accepted (case ${data.caseNumber})`),
      text: letter('en', [
        `We are sorry: your request about “${data.serviceName}” was not accepted (rejected), for these reasons:`,
        data.reason,
        facts('en', [['Case number', data.caseNumber], handledByRow('en', data)]),
        nextSteps('en', data),
        `The full record is on the tracking page:\n${data.trackingUrl}`,
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} was not accepted (rejected); the reasons are in your e-mail and at ${data.trackingUrl}.`,
    }),
  },
};
