import { letter, type NotificationTemplate, subject } from '../../../platform/notify/template-kit.ts';

export interface ReportConfirmData {
  caseNumber: string;
  serviceName: string;
  /** Opens the confirmation page (a form with one button: the link alone changes nothing). */
  confirmUrl: string;
  trackingUrl: string;
}

/** 確認信: a report from an e-mail address we have not seen goes on the public map once its owner confirms. */
export const reportConfirm: NotificationTemplate<ReportConfirmData> = {
  audience: 'applicant',
  // The confirmation link and where to follow the report (the case number comes after confirming).
  requiredVariables: ['confirmUrl', 'trackingUrl'],
  purpose: {
    'zh-TW': '通報確認信：首次以此電子郵件通報時寄出；確認後通報才會顯示在公開地圖上（案件已立即分派處理）。',
    en: 'Report confirmation: sent the first time an address reports; the report appears on the public map once confirmed (it is routed at once anyway).',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1151205-0042',
      serviceName: '道路坑洞',
      confirmUrl: 'https://onewindow.example.tw/report/confirm/Zx8…',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1151205-0042',
      serviceName: 'Pothole',
      confirmUrl: 'https://onewindow.example.tw/en/report/confirm/Zx8…',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `請確認您的通報（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `我們已收到您的「${data.serviceName}」通報，並已分派承辦單位處理。`,
        `請點選下列連結確認這是您送出的通報，確認後通報會顯示在公開的通報地圖上（不會顯示您的電子郵件或電話）：\n${data.confirmUrl}`,
        `若您沒有送出這份通報，請忽略本信，通報不會公開。查詢處理進度：\n${data.trackingUrl}`,
      ]),
      sms: `工務局：請確認您的通報（案號${data.caseNumber}）：${data.confirmUrl}`,
    }),
    en: (data) => ({
      subject: subject('en', `Please confirm your report (case ${data.caseNumber})`),
      text: letter('en', [
        `We have your report of “${data.serviceName}” and have passed it to the unit responsible.`,
        `Please open this link to confirm you sent it; the report then appears on the public map of reports (your e-mail and phone are never shown):\n${data.confirmUrl}`,
        `If you did not send this report, ignore this e-mail and it stays off the map. Follow its progress:\n${data.trackingUrl}`,
      ]),
      sms: `Public Works Bureau: please confirm your report (case ${data.caseNumber}): ${data.confirmUrl}`,
    }),
  },
};
