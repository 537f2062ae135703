import {
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { progressLine } from './case-letter-parts.ts';

export interface CaseTransferredData {
  caseNumber: string;
  serviceName: string;
  newUnitName: string;
  newUnitPhone: string;
  trackingUrl: string;
}

/** 改分通知: the case moved to another unit of the bureau. */
export const caseTransferred: NotificationTemplate<CaseTransferredData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '改分通知：案件改由局內其他單位辦理時寄給申請人，附新單位與電話。',
    en: 'Transfer: sent to the applicant when another unit of the bureau takes the case over, with its phone.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '人行道/騎樓破損',
      newUnitName: '新建工程處',
      newUnitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Damaged pavement or arcade',
      newUnitName: 'New Construction Office',
      newUnitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `您的案件已改由${data.newUnitName}辦理（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」案件已改由${data.newUnitName}辦理。案號與查詢碼不變。`,
        facts('zh-TW', [
          ['案號', data.caseNumber],
          ['承辦單位', data.newUnitName],
          ['聯絡電話', data.newUnitPhone],
        ]),
        progressLine('zh-TW', data.trackingUrl),
      ]),
      sms: `工務局：您的案件${data.caseNumber}已改由${data.newUnitName}辦理，電話${data.newUnitPhone}。`,
    }),
    en: (data) => ({
      subject: subject('en', `Your case is now handled by ${data.newUnitName} (case ${data.caseNumber})`),
      text: letter('en', [
        `Your case about “${data.serviceName}” has moved to ${data.newUnitName}. The case number and lookup code stay the same.`,
        facts('en', [
          ['Case number', data.caseNumber],
          ['Handled by', data.newUnitName],
          ['Phone', data.newUnitPhone],
        ]),
        progressLine('en', data.trackingUrl),
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} is now handled by ${data.newUnitName}, phone ${data.newUnitPhone}.`,
    }),
  },
};
