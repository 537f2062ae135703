import { date, letter, type NotificationTemplate, subject } from '../../../platform/notify/template-kit.ts';

export interface ApplicationResumeData {
  serviceName: string;
  /** The draft's own link (its secret is in it): opens the first page not completed. */
  resumeUrl: string;
  /** ISO date until which the draft is kept (30 days after its last save). */
  keptUntil: string;
}

/** 續填連結: sent once the applicant's contact is proven, so the application can be finished later. */
export const applicationResume: NotificationTemplate<ApplicationResumeData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '線上申辦續填連結：申請人第一次驗證聯絡方式後寄出；申請草稿保存 30 天，每次儲存重新起算。',
    en: 'Online application link: sent once the applicant first confirms their contact; a draft is kept for 30 days from its last save.',
  },
  sample: {
    'zh-TW': {
      serviceName: '道路挖掘許可',
      resumeUrl: 'https://onewindow.example.tw/apply/d/Q2x…',
      keptUntil: '2026-04-01',
    },
    en: {
      serviceName: 'Road excavation permit',
      resumeUrl: 'https://onewindow.example.tw/en/apply/d/Q2x…',
      keptUntil: '2026-04-01',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `繼續填寫您的「${data.serviceName}」申請`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」線上申請已經保存。需要中斷時，可以用下列連結回來繼續填寫：\n${data.resumeUrl}`,
        `申請草稿保存到 ${date('zh-TW', data.keptUntil)}，每次儲存後重新起算 30 天。連結等同您的申請資料，請不要轉寄給他人。`,
        '送出申請前，我們會再寄一次驗證碼確認是您本人。',
      ]),
      sms: `工務局：繼續填寫您的「${data.serviceName}」申請：${data.resumeUrl}`,
    }),
    en: (data) => ({
      subject: subject('en', `Finish your application for “${data.serviceName}”`),
      text: letter('en', [
        `Your online application for “${data.serviceName}” is saved. If you stop, this link brings you back to where you were:\n${data.resumeUrl}`,
        `It is kept until ${date('en', data.keptUntil)}, and for 30 days from each save. The link opens your application: do not pass it on.`,
        'Before you send the application, we send you a code once more to confirm it is you.',
      ]),
      sms: `Public Works Bureau: finish your application for “${data.serviceName}”: ${data.resumeUrl}`,
    }),
  },
};
