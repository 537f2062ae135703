import { translator } from '../../platform/web/i18n.ts';
import type { DeliveryState, NotificationChannel } from './notifications-schema.ts';

/** Every word of the outbox and templates pages, in both languages. */
export const notificationText = translator({
  'zh-TW': {
    outboxTitle: '通知寄送紀錄',
    outboxIntro: '系統寄出（或準備寄出）的每一封電子郵件與簡訊，最新的在最上面。收件人只顯示部分內容。',
    outboxNotConfigured:
      '尚未設定郵件伺服器（SMTP_URL），電子郵件不會寄出，而是保留在這裡（狀態「寄件匣」）。設定方式請見 docs/operations.md。',
    outboxEmpty: '目前沒有任何通知。',
    columnTime: '時間（臺北）',
    columnTopic: '主題',
    columnChannel: '方式',
    columnRecipient: '收件人',
    columnSubject: '主旨',
    columnState: '狀態',
    pageLabel: '第 {page} 頁',
    entryTitle: '通知內容',
    backToOutbox: '回通知寄送紀錄',
    rowRecipient: '收件人',
    rowTopic: '主題',
    rowChannel: '方式',
    rowLanguage: '語言',
    rowState: '狀態',
    rowAttempts: '嘗試次數',
    rowCreated: '建立時間',
    rowSent: '寄出時間',
    rowNextAttempt: '下次重試（最早）',
    rowLastError: '最近一次失敗原因',
    rowAbout: '通知事由（類別與系統編號）',
    rowSubject: '主旨',
    bodyHeading: '內文',
    notFound: '找不到這筆通知。',
    templatesTitle: '通知範本',
    templatesIntro:
      '系統寄給申請人與同仁的每一種通知，以範例資料填入後的樣子（中文與英文）。範本的原始檔在 src/modules/notifications/templates/。',
    templateAudienceApplicant: '收件人：申請人',
    templateAudienceStaff: '收件人：同仁',
    templateEmailHeading: '電子郵件',
    templateSmsHeading: '簡訊',
    templateTopicLabel: '主題代碼',
    languageZh: '中文',
    languageEn: '英文',
  },
  en: {
    outboxTitle: 'Notifications sent',
    outboxIntro:
      'Every e-mail and text message the system sent or is about to send, newest first. Recipients are partly hidden.',
    outboxNotConfigured:
      'No mail server is configured (SMTP_URL): e-mail is not sent but kept here (state “outbox”). See docs/operations.md to set one up.',
    outboxEmpty: 'There are no notifications yet.',
    columnTime: 'Time (Taipei)',
    columnTopic: 'Topic',
    columnChannel: 'Channel',
    columnRecipient: 'Recipient',
    columnSubject: 'Subject',
    columnState: 'State',
    pageLabel: 'Page {page}',
    entryTitle: 'Notification',
    backToOutbox: 'Back to notifications sent',
    rowRecipient: 'Recipient',
    rowTopic: 'Topic',
    rowChannel: 'Channel',
    rowLanguage: 'Language',
    rowState: 'State',
    rowAttempts: 'Attempts',
    rowCreated: 'Created',
    rowSent: 'Sent',
    rowNextAttempt: 'Next attempt (earliest)',
    rowLastError: 'Last failure',
    rowAbout: 'About (kind and system id)',
    rowSubject: 'Subject',
    bodyHeading: 'Text',
    notFound: 'There is no such notification.',
    templatesTitle: 'Notification templates',
    templatesIntro:
      'Every notification the system sends to applicants and staff, filled in with sample data, in Chinese and English. The templates themselves are in src/modules/notifications/templates/.',
    templateAudienceApplicant: 'To: the applicant',
    templateAudienceStaff: 'To: staff',
    templateEmailHeading: 'E-mail',
    templateSmsHeading: 'Text message (SMS)',
    templateTopicLabel: 'Topic code',
    languageZh: 'Chinese',
    languageEn: 'English',
  },
});

export type NotificationTextKey = Parameters<typeof notificationText>[1];

export const deliveryStateNames: Record<'zh-TW' | 'en', Record<DeliveryState, string>> = {
  'zh-TW': {
    queued: '等待寄送',
    sent: '已寄出',
    failed: '寄送失敗',
    outbox: '寄件匣（未寄出）',
    logged: '已記錄，未寄出',
  },
  en: {
    queued: 'Waiting',
    sent: 'Sent',
    failed: 'Failed',
    outbox: 'Outbox (not sent)',
    logged: 'Logged, not sent',
  },
};

export const channelNames: Record<'zh-TW' | 'en', Record<NotificationChannel, string>> = {
  'zh-TW': { email: '電子郵件', sms: '簡訊' },
  en: { email: 'E-mail', sms: 'SMS' },
};
