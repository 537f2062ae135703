import { letter, type NotificationTemplate, subject } from '../../../platform/notify/template-kit.ts';

export interface ApplicationCodeData {
  /** The 6-digit one-time code. */
  code: string;
  serviceName: string;
  /** Minutes the code works for. */
  minutes: number;
}

/** 驗證碼: proves the applicant's e-mail address or mobile before an online application is sent. */
export const applicationCode: NotificationTemplate<ApplicationCodeData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '線上申辦驗證碼：申請人填寫電子郵件或手機後寄出，用來證明聯絡方式是本人的（10 分鐘內有效）。',
    en: 'Online application code: sent when the applicant gives an e-mail address or mobile, to prove it is theirs (works for 10 minutes).',
  },
  sample: {
    'zh-TW': { code: '482913', serviceName: '道路挖掘許可', minutes: 10 },
    en: { code: '482913', serviceName: 'Road excavation permit', minutes: 10 },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `您的驗證碼：${data.code}`),
      text: letter('zh-TW', [
        `您正在線上申請「${data.serviceName}」。您的驗證碼是：${data.code}`,
        `請在 ${data.minutes} 分鐘內於申請頁面輸入。本局人員不會向您索取驗證碼，請不要提供給他人。`,
        '如果您沒有申請，請忽略本信，不會有任何資料送出。',
      ]),
      sms: `工務局線上申辦驗證碼：${data.code}，${data.minutes} 分鐘內有效，請勿提供給他人。`,
    }),
    en: (data) => ({
      subject: subject('en', `Your code: ${data.code}`),
      text: letter('en', [
        `You are applying online for “${data.serviceName}”. Your code is: ${data.code}`,
        `Enter it on the application page within ${data.minutes} minutes. Bureau staff never ask for this code; do not give it to anyone.`,
        'If you did not apply, ignore this e-mail: nothing is sent.',
      ]),
      sms: `Public Works Bureau online application code: ${data.code}. It works for ${data.minutes} minutes; do not share it.`,
    }),
  },
};
