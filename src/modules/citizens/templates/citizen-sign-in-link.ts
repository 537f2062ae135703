import { letter, type NotificationTemplate, subject } from '../../../platform/notify/template-kit.ts';

export interface CitizenSignInLinkData {
  /** The link with its one-use secret: opens a page with a "Sign in" button. */
  signInUrl: string;
  /** Minutes the link works for. */
  minutes: number;
}

/** 登入連結: the optional citizen account's sign-in by e-mail (no password). */
export const citizenSignInLink: NotificationTemplate<CitizenSignInLinkData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '「我的案件」登入連結：民眾在登入頁填寫電子郵件後寄出，15 分鐘內有效，只能使用一次。',
    en: '“My cases” sign-in link: sent when someone enters their e-mail address on the sign-in page; works for 15 minutes, once.',
  },
  sample: {
    'zh-TW': { signInUrl: 'https://onewindow.example.tw/account/sign-in/Q2x…', minutes: 15 },
    en: { signInUrl: 'https://onewindow.example.tw/en/account/sign-in/Q2x…', minutes: 15 },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', '您的「我的案件」登入連結'),
      text: letter('zh-TW', [
        `請開啟下列連結，按下「登入」即可查看您的申請案件與草稿：\n${data.signInUrl}`,
        `連結 ${data.minutes} 分鐘內有效，只能使用一次。連結等同您的登入資格，請不要轉寄給他人。`,
        '如果您沒有要求登入，請忽略本信，不會有任何人因此登入。',
      ]),
      sms: `工務局「我的案件」登入連結（${data.minutes} 分鐘內有效）：${data.signInUrl}`,
    }),
    en: (data) => ({
      subject: subject('en', 'Your “My cases” sign-in link'),
      text: letter('en', [
        `Open this link and press “Sign in” to see your applications and drafts:\n${data.signInUrl}`,
        `It works for ${data.minutes} minutes, once. Anyone with the link can sign in as you: do not pass it on.`,
        'If you did not ask to sign in, ignore this e-mail: nobody is signed in by it.',
      ]),
      sms: `Public Works Bureau “My cases” sign-in link (works ${data.minutes} minutes): ${data.signInUrl}`,
    }),
  },
};
