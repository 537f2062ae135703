import {
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';

export interface CaseTrackLinkData {
  caseNumber: string;
  /** The tracking address with the number, the code and the link token (opens even a guarded number). */
  trackingUrl: string;
}

/**
 * 查詢連結: sent when someone asks, on the look-up page, for the case's link to go to the e-mail address the
 * applicant gave (issue 13 §3): the way back in for an applicant whose number is guarded against guessing
 * and who has neither the receipt's QR code nor a browser that opened the case before.
 */
export const caseTrackLink: NotificationTemplate<CaseTrackLinkData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '查詢連結：有人在案件查詢頁要求寄送時，寄到申請時留的電子郵件（每案每日最多 3 封）。',
    en: 'Tracking link: sent to the e-mail address given with the case when someone asks for it on the look-up page (at most 3 a case a day).',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1151205-0042',
      trackingUrl:
        'https://onewindow.example.tw/track?case=1151205-0042&code=K7MX3Q9P&t=peNxXjramwaHv-9-FNGx4P',
    },
    en: {
      caseNumber: '1151205-0042',
      trackingUrl:
        'https://onewindow.example.tw/en/track?case=1151205-0042&code=K7MX3Q9P&t=peNxXjramwaHv-9-FNGx4P',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `案件 ${data.caseNumber} 的查詢連結`),
      text: letter('zh-TW', [
        '您（或他人）在案件查詢頁要求寄送這個案件的查詢連結。開啟下列連結即可查看辦理進度：',
        facts('zh-TW', [
          ['案件編號', data.caseNumber],
          ['查詢連結', data.trackingUrl],
        ]),
        '連結含有查詢碼，請勿轉寄給他人。如果不是您要求的，請忽略本信；您的案件資料並未外流。',
      ]),
      sms: `工務局案件 ${data.caseNumber} 查詢連結：${data.trackingUrl}`,
    }),
    en: (data) => ({
      subject: subject('en', `Tracking link for case ${data.caseNumber}`),
      text: letter('en', [
        'You (or someone else) asked on the look-up page for this case’s tracking link. Open it to see how your case is going:',
        facts('en', [
          ['Case number', data.caseNumber],
          ['Tracking link', data.trackingUrl],
        ]),
        'The link holds your lookup code: do not pass it on. If you did not ask for it, ignore this e-mail; nothing of your case was shown to anyone.',
      ]),
      sms: `Public Works Bureau case ${data.caseNumber} tracking link: ${data.trackingUrl}`,
    }),
  },
};
