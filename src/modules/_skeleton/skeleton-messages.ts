import { translator } from '../../platform/web/i18n.ts';

/** The skeleton's words: every key in both languages, or the compiler says which is missing. */
export const skeletonText = translator({
  'zh-TW': {
    title: '範例工作區',
    lead: '新模組從這裡開始：一個頁面、一張表單、一條規則。',
    areaLabel: '範例工作區：新模組的起點（開發用）',
    nameLabel: '名稱',
    nameHint: '例如：中正路人行道',
    daysLabel: '天數',
    daysHint: '1 到 30 天',
    noteLabel: '說明',
    submit: '送出',
    saved: '已收到，謝謝。',
    daysRange: '天數須為 1 到 30 的整數',
    invalid: '表單有問題，請依下列說明修正。',
  },
  en: {
    title: 'Example area',
    lead: 'A new module starts here: one page, one form, one rule.',
    areaLabel: 'Example area: where a new module starts (for developers)',
    nameLabel: 'Name',
    nameHint: 'For example: the pavement on Zhongzheng Road',
    daysLabel: 'Days',
    daysHint: '1 to 30 days',
    noteLabel: 'Note',
    submit: 'Send',
    saved: 'Received, thank you.',
    daysRange: 'The days must be a whole number from 1 to 30',
    invalid: 'There is a problem with the form; see each item below.',
  },
});
