import {
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { handledByRow, progressLine } from './case-letter-parts.ts';

export interface CaseReopenedData {
  caseNumber: string;
  serviceName: string;
  /** Who asked: the applicant (from /track) or the unit's supervisor. */
  by: 'applicant' | 'unit';
  /** Why, as written by whoever reopened it. */
  reason: string;
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
}

/** 重新處理通知: a closed case is worked on again, at the applicant's request or the unit's. */
export const caseReopened: NotificationTemplate<CaseReopenedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '重新處理通知：已結案的案件因申請人或主管要求重新處理時寄給申請人，附理由。',
    en: 'Reopened: sent to the applicant when a closed case is worked on again, at their request or the unit’s, with the reason.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '路燈維修',
      by: 'applicant',
      reason: '路燈修好後隔天又不亮了。',
      unitName: '公園處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Street light repair',
      by: 'unit',
      reason: 'The answer did not cover the second lamp post.',
      unitName: 'Parks and Street Lights Office',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `您的案件已重新處理（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        data.by === 'applicant'
          ? `我們已收到您的要求，「${data.serviceName}」案件已重新處理，理由如下：`
          : `承辦單位已將您的「${data.serviceName}」案件重新處理，理由如下：`,
        data.reason,
        facts('zh-TW', [['案號', data.caseNumber], handledByRow('zh-TW', data)]),
        progressLine('zh-TW', data.trackingUrl),
      ]),
      sms: `工務局：案件${data.caseNumber}已重新處理。進度：${data.trackingUrl}`,
    }),
    en: (data) => ({
      subject: subject('en', `Your case has been reopened (case ${data.caseNumber})`),
      text: letter('en', [
        data.by === 'applicant'
          ? `As you asked, your case about “${data.serviceName}” has been reopened. Your reason:`
          : `The unit has reopened your case about “${data.serviceName}”. The reason:`,
        data.reason,
        facts('en', [['Case number', data.caseNumber], handledByRow('en', data)]),
        progressLine('en', data.trackingUrl),
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} has been reopened. Track: ${data.trackingUrl}`,
    }),
  },
};
