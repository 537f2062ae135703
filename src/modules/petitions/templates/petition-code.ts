import { letter, type NotificationTemplate, subject } from '../../../platform/notify/template-kit.ts';

export interface PetitionCodeData {
  code: string;
  /** 局長信箱 or 意見信箱, in the reader's language. */
  boxName: string;
  minutes: number;
}

/** 驗證碼: proves the petitioner's e-mail address or mobile before a web petition is registered. */
export const petitionCode: NotificationTemplate<PetitionCodeData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '陳情驗證碼：民眾在局長信箱或意見信箱寫完陳情後寄出，證明聯絡方式是本人的（15 分鐘內有效）。',
    en: 'Petition code: sent when someone writes to the Director’s mailbox or the suggestion box, to prove the contact is theirs (works for 15 minutes).',
  },
  sample: {
    'zh-TW': { code: '482913', boxName: '局長信箱', minutes: 15 },
    en: { code: '482913', boxName: 'Director’s mailbox', minutes: 15 },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `您的陳情驗證碼：${data.code}`),
      text: letter('zh-TW', [
        `您在「${data.boxName}」寫了一件陳情。您的驗證碼是：${data.code}`,
        `請在 ${data.minutes} 分鐘內於陳情頁面輸入，輸入後才會登記。本局人員不會向您索取驗證碼。`,
        '如果您沒有寫信給我們，請忽略本信，不會有任何資料登記。',
      ]),
      sms: `工務局陳情驗證碼：${data.code}，${data.minutes} 分鐘內有效，請勿提供給他人。`,
    }),
    en: (data) => ({
      subject: subject('en', `Your petition code: ${data.code}`),
      text: letter('en', [
        `You wrote a petition on the “${data.boxName}” page. Your code is: ${data.code}`,
        `Enter it on the petition page within ${data.minutes} minutes; the petition is registered once you do. Bureau staff never ask for this code.`,
        'If you did not write to us, ignore this e-mail: nothing is registered.',
      ]),
      sms: `Public Works Bureau petition code: ${data.code}. It works for ${data.minutes} minutes; do not share it.`,
    }),
  },
};
